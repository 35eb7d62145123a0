// VaultIndex: the files of one vault, their parsed syntax, every link's resolution, and the
// reverse maps that make updates incremental (STYLE §3).
//
// Inputs are (NoteId, text) pairs plus the config; everything else is derived. `apply` re-parses
// only the changed notes and re-resolves only the links whose lookup key one of the created or
// deleted files can answer, then returns the notes whose diagnostics may have changed.
import type { LoadedConfig } from '../configFile';
import { parseNote } from '../parse/parseNote';
import { headingKey } from '../text/headingKey';
import { compareCodePoints, isInvisiblePath, isMarkdownPath } from '../text/paths';
import type { NoteId, NoteSyntax, Problem } from '../types';
import { FileLookup, keysReaching } from './lookup';
import type { Resolution } from './resolve';
import { planLookup, resolveLink } from './resolve';

/** Why a note's content is not indexed. */
export type SkipReason = 'tooLarge' | 'binary' | 'notUtf8' | 'unreadable';

/** One change to the vault's files. */
export type Change =
	| { readonly kind: 'note'; readonly id: NoteId; readonly text: string }
	/**
	 * A note parsed elsewhere (a cache, a worker) with `parseNote` under this index's config:
	 * the same as `{ kind: 'note' }` with the text that gave this syntax.
	 */
	| { readonly kind: 'parsed'; readonly id: NoteId; readonly syntax: NoteSyntax }
	| { readonly kind: 'skipped'; readonly id: NoteId; readonly problem: Problem }
	/** A note known to exist whose text is not read yet (while indexing): links to it resolve. */
	| { readonly kind: 'pending'; readonly id: NoteId }
	| { readonly kind: 'attachment'; readonly id: NoteId }
	| { readonly kind: 'deleted'; readonly id: NoteId };

export interface NoteEntry {
	readonly id: NoteId;
	readonly kind: 'note';
	/** Undefined for a skipped note (too large, binary…): it exists, but its content is unknown. */
	readonly syntax: NoteSyntax | undefined;
	/** The problem that made the note skipped. */
	readonly skipped: Problem | undefined;
	/** Its text is not read yet: no diagnostics, fragments into it are not checked. */
	readonly pending: boolean;
	/** One resolution per `syntax.links` entry. */
	resolutions: readonly Resolution[];
	/** Matches the config's `ignore` globs: not checked, not shown, but links to it resolve. */
	readonly ignored: boolean;
}

export interface AttachmentEntry {
	readonly id: NoteId;
	readonly kind: 'attachment';
}

export type FileEntry = NoteEntry | AttachmentEntry;

/** A note linking to a target, and the indexes in `entry.syntax.links` of its links navigating there. */
export interface IncomingNote {
	readonly entry: NoteEntry;
	readonly links: readonly number[];
}

/** Targets whose `incomingLinks` list is kept: enough for the notes a user is looking at. */
const KEPT_INCOMING_LISTS = 8;

export class VaultIndex {
	private readonly files = new Map<NoteId, FileEntry>();
	private readonly lookup = new FileLookup();
	/** Lookup key → the notes holding a link with that key, and how many such links. */
	private readonly sourcesByKey = new Map<string, Map<NoteId, number>>();
	/** Target → the notes linking to it (resolved or ambiguous links navigating there). */
	private readonly incoming = new Map<NoteId, Map<NoteId, number>>();
	/** Notes of the current `apply` whose headings or block ids changed. */
	private readonly anchorsChanged = new Set<NoteId>();
	/**
	 * `incomingLinks` lists of the last targets asked, least recently used first. A list is
	 * dropped whenever a link to its target is counted or forgotten (`resolveNote`,
	 * `forgetIncoming`), so a kept list is always the one a fresh build would give.
	 */
	private readonly incomingLists = new Map<NoteId, readonly IncomingNote[]>();
	private changeCount = 0;
	private countOfNotes = 0;
	private readonly observers: ((changed: ReadonlySet<NoteId>) => void)[] = [];

	constructor(readonly config: LoadedConfig) {}

	/** Bumped by every `apply`: views cache what they derive from the index under (index, version). */
	get version(): number {
		return this.changeCount;
	}

	/**
	 * Calls `observer` after every `apply` with the files whose entry was created, replaced or
	 * deleted, or whose links were resolved again (a superset): features keep vault-wide tables
	 * up to date per changed file instead of checking every file after each version bump.
	 */
	observe(observer: (changed: ReadonlySet<NoteId>) => void): void {
		this.observers.push(observer);
	}

