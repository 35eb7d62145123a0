// The line around a backlink, as the backlinks view shows it: one line, trimmed to a readable
// width, with the link's place in it for highlighting.
import type { LineIndex, Range } from '../core';

export interface LineContext {
	readonly context: string;
	/** Where the link starts and ends inside `context` (UTF-16). */
	readonly contextStart: number;
	readonly contextEnd: number;
}

/** Characters of context; long lines are cut around the link and marked with `…`. */
const WIDTH = 120;

/**
 * The text of the line where `range` starts, white space trimmed, cut to about WIDTH characters
 * centred on the link (a link running past the line's end is highlighted to the end).
 */
export function lineContext(lines: LineIndex, range: Range): LineContext {
	const line = range.start.line < lines.lineCount ? lines.lineText(range.start.line) : '';
	const linkStart = Math.min(range.start.character, line.length);
	const linkEnd = range.end.line === range.start.line ? Math.min(range.end.character, line.length) : line.length;
	const leading = line.length - line.trimStart().length;
	const trailing = line.trimEnd().length;
	let from = Math.min(leading, linkStart);
	let to = Math.max(trailing, linkEnd);
	if (to - from > WIDTH) {
		const spare = Math.max(0, WIDTH - (linkEnd - linkStart));
		from = Math.max(from, linkStart - Math.floor(spare / 2));
		to = Math.min(to, Math.max(linkEnd, from + WIDTH));
		from = Math.max(Math.min(leading, linkStart), Math.min(from, to - WIDTH));
	}
	from = avoidSplitPair(line, from);
	to = avoidSplitPair(line, to);
	const head = from > leading ? '…' : '';
	const tail = to < trailing ? '…' : '';
	return {
		context: head + line.slice(from, to) + tail,
		contextStart: head.length + linkStart - from,
		contextEnd: head.length + linkEnd - from,
	};
}

/** Moves a cut off the middle of a surrogate pair (an emoji must not become two halves). */
function avoidSplitPair(line: string, index: number): number {
	const code = line.charCodeAt(index);
	const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
	return index > 0 && index < line.length && isLowSurrogate ? index - 1 : index;
}
