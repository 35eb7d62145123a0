// Offsets ⇄ LSP positions (0-based lines, UTF-16 characters). JavaScript strings are UTF-16,
// so a character is an index into the line. Line breaks are `\n`, `\r\n` and a lone `\r`.
import type { Position, Range } from '../types';

export class LineIndex {
	/** Offsets at which lines start, computed lazily: most callers only need the front matter's lines. */
	private readonly starts: number[] = [0];
	/** Where the scan for line starts stopped; everything before it is in `starts`. */
	private scanned = 0;
	/** The next `\n` and `\r` at or after where they were last looked for (the text's length: none). */
	private nextLf = -1;
	private nextCr = -1;

	constructor(readonly text: string) {}

	/** Offset at which each line starts (the whole text is scanned). */
	get lineStarts(): readonly number[] {
		this.scanTo(this.text.length);
		return this.starts;
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		this.scanTo(clamped);
		const starts = this.starts;
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle]! <= clamped) low = middle;
			else high = middle - 1;
		}
		return { line: low, character: clamped - starts[low]! };
	}

	offsetAt(position: Position): number {
		if (position.line < 0) return 0;
		this.scanToLine(position.line + 1);
		if (position.line >= this.starts.length) return this.text.length;
		const lineStart = this.starts[position.line]!;
		return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(position.line));
	}

	rangeAt(start: number, end: number): Range {
		return { start: this.positionAt(start), end: this.positionAt(end) };
	}

	/** Offset of the end of a line's content, before its line break. */
	lineEnd(line: number): number {
		this.scanToLine(line + 1);
		const lineStart = this.starts[line]!;
		let end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
		if (end > lineStart && this.text.charCodeAt(end - 1) === 10) end--;
		if (end > lineStart && this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	lineText(line: number): string {
		// lineEnd scans far enough for `starts[line]` to exist.
		const end = this.lineEnd(line);
		return this.text.slice(this.starts[line], end);
	}

	/** Records the line starts up to `offset` (and the line start just after it, if any). */
	private scanTo(offset: number): void {
		const text = this.text;
		const end = Math.min(offset + 1, text.length);
		let index = this.scanned;
		// indexOf finds the next line break natively, far faster than reading every character: a
		// hub rename checks a link deep in each of 66k notes. The next `\n` and `\r` are kept, so
		// a text with many of one and few of the other is still read once.
		while (index < end) {
			if (this.nextLf < index) this.nextLf = indexOrLength(text, '\n', index);
			if (this.nextCr < index) this.nextCr = indexOrLength(text, '\r', index);
			const lineBreak = Math.min(this.nextLf, this.nextCr);
			if (lineBreak >= end) {
				index = end;
				break;
			}
			index = lineBreak + (lineBreak === this.nextCr && text.charCodeAt(lineBreak + 1) === 10 ? 2 : 1);
			this.starts.push(index);
		}
		this.scanned = index;
	}

	/** Records line starts until `line` exists or the text ends. */
	private scanToLine(line: number): void {
		while (this.starts.length <= line && this.scanned < this.text.length) {
			this.scanTo(Math.min(this.text.length, this.scanned + 4096));
		}
	}
}

function indexOrLength(text: string, search: string, from: number): number {
	const found = text.indexOf(search, from);
	return found < 0 ? text.length : found;
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

/** The number of lines of a text, without building the line table. */
export function countLines(text: string): number {
	if (text.indexOf('\r') >= 0) return computeLineStarts(text).length;
	let count = 1;
	for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
	return count;
}