	/**
	 * Applies changes (later entries for the same id win) and returns the notes whose
	 * diagnostics may have changed, in code-point order.
	 */
	apply(changes: readonly Change[]): NoteId[] {
		this.changeCount++;
		const touched = new Set<NoteId>();
		const keysToRecheck = new Set<string>();
		// Notes whose links must be resolved again: each is resolved once, after every change is in.
		const toResolve = new Set<NoteId>();
		for (const change of changes) {
			if (isInvisiblePath(change.id)) continue;
			this.applyOne(change, touched, keysToRecheck, toResolve);
		}
		// Notes not changed themselves whose links under these keys a created or deleted file can
		// answer: only those links are resolved again (the 500 notes a new note fixes keep the rest).
		const keysOf = new Map<NoteId, Set<string>>();
		for (const key of keysToRecheck) {
			for (const source of this.sourcesByKey.get(key)?.keys() ?? []) {
				if (toResolve.has(source)) continue;
				let keys = keysOf.get(source);
				if (!keys) keysOf.set(source, (keys = new Set()));
				keys.add(key);
			}
		}
		for (const id of toResolve) {
			const entry = this.note(id);
			if (entry) this.resolveNote(entry, touched);
		}
		for (const [id, keys] of keysOf) {
			const entry = this.note(id);
			if (entry) this.resolveNote(entry, touched, keys);
			toResolve.add(id);
		}
		for (const id of toResolve) this.touchFragmentLinksIfNeeded(id, touched);
		this.anchorsChanged.clear();
		if (this.observers.length > 0) {
			const changed = new Set(toResolve);
			for (const change of changes) if (!isInvisiblePath(change.id)) changed.add(change.id);
			for (const observer of this.observers) observer(changed);
		}
		return [...touched].sort(compareCodePoints);
	}

	/** Every file of the vault, in code-point order. */
	ids(): NoteId[] {
		return [...this.files.keys()].sort(compareCodePoints);
	}

	/**
	 * Every note entry, in no particular order: whole-vault passes of the views sort only what
	 * they keep, because sorting 100k ids on every edit is what made them slow.
	 */
	*notes(): IterableIterator<NoteEntry> {
		for (const entry of this.files.values()) if (entry.kind === 'note') yield entry;
	}

	/** Every note (not attachment), in code-point order. */
	noteIds(): NoteId[] {
		return this.ids().filter((id) => this.files.get(id)!.kind === 'note');
	}

	get size(): number {
		return this.files.size;
	}

	/** The number of notes (attachments excluded), kept up to date: status asks after every change. */
	get noteCount(): number {
		return this.countOfNotes;
	}

	file(id: NoteId): FileEntry | undefined {
		return this.files.get(id);
	}

	note(id: NoteId): NoteEntry | undefined {
		const entry = this.files.get(id);
		return entry?.kind === 'note' ? entry : undefined;
	}

	/** The notes with at least one link navigating to `id`, in code-point order. */
	linkingNotes(id: NoteId): NoteId[] {
		return [...this.linkingNotesUnordered(id)].sort(compareCodePoints);
	}

	/** The same notes in no particular order: counting them needs no sort (66k for a hub at 100k notes). */
	linkingNotesUnordered(id: NoteId): IterableIterator<NoteId> {
		return (this.incoming.get(id) ?? new Map<NoteId, number>()).keys();
	}

	/**
	 * The notes with a link navigating to `id`, in code-point order, each with those links.
	 * References and the backlinks view ask for the same hub again and again: sorting its tens of
	 * thousands of linking notes and finding their links was most of their time, so the list is
	 * kept until a link to `id` changes.
	 */
	incomingLinks(id: NoteId): readonly IncomingNote[] {
		let list = this.incomingLists.get(id);
		if (list) this.incomingLists.delete(id);
		else list = this.buildIncomingLinks(id);
		// Re-inserted: the Map's order is the order of last use.
		this.incomingLists.set(id, list);
		if (this.incomingLists.size > KEPT_INCOMING_LISTS)
			this.incomingLists.delete(this.incomingLists.keys().next().value!);
		return list;
	}

	private buildIncomingLinks(id: NoteId): IncomingNote[] {
		const list: IncomingNote[] = [];
		for (const [source, linkCount] of this.incoming.get(id) ?? []) {
			const entry = this.note(source)!;
			const links: number[] = [];
			const resolutions = entry.resolutions;
			// `incoming` counts them: the scan stops at the last one (topics come first, in the front matter).
			for (let index = 0; index < resolutions.length && links.length < linkCount; index++) {
				if (resolutions[index]!.target === id) links.push(index);
			}
			list.push({ entry, links });
		}
		return list.sort((a, b) => compareCodePoints(a.entry.id, b.entry.id));
	}

