// Front matter (SPEC §4): the YAML block between two `---` fence lines at the top of a note,
// read with the `yaml` package's document API so that every value, key and error has an exact
// document position. Parsing never throws: what cannot be read becomes a problem.
// Blocks of simple `key: value` lines and lists take the fast path of simpleFrontMatter.ts instead,
// which answers exactly the same at a small fraction of the cost.
import { Scalar, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import type { FrontMatter, FrontMatterField, Link, Problem, Range } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { pushStringLinks, readSimpleBlock } from './simpleFrontMatter';
import { createYamlLocator } from './yamlLocator';
import type { YamlLocation, YamlRanges } from './yamlLocator';
import { REPEATED_KEY, walkYaml, yamlKeyName } from './yamlWalk';

/** What the front-matter reader found in one document. */
export interface FrontMatterResult {
	/** Undefined when there is no block, or an unclosed one. */
	readonly frontMatter: FrontMatter | undefined;
	/** Links inside YAML strings: kind 'frontMatter', inTopics false, in source order. */
	readonly links: Link[];
	/** yaml-syntax, duplicate-key and invalid-value (the block is not a mapping). */
	readonly problems: Problem[];
	/** Offset where the Markdown body starts (0 without a block). */
	readonly bodyStart: number;
	/** Line where the Markdown body starts: the line after the closing fence (0 without a block). */
	readonly bodyStartLine: number;
	/** Where a value stands, by its path in the data (['tags', 2]); undefined when absent. For schema errors. */
	locate(path: readonly (string | number)[]): YamlLocation | undefined;
}

/**
 * Aliases a document may expand, counted as the `yaml` package counts them. Front matter has no
 * use for hundreds of aliases; a "billion laughs" needs them, and is refused instead of expanded.
 */
const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS = {
	version: '1.2',
	schema: 'core',
	// Duplicates are found (linearly) by the walk below: the parser's own check is quadratic.
	uniqueKeys: false,
	merge: false,
	// `!!timestamp` and friends would turn values into Dates and Sets; keep plain JSON data.
	resolveKnownTags: false,
	prettyErrors: false,
	logLevel: 'silent',
} as const;

const NO_LOCATION = (): undefined => undefined;

/** `text` is the whole document without BOM; `lines` its LineIndex. Never throws. */
export function readFrontMatter(text: string, lines: LineIndex): FrontMatterResult {
	return readWith(text, lines, 'simple-first')!;
}

/** The `yaml` path alone, without the fast path of simpleFrontMatter.ts: the reference it is tested against. */
export function readFrontMatterWithYaml(text: string, lines: LineIndex): FrontMatterResult {
	return readWith(text, lines, 'yaml')!;
}

/** The fast path alone, for tests and benchmarks: undefined when the block is not simple (`readFrontMatter` would use `yaml`). */
export function readFrontMatterSimpleOnly(text: string, lines: LineIndex): FrontMatterResult | undefined {
	return readWith(text, lines, 'simple');
}

function readWith(
	text: string,
	lines: LineIndex,
	readers: 'simple-first' | 'yaml' | 'simple',
): FrontMatterResult | undefined {
	const starts = findBlockLines(text);
	if (starts === 'no block') return withoutBlock([]);
	if (starts === 'unclosed') {
		const unclosed: Problem = { code: 'yaml-syntax', range: lines.rangeAt(0, 3), message: { id: 'yamlUnclosed' } };
		return withoutBlock([unclosed]);
	}
	// Most blocks are `key: value` lines and lists; the fast path reads those without `yaml`, or declines.
	const simple = readers === 'yaml' ? undefined : readSimpleBlock(text, lines, starts);
	if (simple !== undefined || readers === 'simple') return simple;
	return readYamlBlock(text, lines, starts);
}

function readYamlBlock(text: string, lines: LineIndex, starts: readonly number[]): FrontMatterResult {
	const closeLine = starts.length - 2;
	try {
		return readBlock(text, lines, starts);
	} catch (error) {
		// The parser is recursive; a pathological nesting may exhaust the stack. Report, never throw.
		const reason = error instanceof Error ? error.message : String(error);
		const problem: Problem = {
			code: 'yaml-syntax',
			range: lines.rangeAt(0, 3),
			message: { id: 'yamlSyntax', args: { reason } },
		};
		const bodyStart = starts[closeLine + 1]!;
		const frontMatter = { span: { startLine: 0, endLine: closeLine + 1 }, data: undefined, fields: [] };
		return {
			frontMatter,
			links: [],
			problems: [problem],
			bodyStart,
			bodyStartLine: closeLine + 1,
			locate: NO_LOCATION,
		};
	}
}

function withoutBlock(problems: Problem[]): FrontMatterResult {
	return { frontMatter: undefined, links: [], problems, bodyStart: 0, bodyStartLine: 0, locate: NO_LOCATION };
}

function readBlock(text: string, lines: LineIndex, starts: readonly number[]): FrontMatterResult {
	const closeLine = starts.length - 2;
	const contentStart = starts[1]!;
	const contentEnd = starts[closeLine]!;
	// The parser knows `\n` and `\r\n` only; a lone `\r` becomes `\n`, which keeps every offset.
	const source = text.slice(contentStart, contentEnd).replace(/\r(?!\n)/g, '\n');
	const doc = parseDocument(source, PARSE_OPTIONS);
	const ranges = blockRanges(text, lines, contentStart);
	const problems: Problem[] = doc.errors.map((error) => ({
		code: 'yaml-syntax',
		range: lines.rangeAt(contentStart + error.pos[0], contentStart + error.pos[1]),
		message: { id: 'yamlSyntax', args: { reason: error.message } },
	}));
	const walk = walkBlock(doc, text, lines, ranges, contentStart);
	problems.push(...walk.problems);
	const data = readData(doc, ranges, walk.firstAlias, problems);
	if (data && walk.problems.length > 0) dropRepeatedKeys(data);
	const frontMatter: FrontMatter = {
		span: { startLine: 0, endLine: closeLine + 1 },
		data,
		fields: readFields(doc.contents, ranges),
	};
	const bodyStart = starts[closeLine + 1]!;
	const locate = createYamlLocator(doc.contents, ranges);
	return {
		frontMatter,
		links: walk.links,
		problems: sortProblems(problems),
		bodyStart,
		bodyStartLine: closeLine + 1,
		locate,
	};
}

/** The data of the block: a mapping with the first value of repeated keys, or undefined with a problem. */
function readData(
	doc: Document,
	ranges: YamlRanges,
	firstAlias: Node | undefined,
	problems: Problem[],
): Record<string, unknown> | undefined {
	if (problems.some((problem) => problem.code === 'yaml-syntax')) return undefined;
	const contents = doc.contents;
	if (isEmpty(contents)) return {};
	if (!isMap(contents)) {
		problems.push({ code: 'invalid-value', range: ranges.nodeRange(contents!), message: { id: 'notAMapping' } });
		return undefined;
	}
	try {
		return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
	} catch (error) {
		// An alias bomb or an alias to an unknown anchor: `toJS` refuses before expanding.
		const reason = error instanceof Error ? error.message : String(error);
		const range = ranges.nodeRange(firstAlias ?? contents);
		problems.push({ code: 'yaml-syntax', range, message: { id: 'yamlSyntax', args: { reason } } });
		return undefined;
	}
}

/** A block of blank lines and comments is an empty mapping. */
function isEmpty(contents: Node | null): boolean {
	if (contents === null || contents === undefined) return true;
	return isScalar(contents) && contents.value === null && contents.range![0] === contents.range![1];
}

interface BlockWalk {
	readonly links: Link[];
	readonly problems: Problem[];
	readonly firstAlias: Node | undefined;
}

/** One pass over the tree: links in strings, repeated keys (removed, so the data keeps the first value). */
function walkBlock(doc: Document, text: string, lines: LineIndex, ranges: YamlRanges, contentStart: number): BlockWalk {
	const links: Link[] = [];
	const problems: Problem[] = [];
	let firstAlias: Node | undefined;
	walkYaml(doc.contents, {
		scalar(node, inKey) {
			if (!inKey) findScalarLinks(node, text, lines, contentStart, links);
		},
		map(node) {
			for (const key of renameRepeatedKeys(node)) {
				const args = { key: yamlKeyName(key) ?? '' };
				problems.push({ code: 'duplicate-key', range: ranges.nodeRange(key), message: { id: 'duplicateKey', args } });
			}
		},
		alias(node) {
			firstAlias ??= node;
		},
	});
	return { links, problems, firstAlias };
}

/**
 * Renames the keys that repeat an earlier one to REPEATED_KEY and returns the original keys. The
 * pairs stay in the tree (an alias elsewhere may point into them), so `toJS` keeps the first value.
 */
function renameRepeatedKeys(map: YAMLMap): Scalar[] {
	const seen = new Set<string>();
	const repeated: Scalar[] = [];
	for (const pair of map.items) {
		const name = yamlKeyName(pair.key);
		if (name === undefined || !isScalar(pair.key)) continue;
		if (!seen.has(name)) {
			seen.add(name);
			continue;
		}
		repeated.push(pair.key);
		pair.key = new Scalar(REPEATED_KEY);
	}
	return repeated;
}

/** Deletes the REPEATED_KEY properties `toJS` made; shared objects (aliases) are visited once. */
function dropRepeatedKeys(data: unknown): void {
	const seen = new Set<object>();
	const stack: unknown[] = [data];
	while (stack.length > 0) {
		const value = stack.pop();
		if (value === null || typeof value !== 'object' || seen.has(value)) continue;
		seen.add(value);
		if (!Array.isArray(value)) delete (value as Record<string, unknown>)[REPEATED_KEY];
		stack.push(...Object.values(value));
	}
}

/**
 * Links of one string scalar, found in its raw source so that ranges are exact. A link whose
 * source differs from the parsed value (an escape inside it) cannot be mapped back, so it is skipped.
 */
function findScalarLinks(node: Scalar, text: string, lines: LineIndex, contentStart: number, links: Link[]): void {
	if (typeof node.value !== 'string' || !node.range) return;
	const escape = node.type === 'QUOTE_DOUBLE' ? '\\' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
	const source = [contentStart + node.range[0], contentStart + node.range[1]] as const;
	pushStringLinks(text, lines, source, node.value, escape, links);
}

/** The top-level keys, first occurrence only (as in the data). */
function readFields(contents: Node | null, ranges: YamlRanges): FrontMatterField[] {
	if (!isMap(contents)) return [];
	const fields: FrontMatterField[] = [];
	for (const pair of contents.items) {
		const key = yamlKeyName(pair.key);
		if (key === undefined || key === REPEATED_KEY || !isScalar(pair.key)) continue;
		fields.push({ key, keyRange: ranges.nodeRange(pair.key), valueRange: ranges.valueRange(pair) });
	}
	return fields;
}

function blockRanges(text: string, lines: LineIndex, contentStart: number): YamlRanges {
	const nodeRange = (node: Node): Range => {
		const [start, end] = node.range ?? [0, 0];
		// Block collections and block scalars end after their last line break; ranges end at the text.
		let trimmedEnd = contentStart + end;
		while (trimmedEnd > contentStart + start && isWhitespace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
		return lines.rangeAt(contentStart + start, trimmedEnd);
	};
	return {
		nodeRange,
		valueRange(pair) {
			const value = pair.value as Node | null;
			const hasValue = value && value.range && value.range[0] < value.range[1];
			if (hasValue) return nodeRange(value);
			const keyEnd = isScalar(pair.key) && pair.key.range ? contentStart + pair.key.range[1] : contentStart;
			const offset = emptyValueOffset(text, lines, keyEnd);
			return lines.rangeAt(offset, offset);
		},
	};
}

/** An empty value stands at the end of the key line, or just after the colon when a comment follows. */
function emptyValueOffset(text: string, lines: LineIndex, keyEnd: number): number {
	const lineEnd = lines.lineEnd(lines.positionAt(keyEnd).line);
	let afterColon = keyEnd;
	while (afterColon < lineEnd && isBlank(text.charCodeAt(afterColon))) afterColon++;
	afterColon = text.charCodeAt(afterColon) === 58 /* : */ ? afterColon + 1 : keyEnd;
	return text.slice(afterColon, lineEnd).trim() === '' ? lineEnd : afterColon;
}

/**
 * The starts of the block's lines: line 0 (the opening fence) to the line after the closing fence
 * (the text's end when the fence ends the text), so the closing fence is line `starts.length - 2`.
 * Only the block is scanned: the line index would scan thousands of characters of body with it.
 */
function findBlockLines(text: string): readonly number[] | 'no block' | 'unclosed' {
	if (!isFenceAt(text, 0)) return 'no block';
	const starts = [0];
	for (let start = nextLineStart(text, 0); start >= 0; start = nextLineStart(text, start)) {
		starts.push(start);
		if (!isFenceAt(text, start)) continue;
		const bodyStart = nextLineStart(text, start);
		starts.push(bodyStart < 0 ? text.length : bodyStart);
		return starts;
	}
	return 'unclosed';
}

/** A fence: `---` at `start`, then nothing but spaces and tabs up to the line break. */
function isFenceAt(text: string, start: number): boolean {
	if (!text.startsWith('---', start)) return false;
	for (let offset = start + 3; offset < text.length; offset++) {
		const code = text.charCodeAt(offset);
		if (code === 10 || code === 13) return true;
		if (!isBlank(code)) return false;
	}
	return true;
}

/** The start of the line after the one at `offset`, or -1 on the last line; breaks are `\n`, `\r\n` and `\r`. */
function nextLineStart(text: string, offset: number): number {
	for (let index = offset; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 10) return index + 1;
		if (code === 13) return text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1;
	}
	return -1;
}

function isBlank(code: number): boolean {
	return code === 32 || code === 9;
}

function isWhitespace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13;
}

function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort(
		(a, b) =>
			a.range.start.line - b.range.start.line ||
			a.range.start.character - b.range.start.character ||
			(a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
	);
}
