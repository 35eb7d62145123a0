// Markdown → the small, safe tree the summary preview renders (SummaryNode). remark (with GFM)
// reads the Markdown; the core's own scanner has already found the vault links, which remark
// does not know, so each one is swapped for a placeholder before parsing and turned back into a
// link node after. Everything that could become markup in the webview ends up as text: raw
// HTML, scripts, and links whose URL is not http(s).
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { NoteId } from '../types';

/** A node of the summary tree; `vaultLink` is a link to a file of the vault, made a URI by the adapter. */
export type SummaryNode =
	| { readonly type: 'text'; readonly value: string }
	| { readonly type: 'code'; readonly value: string }
	| { readonly type: 'break' }
	| { readonly type: 'link'; readonly href: string; readonly children: readonly SummaryNode[] }
	| { readonly type: 'vaultLink'; readonly target: NoteId; readonly children: readonly SummaryNode[] }
	| {
			readonly type: 'paragraph' | 'strong' | 'emphasis' | 'delete' | 'list' | 'listItem' | 'blockquote' | 'heading';
			readonly ordered?: boolean;
			readonly depth?: number;
			readonly children: readonly SummaryNode[];
	  }
	| { readonly type: 'codeBlock'; readonly value: string; readonly lang?: string };

/** A vault link found by the scanner, by offsets into the Markdown given to `summaryTree`. */
export interface SummaryLink {
	readonly start: number;
	readonly end: number;
	/** Where it navigates; undefined when broken (then it is shown as text). */
	readonly target: NoteId | undefined;
	/** What the link displays. */
	readonly text: string;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const HTTP_URL = /^https?:\/\//i;

/** Made on first use: bundles that never build a summary (the CLI) can leave remark out. */
let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
	return unified().use(remarkParse).use(remarkGfm).freeze();
}

/** Converts Markdown (one section of a note) and its vault links to a summary tree. Never throws. */
export function summaryTree(markdown: string, links: readonly SummaryLink[]): SummaryNode[] {
	processor ??= createProcessor();
	const root = processor.parse(withPlaceholders(markdown, links));
	const context: Context = { links, definitions: collectDefinitions(root), inLink: false };
	return convertAll(root.children, context);
}

/**
 * Swaps each link for `\uE000n\uE001` (read by remark as letters, so emphasis around a link
 * still works) and drops Obsidian comments, paired as the scanner pairs them (`%%` pairs over
 * the raw text, code included).
 */
function withPlaceholders(markdown: string, links: readonly SummaryLink[]): string {
	// The note's own private-use marks must not pass for placeholders.
	const source = markdown.replace(/[\uE000\uE001]/g, '\uFFFD');
	let res = '';
	let from = 0;
	links.forEach((link, index) => {
		if (link.start < from) return;
		res += source.slice(from, link.start) + OPEN + index + CLOSE;
		from = link.end;
	});
	res += source.slice(from);
	// A comment keeps only its line breaks, so the blocks around it stay apart.
	return res.replace(/%%[^]*?%%/g, (comment) => comment.replace(/[^\r\n]/g, ''));
}

interface Context {
	readonly links: readonly SummaryLink[];
	readonly definitions: ReadonlyMap<string, string>;
	/** Inside a link: no nested links, vault links become their text. */
	readonly inLink: boolean;
}