	/** The notes holding a link whose lookup key is `key` (`planLookup`), in no particular order. */
	notesWithLinkKey(key: string): Iterable<NoteId> {
		return this.sourcesByKey.get(key)?.keys() ?? [];
	}

	/** Every note's syntax (skipped and pending notes have none), e.g. to save a cache. */
	*syntaxes(): Generator<[NoteId, NoteSyntax]> {
		for (const [id, entry] of this.files) if (entry.kind === 'note' && entry.syntax) yield [id, entry.syntax];
	}

	/** The lookup used for resolution; features use it to resolve hypothetical targets. */
	get fileLookup(): FileLookup {
		return this.lookup;
	}

	private applyOne(change: Change, touched: Set<NoteId>, keysToRecheck: Set<string>, toResolve: Set<NoteId>): void {
		const previous = this.files.get(change.id);
		if (change.kind === 'deleted') {
			if (!previous) return;
			this.removeFile(previous, touched, keysToRecheck);
			return;
		}
		const kind = change.kind === 'attachment' ? 'attachment' : 'note';
		// A file is a note by its name; a `.md` reported as an attachment (or the reverse) is corrected here.
		if ((kind === 'note') !== isMarkdownPath(change.id)) return;
		if (previous && previous.kind !== kind) this.removeFile(previous, touched, keysToRecheck);
		const existed = this.files.get(change.id) !== undefined;
		if (change.kind === 'attachment') {
			if (existed) return;
			this.files.set(change.id, { id: change.id, kind: 'attachment' });
			this.lookup.add(change.id, 'attachment');
			for (const key of keysReaching(change.id)) keysToRecheck.add(key);
			return;
		}
		const old = existed ? (this.files.get(change.id) as NoteEntry) : undefined;
		const entry = this.makeNote(change);
		if (old) this.forgetLinks(old);
		else {
			this.countOfNotes++;
			this.lookup.add(change.id, 'note');
			for (const key of keysReaching(change.id)) keysToRecheck.add(key);
		}
		this.files.set(change.id, entry);
		this.rememberKeys(entry);
		toResolve.add(change.id);
		if (!old || targetsChanged(old, entry)) this.anchorsChanged.add(change.id);
	}

	private makeNote(change: Exclude<Change, { kind: 'attachment' | 'deleted' }>): NoteEntry {
		const ignored = this.config.isIgnored(change.id);
		const base = { id: change.id, kind: 'note', resolutions: [], ignored } as const;
		if (change.kind === 'pending') return { ...base, syntax: undefined, skipped: undefined, pending: true };
		if (change.kind === 'skipped') return { ...base, syntax: undefined, skipped: change.problem, pending: false };
		const syntax = change.kind === 'parsed' ? change.syntax : parseNote(change.id, change.text, this.config);
		return { ...base, syntax, skipped: undefined, pending: false };
	}

	private removeFile(entry: FileEntry, touched: Set<NoteId>, keysToRecheck: Set<string>): void {
		this.files.delete(entry.id);
		this.lookup.remove(entry.id, entry.kind);
		for (const key of keysReaching(entry.id)) keysToRecheck.add(key);
		if (entry.kind === 'note') {
			this.countOfNotes--;
			this.forgetLinks(entry);
			touched.add(entry.id);
		}
	}

	/** Resolves every link of a note again and updates the incoming map. */
	private resolveNote(entry: NoteEntry, touched: Set<NoteId>, onlyKeys?: ReadonlySet<string>): void {
		// `before` is empty for a note parsed in this apply, else it holds one resolution per link.
		const before = entry.resolutions;
		const links = entry.syntax?.links ?? [];
		const partial = onlyKeys !== undefined && before.length === links.length;
		entry.resolutions = links.map((link, index) => {
			if (!partial) return resolveLink(this.lookup, entry.id, link);
			// A link without a lookup key (`[[#Heading]]`, a path above the root) depends on no file.
			const key = planLookup(entry.id, link).key;
			return key !== undefined && onlyKeys.has(key) ? resolveLink(this.lookup, entry.id, link) : before[index]!;
		});
		// Only links whose target changed move in `incoming`: the 500 notes re-resolved because the
		// note they link to appeared keep their other links, and hubs keep their incomingLinks lists.
		entry.resolutions.forEach((resolution, index) => {
			const old = before[index]?.target;
			if (old === resolution.target) return;
			if (old !== undefined) this.countIncoming(old, entry.id, -1);
			if (resolution.target !== undefined) this.countIncoming(resolution.target, entry.id, 1);
		});
		touched.add(entry.id);
	}

