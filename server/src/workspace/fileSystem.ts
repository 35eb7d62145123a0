// The file access the server and the CLI need, as an interface: main.ts and cli.ts inject the
// Node implementation (node/nodeFileSystem.ts); tests inject an in-memory or faulty one.

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
	readonly name: string;
	readonly kind: EntryKind;
}

export interface FileStat {
	/** What the path is after following symlinks. */
	readonly kind: EntryKind;
	readonly size: number;
	readonly mtimeMs: number;
}

/** A change seen by a file watcher: absolute paths. */
export interface WatchEvent {
	readonly type: 'created' | 'changed' | 'deleted';
	readonly path: string;
}

export interface Disposable {
	dispose(): void;
}

/** Absolute, platform paths everywhere. Every method rejects with an Error on failure. */
export interface FileSystem {
	readDirectory(path: string): Promise<DirectoryEntry[]>;
	/** Follows symlinks. */
	stat(path: string): Promise<FileStat>;
	/** Many stats at once, in order, each a FileStat or the Error its stat rejected with (optional: a faster path). */
	statMany?(paths: readonly string[]): Promise<(FileStat | Error)[]>;
	readFile(path: string): Promise<Uint8Array>;
	/** The canonical path (symlinks resolved). */
	realPath(path: string): Promise<string>;
	/** Watches a folder recursively; undefined when the platform cannot. */
	watch?(root: string, onEvent: (event: WatchEvent) => void, onError: (error: Error) => void): Disposable | undefined;
}
