// Link destinations, titles, labels and link reference definitions (CommonMark 0.31 §4.7, §6.3),
// shared by inline links and definitions. Offsets index the text they are given.

/** A destination: raw text `[start, end)` (inside `<>` when angled); `next` is just after it. */
export interface LinkDestination {
	readonly start: number;
	readonly end: number;
	readonly next: number;
}

const TAB = 9;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const MAX_LABEL = 999;

/** CommonMark's label matching: trimmed, inner white space collapsed, case folded. */
export function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** Skips spaces, tabs and line endings. */
export function skipWhitespace(text: string, pos: number, to: number): number {
	while (pos < to && isWhitespace(text.charCodeAt(pos))) pos++;
	return pos;
}

/** `<…>` or a raw destination (balanced parentheses, no spaces or controls) at `pos`. */
export function parseLinkDestination(text: string, pos: number, to: number): LinkDestination | undefined {
	if (text.charCodeAt(pos) === LESS_THAN) return parseAngledDestination(text, pos, to);
	let depth = 0;
	let index = pos;
	while (index < to) {
		const code = text.charCodeAt(index);
		if (code <= SPACE) break;
		if (code === BACKSLASH && index + 1 < to && isPunctuation(text.charCodeAt(index + 1))) {
			index += 2;
			continue;
		}
		if (code === OPEN_PAREN) {
			depth++;
			// micromark gives up on more than 32 nested parentheses.
			if (depth > 32) return undefined;
		} else if (code === CLOSE_PAREN) {
			if (depth === 0) break;
			depth--;
		}
		index++;
	}
	if (index === pos || depth !== 0) return undefined;
	return { start: pos, end: index, next: index };
}

function parseAngledDestination(text: string, pos: number, to: number): LinkDestination | undefined {
	for (let index = pos + 1; index < to; index++) {
		const code = text.charCodeAt(index);
		if (code === GREATER_THAN) return { start: pos + 1, end: index, next: index + 1 };
		if (code === NEWLINE || code === CARRIAGE_RETURN || code === LESS_THAN) return undefined;
		if (code === BACKSLASH && index + 1 < to && isPunctuation(text.charCodeAt(index + 1))) index++;
	}
	return undefined;
}

/** A title `"…"`, `'…'` or `(…)` at `pos`; returns the offset after it, or -1. */
export function parseLinkTitle(text: string, pos: number, to: number): number {
	const open = text.charCodeAt(pos);
	const close = open === OPEN_PAREN ? CLOSE_PAREN : open;
	if (open !== QUOTE && open !== APOSTROPHE && open !== OPEN_PAREN) return -1;
	for (let index = pos + 1; index < to; index++) {
		const code = text.charCodeAt(index);
		if (code === close) return index + 1;
		if (open === OPEN_PAREN && code === OPEN_PAREN) return -1;
		if (code === BACKSLASH && index + 1 < to && isPunctuation(text.charCodeAt(index + 1))) index++;
	}
	return -1;
}

/** A link label `[…]` at `pos` (no unescaped brackets, ≤ 999 characters); returns the offset after `]`, or -1. */
export function parseLinkLabelEnd(text: string, pos: number, to: number): number {
	const limit = Math.min(to, pos + 1 + MAX_LABEL + 1);
	for (let index = pos + 1; index < limit; index++) {
		const code = text.charCodeAt(index);
		if (code === CLOSE_BRACKET) return index + 1;
		if (code === OPEN_BRACKET) return -1;
		if (code === BACKSLASH && index + 1 < to && isPunctuation(text.charCodeAt(index + 1))) index++;
	}
	return -1;
}

/**
 * Reads the link reference definitions at the start of a paragraph's content `text[from, to)`,
 * adds their normalized labels to `definitions`, and returns where the rest of the content starts.
 */
export function parseDefinitions(text: string, from: number, to: number, definitions: Set<string>): number {
	for (;;) {
		if (text.charCodeAt(from) !== OPEN_BRACKET) return from;
		const end = parseDefinition(text, from, to, definitions);
		if (end < 0) return from;
		from = skipSpacesAndTabs(text, end, to);
	}
}

function parseDefinition(text: string, from: number, to: number, definitions: Set<string>): number {
	const labelEnd = parseLinkLabelEnd(text, from, to);
	if (labelEnd < 0 || text.charCodeAt(labelEnd) !== 58 /* : */) return -1;
	const label = normalizeLabel(text.slice(from + 1, labelEnd - 1));
	if (label === '') return -1;
	const destinationFrom = skipOneLineOfWhitespace(text, labelEnd + 1, to);
	const destination = parseDestinationOrEmptyAngle(text, destinationFrom, to);
	if (!destination) return -1;
	const afterDestination = skipSpacesAndTabs(text, destination.next, to);
	const destinationLineEnd = atLineEnd(text, afterDestination, to);
	const titleFrom = skipOneLineOfWhitespace(text, destination.next, to);
	if (titleFrom > destination.next) {
		const titleEnd = parseLinkTitle(text, titleFrom, to);
		const titleLineEnd = titleEnd < 0 ? -1 : atLineEnd(text, skipSpacesAndTabs(text, titleEnd, to), to);
		if (titleLineEnd >= 0) {
			definitions.add(label);
			return titleLineEnd;
		}
	}
	if (destinationLineEnd < 0) return -1;
	definitions.add(label);
	return destinationLineEnd;
}

function parseDestinationOrEmptyAngle(text: string, pos: number, to: number): LinkDestination | undefined {
	if (text.charCodeAt(pos) === LESS_THAN && text.charCodeAt(pos + 1) === GREATER_THAN) {
		return { start: pos + 1, end: pos + 1, next: pos + 2 };
	}
	return parseLinkDestination(text, pos, to);
}

/** If `pos` is at a line end (or `to`), the offset after that line ending; otherwise -1. */
function atLineEnd(text: string, pos: number, to: number): number {
	if (pos >= to) return to;
	const code = text.charCodeAt(pos);
	if (code === CARRIAGE_RETURN) return text.charCodeAt(pos + 1) === NEWLINE ? pos + 2 : pos + 1;
	return code === NEWLINE ? pos + 1 : -1;
}

function skipSpacesAndTabs(text: string, pos: number, to: number): number {
	while (pos < to && (text.charCodeAt(pos) === SPACE || text.charCodeAt(pos) === TAB)) pos++;
	return pos;
}

function skipOneLineOfWhitespace(text: string, pos: number, to: number): number {
	pos = skipSpacesAndTabs(text, pos, to);
	const next = atLineEnd(text, pos, to);
	return next < 0 || next >= to ? pos : skipSpacesAndTabs(text, next, to);
}

function isWhitespace(code: number): boolean {
	return code === SPACE || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN;
}

function isPunctuation(code: number): boolean {
	return (
		(code >= 33 && code <= 47) ||
		(code >= 58 && code <= 64) ||
		(code >= 91 && code <= 96) ||
		(code >= 123 && code <= 126)
	);
}
