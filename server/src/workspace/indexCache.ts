// A persistent cache of parsed notes, so that a restart does not parse an unchanged vault again
// (SPEC §1: caches live in the editor's storage folder or the user's cache folder, never in the vault).
import type { NoteId, NoteSyntax } from '../core';

export interface CachedNote {
	/** Size and modification time of the file the syntax was parsed from. */
	readonly size: number;
	readonly mtimeMs: number;
	readonly syntax: NoteSyntax;
}

/** Where the cache tells why it is not used (damaged, another build…) or could not be written. */
export type CacheLog = (message: string) => void;

/** The cache of one vault under one config and one build of the parser. */
export interface IndexCache {
	/**
	 * Opens what an earlier run saved: undefined when there is nothing usable (a cache that is
	 * damaged or was written by another build or config is logged and ignored). Never rejects.
	 */
	open(log: CacheLog): Promise<CacheReader | undefined>;
	/**
	 * Replaces the cache. Never rejects (a cache that cannot be written is logged and simply not
	 * there next time). The notes may be consumed across several turns of the event loop.
	 */
	save(notes: readonly (readonly [NoteId, CachedNote])[], log: CacheLog): Promise<void>;
}

/** An opened cache. Notes are decoded when asked for, a part of the cache at a time. */
export interface CacheReader {
	/** How many notes the cache holds. */
	readonly size: number;
	/**
	 * The syntax of `id` when the cache has it for a file of this size and time; undefined at
	 * once otherwise. The promise never rejects: it resolves undefined when the part of the cache
	 * holding the note turns out damaged, and the note must then be read from its file.
	 */
	get(id: NoteId, size: number, mtimeMs: number): Promise<NoteSyntax | undefined> | undefined;
	/** Releases the file and whatever was decoded; later `get`s answer undefined. */
	close(): void;
}

export type IndexCacheFactory = (root: string, configText: string | undefined) => IndexCache;
