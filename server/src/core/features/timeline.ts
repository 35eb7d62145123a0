// The timeline view (vaultNotes/timeline): notes grouped year → month → note, newest first, one
// level per call. At 100k notes an expansion must not sort the vault, so each index state (and
// filter) gets one O(n) bucketing pass; a level sorts only its own few keys or one month's notes,
// and a sorted month stays sorted until the index changes.
import { cachedPerVersion } from '../index/cachedPerVersion';
import type { Resolution } from '../index/resolve';
import type { NoteEntry, VaultIndex } from '../index/vault';
import { parseNoteDate } from '../text/noteDate';
import { compareCodePoints, nameKey } from '../text/paths';
import type { NoteId } from '../types';
import { isInFolder } from './diagnostics';
import { noteInfo } from './noteInfo';

/** Filters, combined with AND; each one optional. */
export interface TimelineFilter {
	/** A vault-relative folder (subfolders included). */
	readonly folder?: string;
	/** A topic note: only notes whose topics section links to it. */
	readonly topic?: NoteId;
	/** Only notes whose author field equals this (after trimming). */
	readonly author?: string;
}

export interface TimelineQuery {
	/** A group id returned earlier; the top level when absent. */
	readonly parent?: string;
	readonly filter?: TimelineFilter;
}

export interface TimelineGroupItem {
	readonly kind: 'group';
	/** `year:2024`, `month:2024-12` or `noDate`: the level is in the id. */
	readonly id: string;
	/** `2024`, `2024-12` or `noDate`. */
	readonly label: string;
	readonly count: number;
}

export interface TimelineNoteItem {
	readonly kind: 'note';
	readonly id: NoteId;
	readonly title: string;
	/** `YYYY-MM-DD` when the date could be read, else the value as written (undefined when absent). */
	readonly date: string | undefined;
	readonly author: string | undefined;
	/** What orders notes, newest first: the day and written time; '' without a readable date. */
	readonly sortKey: string;
}

export type TimelineItem = TimelineGroupItem | TimelineNoteItem;

/** The group id of the notes without a readable date, listed after every year. */
const NO_DATE_GROUP = 'noDate';

/**
 * One level of the timeline: years (then `noDate`) at the top, the months of `year:YYYY`, or the
 * notes of `month:YYYY-MM` / `noDate` (newest first, then by title). Notes matched by `ignore`,
 * skipped and not yet read notes are not shown. An unknown `parent` has no children.
 */
export function buildTimeline(vault: VaultIndex, query: TimelineQuery): TimelineItem[] {
	const filter = query.filter ?? {};
	const model = cachedPerVersion(
		vault,
		`timeline:${JSON.stringify([filter.folder, filter.topic, filter.author])}`,
		() => bucketNotes(vault, filter),
	);
	const parent = query.parent;
	if (parent === undefined) return topLevel(model);
	if (parent === NO_DATE_GROUP) return sortedNotes(model, NO_DATE_GROUP);
	if (parent.startsWith('year:')) return monthsOf(model, parent.slice('year:'.length));
	if (parent.startsWith('month:')) return sortedNotes(model, parent.slice('month:'.length));
	return [];
}

interface Model {
	/** `YYYY-MM` (or NO_DATE_GROUP) → its notes; sorted on first expansion. */
	readonly notes: Map<string, Facts[]>;
	readonly sorted: Set<string>;
	/** `YYYY` → `YYYY-MM` → number of notes. */
	readonly years: Map<string, Map<string, number>>;
}

