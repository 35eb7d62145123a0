// GFM literal autolinks (`https://…`, `www.…`) as micromark-extension-gfm-autolink-literal reads
// them. They never are vault links, but they swallow `$`, backticks and brackets, so the scanner
// has to know where one ends. Email literals hold none of those characters and are not handled.

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const UNICODE_WHITESPACE = /\s/;

/**
 * If a literal autolink runs through `text[pos]` (the `:` of `http://`/`https://` when `atColon`,
 * else the `.` of `www.`), returns the offset just after it; otherwise -1. The link may not start
 * before `plainFrom` (text already consumed by another construct).
 */
export function skipGfmAutolinkLiteral(
	text: string,
	pos: number,
	atColon: boolean,
	plainFrom: number,
	to: number,
): number {
	const start = atColon ? protocolStart(text, pos, plainFrom) : wwwStart(text, pos, plainFrom);
	if (start < 0) return -1;
	const domainFrom = atColon ? pos + 3 : pos + 1;
	if (atColon && (domainFrom >= to || isSpaceOrPunctuation(text.charCodeAt(domainFrom)))) return -1;
	const domainEnd = skipDomain(text, domainFrom, to);
	return domainEnd < 0 ? -1 : skipPath(text, domainEnd, to);
}

function protocolStart(text: string, colon: number, plainFrom: number): number {
	if (text.charCodeAt(colon + 1) !== 47 || text.charCodeAt(colon + 2) !== 47) return -1;
	const start =
		colon >= plainFrom + 5 && text.slice(colon - 5, colon).toLowerCase() === 'https' ? colon - 5 : colon - 4;
	if (start < plainFrom || text.slice(start, start + 4).toLowerCase() !== 'http') return -1;
	const previous = start > plainFrom ? text.charCodeAt(start - 1) : -1;
	const previousIsAlpha = (previous >= 65 && previous <= 90) || (previous >= 97 && previous <= 122);
	return previousIsAlpha ? -1 : start;
}

function wwwStart(text: string, dot: number, plainFrom: number): number {
	const start = dot - 3;
	if (start < plainFrom || text.slice(start, dot).toLowerCase() !== 'www') return -1;
	if (start === plainFrom) return start;
	const previous = text.charCodeAt(start - 1);
	// `(`, `*`, `_`, `[`, `]`, `~` or white space.
	const allowed = [40, 42, 95, 91, 93, 126].includes(previous) || isWhitespace(previous);
	return allowed ? start : -1;
}

function skipDomain(text: string, pos: number, to: number): number {
	let underscoreInLast = false;
	let underscoreInLastButOne = false;
	let seen = false;
	for (; pos < to; pos++) {
		const code = text.charCodeAt(pos);
		if (code === 46 || code === 95) {
			if (trailEnds(text, pos, to)) break;
			if (code === 95) underscoreInLast = true;
			else {
				underscoreInLastButOne = underscoreInLast;
				underscoreInLast = false;
			}
			continue;
		}
		if (isWhitespace(code) || (code !== 45 && isPunctuation(code))) break;
		seen = true;
	}
	return underscoreInLast || underscoreInLastButOne || !seen ? -1 : pos;
}

/** `!"&')*,.:;<?]_~`: may end a path when only more of them (and then an end) follow. */
const PATH_TRAIL = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);
/** `!"')*,.:;?_~`: trailing punctuation. */
const TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);

function skipPath(text: string, pos: number, to: number): number {
	let opened = 0;
	let closed = 0;
	while (pos < to) {
		const code = text.charCodeAt(pos);
		if (code === 40) opened++;
		else if (code === 41 && closed < opened) closed++;
		else if (PATH_TRAIL.has(code)) {
			if (trailEnds(text, pos, to)) return pos;
			if (code === 41) closed++;
		} else if (isWhitespace(code)) return pos;
		pos++;
	}
	return pos;
}

/** Whether only trailing punctuation follows from `pos` up to the end of the link. */
function trailEnds(text: string, pos: number, to: number): boolean {
	while (pos < to) {
		const code = text.charCodeAt(pos);
		if (TRAIL.has(code)) {
			pos++;
		} else if (code === 38) {
			// `&name;` counts as one trailing character; any other `&` continues the URL.
			let index = pos + 1;
			while (index < to && isAsciiAlpha(text.charCodeAt(index))) index++;
			if (index === pos + 1 || text.charCodeAt(index) !== 59) return false;
			pos = index + 1;
		} else if (code === 93) {
			pos++;
			const next = text.charCodeAt(pos);
			if (pos >= to || next === 40 || next === 91 || isWhitespace(next)) return true;
		} else {
			return code === 60 || isWhitespace(code);
		}
	}
	return true;
}

function isSpaceOrPunctuation(code: number): boolean {
	return code < 32 || isWhitespace(code) || isPunctuation(code);
}

function isWhitespace(code: number): boolean {
	return (
		code === 32 ||
		code === 9 ||
		code === 10 ||
		code === 13 ||
		(code > 127 && UNICODE_WHITESPACE.test(String.fromCharCode(code)))
	);
}

function isPunctuation(code: number): boolean {
	return UNICODE_PUNCTUATION.test(String.fromCharCode(code));
}

function isAsciiAlpha(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
