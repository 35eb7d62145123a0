// The link edits that keep a vault's links working when files are renamed or moved (a rename,
// an explorer move, a folder move). Every link that resolved before still resolves to the same
// file afterwards: links to a moved file are rewritten in their own style, links inside a moved
// note are recomputed when relative, and links elsewhere that a new name would make ambiguous
// are lengthened. Nothing else changes (ARCHITECTURE.md: "edits are minimal").
import { LineIndex } from '../text/lineIndex';
import { basename, isMarkdownPath, nameKey, noteName } from '../text/paths';
import { FileLookup, keysReaching } from '../index/lookup';
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
 */
export function updateLinksForMoves(
	vault: VaultIndex,
	moves: readonly FileMove[],
	textOf: (id: NoteId) => string | undefined,
): LinkUpdate {
	const context = moveContext(vault, moves);
	const changes: FileEdits[] = [];
	const unread: NoteId[] = [];
	const needText: NoteId[] = [];
	let linkCount = 0;
	for (const id of vault.noteIds()) {
		const entry = vault.note(id)!;
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

interface MoveContext {
	readonly vault: VaultIndex;
	readonly moved: ReadonlyMap<NoteId, NoteId>;
	/** The lookup as it will be once the files moved. */
	readonly lookupAfter: FileLookup;
	/** Lookup keys that can reach a moved file's new path: links with these keys may change meaning. */
	readonly keysAfter: ReadonlySet<string>;
}

function moveContext(vault: VaultIndex, moves: readonly FileMove[]): MoveContext {
	const moved = new Map(moves.filter((move) => move.from !== move.to).map((move) => [move.from, move.to]));
	const lookupAfter = new FileLookup();
	for (const id of vault.ids()) lookupAfter.add(moved.get(id) ?? id, vault.file(id)!.kind);
	const keysAfter = new Set([...moved.values()].flatMap((to) => keysReaching(to)));
	return { vault, moved, lookupAfter, keysAfter };
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
