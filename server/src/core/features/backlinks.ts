// The backlinks view (vaultNotes/backlinks): every link navigating to a note, grouped by the
// note that holds it. The adapter adds each line's text; the core knows positions only.
import type { IncomingNote, VaultIndex } from '../index/vault';
import { compareCodePoints } from '../text/paths';
import type { NoteId, Range } from '../types';
import { noteTitle } from './noteTitle';

export interface BacklinkGroup {
	/** The linking note. */
	readonly id: NoteId;
	readonly title: string;
	/** Its links navigating to the note (resolved, or ambiguous with the note preferred), in source order. */
	readonly ranges: readonly Range[];
}

/**
 * The groups of one `incomingLinks` list. The index makes a new list whenever a link to the note
 * changes (and a linking note's title only changes with its links), so the groups of a list never
 * go stale: the view of a hub, asked again on every refresh, is not sorted by title again.
 */
const groupsOfList = new WeakMap<readonly IncomingNote[], readonly BacklinkGroup[]>();

/**
 * The links to `id`, grouped by linking note and sorted by title (what the view shows), then by
 * path. Links of a note to itself and notes matched by the config's `ignore` are left out.
 */
export function listBacklinks(vault: VaultIndex, id: NoteId): readonly BacklinkGroup[] {
	const incoming = vault.incomingLinks(id);
	let groups = groupsOfList.get(incoming);
	if (!groups) {
		groups = groupsOf(vault, id, incoming);
		groupsOfList.set(incoming, groups);
	}
	return groups;
}

function groupsOf(vault: VaultIndex, id: NoteId, incoming: readonly IncomingNote[]): BacklinkGroup[] {
	const keyed: { group: BacklinkGroup; key: string }[] = [];
	// Already in code-point order of ids: a stable sort by title keeps it among equal titles.
	for (const { entry, links } of incoming) {
		if (entry.id === id || entry.ignored) continue;
		const noteLinks = entry.syntax!.links;
		const { title, key } = noteTitle(vault, entry);
		keyed.push({ group: { id: entry.id, title, ranges: links.map((index) => noteLinks[index]!.range) }, key });
	}
	keyed.sort((a, b) => compareCodePoints(a.key, b.key));
	return keyed.map(({ group }) => group);
}
