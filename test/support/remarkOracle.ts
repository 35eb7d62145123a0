// The reference the Markdown scanner is held to: remark-parse + remark-gfm + remark-frontmatter
// + remark-math (SPEC §2.3), with Obsidian `%%…%%` comments blanked first. Slow (a full mdast
// parse), so it lives in tests and benchmarks only.
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findWikilinks, wikilinkToLink } from '../../server/src/core/parse/wikilinkSyntax';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Heading, Link } from '../../server/src/core/types';

/** What the oracle extracts from a document; the same shape the scanner answers with (block ids aside). */
export interface OracleScan {
	readonly headings: Heading[];
	readonly links: Link[];
}

interface MdastNode {
	readonly type: string;
	readonly url?: string;
	readonly depth?: number;
	readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
	readonly children?: readonly MdastNode[];
}

const EXCLUDED_TYPES = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'yaml']);
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

const processor = createProcessor();

/**
 * The remark pipeline, minus mdast-util-gfm-autolink-literal's text transform: it re-finds
 * `www.`/`http://` literals that micromark declined (after an unclosed `[`) in text nodes and
 * splits them into nodes without positions, which would blank the oracle's heading texts. Those
 * links always have a scheme and never touch code, HTML or math, so dropping it loses nothing.
 */
function createProcessor() {
	const res = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMath).freeze();
	const extensions = (res.data('fromMarkdownExtensions') ?? []) as unknown[];
	const strip = (extension: unknown): void => {
		if (Array.isArray(extension)) extension.forEach(strip);
		else if (extension && typeof extension === 'object') {
			const candidate = extension as { enter?: Record<string, unknown>; transforms?: unknown[] };
			if (candidate.enter && 'literalAutolink' in candidate.enter) candidate.transforms = [];
		}
	};
	strip(extensions);
	return res;
}

/** Parses `text` (front matter before `bodyStart`) with remark and extracts links and headings. */
export function remarkOracle(text: string, bodyStart: number): OracleScan {
	const comments = findObsidianComments(text, bodyStart);
	const source = blankRanges(text, comments);
	const tree = processor.parse(source) as unknown as MdastNode;
	const lineIndex = new LineIndex(text);
	const excluded: [number, number][] = [...comments];
	const links: { start: number; link: Link }[] = [];
	const headings: Heading[] = [];
	walk(tree, (node) => {
		const start = node.position?.start.offset ?? 0;
		const end = node.position?.end.offset ?? 0;
		if (EXCLUDED_TYPES.has(node.type)) excluded.push([start, end]);
		if (start < bodyStart) return;
		if (node.type === 'heading') headings.push(toHeading(node, text, lineIndex));
		if (node.type === 'link' || node.type === 'image') {
			const link = toMarkdownLink(node, text, lineIndex);
			if (link) links.push({ start, link });
		}
	});
	findWikilinks(text, bodyStart, text.length, (match) => {
		const overlaps = excluded.some(([start, end]) => start < match.end && match.start < end);
		if (overlaps) return;
		links.push({ start: match.start, link: wikilinkToLink(match, lineIndex, 'wiki') });
	});
	links.sort((a, b) => a.start - b.start);
	return { headings, links: links.map((entry) => entry.link) };
}

/** `%%…%%` pairs over the raw body, left to right; an unclosed `%%` is literal. */
export function findObsidianComments(text: string, bodyStart: number): [number, number][] {
	const res: [number, number][] = [];
	let from = bodyStart;
	for (;;) {
		const open = text.indexOf('%%', from);
		if (open < 0) return res;
		const close = text.indexOf('%%', open + 2);
		if (close < 0) return res;
		res.push([open, close + 2]);
		from = close + 2;
	}
}

function blankRanges(text: string, ranges: readonly [number, number][]): string {
	let res = '';
	let last = 0;
	for (const [start, end] of ranges) {
		res += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
		last = end;
	}
	return res + text.slice(last);
}

function walk(node: MdastNode, visit: (node: MdastNode) => void): void {
	visit(node);
	for (const child of node.children ?? []) walk(child, visit);
}

function toHeading(node: MdastNode, text: string, lineIndex: LineIndex): Heading {
	const start = node.position!.start.offset!;
	const end = node.position!.end.offset!;
	const children = node.children ?? [];
	const first = children[0]?.position?.start.offset;
	const last = children[children.length - 1]?.position?.end.offset;
	const headingText = first === undefined || last === undefined ? '' : text.slice(first, last);
	return {
		level: node.depth!,
		text: headingText,
		line: lineIndex.positionAt(start).line,
		range: lineIndex.rangeAt(start, end),
	};
}

/** A `link`/`image` node as a vault link candidate: no scheme, a non-empty path before `#`. */
function toMarkdownLink(node: MdastNode, text: string, lineIndex: LineIndex): Link | undefined {
	const url = node.url ?? '';
	if (SCHEME.test(url)) return undefined;
	const hash = url.indexOf('#');
	const path = hash < 0 ? url : url.slice(0, hash);
	if (path === '') return undefined;
	const start = node.position!.start.offset!;
	const end = node.position!.end.offset!;
	// Only inline links reach here with a `(`: reference links and autolinks are not vault links.
	if (text.charCodeAt(end - 1) !== 41 /* ) */) return undefined;
	return {
		kind: 'markdown',
		embed: node.type === 'image',
		range: lineIndex.rangeAt(start, end),
		target: decodePath(path),
		targetRange: lineIndex.rangeAt(start, start),
		fragment: hash < 0 ? undefined : decodePath(url.slice(hash + 1)),
		label: undefined,
		inTopics: false,
	};
}

function decodePath(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
