// Reading and parsing notes away from the main thread. loadVault hands every note it must read
// (no cache hit, no open editor) to a NoteReader when it is given one; the Node programs give it
// worker threads (node/workerNoteReader.ts). A reader answers exactly what readNote followed by
// parseNote would: a `parsed` note, or `skipped` / `deleted`, or (rarely) a `note` whose text the
// caller parses itself.
import type { Change, LoadedConfig, NoteId } from '../core';

export interface NoteToRead {
	readonly absolutePath: string;
	readonly id: NoteId;
	/** The size the scan saw (the read still checks the size it gets). */
	readonly size: number;
	readonly maxFileSize: number;
}

export interface NoteReader {
	/** Never rejects: a reader that fails falls back to reading on the calling thread. */
	read(note: NoteToRead): Promise<Change>;
	dispose(): void;
}

/** A reader for a vault with this config; undefined when none can be made (no workers). */
export type NoteReaderFactory = (config: LoadedConfig) => NoteReader | undefined;
