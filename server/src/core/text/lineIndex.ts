// Offsets ⇄ LSP positions (0-based lines, UTF-16 characters). JavaScript strings are UTF-16,
// so a character is an index into the line. Line breaks are `\n`, `\r\n` and a lone `\r`.
import type { Position, Range } from '../types';

export class LineIndex {
	/** Offset at which each line starts. */
	readonly lineStarts: readonly number[];

	constructor(readonly text: string) {
		this.lineStarts = computeLineStarts(text);
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.lineStarts[middle]! <= clamped) low = middle;
			else high = middle - 1;
		}
		return { line: low, character: clamped - this.lineStarts[low]! };
	}

	offsetAt(position: Position): number {
		if (position.line < 0) return 0;
		if (position.line >= this.lineStarts.length) return this.text.length;
		const lineStart = this.lineStarts[position.line]!;
		return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(position.line));
	}

	rangeAt(start: number, end: number): Range {
		return { start: this.positionAt(start), end: this.positionAt(end) };
	}

	/** Offset of the end of a line's content, before its line break. */
	lineEnd(line: number): number {
		const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
		let end = next;
		if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
		if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	lineText(line: number): string {
		return this.text.slice(this.lineStarts[line], this.lineEnd(line));
	}
}

export function computeLineStarts(text: string): number[] {
	const starts = [0];
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 13) {
			if (text.charCodeAt(index + 1) === 10) index++;
			starts.push(index + 1);
		} else if (code === 10) {
			starts.push(index + 1);
		}
	}
	return starts;
}
