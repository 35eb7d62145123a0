// The topics view (vaultNotes/topics): the topic notes with how many notes list them, or the
// notes of one topic. A note belongs to a topic when its topics section (SPEC §3) links to it;
// a mention elsewhere in the body is a backlink, not a membership. That is also what the
// timeline's topic filter selects, so a topic's count equals the timeline's count under it.
import { cachedPerVersion } from '../index/cachedPerVersion';
import type { NoteEntry, VaultIndex } from '../index/vault';
import { compareCodePoints } from '../text/paths';
import type { NoteId } from '../types';
import { isInFolder } from './diagnostics';
import { noteTitle } from './noteTitle';
import { countShownLinkingNotes, shownLinkingNotes } from './shownLinkingNotes';

export interface TopicsQuery {
	/** A topic note: list its notes instead of the topics. */
	readonly topic?: NoteId;
}

export interface TopicListItem {
	readonly id: NoteId;
	readonly title: string;
	/** Distinct notes linking to this item: through their topics section for a topic, any link for a note of a topic. */
	readonly count: number;
}

/**
 * Without `topic`: the notes of the topics folder (subfolders included), most members first,
 * then by title. With `topic`: its member notes by title. Notes matched by `ignore` are left out.
 */
export function listTopics(vault: VaultIndex, query: TopicsQuery): TopicListItem[] {
	if (query.topic !== undefined) {
		const members = membersOf(vault, query.topic).map((entry) =>
			item(vault, entry, countShownLinkingNotes(vault, entry.id)),
		);
		return members.sort(byTitle);
	}
	return cachedPerVersion(vault, 'topics', () => {
		const folder = vault.config.config.topics.folder;
		const members = countMembers(vault);
		const items: Sortable[] = [];
		for (const entry of vault.notes()) {
			if (entry.ignored || !isInFolder(entry.id, folder)) continue;
			items.push(item(vault, entry, members.get(entry.id) ?? 0));
		}
		return items.sort((a, b) => b.count - a.count || byTitle(a, b));
	}).slice();
}

/**
 * Topic → distinct member notes, in one pass over every note's links: asking each topic for its
 * linking notes would sort every hub's list on every refresh.
 */
function countMembers(vault: VaultIndex): Map<NoteId, number> {
	const counts = new Map<NoteId, number>();
	for (const entry of vault.notes()) {
		if (entry.ignored || !entry.syntax) continue;
		const topics = new Set<NoteId>();
		entry.syntax.links.forEach((link, index) => {
			const target = entry.resolutions[index]?.target;
			if (link.inTopics && target !== undefined && target !== entry.id) topics.add(target);
		});
		for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
	}
	return counts;
}

/** The shown notes whose topics section has a link navigating to `topic`. */
function membersOf(vault: VaultIndex, topic: NoteId): NoteEntry[] {
	return shownLinkingNotes(vault, topic).filter((entry) =>
		(entry.syntax?.links ?? []).some((link, index) => link.inTopics && entry.resolutions[index]?.target === topic),
	);
}

interface Sortable extends TopicListItem {
	readonly titleKey: string;
}

function item(vault: VaultIndex, entry: NoteEntry, count: number): Sortable {
	const { title, key } = noteTitle(vault, entry);
	return { id: entry.id, title, count, titleKey: key };
}

function byTitle(a: Sortable, b: Sortable): number {
	return compareCodePoints(a.titleKey, b.titleKey) || compareCodePoints(a.id, b.id);
}
