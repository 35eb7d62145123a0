// Quick fixes for the diagnostics of one note, driven by each diagnostic's `code` and `data`
// (`linkIndex`, `candidates`): create the missing note, pick a candidate of an ambiguous link,
// change a broken target to a close existing name, link a topic instead of a non-topic, drop a
// duplicate topic, add a missing field or the whole front matter.
import { resolveLink } from '../index/resolve';
import type { VaultIndex } from '../index/vault';
import { LineIndex } from '../text/lineIndex';
import { basename, dirname, isMarkdownPath, nameKey, noteName } from '../text/paths';
import type { DiagnosticData, Link, NoteId, Range, TextEdit } from '../types';
import { closestNames } from './closestNames';
import { isInFolder } from './diagnostics';
import type { EditMessage } from './editMessages';
import { relativePath } from './linkTargetText';
import type { NewNoteOptions } from './newNoteContent';
import { frontMatterBlock, newNoteContent, yamlScalar } from './newNoteContent';
import type { VaultEdit } from './vaultEdit';

/** A diagnostic as the client hands it back (code, range and the data we attached). */
export interface FixableDiagnostic {
	readonly code: string;
	readonly range: Range;
	readonly data?: DiagnosticData;
}

export interface QuickFix {
	readonly title: EditMessage;
	/** Index of the diagnostic it fixes in the list given. */
	readonly diagnostic: number;
	readonly edit: VaultEdit;
	/** The fix to apply with "auto fix" (only when it is the single obvious one). */
	readonly preferred: boolean;
}

export interface CodeActionOptions extends NewNoteOptions {
	/** The note's current text (line endings, line removal). */
	readonly text: string;
}

/** The quick fixes for `diagnostics` of note `id`; stale diagnostics (the link moved) get none. */
export function computeCodeActions(
	vault: VaultIndex,
	id: NoteId,
	diagnostics: readonly FixableDiagnostic[],
	options: CodeActionOptions,
): QuickFix[] {
	const context: FixContext = { vault, id, options, lines: new LineIndex(options.text) };
	// missing-field diagnostics carry no field name: the n-th one is the n-th missing-field problem.
	let missingFields = 0;
	return diagnostics.flatMap((diagnostic, index) => {
		const ordinal = diagnostic.code === 'missing-field' ? missingFields++ : 0;
		return fixesFor(context, diagnostic, ordinal).map((fix) => ({ ...fix, diagnostic: index }));
	});
}

interface FixContext {
	readonly vault: VaultIndex;
	readonly id: NoteId;
	readonly options: CodeActionOptions;
	readonly lines: LineIndex;
}

type Fix = Omit<QuickFix, 'diagnostic'>;

function fixesFor(context: FixContext, diagnostic: FixableDiagnostic, ordinal: number): Fix[] {
	if (diagnostic.code === 'missing-field') return missingFieldFixes(context, diagnostic.data?.field, ordinal);
	if (diagnostic.code === 'missing-front-matter') return frontMatterFixes(context);
	const link = linkOf(context, diagnostic);
	if (!link) return [];
	switch (diagnostic.code) {
		case 'broken-link':
			return [...createNoteFixes(context, link), ...closestNameFixes(context, link)];
		case 'ambiguous-link':
			return candidateFixes(context, link, diagnostic.data?.candidates ?? []);
		case 'not-a-topic':
			return notATopicFixes(context, link, diagnostic.data?.linkIndex ?? -1);
		case 'duplicate-topic':
			return [
				{ title: { id: 'removeDuplicate' }, edit: textEdit(context.id, removeLine(context, link)), preferred: true },
			];
		default:
			return [];
	}
}

/** The link a diagnostic is about, when the index still has it at the same place. */
function linkOf(context: FixContext, diagnostic: FixableDiagnostic): Link | undefined {
	const index = diagnostic.data?.linkIndex;
	const link = index === undefined ? undefined : context.vault.note(context.id)?.syntax?.links[index];
	return link && sameRange(link.range, diagnostic.range) ? link : undefined;
}

function createNoteFixes(context: FixContext, link: Link): Fix[] {
	const creation = newNoteContent(context.vault, context.id, link, context.options);
	if (!creation) return [];
	const edit: VaultEdit = { changes: [], renames: [], creations: [creation] };
	return [{ title: { id: 'createNote', args: { path: creation.id } }, edit, preferred: true }];
}

/** Up to three existing names closest to the broken target (the ones the hover lists too). */
function closestNameFixes(context: FixContext, link: Link): Fix[] {
	if (link.target === '') return [];
	const wanted = isMarkdownPath(link.target) ? noteName(link.target) : basename(link.target);
	const notes = context.vault.noteIds().map((note) => ({ name: noteName(note), value: note }));
	return closestNames(wanted, notes).flatMap((close) => {
		const target = uniqueTarget(context, link, close.value);
		if (target === undefined) return [];
		return [
			{
				title: { id: 'replaceWith', args: { name: close.name } },
				edit: targetEdit(context, link, target),
				preferred: false,
			},
		];
	});
}

function candidateFixes(context: FixContext, link: Link, candidates: readonly NoteId[]): Fix[] {
	return candidates.flatMap((candidate) => {
		const target = uniqueTarget(context, link, candidate);
		if (target === undefined) return [];
		return [
			{
				title: { id: 'useCandidate', args: { path: candidate } },
				edit: targetEdit(context, link, target),
				preferred: false,
			},
		];
	});
}

