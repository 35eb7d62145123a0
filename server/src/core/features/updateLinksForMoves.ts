// The link edits that keep a vault's links working when files are renamed or moved (a rename,
// an explorer move, a folder move). Every link that resolved before still resolves to the same
// file afterwards: links to a moved file are rewritten in their own style, links inside a moved
// note are recomputed when relative, and links elsewhere that a new name would make ambiguous
// are lengthened. Nothing else changes (ARCHITECTURE.md: "edits are minimal").
import { LineIndex } from '../text/lineIndex';
import { basename, compareCodePoints, isMarkdownPath, nameKey, noteName, pathTails } from '../text/paths';
import type { FileKind, FileNames } from '../index/lookup';
import { keysReaching } from '../index/lookup';
import { planLookup, resolveLink } from '../index/resolve';
import type { NoteEntry, VaultIndex } from '../index/vault';
import type { Link, NoteId, Range, TextEdit } from '../types';
import { targetCandidates } from './linkTargetText';
import { noteInfo } from './noteInfo';
import type { FileEdits, FileMove } from './vaultEdit';

export interface LinkUpdate {
	/** Text edits per note, on the notes' current ids and text. */
	readonly changes: readonly FileEdits[];
	/** How many links get a new text. */
	readonly linkCount: number;
	/** Notes whose content is unknown or changed under the index (skipped, pending, stale): not edited. */
	readonly unread: readonly NoteId[];
	/** Notes that need edits and whose text `textOf` did not give: call again with their text. */
	readonly needText: readonly NoteId[];
}

/**
 * Link edits for moving files. `moves` name files (a folder move lists each file); `textOf`
 * gives a note's current text (needed for Markdown links; also used to check it is not stale).
 * `notes` are the notes looked at, in code-point order (by default `notesAffectedByMoves`): a
 * caller may go through them in slices, so that it need not hold every note's text at once.
 */
export function updateLinksForMoves(
	vault: VaultIndex,
	moves: readonly FileMove[],
	textOf: (id: NoteId) => string | undefined,
	notes: readonly NoteId[] = notesAffectedByMoves(vault, moves),
): LinkUpdate {
	const context = moveContext(vault, moves);
	const changes: FileEdits[] = [];
	const unread: NoteId[] = [];
	const needText: NoteId[] = [];
	let linkCount = 0;
	for (const id of notes) {
		const entry = vault.note(id);
		if (!entry) continue;
		if (!entry.syntax) {
			if (entry.skipped || entry.pending) unread.push(id);
			continue;
		}
		const text = textOf(id);
		const found = noteEdits(entry, context, text);
		if (found === 'stale') unread.push(id);
		else if (found === 'needText') needText.push(id);
		else if (found.edits.length > 0) {
			changes.push({ id, edits: found.edits.sort(byPosition) });
			linkCount += found.links;
		}
	}
	return { changes, linkCount, unread, needText };
}

/**
 * The notes whose links the moves may change, in code-point order: the moved notes, the notes
 * linking to a moved file, the notes with a link whose lookup key a new path can answer, and the
 * notes whose content is unknown (reported as unread). Renaming a hub visits its 66k linking
 * notes, not every note of the vault.
 */
export function notesAffectedByMoves(vault: VaultIndex, moves: readonly FileMove[]): NoteId[] {
	const notes = new Set<NoteId>();
	for (const move of moves) {
		if (move.from === move.to || !vault.file(move.from)) continue;
		if (vault.note(move.from)) notes.add(move.from);
		for (const { entry } of vault.incomingLinks(move.from)) notes.add(entry.id);
		for (const key of keysReaching(move.to)) for (const id of vault.notesWithLinkKey(key)) notes.add(id);
	}
	for (const entry of vault.notes()) if (!entry.syntax) notes.add(entry.id);
	return [...notes].sort(compareCodePoints);
}

