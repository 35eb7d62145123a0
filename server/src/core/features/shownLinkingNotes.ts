// Who links to a note, as the views count it: the backlinks view, the topics view and the
// summary preview must agree on one number.
import type { NoteEntry, VaultIndex } from '../index/vault';
import type { NoteId } from '../types';

/**
 * The notes with a link navigating to `id` that views show, in code-point order: not the note
 * itself (`[[#Heading]]` is no backlink) and not notes matched by the config's `ignore`.
 */
export function shownLinkingNotes(vault: VaultIndex, id: NoteId): NoteEntry[] {
	const res: NoteEntry[] = [];
	for (const source of vault.linkingNotes(id)) {
		const entry = vault.note(source);
		if (entry && source !== id && !entry.ignored) res.push(entry);
	}
	return res;
}
