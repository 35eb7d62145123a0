// Name lookup over the files of a vault: by full path and by every trailing run of path
// segments, for notes and attachments, all under the comparison key of SPEC §1.
import { compareCodePoints, isMarkdownPath, nameKey, pathTails } from '../text/paths';
import type { NoteId } from '../types';

export type FileKind = 'note' | 'attachment';

/** What resolution asks of a lookup (a rename asks it of the vault as it will be after a move). */
export interface FileNames {
	byPath(key: string, kind: FileKind): readonly NoteId[];
	byTail(key: string, kind: FileKind): readonly NoteId[];
}

export class FileLookup implements FileNames {
	private readonly notePaths = new Map<string, NoteId[]>();
	private readonly noteTails = new Map<string, NoteId[]>();
	private readonly attachmentPaths = new Map<string, NoteId[]>();
	private readonly attachmentTails = new Map<string, NoteId[]>();

	add(id: NoteId, kind: FileKind): void {
		const key = nameKey(id);
		const [paths, tails] = this.maps(kind);
		insertSorted(paths, key, id);
		for (const tail of pathTails(key)) insertSorted(tails, tail, id);
	}

	remove(id: NoteId, kind: FileKind): void {
		const key = nameKey(id);
		const [paths, tails] = this.maps(kind);
		removeFrom(paths, key, id);
		for (const tail of pathTails(key)) removeFrom(tails, tail, id);
	}

	/** Files whose whole path is `key` (several only when names differ in case or normalization). */
	byPath(key: string, kind: FileKind): readonly NoteId[] {
		return this.maps(kind)[0].get(key) ?? EMPTY;
	}

	/** Files whose path is `key` or ends with `/key`. */
	byTail(key: string, kind: FileKind): readonly NoteId[] {
		return this.maps(kind)[1].get(key) ?? EMPTY;
	}

	private maps(kind: FileKind): [Map<string, NoteId[]>, Map<string, NoteId[]>] {
		return kind === 'note' ? [this.notePaths, this.noteTails] : [this.attachmentPaths, this.attachmentTails];
	}
}

const EMPTY: readonly NoteId[] = Object.freeze([]);

/**
 * The lookup keys under which links can find a file: every tail of its path, and for a note
 * every tail without `.md` too. A link is affected by the file's creation or deletion exactly
 * when its own lookup key is one of these.
 */
export function keysReaching(id: NoteId): string[] {
	const tails = pathTails(nameKey(id));
	if (!isMarkdownPath(id)) return tails;
	return [...tails, ...tails.map((tail) => tail.slice(0, -3))];
}

function insertSorted(map: Map<string, NoteId[]>, key: string, id: NoteId): void {
	const list = map.get(key);
	if (!list) {
		map.set(key, [id]);
		return;
	}
	if (list.includes(id)) return;
	list.push(id);
	list.sort(compareCodePoints);
}

function removeFrom(map: Map<string, NoteId[]>, key: string, id: NoteId): void {
	const list = map.get(key);
	if (!list) return;
	const index = list.indexOf(id);
	if (index >= 0) list.splice(index, 1);
	if (list.length === 0) map.delete(key);
}
