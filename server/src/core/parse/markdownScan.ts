// The Markdown scanner: what in a note's body is a link, a heading or a block id (SPEC §2.2,
// §2.3, §2.5). A CommonMark + GFM + math aware scan of our own, because a full remark parse is
// about 50 times slower (bench/scanner.ts); test/core/scannerOracle.test.ts holds it to remark.
import { LineIndex } from '../text/lineIndex';
import type { BlockId, Heading, Link } from '../types';
import type { HeadingSpan } from './scanBlocks';
import { scanBlocks } from './scanBlocks';
import type { InlineLink } from './scanInline';
import { scanInline } from './scanInline';
import { findWikilinks, wikilinkToLink } from './wikilinkSyntax';

/** What the scanner finds in a note's body, each list in source order. */
export interface MarkdownScan {
	readonly headings: Heading[];
	readonly blockIds: BlockId[];
	readonly links: Link[];
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * Scans a document. `text` is the whole document (BOM already removed); everything before
 * `bodyStart` (offset, on line `bodyStartLine`) is front matter and is skipped. Links come with
 * `inTopics: false`. Never throws.
 */
export function scanMarkdown(text: string, bodyStart: number, bodyStartLine: number): MarkdownScan {
	try {
		return scan(text, bodyStart, bodyStartLine);
	} catch {
		// A scanner bug must not take the note down: fall back to nothing rather than crash the index.
		return { headings: [], blockIds: [], links: [] };
	}
}

function scan(text: string, bodyStart: number, bodyStartLine: number): MarkdownScan {
	const lineIndex = new LineIndex(text);
	bodyStartLine = firstBodyLine(lineIndex, bodyStart, bodyStartLine);
	const comments = findObsidianComments(text, bodyStart);
	// Comments are found first, over the raw body, and read as spaces: they may hide block syntax too.
	const source = comments.length === 0 ? text : blankRanges(text, comments);
	const blocks = scanBlocks(source, lineIndex.lineStarts, bodyStartLine);
	const sink = { excluded: [] as number[], links: [] as InlineLink[] };
	for (const run of blocks.runs) scanInline(run, blocks.definitions, sink);
	// An image inside a link's text is found before the link that holds it.
	sink.links.sort((a, b) => a.start - b.start);
	const excluded = mergeRegions([comments, blocks.excluded, sink.excluded]);
	const markdownLinks = sink.links.map((link) => toMarkdownLink(link, text, source, lineIndex));
	const wikilinks = findBodyWikilinks(text, bodyStart, excluded, lineIndex);
	return {
		headings: blocks.headings.map((heading) => toHeading(heading, text, lineIndex)),
		blockIds: findBlockIds(text, lineIndex, bodyStartLine, blocks.containerLines, excluded),
		links: mergeBySource(markdownLinks, wikilinks),
	};
}

/** The first whole line at or after `bodyStart` (a body that ends on the closing fence has none). */
function firstBodyLine(lineIndex: LineIndex, bodyStart: number, bodyStartLine: number): number {
	const position = lineIndex.positionAt(bodyStart);
	const line = position.character > 0 ? position.line + 1 : position.line;
	return Math.max(line, Math.min(bodyStartLine, lineIndex.lineCount));
}

/** `%%…%%` pairs over the raw body, left to right, as flat `[start, end…]`; an unclosed `%%` is literal. */
function findObsidianComments(text: string, bodyStart: number): number[] {
	const res: number[] = [];
	let from = bodyStart;
	for (;;) {
		const open = text.indexOf('%%', from);
		if (open < 0) return res;
		const close = text.indexOf('%%', open + 2);
		if (close < 0) return res;
		res.push(open, close + 2);
		from = close + 2;
	}
}

function blankRanges(text: string, ranges: readonly number[]): string {
	let res = '';
	let last = 0;
	for (let index = 0; index < ranges.length; index += 2) {
		const start = ranges[index]!;
		const end = ranges[index + 1]!;
		res += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
		last = end;
	}
	return res + text.slice(last);
}

/** Sorted, disjoint `[start, end…]` from several flat region lists. */
function mergeRegions(lists: readonly (readonly number[])[]): number[] {
	const pairs: [number, number][] = [];
	for (const list of lists)
		for (let index = 0; index < list.length; index += 2) pairs.push([list[index]!, list[index + 1]!]);
	pairs.sort((a, b) => a[0] - b[0]);
	const res: number[] = [];
	for (const [start, end] of pairs) {
		if (res.length > 0 && start <= res[res.length - 1]!) res[res.length - 1] = Math.max(res[res.length - 1]!, end);
		else res.push(start, end);
	}
	return res;
}

/** Whether `[start, end)` overlaps a region of the sorted, disjoint `regions`. */
function overlapsRegion(regions: readonly number[], start: number, end: number): boolean {
	let low = 0;
	let high = regions.length / 2;
	// The first region that ends after `start`.
	while (low < high) {
		const middle = (low + high) >> 1;
		if (regions[middle * 2 + 1]! <= start) low = middle + 1;
		else high = middle;
	}
	return low < regions.length / 2 && regions[low * 2]! < end;
}

interface Positioned {
	readonly start: number;
	readonly link: Link;
}

function findBodyWikilinks(
	text: string,
	bodyStart: number,
	excluded: readonly number[],
	lineIndex: LineIndex,
): Positioned[] {
	const res: Positioned[] = [];
	findWikilinks(text, bodyStart, text.length, (match) => {
		if (overlapsRegion(excluded, match.start, match.end)) return;
		res.push({ start: match.start, link: wikilinkToLink(match, lineIndex, 'wiki') });
	});
	return res;
}

/** An inline link as a vault link candidate: no URL scheme and a non-empty path before `#`. */
function toMarkdownLink(link: InlineLink, text: string, source: string, lineIndex: LineIndex): Positioned | undefined {
	const raw = source.slice(link.destinationStart, link.destinationEnd);
	const url = unescapeDestination(raw);
	if (SCHEME.test(url)) return undefined;
	const hash = url.indexOf('#');
	const path = hash < 0 ? url : url.slice(0, hash);
	if (path === '') return undefined;
	const rawHash = raw.indexOf('#');
	const targetEnd = rawHash < 0 ? link.destinationEnd : link.destinationStart + rawHash;
	return {
		start: link.start,
		link: {
			kind: 'markdown',
			embed: link.embed,
			range: lineIndex.rangeAt(link.start, link.end),
			target: percentDecode(path),
			targetRange: lineIndex.rangeAt(link.destinationStart, targetEnd),
			fragment: hash < 0 ? undefined : percentDecode(url.slice(hash + 1)),
			label: text.slice(link.labelStart, link.labelEnd),
			inTopics: false,
		},
	};
}

/** Source order; a Markdown link before a wikilink that starts at the same place (`[[a]](b.md)`). */
function mergeBySource(markdown: readonly (Positioned | undefined)[], wiki: readonly Positioned[]): Link[] {
	const res: Link[] = [];
	let wikiIndex = 0;
	for (const entry of markdown) {
		if (!entry) continue;
		while (wikiIndex < wiki.length && wiki[wikiIndex]!.start < entry.start) res.push(wiki[wikiIndex++]!.link);
		res.push(entry.link);
	}
	while (wikiIndex < wiki.length) res.push(wiki[wikiIndex++]!.link);
	return res;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Backslash escapes and character references, as micromark decodes a destination. */
function unescapeDestination(raw: string): string {
	if (!raw.includes('\\') && !raw.includes('&')) return raw;
	return raw.replace(
		/\\([!-/:-@[-`{-~])|&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,31});/g,
		(whole, escaped, reference) => {
			if (escaped !== undefined) return escaped as string;
			return decodeReference(reference as string) ?? whole;
		},
	);
}

function decodeReference(reference: string): string | undefined {
	if (reference[0] !== '#') return ENTITIES[reference];
	const hex = reference[1] === 'x' || reference[1] === 'X';
	const codePoint = parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
	const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
	return String.fromCodePoint(valid ? codePoint : 0xfffd);
}

function percentDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function toHeading(heading: HeadingSpan, text: string, lineIndex: LineIndex): Heading {
	return {
		level: heading.level,
		text: text.slice(heading.contentStart, heading.contentEnd),
		line: heading.line,
		range: lineIndex.rangeAt(heading.start, heading.end),
	};
}

/**
 * Block ids (SPEC §2.5 point 6): a line ending with ` ^id`, or a line holding only `^id` right
 * after a line of a table, quote or list; never inside code, HTML, math or comments.
 */
function findBlockIds(
	text: string,
	lineIndex: LineIndex,
	bodyStartLine: number,
	containerLines: Uint8Array,
	excluded: readonly number[],
): BlockId[] {
	const res: BlockId[] = [];
	const lineStarts = lineIndex.lineStarts;
	for (let line = bodyStartLine; line < lineStarts.length; line++) {
		const lineStart = lineStarts[line]!;
		let end = lineIndex.lineEnd(line);
		while (end > lineStart && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
		let idStart = end;
		while (idStart > lineStart && isIdCharacter(text.charCodeAt(idStart - 1))) idStart--;
		const caret = idStart - 1;
		if (idStart === end || caret < lineStart || text.charCodeAt(caret) !== 94 /* ^ */) continue;
		let before = caret;
		while (before > lineStart && isSpaceOrTab(text.charCodeAt(before - 1))) before--;
		const alone = before === lineStart;
		const afterBlock =
			line > bodyStartLine && containerLines[line - 1 - bodyStartLine] === 1 && !isBlankLine(text, lineIndex, line - 1);
		const marked = alone ? afterBlock : before < caret;
		if (!marked || overlapsRegion(excluded, caret, end)) continue;
		res.push({ id: text.slice(idStart, end), line, range: lineIndex.rangeAt(caret, end) });
	}
	return res;
}

function isBlankLine(text: string, lineIndex: LineIndex, line: number): boolean {
	const end = lineIndex.lineEnd(line);
	for (let index = lineIndex.lineStarts[line]!; index < end; index++)
		if (!isSpaceOrTab(text.charCodeAt(index))) return false;
	return true;
}

function isIdCharacter(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

function isSpaceOrTab(code: number): boolean {
	return code === 32 || code === 9;
}
