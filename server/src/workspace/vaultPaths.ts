// Absolute paths ⇄ NoteIds. NoteIds are vault-relative POSIX paths; platform paths exist only
// here and in node/ (ARCHITECTURE.md).
import * as path from 'node:path';
import type { NoteId } from '../core';

/** The NoteId of an absolute path inside `root`, or undefined when it lies outside. */
export function toNoteId(root: string, absolutePath: string): NoteId | undefined {
	const relative = path.relative(root, absolutePath);
	if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
	return relative.split(path.sep).join('/');
}

export function toAbsolutePath(root: string, id: NoteId): string {
	return path.join(root, ...id.split('/'));
}
