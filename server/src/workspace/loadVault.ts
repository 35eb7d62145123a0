// Loads a whole vault from disk into a VaultIndex: the config, the file list, then every note's
// text. The CLI and the language server both load through here, so they see the same vault.
import * as path from 'node:path';
import type { Change, LoadedConfig, NoteId } from '../core';
import type { VaultIndex } from '../core';
import type { LoadConfigOptions } from '../core';
import { CONFIG_FILE_NAME, loadConfig } from '../core';
import type { FileSystem } from './fileSystem';
import type { CachedNote, IndexCache } from './indexCache';
import type { NoteReader } from './noteReader';
import { readNote } from './readNote';
import type { VaultFile } from './scanVault';
import { scanVault } from './scanVault';
import { toAbsolutePath } from './vaultPaths';

/** Notes read at the same time: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 64;
/** Batches read ahead of the one being indexed. */
const READ_AHEAD_BATCHES = 8;

export interface ConfigFile {
	/** Absolute path of the config file that was (or would be) read. */
	readonly path: string;
	/** Its text, or undefined when there is no such file. */
	readonly text: string | undefined;
	readonly loaded: LoadedConfig;
}

export async function readConfigFile(
	fs: FileSystem,
	root: string,
	configPath?: string,
	options: LoadConfigOptions = {},
): Promise<ConfigFile> {
	const file = configPath ?? path.join(root, CONFIG_FILE_NAME);
	let text: string | undefined;
	try {
		text = new TextDecoder().decode(await fs.readFile(file));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || configPath !== undefined) throw error;
	}
	return { path: file, text, loaded: loadConfig(text, options) };
}

export interface LoadOptions {
	/** Called after each batch of notes is indexed, with the notes it touched. */
	readonly onBatch?: (touched: readonly NoteId[], done: number, total: number) => void;
	/** Checked between batches; loading stops early when it returns true. */
	readonly isCancelled?: () => boolean;
	/** Texts that win over the disk (documents open in an editor). */
	readonly overlay?: (id: NoteId) => string | undefined;
	/** Notes that a newer read (a file watcher's) applied while this load ran: the load's read is dropped. */
	readonly isSuperseded?: (id: NoteId) => boolean;
	/** Called once every file is in the index (notes as pending), before any text is read. */
	readonly onFilesKnown?: () => void;
	/** Parsed notes from an earlier run: unchanged files (same size and time) are not read again. */
	readonly cache?: IndexCache;
	/** Reads and parses notes elsewhere (worker threads); without one, notes are read and parsed here. */
	readonly reader?: NoteReader;
}

export interface LoadedVault {
	readonly vault: VaultIndex;
	readonly files: readonly VaultFile[];
	readonly warnings: readonly string[];
	/** Settles when the cache (if any) is written; loading does not wait for it. */
	/**
	 * Writes the cache (when one was given and any note was read from disk). Loading does not do it
	 * itself: serializing a large vault takes a while, and callers run it once their work is out.
	 */
	readonly saveCache: () => Promise<void>;
}

/** Loads into `vault` (a new, empty index: callers may already serve requests from it). */
export async function loadVault(
	fs: FileSystem,
	root: string,
	vault: VaultIndex,
	options: LoadOptions = {},
): Promise<LoadedVault> {
	const config = vault.config;
	const { files, warnings } = await scanVault(fs, root);
	// Every file is known before any text is read, so links resolve right from the first batch.
	vault.apply(files.map((file): Change => ({ kind: file.kind === 'note' ? 'pending' : 'attachment', id: file.id })));
	options.onFilesKnown?.();
	const notes = files.filter((file) => file.kind === 'note');
	const cached = await options.cache?.load();
	const readBatch = (start: number) =>
		Promise.all(
			notes.slice(start, start + READ_CONCURRENCY).map((file) => readOrReuse(fs, root, file, config, options, cached)),
		);
	// The next batches are read while this one is indexed: the disk (or the page cache, through
	// libuv's threads) and the parser (here or in workers) then work at the same time.
	const inFlight: Promise<Change[]>[] = [];
	let nextStart = 0;
	const readAhead = () => {
		while (inFlight.length < READ_AHEAD_BATCHES && nextStart < notes.length && !options.isCancelled?.()) {
			inFlight.push(readBatch(nextStart));
			nextStart += READ_CONCURRENCY;
		}
	};
	readAhead();
	for (let start = 0; inFlight.length > 0; start += READ_CONCURRENCY) {
		const read = await inFlight.shift()!;
		if (options.isCancelled?.()) break;
		readAhead();
		// A note opened in an editor while its file was being read keeps the editor's text.
		const current = options.isSuperseded ? read.filter((change) => !options.isSuperseded!(change.id)) : read;
		const changes = current.map((change): Change => {
			const text = options.overlay?.(change.id);
			return text === undefined ? change : { kind: 'note', id: change.id, text };
		});
		const touched = vault.apply(changes);
		options.onBatch?.(touched, Math.min(start + READ_CONCURRENCY, notes.length), notes.length);
	}
	const cache = options.cache;
	// A load served entirely from the cache would only write the same cache again.
	const changed = cached === undefined || notes.some((file) => !isCacheHit(cached, file));
	const save =
		cache && changed && !options.isCancelled?.()
			? () => saveCache(cache, vault, notes, options)
			: () => Promise.resolve();
	return { vault, files, warnings, saveCache: save };
}

function readOrReuse(
	fs: FileSystem,
	root: string,
	file: VaultFile,
	config: LoadedConfig,
	options: LoadOptions,
	cached: ReadonlyMap<NoteId, CachedNote> | undefined,
): Promise<Change> {
	if (cached && isCacheHit(cached, file) && options.overlay?.(file.id) === undefined) {
		return Promise.resolve({ kind: 'parsed', id: file.id, syntax: cached.get(file.id)!.syntax });
	}
	return readWithOverlay(fs, root, file, config, options);
}

function isCacheHit(cached: ReadonlyMap<NoteId, CachedNote>, file: VaultFile): boolean {
	const hit = cached.get(file.id);
	return hit !== undefined && hit.size === file.size && hit.mtimeMs === file.mtimeMs;
}

/** Saves what was parsed from disk (not the text of open editors, which the disk does not have). */
function saveCache(
	cache: IndexCache,
	vault: VaultIndex,
	notes: readonly VaultFile[],
	options: LoadOptions,
): Promise<void> {
	const byId = new Map(notes.map((file) => [file.id, file]));
	const entries: [NoteId, CachedNote][] = [];
	for (const [id, syntax] of vault.syntaxes()) {
		const file = byId.get(id);
		if (file && options.overlay?.(id) === undefined)
			entries.push([id, { size: file.size, mtimeMs: file.mtimeMs, syntax }]);
	}
	return cache.save(entries);
}

function readWithOverlay(
	fs: FileSystem,
	root: string,
	file: VaultFile,
	config: LoadedConfig,
	options: LoadOptions,
): Promise<Change> {
	const text = options.overlay?.(file.id);
	if (text !== undefined) return Promise.resolve({ kind: 'note', id: file.id, text });
	const absolutePath = toAbsolutePath(root, file.id);
	const maxFileSize = config.config.maxFileSize;
	if (options.reader) return options.reader.read({ absolutePath, id: file.id, size: file.size, maxFileSize });
	return readNote(fs, absolutePath, file.id, maxFileSize, file.size);
}
