// Rename (F2): a note, from a link to it, or a heading, from the heading line or from a link's
// fragment. A note's rename is a file rename plus the link edits of `updateLinksForMoves`; a
// heading's rename rewrites the heading text and every fragment segment that names it.
//
// What the user types for a note (README "Renaming notes"): a name without `/` keeps the note in
// its folder (`新名字` → `folder/新名字.md`); a name with `/` is a path from the vault root
// (`folder/新名字`, a leading `/` allowed); `./x` and `../x` are relative to the note's folder.
// `.md` is optional. Attachments keep their extension when it is left out.
import { findAnchor, isBlockFragment } from '../index/fragments';
import type { VaultIndex } from '../index/vault';
import { headingKey } from '../text/headingKey';
import { LineIndex } from '../text/lineIndex';
import {
	basename,
	compareCodePoints,
	dirname,
	isInvisiblePath,
	isMarkdownPath,
	joinPath,
	nameKey,
	noteName,
} from '../text/paths';
import type { Heading, Link, NoteId, Position, Range, TextEdit } from '../types';
import type { EditMessage } from './editMessages';
import { contains, headingAt, isBefore, linkAt } from './linkAt';
import { updateLinksForMoves } from './updateLinksForMoves';
import type { FileEdits, VaultEdit } from './vaultEdit';

export type PrepareRenameResult =
	| { readonly kind: 'note'; readonly range: Range; readonly placeholder: string; readonly target: NoteId }
	| {
			readonly kind: 'heading';
			readonly range: Range;
			readonly placeholder: string;
			readonly note: NoteId;
			readonly line: number;
	  }
	| { readonly kind: 'refused'; readonly message: EditMessage };

export type RenameResult =
	| {
			readonly kind: 'edit';
			readonly edit: VaultEdit;
			readonly linkCount: number;
			/** Notes not read (skipped, pending, stale): they may hold links that were not updated. */
			readonly unread: readonly NoteId[];
			/** Notes whose text the caller must give before calling again. */
			readonly needText: readonly NoteId[];
	  }
	| { readonly kind: 'refused'; readonly message: EditMessage };

/** What a rename at `position` would rename, and the text the user starts from. */
export function prepareRename(vault: VaultIndex, id: NoteId, position: Position): PrepareRenameResult {
	const at = linkAt(vault, id, position);
	if (at) return prepareLink(vault, at.link, at.resolution.status, at.resolution.target, position);
	const heading = headingAt(vault, id, position);
	if (heading)
		return { kind: 'heading', range: heading.range, placeholder: heading.text, note: id, line: heading.line };
	return refused('notRenamable');
}

function prepareLink(
	vault: VaultIndex,
	link: Link,
	status: string,
	target: NoteId | undefined,
	position: Position,
): PrepareRenameResult {
	const onFragment =
		link.target === '' ||
		(link.fragment !== undefined && !isBefore(position, link.targetRange.end) && !onLabel(link, position));
	if (status === 'ambiguous') return refused('ambiguousTarget', { target: link.target });
	if (status !== 'resolved' || target === undefined) return refused('brokenTarget', { target: link.target });
	if (onFragment && link.fragment !== undefined && !isBlockFragment(link.fragment)) {
		const syntax = vault.note(target)?.syntax;
		const anchor = syntax ? findAnchor(syntax, link.fragment) : undefined;
		if (anchor?.kind === 'heading') {
			return {
				kind: 'heading',
				range: link.range,
				placeholder: anchor.heading.text,
				note: target,
				line: anchor.heading.line,
			};
		}
	}
	if (link.target === '') return refused('notRenamable');
	const placeholder = link.kind !== 'markdown' && link.target.includes('/') ? withoutMd(target) : displayName(target);
	return {
		kind: 'note',
		range: link.targetRange,
		placeholder,
		target,
	};
}

function onLabel(link: Link, position: Position): boolean {
	if (link.label === undefined || link.kind === 'markdown') return false;
	const end = { line: link.range.end.line, character: link.range.end.character - 2 };
	const start = { line: end.line, character: end.character - link.label.length };
	return contains({ start, end }, position);
}

/**
 * Renames a note or attachment to what the user typed, with every link to it rewritten.
 * `textOf` gives notes' current text; notes it lacks come back in `needText`.
 */