/** Link the topic note of the same name when the topics folder has one; otherwise offer to remove the line. */
function notATopicFixes(context: FixContext, link: Link, linkIndex: number): Fix[] {
	const entry = context.vault.note(context.id)!;
	const current = entry.resolutions[linkIndex]?.target;
	const folder = context.vault.config.config.topics.folder;
	const name = current === undefined ? undefined : nameKey(noteName(current));
	const topic = context.vault.noteIds().find((note) => isInFolder(note, folder) && nameKey(noteName(note)) === name);
	const target = topic === undefined ? undefined : uniqueTarget(context, link, topic);
	if (topic !== undefined && target !== undefined) {
		return [
			{ title: { id: 'useTopic', args: { path: topic } }, edit: targetEdit(context, link, target), preferred: true },
		];
	}
	return [{ title: { id: 'removeLine' }, edit: textEdit(context.id, removeLine(context, link)), preferred: false }];
}

/** `field: ` inserted before the closing `---`; the value is left to type (no snippets in LSP 3.17 edits). */
function missingFieldFixes(context: FixContext, named: string | undefined, ordinal: number): Fix[] {
	const syntax = context.vault.note(context.id)?.syntax;
	const span = syntax?.frontMatter?.span;
	if (!syntax || !span) return [];
	const fields = syntax.problems.flatMap((problem) =>
		problem.code === 'missing-field' && typeof problem.message.args?.['field'] === 'string'
			? [problem.message.args['field']]
			: [],
	);
	const field = named ?? fields[ordinal];
	if (field === undefined) return [];
	const at = { line: span.endLine - 1, character: 0 };
	const line = field === 'title' ? `title: ${yamlScalar(noteName(context.id))}` : `${yamlKey(field)}: `;
	const edit = textEdit(context.id, { range: { start: at, end: at }, newText: line + lineEnding(context.lines.text) });
	return [{ title: { id: 'addField', args: { field } }, edit, preferred: fields.length === 1 }];
}

function frontMatterFixes(context: FixContext): Fix[] {
	const syntax = context.vault.note(context.id)?.syntax;
	const problem = syntax?.problems.find((found) => found.code === 'missing-front-matter');
	const fields = problem?.message.args?.['fields'];
	if (typeof fields !== 'string' || fields === '') return [];
	const list = fields.split(', ');
	const block = frontMatterBlock(list.map(yamlKey), noteName(context.id), lineEnding(context.lines.text));
	const start = { line: 0, character: 0 };
	const edit = textEdit(context.id, { range: { start, end: start }, newText: block });
	return [{ title: { id: 'addFrontMatter', args: { fields } }, edit, preferred: true }];
}

/**
 * The shortest target text that resolves to `to` from this note, in the link's kind: a wikilink
 * gets the shortest unique tail of the path (keeping a written `.md`), a Markdown link the
 * relative path with spaces encoded.
 */
function uniqueTarget(context: FixContext, link: Link, to: NoteId): string | undefined {
	const { vault, id } = context;
	const isNote = isMarkdownPath(to);
	const resolves = (target: string) => {
		const resolution = resolveLink(vault.fileLookup, id, { ...link, target });
		return resolution.status === 'resolved' && resolution.target === to;
	};
	if (link.kind === 'markdown') {
		const relative = relativePath(dirname(id), to);
		return resolves(relative) ? relative.replace(/[ #<>]/g, encodeURIComponent) : undefined;
	}
	const suffix = isNote && isMarkdownPath(link.target) ? '.md' : '';
	const segments = (isNote ? to.slice(0, -3) : to).split('/');
	for (let count = 1; count <= segments.length; count++) {
		const target = segments.slice(-count).join('/') + suffix;
		if (resolves(target)) return target;
	}
	return undefined;
}

function targetEdit(context: FixContext, link: Link, target: string): VaultEdit {
	return textEdit(context.id, { range: link.targetRange, newText: target });
}

/** The whole line of a link, its line break included. */
function removeLine(context: FixContext, link: Link): TextEdit {
	const line = link.range.start.line;
	const last = line + 1 >= context.lines.lineCount;
	const start =
		last && line > 0
			? {
					line: line - 1,
					character: context.lines.lineEnd(line - 1) - context.lines.offsetAt({ line: line - 1, character: 0 }),
				}
			: { line, character: 0 };
	const end = last
		? { line, character: context.lines.lineEnd(line) - context.lines.offsetAt({ line, character: 0 }) }
		: { line: line + 1, character: 0 };
	return { range: { start, end }, newText: '' };
}

function textEdit(id: NoteId, edit: TextEdit): VaultEdit {
	return { changes: [{ id, edits: [edit] }], renames: [], creations: [] };
}

function yamlKey(field: string): string {
	return /^[\p{L}\p{N}_][\p{L}\p{N}_ -]*$/u.test(field) && field === field.trim() ? field : JSON.stringify(field);
}

function lineEnding(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

function sameRange(a: Range, b: Range): boolean {
	return (
		a.start.line === b.start.line &&
		a.start.character === b.start.character &&
		a.end.line === b.end.line &&
		a.end.character === b.end.character
	);
}