interface MoveContext {
	readonly vault: VaultIndex;
	readonly moved: ReadonlyMap<NoteId, NoteId>;
	/** The lookup as it will be once the files moved. */
	readonly lookupAfter: FileNames;
	/** Lookup keys that can reach a moved file's new path: links with these keys may change meaning. */
	readonly keysAfter: ReadonlySet<string>;
}

function moveContext(vault: VaultIndex, moves: readonly FileMove[]): MoveContext {
	// Only files of the vault move (a move of an unknown file changes nothing).
	const moved = new Map(
		moves.filter((move) => move.from !== move.to && vault.file(move.from)).map((move) => [move.from, move.to]),
	);
	const lookupAfter = new LookupAfterMoves(vault, moved);
	const keysAfter = new Set([...moved.values()].flatMap((to) => keysReaching(to)));
	return { vault, moved, lookupAfter, keysAfter };
}

/**
 * The vault's lookup as it will be once the files moved: the index's lookup without the moved
 * files, plus their new paths. Copying the whole lookup for every rename cost 0.6 s at 100k notes.
 */
export class LookupAfterMoves implements FileNames {
	private readonly base: FileNames;
	/** New paths by kind and key, for whole paths and for path tails (the old paths' keys map to []). */
	private readonly addedPaths = new Map<string, NoteId[]>();
	private readonly addedTails = new Map<string, NoteId[]>();

	constructor(
		vault: VaultIndex,
		private readonly moved: ReadonlyMap<NoteId, NoteId>,
	) {
		this.base = vault.fileLookup;
		const at = (map: Map<string, NoteId[]>, key: string): NoteId[] => {
			let list = map.get(key);
			if (!list) map.set(key, (list = []));
			return list;
		};
		for (const [from, to] of moved) {
			const kind = vault.file(from)!.kind;
			// The old path's keys are answered anew too: the moved file leaves them.
			at(this.addedPaths, `${kind}\0${nameKey(from)}`);
			for (const tail of pathTails(nameKey(from))) at(this.addedTails, `${kind}\0${tail}`);
			at(this.addedPaths, `${kind}\0${nameKey(to)}`).push(to);
			for (const tail of pathTails(nameKey(to))) at(this.addedTails, `${kind}\0${tail}`).push(to);
		}
	}

	byPath(key: string, kind: FileKind): readonly NoteId[] {
		return this.merged(this.base.byPath(key, kind), this.addedPaths.get(`${kind}\0${key}`));
	}

	byTail(key: string, kind: FileKind): readonly NoteId[] {
		return this.merged(this.base.byTail(key, kind), this.addedTails.get(`${kind}\0${key}`));
	}

	/** As FileLookup keeps them: without the moved files, with the new paths, deduplicated, in code-point order. */
	private merged(before: readonly NoteId[], added: readonly NoteId[] | undefined): readonly NoteId[] {
		if (added === undefined) return before;
		const ids = new Set(before.filter((id) => !this.moved.has(id)));
		for (const id of added) ids.add(id);
		return [...ids].sort(compareCodePoints);
	}
}

type NoteResult = { readonly edits: TextEdit[]; readonly links: number } | 'stale' | 'needText';

function noteEdits(entry: NoteEntry, context: MoveContext, text: string | undefined): NoteResult {
	const sourceAfter = context.moved.get(entry.id) ?? entry.id;
	const lines = text === undefined ? undefined : new LineIndex(text);
	const edits: TextEdit[] = [];
	let links = 0;
	const syntax = entry.syntax!;
	for (let index = 0; index < syntax.links.length; index++) {
		const link = syntax.links[index]!;
		const target = entry.resolutions[index]?.target;
		if (!target || !isAffected(entry, index, context, sourceAfter)) continue;
		if (lines && link.kind !== 'markdown' && slice(lines, link.targetRange) !== link.target) return 'stale';
		if (link.kind === 'markdown' && !lines) return 'needText';
		const move = { before: target, after: context.moved.get(target) ?? target, sourceBefore: entry.id, sourceAfter };
		const linkEdits = editsForLink(link, move, context, lines);
		if (linkEdits.length > 0) links++;
		edits.push(...linkEdits);
	}
	return { edits, links };
}

