// Reads one note from disk into a Change: its text, or the reason it is skipped (SPEC §6
// `file-skipped`: too large, binary, unreadable, not UTF-8). Never throws.
import type { Change, Message, NoteId, Problem } from '../core';
import type { FileSystem } from './fileSystem';

const BINARY_PROBE_BYTES = 8000;
const LINE_ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `knownSize` (from a scan that just listed the file) saves a stat. */
export async function readNote(
	fs: FileSystem,
	absolutePath: string,
	id: NoteId,
	maxFileSize: number,
	knownSize?: number,
): Promise<Change> {
	let bytes: Uint8Array;
	try {
		const size = knownSize ?? (await fs.stat(absolutePath)).size;
		// Never read a huge file just to reject it; a file that grew since is caught after the read.
		if (size > maxFileSize) return skipped(id, { id: 'fileTooLarge', args: { size, limit: maxFileSize } });
		bytes = await fs.readFile(absolutePath);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return { kind: 'deleted', id };
		return skipped(id, { id: 'fileUnreadable', args: { reason: code ?? (error as Error).message } });
	}
	return decodeNote(id, bytes, maxFileSize);
}

/** Turns a note's bytes into a Change; shared by disk reads and tests. */
export function decodeNote(id: NoteId, bytes: Uint8Array, maxFileSize: number): Change {
	if (bytes.length > maxFileSize)
		return skipped(id, { id: 'fileTooLarge', args: { size: bytes.length, limit: maxFileSize } });
	if (looksBinary(bytes)) return skipped(id, { id: 'fileBinary' });
	try {
		return { kind: 'note', id, text: decoder.decode(bytes) };
	} catch {
		return skipped(id, { id: 'fileNotUtf8' });
	}
}

/** A NUL byte near the start: UTF-8 text never has one (UTF-16 files do, and are not UTF-8). */
function looksBinary(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, BINARY_PROBE_BYTES);
	for (let index = 0; index < end; index++) if (bytes[index] === 0) return true;
	return false;
}

function skipped(id: NoteId, message: Message): Change {
	const problem: Problem = { code: 'file-skipped', range: LINE_ZERO, message };
	return { kind: 'skipped', id, problem };
}