export function renameNote(
	vault: VaultIndex,
	target: NoteId,
	typed: string,
	textOf: (id: NoteId) => string | undefined,
): RenameResult {
	const to = renamedPath(vault, target, typed);
	if (typeof to !== 'string') return { kind: 'refused', message: to };
	const update = updateLinksForMoves(vault, [{ from: target, to }], textOf);
	return {
		kind: 'edit',
		edit: { changes: update.changes, renames: [{ from: target, to }], creations: [] },
		linkCount: update.linkCount,
		unread: update.unread,
		needText: update.needText,
	};
}

// Windows-safe file names (`: * ? " < > |`, control characters), and `# ^ [ ]`, which no wikilink
// could name (they end the target), are refused everywhere.
const FORBIDDEN = /[:*?"<>|#^[\]\u0000-\u001f\u007f]/;

/**
 * The new id of a note or attachment for what the user typed, or why it is refused (what
 * `renameNote` moves it to; the server computes the link edits itself, a slice of notes at a time).
 */
export function renamedPath(vault: VaultIndex, target: NoteId, typed: string): NoteId | EditMessage {
	const name = typed.trim().replace(/\\/g, '/');
	if (name === '' || name.endsWith('/')) return message('emptyName');
	if (FORBIDDEN.test(name)) return message('invalidCharacters', { name });
	const relative = name.startsWith('./') || name.startsWith('../');
	const base = name.startsWith('/') ? '' : relative || !name.includes('/') ? dirname(target) : '';
	const joined = joinPath(base, name);
	if (joined === undefined || joined === '') return message('outsideVault', { name });
	const to = withExtension(joined, target);
	if (to.split('/').some((segment) => segment.trim() === '' || segment !== segment.trim())) return message('emptyName');
	if (isInvisiblePath(to)) return message('invisiblePath', { name });
	if (to === target) return message('sameName', { name: displayName(target) });
	// A case-only rename of the same file is fine; any other file under that key is in the way.
	const clash = (['note', 'attachment'] as const)
		.flatMap((kind) => vault.fileLookup.byPath(nameKey(to), kind))
		.filter((id) => id !== target)
		.sort(compareCodePoints)[0];
	if (clash) return message('targetExists', { path: clash });
	return to;
}

function withExtension(path: string, target: NoteId): NoteId {
	if (isMarkdownPath(target)) return isMarkdownPath(path) ? path.slice(0, -3) + '.md' : path + '.md';
	const extension = basename(target).includes('.') ? basename(target).slice(basename(target).lastIndexOf('.')) : '';
	return path.toLowerCase().endsWith(extension.toLowerCase()) ? path : path + extension;
}

/**
 * Renames the heading on `line` of note `id` to `typed`, rewriting every link fragment segment
 * that names it (`[[Note#Old]]`, `[[#Old]]`, `[[Note#Top#Old]]`, `[x](Note.md#Old)`).
 */
export function renameHeading(
	vault: VaultIndex,
	id: NoteId,
	line: number,
	typed: string,
	textOf: (id: NoteId) => string | undefined,
): RenameResult {
	const syntax = vault.note(id)?.syntax;
	const heading = syntax?.headings.find((candidate) => candidate.line === line);
	if (!syntax || !heading) return refused('notRenamable');
	const newText = typed.trim();
	const problem = checkHeadingName(syntax.headings, heading, newText);
	if (problem) return { kind: 'refused', message: problem };
	const sources = [...new Set([id, ...vault.linkingNotes(id)])];
	const missing = sources.filter((source) => textOf(source) === undefined);
	if (missing.length > 0) return { kind: 'edit', edit: EMPTY, linkCount: 0, unread: [], needText: missing };
	const ownEdit = headingTextEdit(textOf(id)!, heading, newText);
	if (!ownEdit) return refused('headingUnreadable');
	const changes: FileEdits[] = [];
	let linkCount = 0;
	for (const source of sources) {
		const edits = fragmentEdits(vault, source, id, heading, newText, textOf(source)!);
		linkCount += edits.length;
		const all = source === id ? [ownEdit, ...edits] : edits;
		if (all.length > 0) changes.push({ id: source, edits: all });
	}
	return { kind: 'edit', edit: { changes, renames: [], creations: [] }, linkCount, unread: [], needText: [] };
}

const EMPTY: VaultEdit = { changes: [], renames: [], creations: [] };

function checkHeadingName(headings: readonly Heading[], heading: Heading, newText: string): EditMessage | undefined {
	if (newText === '' || headingKey(newText) === '') return message('emptyName');
	if (/[\r\n]/.test(newText) || heading.text.includes('\n')) return message('headingUnreadable');
	if (newText === heading.text) return message('sameName', { name: newText });
	const key = headingKey(newText);
	const clash = headings.some((other) => other !== heading && headingKey(other.text) === key);
	return clash ? message('headingExists', { name: newText }) : undefined;
}

/** Replaces the heading's text on its line, leaving the `#` marks and any closing sequence alone. */
function headingTextEdit(text: string, heading: Heading, newText: string): TextEdit | undefined {
	const lines = new LineIndex(text);
	// Not LineIndex.lineText: offsets first, so the lazily built line table is filled.
	const lineStart = lines.offsetAt({ line: heading.line, character: 0 });
	const lineText = text.slice(lineStart, lines.lineEnd(heading.line));
	const marks = /^ {0,3}#{1,6}/.exec(lineText)?.[0].length ?? 0;
	const start = lineText.indexOf(heading.text, marks);
	if (start < 0) return undefined;
	const range = {
		start: { line: heading.line, character: start },
		end: { line: heading.line, character: start + heading.text.length },
	};
	return { range, newText };
}

/** Edits of the fragment segments in `source` that name `heading` of note `id`. */
function fragmentEdits(
	vault: VaultIndex,
	source: NoteId,
	id: NoteId,
	heading: Heading,
	newText: string,
	text: string,
): TextEdit[] {
	const entry = vault.note(source)!;
	const target = vault.note(id)!.syntax!;
	const lines = new LineIndex(text);
	const edits: TextEdit[] = [];
	entry.syntax?.links.forEach((link, index) => {
		const resolution = entry.resolutions[index]!;
		if (link.fragment === undefined || isBlockFragment(link.fragment) || resolution.target !== id) return;
		if (resolution.status !== 'resolved') return;
		const parts = link.fragment.split('#');
		const named = parts.findIndex((_, at) => {
			const anchor = findAnchor(target, parts.slice(0, at + 1).join('#'));
			return anchor?.kind === 'heading' && anchor.heading.line === heading.line && headingKey(parts[at]!) !== '';
		});
		if (named < 0) return;
		const edit = segmentEdit(lines, link, named, newText);
		if (edit) edits.push(edit);
	});
	return edits;
}

/** Rewrites segment `at` of a link's raw fragment (segments are separated by `#`), spaces around it kept. */
function segmentEdit(lines: LineIndex, link: Link, at: number, newText: string): TextEdit | undefined {
	const text = lines.text;
	const hash = text.indexOf('#', lines.offsetAt(link.targetRange.end));
	const linkEnd = lines.offsetAt(link.range.end);
	if (hash < 0 || hash >= linkEnd) return undefined;
	const end = fragmentEnd(text, hash + 1, linkEnd, link.kind === 'markdown');
	let segmentStart = hash + 1;
	const segments = text.slice(hash + 1, end).split('#');
	for (let index = 0; index < at; index++) segmentStart += segments[index]!.length + 1;
	const segment = segments[at];
	if (segment === undefined) return undefined;
	const leading = segment.length - segment.trimStart().length;
	const start = segmentStart + leading;
	const replacement =
		link.kind === 'markdown'
			? encodeFragment(newText, text[lines.offsetAt(link.targetRange.start) - 1] === '<')
			: wikiFragment(newText);
	return { range: lines.rangeAt(start, start + segment.trim().length), newText: replacement };
}

/** Where a raw fragment ends: at `|`, `\|` or `]]` in a wikilink; at white space, `)` or `>` in a Markdown link. */
function fragmentEnd(text: string, from: number, limit: number, markdown: boolean): number {
	const stop = markdown ? /[\s)>]/ : /\\\||\||\]\]/;
	const match = stop.exec(text.slice(from, limit));
	return match ? from + match.index : limit;
}

/** Characters that end or split a wikilink fragment are dropped: heading matching ignores them anyway. */
function wikiFragment(newText: string): string {
	return newText
		.replace(/[#|^[\]]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function encodeFragment(newText: string, angled: boolean): string {
	return angled ? newText.replace(/[<>]/g, encodeURIComponent) : newText.replace(/[\s#()<>%]/g, encodeURIComponent);
}

function displayName(id: NoteId): string {
	return isMarkdownPath(id) ? noteName(id) : basename(id);
}

function withoutMd(id: NoteId): string {
	return isMarkdownPath(id) ? id.slice(0, -3) : id;
}

function message(id: EditMessage['id'], args?: EditMessage['args']): EditMessage {
	return args ? { id, args } : { id };
}

function refused(id: EditMessage['id'], args?: EditMessage['args']): { kind: 'refused'; message: EditMessage } {
	return { kind: 'refused', message: message(id, args) };
}
