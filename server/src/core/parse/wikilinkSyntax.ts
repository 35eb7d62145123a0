// The wikilink grammar of SPEC §2.1, on plain text: `[[target#fragment|label]]`, `![[…]]`.
import type { LineIndex } from '../text/lineIndex';
import type { Link } from '../types';
// Callers decide which parts of a document are text (the Markdown scanner skips code, HTML,
// comments and math; the front-matter reader passes YAML strings).

/** One `[[…]]` found in a string; offsets are UTF-16 indices into that string. */
export interface WikilinkMatch {
	/** Start of the link, at `!` for an embed. */
	readonly start: number;
	/** Just after the closing `]]`. */
	readonly end: number;
	readonly embed: boolean;
	/** Trimmed target; empty for `[[#Heading]]`. */
	readonly target: string;
	readonly targetStart: number;
	readonly targetEnd: number;
	/** Trimmed text after the first `#`, or undefined when there is none. */
	readonly fragment: string | undefined;
	/** Text after the first `|` (or `\|`), with `\|` read as `|`; undefined when there is no `|`. */
	readonly label: string | undefined;
}

/** A match as a `Link` of the document `lines` indexes (not yet placed in a topics section). */
export function wikilinkToLink(match: WikilinkMatch, lines: LineIndex, kind: 'wiki' | 'frontMatter'): Link {
	return {
		kind,
		embed: match.embed,
		range: lines.rangeAt(match.start, match.end),
		target: match.target,
		targetRange: lines.rangeAt(match.targetStart, match.targetEnd),
		fragment: match.fragment,
		label: match.label,
		inTopics: false,
	};
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const BACKSLASH = 92;
const PIPE = 124;
const HASH = 35;
const BANG = 33;

/** Calls `visit` for every wikilink that lies wholly inside `text[from, to)`, left to right. */
export function findWikilinks(text: string, from: number, to: number, visit: (match: WikilinkMatch) => void): void {
	let searchFrom = from;
	while (searchFrom < to) {
		const open = text.indexOf('[[', searchFrom);
		if (open < 0 || open + 4 > to) return;
		const close = findClose(text, open + 2, to);
		if (close < 0) {
			// No `]]` before the end of this line: no later opening on it can close either, so go on
			// from the line end (starting again after each opening is quadratic on `[[[[…`).
			searchFrom = -close;
			continue;
		}
		// `[[a [[b]]`: the innermost opening wins, so restart from the last `[[` before the close.
		const inner = text.lastIndexOf('[[', close - 1);
		const linkOpen = inner > open && inner + 2 <= close ? inner : open;
		const match = readWikilink(text, linkOpen, close, from);
		if (match) visit(match);
		searchFrom = close + 2;
	}
}

/**
 * The index of the `]]` that closes a link opened before `bodyStart`; when a newline or the end
 * comes first, minus the index where the search stopped (always negative: it is past `bodyStart`).
 */
function findClose(text: string, bodyStart: number, to: number): number {
	for (let index = bodyStart; index < to - 1; index++) {
		const code = text.charCodeAt(index);
		if (code === NEWLINE || code === CARRIAGE_RETURN) return -index;
		if (code === 93 && text.charCodeAt(index + 1) === 93) return index;
	}
	return -to;
}

function readWikilink(text: string, open: number, close: number, from: number): WikilinkMatch | undefined {
	const bodyStart = open + 2;
	let separator = -1;
	let separatorLength = 0;
	for (let index = bodyStart; index < close; index++) {
		const code = text.charCodeAt(index);
		if (code === PIPE) {
			const escaped = index > bodyStart && text.charCodeAt(index - 1) === BACKSLASH;
			separator = escaped ? index - 1 : index;
			separatorLength = escaped ? 2 : 1;
			break;
		}
	}
	const headEnd = separator < 0 ? close : separator;
	let hash = -1;
	for (let index = bodyStart; index < headEnd; index++) {
		if (text.charCodeAt(index) === HASH) {
			hash = index;
			break;
		}
	}
	const targetRawEnd = hash < 0 ? headEnd : hash;
	let targetStart = bodyStart;
	let targetEnd = targetRawEnd;
	while (targetStart < targetEnd && isSpace(text.charCodeAt(targetStart))) targetStart++;
	while (targetEnd > targetStart && isSpace(text.charCodeAt(targetEnd - 1))) targetEnd--;
	const target = text.slice(targetStart, targetEnd);
	const fragment = hash < 0 ? undefined : text.slice(hash + 1, headEnd).trim();
	if (target === '' && (fragment === undefined || fragment === '')) return undefined;
	const label = separator < 0 ? undefined : text.slice(separator + separatorLength, close).replace(/\\\|/g, '|');
	const embed = open > from && text.charCodeAt(open - 1) === BANG;
	return {
		start: embed ? open - 1 : open,
		end: close + 2,
		embed,
		target,
		targetStart: target === '' ? bodyStart : targetStart,
		targetEnd: target === '' ? bodyStart : targetEnd,
		fragment,
		label,
	};
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9;
}