function bucketNotes(vault: VaultIndex, filter: TimelineFilter): Model {
	const model: Model = { notes: new Map(), sorted: new Set(), years: new Map() };
	const folderFilter = filter.folder?.replace(/^\/+|\/+$/g, '');
	const authorFilter = filter.author?.trim();
	// Unsorted on purpose: months are sorted when expanded, years and months are few.
	for (const entry of vault.notes()) {
		const id = entry.id;
		if (entry.ignored || entry.syntax === undefined) continue;
		if (folderFilter && !isInFolder(id, folderFilter)) continue;
		const facts = factsOf(vault, entry);
		if (authorFilter !== undefined && facts.item.author !== authorFilter) continue;
		if (filter.topic !== undefined && !facts.topics.includes(filter.topic)) continue;
		const month = facts.month ?? NO_DATE_GROUP;
		const list = model.notes.get(month);
		if (list) list.push(facts);
		else model.notes.set(month, [facts]);
		if (facts.month !== undefined) countMonth(model.years, facts.month);
	}
	return model;
}

function countMonth(years: Map<string, Map<string, number>>, month: string): void {
	const year = month.slice(0, 4);
	let months = years.get(year);
	if (!months) years.set(year, (months = new Map()));
	months.set(month, (months.get(month) ?? 0) + 1);
}

interface Facts {
	/** What the facts were read from (checked too, in case resolutions are ever kept across edits). */
	readonly syntax: NoteEntry['syntax'];
	readonly item: TimelineNoteItem;
	readonly month: string | undefined;
	/** The topics its topics section links to. */
	readonly topics: readonly NoteId[];
	/** nameKey of the title, precomputed because sorting a month compares it often. */
	readonly titleKey: string;
}

/**
 * A note's facts depend on its syntax and its links' resolutions only, and `apply` replaces the
 * resolutions array whenever either changes: keyed on it, an edit re-reads one note, not 100k.
 */
const factsCache = new WeakMap<readonly Resolution[], Facts>();

function factsOf(vault: VaultIndex, entry: NoteEntry): Facts {
	const cached = factsCache.get(entry.resolutions);
	if (cached && cached.syntax === entry.syntax) return cached;
	const info = noteInfo(vault, entry.id);
	const date = parseNoteDate(info.date);
	const item: TimelineNoteItem = {
		kind: 'note',
		id: entry.id,
		title: info.title,
		date: date?.day ?? info.date,
		author: info.author,
		sortKey: date?.sortKey ?? '',
	};
	const topics = (entry.syntax?.links ?? []).flatMap((link, index) => {
		const target = entry.resolutions[index]?.target;
		return link.inTopics && target !== undefined ? [target] : [];
	});
	const facts: Facts = { syntax: entry.syntax, item, month: date?.month, topics, titleKey: nameKey(info.title) };
	factsCache.set(entry.resolutions, facts);
	return facts;
}

function topLevel(model: Model): TimelineItem[] {
	const years = [...model.years.keys()].sort().reverse();
	const items: TimelineItem[] = years.map((year) => {
		let count = 0;
		for (const n of model.years.get(year)!.values()) count += n;
		return { kind: 'group', id: `year:${year}`, label: year, count };
	});
	const undated = model.notes.get(NO_DATE_GROUP)?.length ?? 0;
	if (undated > 0) items.push({ kind: 'group', id: NO_DATE_GROUP, label: NO_DATE_GROUP, count: undated });
	return items;
}

function monthsOf(model: Model, year: string): TimelineItem[] {
	const months = model.years.get(year);
	if (!months) return [];
	return [...months.keys()]
		.sort()
		.reverse()
		.map((month) => ({ kind: 'group', id: `month:${month}`, label: month, count: months.get(month)! }));
}

function sortedNotes(model: Model, month: string): TimelineItem[] {
	const notes = model.notes.get(month);
	if (!notes) return [];
	if (!model.sorted.has(month)) {
		notes.sort(compareFacts);
		model.sorted.add(month);
	}
	return notes.map((facts) => facts.item);
}

/** Newest first, then by title, then by path, so that the order never depends on the input. */
function compareFacts(a: Facts, b: Facts): number {
	return (
		compareCodePoints(b.item.sortKey, a.item.sortKey) ||
		compareCodePoints(a.titleKey, b.titleKey) ||
		compareCodePoints(a.item.id, b.item.id)
	);
}
