// The backlinks view (vaultNotes/backlinks): every link navigating to a note, grouped by the
// note that holds it. The adapter adds each line's text; the core knows positions only.
import type { VaultIndex } from '../index/vault';
import { compareCodePoints } from '../text/paths';
import type { NoteId, Range } from '../types';
import { noteTitle } from './noteTitle';
import { shownLinkingNotes } from './shownLinkingNotes';

export interface BacklinkGroup {
	/** The linking note. */
	readonly id: NoteId;
	readonly title: string;
	/** Its links navigating to the note (resolved, or ambiguous with the note preferred), in source order. */
	readonly ranges: readonly Range[];
}

/**
 * The links to `id`, grouped by linking note and sorted by title (what the view shows), then by
 * path. Links of a note to itself and notes matched by the config's `ignore` are left out.
 */
export function listBacklinks(vault: VaultIndex, id: NoteId): BacklinkGroup[] {
	const groups = shownLinkingNotes(vault, id).map((entry) => {
		const ranges: Range[] = [];
		const links = entry.syntax?.links ?? [];
		for (let index = 0; index < links.length; index++) {
			if (entry.resolutions[index]?.target === id) ranges.push(links[index]!.range);
		}
		const { title, key } = noteTitle(vault, entry);
		return { group: { id: entry.id, title, ranges }, key };
	});
	groups.sort((a, b) => compareCodePoints(a.key, b.key) || compareCodePoints(a.group.id, b.group.id));
	return groups.map(({ group }) => group);
}