	private rememberKeys(entry: NoteEntry): void {
		for (const link of entry.syntax?.links ?? []) {
			const key = planLookup(entry.id, link).key;
			if (key !== undefined) count(this.sourcesByKey, key, entry.id, 1);
		}
	}

	/** Drops a note's links from every reverse map. */
	private forgetLinks(entry: NoteEntry): void {
		for (const link of entry.syntax?.links ?? []) {
			const key = planLookup(entry.id, link).key;
			if (key !== undefined) count(this.sourcesByKey, key, entry.id, -1);
		}
		this.forgetIncoming(entry);
		entry.resolutions = [];
	}

	private forgetIncoming(entry: NoteEntry): void {
		for (const resolution of entry.resolutions) {
			if (resolution.target !== undefined) this.countIncoming(resolution.target, entry.id, -1);
		}
	}

	/** The one place `incoming` changes: a kept `incomingLinks` list of the target goes with it. */
	private countIncoming(target: NoteId, source: NoteId, delta: number): void {
		count(this.incoming, target, source, delta);
		if (this.incomingLists.size > 0) this.incomingLists.delete(target);
	}

	/** After resolution: a note whose anchors changed touches the notes with fragment links into it. */
	private touchFragmentLinksIfNeeded(id: NoteId, touched: Set<NoteId>): void {
		if (this.anchorsChanged.has(id)) this.touchFragmentLinks(id, touched);
	}

	/** Headings or block ids of `id` changed: links into it with a fragment must be checked again. */
	private touchFragmentLinks(id: NoteId, touched: Set<NoteId>): void {
		for (const source of this.incoming.get(id)?.keys() ?? []) {
			const entry = this.note(source);
			if (!entry?.syntax) continue;
			const hasFragmentLink = entry.syntax.links.some(
				(link, index) => link.fragment !== undefined && entry.resolutions[index]?.target === id,
			);
			if (hasFragmentLink) touched.add(source);
		}
	}

	/**
	 * A deterministic text of everything derived, to compare an incrementally updated index
	 * with one built from scratch.
	 */
	dump(): string {
		const lines: string[] = [];
		for (const id of this.ids()) {
			const entry = this.files.get(id)!;
			if (entry.kind === 'attachment') {
				lines.push(`${id} (attachment)`);
				continue;
			}
			const flags = [entry.skipped && 'skipped', entry.pending && 'pending', entry.ignored && 'ignored'].filter(
				Boolean,
			);
			lines.push(`${id}${flags.map((flag) => ` (${flag})`).join('')}`);
			entry.syntax?.links.forEach((link, index) => {
				const resolution = entry.resolutions[index]!;
				const where = `${link.range.start.line}:${link.range.start.character}`;
				const candidates = resolution.candidates ? ` {${resolution.candidates.join(', ')}}` : '';
				lines.push(
					`  ${where} ${link.kind} '${link.target}' → ${resolution.status} ${resolution.target ?? '-'}${candidates}`,
				);
			});
			const linking = this.linkingNotes(id);
			if (linking.length > 0) lines.push(`  ← ${linking.join(', ')}`);
		}
		for (const key of [...this.sourcesByKey.keys()].sort(compareCodePoints)) {
			const sources = [...this.sourcesByKey.get(key)!.entries()].sort((a, b) => compareCodePoints(a[0], b[0]));
			lines.push(`key '${key}': ${sources.map(([source, n]) => `${source}×${n}`).join(', ')}`);
		}
		return lines.join('\n');
	}
}

/** Whether the headings or block ids a link fragment can name differ between two versions. */
function targetsChanged(before: NoteEntry, after: NoteEntry): boolean {
	// A note read for the first time (pending before) or skipped now: no need to compare anchors.
	if (before.syntax === undefined || after.syntax === undefined)
		return (before.syntax === undefined) !== (after.syntax === undefined);
	const anchors = (entry: NoteEntry) =>
		[
			...(entry.syntax?.headings ?? []).map((heading) => `${heading.level} ${headingKey(heading.text)}`),
			...(entry.syntax?.blockIds ?? []).map((block) => `^${block.id}`),
			entry.syntax ? '' : 'unknown',
		].join('\n');
	return anchors(before) !== anchors(after);
}

function count(map: Map<string, Map<NoteId, number>>, key: string, id: NoteId, delta: number): void {
	let inner = map.get(key);
	if (!inner) {
		if (delta < 0) return;
		inner = new Map();
		map.set(key, inner);
	}
	const next = (inner.get(id) ?? 0) + delta;
	if (next > 0) inner.set(id, next);
	else inner.delete(id);
	if (inner.size === 0) map.delete(key);
}
