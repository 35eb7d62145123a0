// The outline of a note: its front-matter keys under one "Front matter" symbol, then (for clients
// without a Markdown outline of their own) its headings, nested by level.
import type { VaultIndex } from '../index/vault';
import { stripBom } from '../parse/parseNote';
import { LineIndex } from '../text/lineIndex';
import type { FrontMatter, Heading, NoteId, Position, Range } from '../types';

export type NoteSymbolKind = 'frontMatter' | 'field' | 'heading';

export interface NoteSymbol {
	readonly name: string;
	/** A field's value, shortened. */
	readonly detail: string | undefined;
	readonly kind: NoteSymbolKind;
	/** Everything the symbol covers: the whole block, the key and its value, the heading's section. */
	readonly range: Range;
	/** What is revealed when the symbol is picked: the opening `---`, the key, the heading line. */
	readonly selectionRange: Range;
	readonly children: readonly NoteSymbol[];
}

export interface DocumentSymbolOptions {
	/** List headings too (VS Code's own Markdown support already does). */
	readonly headings: boolean;
}

const MAX_DETAIL = 80;

/**
 * The symbols of a note; `text` is the note's current text (for where sections end).
 * Headings are named as VS Code's Markdown outline names them (`## Title`).
 */
export function documentSymbols(
	vault: VaultIndex,
	id: NoteId,
	text: string,
	options: DocumentSymbolOptions,
): NoteSymbol[] {
	const syntax = vault.note(id)?.syntax;
	if (!syntax) return [];
	const lines = new LineIndex(stripBom(text));
	const endOfLine = (line: number): Position => {
		const clamped = Math.min(Math.max(line, 0), lines.lineCount - 1);
		return lines.positionAt(lines.lineEnd(clamped));
	};
	const result: NoteSymbol[] = [];
	if (syntax.frontMatter) result.push(frontMatterSymbol(syntax.frontMatter, endOfLine));
	if (options.headings)
		result.push(...headingSymbols(syntax.headings, 0, syntax.headings.length, syntax.lineCount, endOfLine));
	return result;
}

function frontMatterSymbol(frontMatter: FrontMatter, endOfLine: (line: number) => Position): NoteSymbol {
	const start = { line: frontMatter.span.startLine, character: 0 };
	const opening = { start, end: { line: frontMatter.span.startLine, character: 3 } };
	const seen = new Set<string>();
	const children = frontMatter.fields.map((field): NoteSymbol => {
		// A repeated key's value is not in `data` (the schema sees the first one): no detail for it.
		const first = !seen.has(field.key);
		seen.add(field.key);
		return {
			name: field.key,
			detail: first ? valueText(frontMatter.data?.[field.key]) : undefined,
			kind: 'field',
			range: { start: field.keyRange.start, end: field.valueRange.end },
			selectionRange: field.keyRange,
			children: [],
		};
	});
	const range = { start, end: endOfLine(frontMatter.span.endLine - 1) };
	return { name: 'Front matter', detail: undefined, kind: 'frontMatter', range, selectionRange: opening, children };
}

/** The headings of `headings[from, to)` as a tree: each heading holds the deeper ones that follow it. */
function headingSymbols(
	headings: readonly Heading[],
	from: number,
	to: number,
	lineCount: number,
	endOfLine: (line: number) => Position,
): NoteSymbol[] {
	const result: NoteSymbol[] = [];
	let index = from;
	while (index < to) {
		const heading = headings[index]!;
		let end = index + 1;
		while (end < to && headings[end]!.level > heading.level) end++;
		// The section runs to the next heading of the same or a higher level: `headings[end]` (past
		// `to`, the heading that ended the parent's section is also of a higher level).
		const next = headings[end];
		const lastLine = (next ? next.line : lineCount) - 1;
		result.push({
			name: `${'#'.repeat(heading.level)} ${heading.text}`,
			detail: undefined,
			kind: 'heading',
			range: { start: heading.range.start, end: endOfLine(Math.max(lastLine, heading.range.end.line)) },
			selectionRange: heading.range,
			children: headingSymbols(headings, index + 1, end, lineCount, endOfLine),
		});
		index = end;
	}
	return result;
}

/** A front-matter value as one short line: lists joined with commas, mappings as `{…}`. */
function valueText(value: unknown): string | undefined {
	const full = scalarOrList(value);
	if (full === undefined) return undefined;
	const oneLine = full.replace(/\s+/g, ' ').trim();
	return oneLine.length > MAX_DETAIL ? oneLine.slice(0, MAX_DETAIL - 1) + '…' : oneLine;
}

function scalarOrList(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map((item) => scalarOrList(item) ?? '').join(', ');
	if (typeof value === 'object') return '{…}';
	return String(value);
}
