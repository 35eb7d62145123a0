// A persistent cache of parsed notes, so that a restart does not parse an unchanged vault again
// (SPEC §1: caches live in the editor's storage folder or the user's cache folder, never in the vault).
import type { NoteId, NoteSyntax } from '../core';

export interface CachedNote {
	/** Size and modification time of the file the syntax was parsed from. */
	readonly size: number;
	readonly mtimeMs: number;
	readonly syntax: NoteSyntax;
}

/** The cache of one vault under one config and one build of the parser. */
export interface IndexCache {
	/** The cached notes, or undefined when there is no usable cache. Never rejects. */
	load(): Promise<ReadonlyMap<NoteId, CachedNote> | undefined>;
	/** Replaces the cache. Never rejects (a cache that cannot be written is simply not there next time). */
	save(notes: Iterable<readonly [NoteId, CachedNote]>): Promise<void>;
}

export type IndexCacheFactory = (root: string, configText: string | undefined) => IndexCache;
