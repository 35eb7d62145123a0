// Views sort thousands of notes by title on every refresh; reading each title from the front
// matter again (and folding it for comparison) was most of a hub's backlinks time.
import type { NoteEntry, VaultIndex } from '../index/vault';
import { nameKey } from '../text/paths';
import type { NoteSyntax } from '../types';
import { noteInfo } from './noteInfo';

export interface NoteTitle {
	/** As noteInfo gives it: front-matter `title`, else the file name. */
	readonly title: string;
	/** The title's comparison key (SPEC §1), for sorting. */
	readonly key: string;
}

/** A title depends on the note's syntax only, and a new text makes a new syntax object. */
const titles = new WeakMap<NoteSyntax, NoteTitle>();

/** The title of a note and its sort key, cached per parsed version of the note. */
export function noteTitle(vault: VaultIndex, entry: NoteEntry): NoteTitle {
	const cached = entry.syntax && titles.get(entry.syntax);
	if (cached) return cached;
	const title = noteInfo(vault, entry.id).title;
	const res = { title, key: nameKey(title) };
	if (entry.syntax) titles.set(entry.syntax, res);
	return res;
}
