// A fast path for the front matter almost every note has (SPEC §4): `key: value` lines and
// `- item` lists, read without the `yaml` package (whose document API and our walk over it cost
// 50 to 500 µs a note, several seconds for a vault of 100,000 notes).
// It answers exactly what the yaml path of frontMatter.ts answers, or undefined as soon as one
// line is not provably simple, and the caller then reads the block with `yaml`. Everything it
// does not fully understand falls back: comments, flow collections, anchors, tags, block and
// multi-line scalars, nested mappings, escapes, tabs, quoted keys, keys that are not strings.
// test/core/simpleFrontMatter.test.ts checks the two paths agree on generated and real notes.
import type { FrontMatterField, Link, Problem, Range } from '../types';
import type { LineIndex } from '../text/lineIndex';
import type { FrontMatterResult } from './frontMatter';
import { findWikilinks, wikilinkToLink } from './wikilinkSyntax';
import type { YamlLocation } from './yamlLocator';
import { seqIndex } from './yamlLocator';
import { REPEATED_KEY } from './yamlWalk';

/** A scalar on one line; `text[start, end)` is its source (quotes included), as the yaml node's range. */
interface SimpleScalar {
	readonly line: number;
	readonly start: number;
	readonly end: number;
	readonly value: unknown;
	/** The escape character of the quoting style: links with it inside are skipped, as in the yaml path. */
	readonly escape: string | undefined;
}

/** One `key: value` line of the top-level mapping (the key starts the line), with its list items if any. */
interface SimplePair {
	readonly line: number;
	readonly key: string;
	readonly keyEnd: number;
	/** End of the key line: where an empty value stands. */
	readonly lineEnd: number;
	readonly scalar: SimpleScalar | undefined;
	items: SimpleScalar[] | undefined;
	/** Offset of the first item's dash (where the sequence node starts) and the items' indentation. */
	seqStart: number;
	itemIndent: number;
}

const SPACE = 32;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/**
 * Characters left to the yaml path wherever they stand: tabs (indentation and separation rules),
 * backslashes (escapes in double quotes), control characters, C1 (NEL is a line break in YAML 1.1),
 * BOM, line and paragraph separators, and the non-characters YAML excludes.
 */
const UNSIMPLE_CHARACTER = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\\\ufeff\u2028\u2029\ufffe\uffff]/;

/** YAML's c-indicator characters: a plain scalar may not start with one (`-` is allowed before a non-space in values). */
const INDICATOR = asciiSet('-?:,[]{}#&*!|>\'"%@`');
/** Characters a simple key may not hold: the flow indicators and `#` (a comment or not, depending on what precedes it). */
const KEY_FORBIDDEN = asciiSet('#[]{},');
/** The only first characters of a null, a boolean or a number in the core schema; other scalars are strings. */
const MAYBE_TYPED_FIRST = asciiSet('~nNtTfF0123456789+-.');
/** yaml rejects an implicit key whose `:` stands more than 1024 characters after its start; stay well below. */
const MAX_KEY_LENGTH = 1000;