/** Whether a link must be looked at: it resolved, and its source, its target or its key is touched by the moves. */
function isAffected(entry: NoteEntry, index: number, context: MoveContext, sourceAfter: NoteId): boolean {
	const link = entry.syntax!.links[index]!;
	const resolution = entry.resolutions[index]!;
	if (resolution.status !== 'resolved' || link.target === '') return false;
	if (sourceAfter !== entry.id || context.moved.has(resolution.target!)) return true;
	const key = planLookup(entry.id, link).key;
	return key !== undefined && context.keysAfter.has(key);
}

interface LinkMove {
	readonly before: NoteId;
	readonly after: NoteId;
	readonly sourceBefore: NoteId;
	readonly sourceAfter: NoteId;
}

function editsForLink(link: Link, move: LinkMove, context: MoveContext, lines: LineIndex | undefined): TextEdit[] {
	const nameKept = basename(move.before) === basename(move.after);
	// A relative link of a moved note is recomputed even when it still happens to resolve, so that
	// moving a note away and back gives back the text it had.
	const recompute = move.sourceBefore !== move.sourceAfter && isRelative(link);
	if (nameKept && !recompute && resolvesTo(context, link, link.target, move)) return [];
	const raw = link.kind === 'markdown' ? slice(lines!, link.targetRange) : link.target;
	const angled = link.kind === 'markdown' && lines!.text[lines!.offsetAt(link.targetRange.start) - 1] === '<';
	const candidates = targetCandidates(link, { ...move, rawDestination: raw, angled });
	const decode = (candidate: string) => (link.kind === 'markdown' ? percentDecode(candidate) : candidate);
	const chosen =
		candidates.find((candidate) => resolvesTo(context, link, decode(candidate), move)) ??
		candidates[candidates.length - 1]!;
	const edits: TextEdit[] = chosen === raw ? [] : [{ range: link.targetRange, newText: chosen }];
	const label = nameKept ? undefined : labelEdit(link, move, context.vault);
	return label ? [...edits, label] : edits;
}

function isRelative(link: Link): boolean {
	if (link.kind === 'markdown') return !link.target.startsWith('/');
	return link.target.startsWith('./') || link.target.startsWith('../');
}

function resolvesTo(context: MoveContext, link: Link, target: string, move: LinkMove): boolean {
	const resolution = resolveLink(context.lookupAfter, move.sourceAfter, { ...link, target });
	return resolution.status === 'resolved' && resolution.target === move.after;
}

/** A label equal to the old name (or the old title) follows the new name. */
function labelEdit(link: Link, move: LinkMove, vault: VaultIndex): TextEdit | undefined {
	const label = link.label;
	if (label === undefined || label.includes('\n')) return undefined;
	const displayName = (id: NoteId) => (isMarkdownPath(id) ? noteName(id) : basename(id));
	const oldNames = [displayName(move.before), noteInfo(vault, move.before).title].map(nameKey);
	if (!oldNames.includes(nameKey(label.trim()))) return undefined;
	return { range: labelRange(link, label), newText: label.replace(label.trim(), displayName(move.after)) };
}

/** Where a one-line label stands: after `[` of a Markdown link, before `]]` of a wikilink. */
function labelRange(link: Link, label: string): Range {
	if (link.kind === 'markdown') {
		const start = { line: link.range.start.line, character: link.range.start.character + (link.embed ? 2 : 1) };
		return { start, end: { line: start.line, character: start.character + label.length } };
	}
	const end = { line: link.range.end.line, character: link.range.end.character - 2 };
	return { start: { line: end.line, character: end.character - label.length }, end };
}

function byPosition(a: TextEdit, b: TextEdit): number {
	return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function slice(lines: LineIndex, range: Range): string {
	return lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

function percentDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
