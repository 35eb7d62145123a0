// Who links to a note, as the views count it: the backlinks view, the topics view and the
// summary preview must agree on one number.
import type { NoteEntry, VaultIndex } from '../index/vault';
import type { NoteId } from '../types';

/**
 * The notes with a link navigating to `id` that views show, in code-point order: not the note
 * itself (`[[#Heading]]` is no backlink) and not notes matched by the config's `ignore`.
 */
export function shownLinkingNotes(vault: VaultIndex, id: NoteId): NoteEntry[] {
	return vault.linkingNotes(id).flatMap((source) => shownEntry(vault, id, source) ?? []);
}

/** How many notes `shownLinkingNotes` lists, without listing and sorting them (views count hubs on every change). */
export function countShownLinkingNotes(vault: VaultIndex, id: NoteId): number {
	let count = 0;
	for (const source of vault.linkingNotesUnordered(id)) if (shownEntry(vault, id, source)) count++;
	return count;
}

function shownEntry(vault: VaultIndex, id: NoteId, source: NoteId): NoteEntry | undefined {
	const entry = vault.note(source);
	return entry && source !== id && !entry.ignored ? entry : undefined;
}