function collectDefinitions(root: Parents): Map<string, string> {
	const definitions = new Map<string, string>();
	const visit = (node: Nodes) => {
		if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(root);
	return definitions;
}

function convertAll(nodes: readonly RootContent[], context: Context): SummaryNode[] {
	return nodes.flatMap((node) => convert(node, context));
}

function convert(node: RootContent, context: Context): SummaryNode[] {
	switch (node.type) {
		case 'paragraph':
		case 'blockquote':
		case 'strong':
		case 'emphasis':
		case 'delete':
			return [{ type: node.type, children: convertAll(node.children, context) }];
		case 'heading':
			return [{ type: 'heading', depth: node.depth, children: convertAll(node.children, context) }];
		case 'list':
			return [{ type: 'list', ordered: node.ordered === true, children: convertAll(node.children, context) }];
		case 'listItem':
			return [{ type: 'listItem', children: withPrefix(convertAll(node.children, context), checkbox(node.checked)) }];
		case 'code':
			return [
				node.lang
					? { type: 'codeBlock', value: node.value, lang: node.lang }
					: { type: 'codeBlock', value: node.value },
			];
		case 'inlineCode':
			return [{ type: 'code', value: node.value }];
		case 'break':
			return [{ type: 'break' }];
		case 'text':
			return textWithLinks(node.value, context);
		default:
			return convertOther(node, context);
	}
}

/** Links, media, tables, footnotes, and what the webview must only ever see as text. */
function convertOther(node: RootContent, context: Context): SummaryNode[] {
	switch (node.type) {
		case 'link':
			return externalLink(node.url, node.children, context);
		case 'linkReference':
			return externalLink(context.definitions.get(node.identifier) ?? '', node.children, context);
		case 'image':
		case 'imageReference':
			return plainText(node.alt ?? '', context);
		case 'html':
			// Raw HTML is shown as the text it is, never interpreted.
			return [{ type: 'text', value: node.value }];
		case 'table':
			return node.children.map((row) => ({ type: 'paragraph', children: joinCells(row.children, context) }));
		case 'footnoteReference':
			return [{ type: 'text', value: `[^${node.label ?? node.identifier}]` }];
		case 'footnoteDefinition':
			return withPrefix(convertAll(node.children, context), `[^${node.label ?? node.identifier}]: `);
		case 'definition':
		case 'thematicBreak':
			return [];
		default:
			return 'children' in node ? convertAll(node.children as RootContent[], context) : [];
	}
}

/** An http(s) link keeps its URL; any other (`javascript:`, `data:`, relative) shows its text only. */
function externalLink(url: string, children: readonly PhrasingContent[], context: Context): SummaryNode[] {
	const isSafe = HTTP_URL.test(url) && !context.inLink;
	if (!isSafe) return convertAll(children, context);
	return [{ type: 'link', href: url, children: convertAll(children, { ...context, inLink: true }) }];
}

function textWithLinks(value: string, context: Context): SummaryNode[] {
	const res: SummaryNode[] = [];
	let from = 0;
	for (const match of value.matchAll(PLACEHOLDER)) {
		if (match.index > from) res.push({ type: 'text', value: value.slice(from, match.index) });
		res.push(vaultLink(context.links[Number(match[1])], context));
		from = match.index + match[0].length;
	}
	if (from < value.length) res.push({ type: 'text', value: value.slice(from) });
	return withoutEmptyTexts(res);
}

function vaultLink(link: SummaryLink | undefined, context: Context): SummaryNode {
	const text: SummaryNode = { type: 'text', value: link?.text ?? '' };
	if (link?.target === undefined || context.inLink) return text;
	return { type: 'vaultLink', target: link.target, children: [text] };
}

/** Text where placeholders read as their links' text (image alt text, link labels). */
function plainText(value: string, context: Context): SummaryNode[] {
	const text = value.replace(PLACEHOLDER, (_, index: string) => context.links[Number(index)]?.text ?? '');
	return text === '' ? [] : [{ type: 'text', value: text }];
}

function joinCells(cells: readonly { children: PhrasingContent[] }[], context: Context): SummaryNode[] {
	return cells.flatMap((cell, index) => [
		...(index > 0 ? [{ type: 'text', value: ' | ' } as const] : []),
		...convertAll(cell.children, context),
	]);
}

function checkbox(checked: boolean | null | undefined): string {
	if (checked === true) return '☑ ';
	return checked === false ? '☐ ' : '';
}

/** Puts `prefix` at the start of the first paragraph (or before everything). */
function withPrefix(nodes: SummaryNode[], prefix: string): SummaryNode[] {
	if (prefix === '') return nodes;
	const [first, ...rest] = nodes;
	const text: SummaryNode = { type: 'text', value: prefix };
	if (first?.type === 'paragraph') return [{ ...first, children: [text, ...first.children] }, ...rest];
	return [text, ...nodes];
}

function withoutEmptyTexts(nodes: SummaryNode[]): SummaryNode[] {
	return nodes.filter((node) => node.type !== 'text' || node.value !== '');
}