// The core schema's resolution of plain scalars, in the order and with the expressions of the `yaml`
// package (yaml/dist/schema/core/*.js and common/null.js, version 2.x).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * Reads the block when every line of it is simple; undefined otherwise. `text` and `lines` are as for
 * `readFrontMatter`; `starts` holds the starts of line 0 (the opening fence) to the line after the
 * closing fence (the text's end when the fence ends the text).
 */
export function readSimpleBlock(
	text: string,
	lines: LineIndex,
	starts: readonly number[],
): FrontMatterResult | undefined {
	const closeLine = starts.length - 2;
	if (UNSIMPLE_CHARACTER.test(text.slice(starts[1], starts[closeLine]))) return undefined;
	const pairs = readPairs(text, starts, closeLine);
	// A block without pairs is empty or not a mapping: rare, and the yaml path knows both answers.
	if (pairs === undefined || pairs.length === 0) return undefined;
	return buildResult(text, lines, starts, closeLine, pairs);
}

/**
 * Pushes the links of one string value whose source is `text[start, end)`. A link whose source
 * differs from the value (an escape inside it) cannot be mapped back, so it is skipped. Shared with
 * the yaml path, so that both build the same links.
 */
export function pushStringLinks(
	text: string,
	lines: LineIndex,
	[start, end]: readonly [number, number],
	value: string,
	escape: string | undefined,
	links: Link[],
): void {
	if (!value.includes('[[')) return;
	findWikilinks(text, start, end, (match) => {
		const raw = text.slice(match.start, match.end);
		if ((escape !== undefined && raw.includes(escape)) || !value.includes(raw)) return;
		links.push(wikilinkToLink(match, lines, 'frontMatter'));
	});
}

function readPairs(text: string, starts: readonly number[], closeLine: number): SimplePair[] | undefined {
	const pairs: SimplePair[] = [];
	for (let line = 1; line < closeLine; line++) {
		const lineStart = starts[line]!;
		const lineEnd = contentEnd(text, starts[line + 1]!, lineStart);
		let first = lineStart;
		while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
		if (first === lineEnd) continue;
		if (first > lineStart || text.charCodeAt(first) === DASH) {
			if (!readItem(text, line, first - lineStart, first, lineEnd, pairs[pairs.length - 1])) return undefined;
			continue;
		}
		const pair = readPair(text, line, lineStart, lineEnd);
		if (pair === undefined) return undefined;
		pairs.push(pair);
	}
	return pairs;
}

/** A `key:` line with an optional one-line value; undefined when the line is anything else. */
function readPair(text: string, line: number, lineStart: number, lineEnd: number): SimplePair | undefined {
	const colon = findKeyEnd(text, lineStart, lineEnd);
	if (colon < 0) return undefined;
	const key = text.slice(lineStart, colon);
	// `true:`, `1:` or `~:` are keys that are not strings; `<<` is a merge key to some readers.
	if (resolvePlain(key) !== key || key === '<<') return undefined;
	let valueStart = colon + 1;
	// `a:b` is one plain scalar, not a pair.
	if (valueStart < lineEnd && text.charCodeAt(valueStart) !== SPACE) return undefined;
	while (valueStart < lineEnd && text.charCodeAt(valueStart) === SPACE) valueStart++;
	const scalar = valueStart === lineEnd ? undefined : readScalar(text, line, valueStart, lineEnd);
	if (valueStart < lineEnd && scalar === undefined) return undefined;
	return { line, key, keyEnd: colon, lineEnd, scalar, items: undefined, seqStart: 0, itemIndent: 0 };
}

/** The offset of the `:` that ends a simple plain key starting at `start`, or -1. */
function findKeyEnd(text: string, start: number, end: number): number {
	// `...` at the start of a line ends the YAML document.
	if (INDICATOR[text.charCodeAt(start)] || text.startsWith('...', start)) return -1;
	const limit = Math.min(end, start + MAX_KEY_LENGTH);
	for (let index = start + 1; index < limit; index++) {
		const code = text.charCodeAt(index);
		if (code === COLON) return text.charCodeAt(index - 1) === SPACE ? -1 : index;
		if (KEY_FORBIDDEN[code]) return -1;
	}
	return -1;
}

/** A `- value` line: the next item of the last pair's list, whose value must be empty so far. */
function readItem(
	text: string,
	line: number,
	indent: number,
	dash: number,
	lineEnd: number,
	pair: SimplePair | undefined,
): boolean {
	if (pair === undefined || pair.scalar !== undefined) return false;
	if (pair.items !== undefined && indent !== pair.itemIndent) return false;
	if (text.charCodeAt(dash) !== DASH || text.charCodeAt(dash + 1) !== SPACE) return false;
	let valueStart = dash + 2;
	while (valueStart < lineEnd && text.charCodeAt(valueStart) === SPACE) valueStart++;
	// An empty item is a null whose position the yaml path derives otherwise: leave it to that path.
	const item = valueStart === lineEnd ? undefined : readScalar(text, line, valueStart, lineEnd);
	if (item === undefined) return false;
	if (pair.items === undefined) {
		pair.items = [];
		pair.seqStart = dash;
		pair.itemIndent = indent;
	}
	pair.items.push(item);
	return true;
}

/** A scalar that fills the rest of the line from `start` (trailing spaces aside). */
function readScalar(text: string, line: number, start: number, end: number): SimpleScalar | undefined {
	const first = text.charCodeAt(start);
	if (first === DOUBLE_QUOTE) return readDoubleQuoted(text, line, start, end);
	if (first === SINGLE_QUOTE) return readSingleQuoted(text, line, start, end);
	return readPlain(text, line, start, end);
}

/** `"…"` on one line. Backslashes never reach here, so the value is the source between the quotes. */
function readDoubleQuoted(text: string, line: number, start: number, end: number): SimpleScalar | undefined {
	const close = text.indexOf('"', start + 1);
	if (close < 0 || close >= end || !isSpaces(text, close + 1, end)) return undefined;
	return { line, start, end: close + 1, value: text.slice(start + 1, close), escape: '\\' };
}

/** `'…'` on one line, where `''` stands for one quote. */
function readSingleQuoted(text: string, line: number, start: number, end: number): SimpleScalar | undefined {
	let close = text.indexOf("'", start + 1);
	let escaped = false;
	while (close >= 0 && close + 1 < end && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
		escaped = true;
		close = text.indexOf("'", close + 2);
	}
	if (close < 0 || close >= end || !isSpaces(text, close + 1, end)) return undefined;
	const source = text.slice(start + 1, close);
	return { line, start, end: close + 1, value: escaped ? source.replaceAll("''", "'") : source, escape: "'" };
}

/** A plain scalar: no indicator first, no `: ` (a mapping) and no ` #` (a comment) inside. */
function readPlain(text: string, line: number, start: number, end: number): SimpleScalar | undefined {
	let trimmedEnd = end;
	while (text.charCodeAt(trimmedEnd - 1) === SPACE) trimmedEnd--;
	const first = text.charCodeAt(start);
	// `-x` and `-5` are plain scalars; `- x` is a sequence, `?` and `:` are left to the yaml path.
	const dashBeforeText = first === DASH && start + 1 < trimmedEnd && text.charCodeAt(start + 1) !== SPACE;
	if (INDICATOR[first] && !dashBeforeText) return undefined;
	for (let index = start + 1; index < trimmedEnd; index++) {
		const code = text.charCodeAt(index);
		if (code === COLON && (index + 1 === trimmedEnd || text.charCodeAt(index + 1) === SPACE)) return undefined;
		if (code === HASH && text.charCodeAt(index - 1) === SPACE) return undefined;
	}
	return { line, start, end: trimmedEnd, value: resolvePlain(text.slice(start, trimmedEnd)), escape: undefined };
}

/** The value of a plain scalar under the YAML 1.2 core schema, exactly as the `yaml` package resolves it. */
function resolvePlain(source: string): unknown {
	if (!MAYBE_TYPED_FIRST[source.charCodeAt(0)]) return source;
	if (NULL.test(source)) return null;
	if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
	if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
	if (INT.test(source)) return parseInt(source, 10);
	if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
	if (FLOAT_NAN.test(source)) return floatNaN(source);
	if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
	return source;
}

function floatNaN(source: string): number {
	if (source.slice(-3).toLowerCase() === 'nan') return NaN;
	return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

function buildResult(
	text: string,
	lines: LineIndex,
	starts: readonly number[],
	closeLine: number,
	pairs: SimplePair[],
): FrontMatterResult {
	const firstPairs = new Map<string, SimplePair>();
	const data: Record<string, unknown> = {};
	const fields: FrontMatterField[] = [];
	const problems: Problem[] = [];
	const links: Link[] = [];
	for (const pair of pairs) {
		// The yaml path finds links in the values of repeated keys too.
		pushPairLinks(text, lines, pair, links);
		const keyRange = keyRangeOf(pair, starts);
		if (firstPairs.has(pair.key)) {
			const message = { id: 'duplicateKey', args: { key: pair.key } } as const;
			problems.push({ code: 'duplicate-key', range: keyRange, message });
			continue;
		}
		firstPairs.set(pair.key, pair);
		setProperty(data, pair.key, valueOf(pair));
		fields.push({ key: pair.key, keyRange, valueRange: valueRangeOf(pair, starts) });
	}
	return {
		frontMatter: { span: { startLine: 0, endLine: closeLine + 1 }, data, fields },
		links,
		problems,
		bodyStart: starts[closeLine + 1]!,
		bodyStartLine: closeLine + 1,
		locate: createSimpleLocator(text, starts, pairs, firstPairs),
	};
}

function pushPairLinks(text: string, lines: LineIndex, pair: SimplePair, links: Link[]): void {
	const scalars = pair.items ?? (pair.scalar ? [pair.scalar] : []);
	for (const scalar of scalars) {
		if (typeof scalar.value !== 'string') continue;
		pushStringLinks(text, lines, [scalar.start, scalar.end], scalar.value, scalar.escape, links);
	}
}

function valueOf(pair: SimplePair): unknown {
	if (pair.items) return pair.items.map((item) => item.value);
	return pair.scalar ? pair.scalar.value : null;
}

/** Sets a property as `yaml`'s `toJS` does: `__proto__` becomes an own property, not the prototype. */
function setProperty(data: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__')
		Object.defineProperty(data, key, { value, writable: true, enumerable: true, configurable: true });
	else data[key] = value;
}

/**
 * `locate` as `createYamlLocator` answers it over the yaml tree: the mapping, a pair, one list item;
 * deeper paths end at a scalar and are undefined.
 */
function createSimpleLocator(
	text: string,
	starts: readonly number[],
	pairs: readonly SimplePair[],
	firstPairs: ReadonlyMap<string, SimplePair>,
): FrontMatterResult['locate'] {
	return (path) => {
		if (path.length === 0) return { valueRange: rootRange(pairs, starts) };
		const name = String(path[0]);
		const pair = firstPairs.get(name);
		if (pair === undefined)
			return name === REPEATED_KEY ? locateRepeatedKey(text, starts, pairs, firstPairs) : undefined;
		const location: YamlLocation = { keyRange: keyRangeOf(pair, starts), valueRange: valueRangeOf(pair, starts) };
		if (path.length === 1) return location;
		const item = pair.items?.[seqIndex(path[1]!)];
		if (item === undefined || path.length > 2) return undefined;
		return { valueRange: scalarRange(item, starts) };
	};
}

/**
 * The yaml path renames repeated keys to REPEATED_KEY in the tree its locator reads, so it finds the
 * first repeat under that name, with a key range (the renamed key has none) at the block's start.
 */
function locateRepeatedKey(
	text: string,
	starts: readonly number[],
	pairs: readonly SimplePair[],
	firstPairs: ReadonlyMap<string, SimplePair>,
): YamlLocation | undefined {
	const repeat = pairs.find((pair) => firstPairs.get(pair.key) !== pair);
	if (repeat === undefined) return undefined;
	const blockStart = starts[1]!;
	const blockStartPoint = point(1, 0);
	if (repeat.scalar !== undefined || repeat.items !== undefined)
		return { keyRange: blockStartPoint, valueRange: valueRangeOf(repeat, starts) };
	// An empty value stands after the key's end, here the block start: the end of line 1 when it is blank.
	const firstLineEnd = contentEnd(text, starts[2]!, blockStart);
	const blank = isSpaces(text, blockStart, firstLineEnd);
	return { keyRange: blockStartPoint, valueRange: point(1, blank ? firstLineEnd - blockStart : 0) };
}

/** The top-level mapping: from the first key to the end of the last value (after the colon when empty). */
function rootRange(pairs: readonly SimplePair[], starts: readonly number[]): Range {
	const first = pairs[0]!;
	const last = pairs[pairs.length - 1]!;
	const lastScalar = last.items ? last.items[last.items.length - 1] : last.scalar;
	const endLine = lastScalar ? lastScalar.line : last.line;
	const endOffset = lastScalar ? lastScalar.end : last.keyEnd + 1;
	return {
		start: { line: first.line, character: 0 },
		end: { line: endLine, character: endOffset - starts[endLine]! },
	};
}

function keyRangeOf(pair: SimplePair, starts: readonly number[]): Range {
	return lineRange(pair.line, starts[pair.line]!, starts[pair.line]!, pair.keyEnd);
}

/** The value's range; an empty value stands at the end of the key line. */
function valueRangeOf(pair: SimplePair, starts: readonly number[]): Range {
	if (pair.scalar) return scalarRange(pair.scalar, starts);
	const lineStart = starts[pair.line]!;
	if (!pair.items) return lineRange(pair.line, lineStart, pair.lineEnd, pair.lineEnd);
	const first = pair.items[0]!;
	const last = pair.items[pair.items.length - 1]!;
	return {
		start: { line: first.line, character: pair.seqStart - starts[first.line]! },
		end: { line: last.line, character: last.end - starts[last.line]! },
	};
}

function scalarRange(scalar: SimpleScalar, starts: readonly number[]): Range {
	return lineRange(scalar.line, starts[scalar.line]!, scalar.start, scalar.end);
}

function lineRange(line: number, lineStart: number, start: number, end: number): Range {
	return { start: { line, character: start - lineStart }, end: { line, character: end - lineStart } };
}

function point(line: number, character: number): Range {
	return { start: { line, character }, end: { line, character } };
}

/** The end of a line's content given the start of the next line (the line break excluded), as `LineIndex.lineEnd`. */
function contentEnd(text: string, nextLineStart: number, lineStart: number): number {
	let end = nextLineStart;
	if (end > lineStart && text.charCodeAt(end - 1) === 10) end--;
	if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
	return end;
}

function isSpaces(text: string, start: number, end: number): boolean {
	for (let index = start; index < end; index++) if (text.charCodeAt(index) !== SPACE) return false;
	return true;
}

function asciiSet(characters: string): Uint8Array {
	const set = new Uint8Array(128);
	for (let index = 0; index < characters.length; index++) set[characters.charCodeAt(index)] = 1;
	return set;
}
