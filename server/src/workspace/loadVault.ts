// Loads a whole vault from disk into a VaultIndex: the config, the file list, then every note's
// text. The CLI and the language server both load through here, so they see the same vault.
import * as path from 'node:path';
import type { Change, LoadedConfig, NoteId } from '../core';
import type { VaultIndex } from '../core';
import type { LoadConfigOptions } from '../core';
import { CONFIG_FILE_NAME, loadConfig } from '../core';
import type { FileSystem } from './fileSystem';
import type { CacheLog, CacheReader, CachedNote, IndexCache } from './indexCache';
import type { NoteReader } from './noteReader';
import { readNote } from './readNote';
import type { VaultFile } from './scanVault';
import { scanVault } from './scanVault';
import { toAbsolutePath } from './vaultPaths';

/** Notes read at the same time: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 64;
/** Batches read ahead of the one being indexed. */
const READ_AHEAD_BATCHES = 8;
/** Notes below which a vault is read and parsed on this thread, even when a reader is given. */
export const READER_MIN_NOTES = 5000;
/** Batches indexed between two turns of the event loop, at most. */
const YIELD_EVERY_BATCHES = 4;

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
	/** Where the cache tells why it is ignored (damaged, another build) or cannot be written. */
	readonly cacheLog?: CacheLog;
	/** Reads and parses notes elsewhere (worker threads); without one, notes are read and parsed here. */
	readonly reader?: NoteReader;
	/** The reader is used from this many notes on (default READER_MIN_NOTES). */
	readonly readerMinNotes?: number;
}

export interface LoadedVault {
	readonly vault: VaultIndex;
	readonly files: readonly VaultFile[];
	readonly warnings: readonly string[];
	/**
	 * Writes the cache (when one was given and it lacks what this load read), once. Loading does
	 * not do it itself: callers run it once their work is out, and it yields between shards.
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
	const cached = await openCache(options);
	// Worker threads each load the parser and warm it up: for a small vault that costs more than it saves.
	const readOptions =
		notes.length >= (options.readerMinNotes ?? READER_MIN_NOTES) ? options : { ...options, reader: undefined };
	const readBatch = (start: number) =>
		Promise.all(
			notes
				.slice(start, start + READ_CONCURRENCY)
				.map((file) => readOrReuse(fs, root, file, config, readOptions, cached)),
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
		// Notes served from the cache need no waiting, so without this a warm load would hold the
		// thread to the end: requests (an opened note, a hover) get a turn every few batches.
		if ((start / READ_CONCURRENCY) % YIELD_EVERY_BATCHES === YIELD_EVERY_BATCHES - 1)
			await new Promise((resolve) => setImmediate(resolve));
	}
	const save = cached ? finishCache(cached, vault, notes, options) : () => Promise.resolve();
	return { vault, files, warnings, saveCache: save };
}

/** The index cache during one load: what it held, and whether the load found anything it lacks. */
interface CacheUse {
	readonly cache: IndexCache;
	readonly log: CacheLog;
	readonly reader: CacheReader | undefined;
	/** Notes whose file has the size and time of a cache entry. */
	matched: number;
	/** A note the cache lacked (or could not decode) was parsed from its file. */
	missed: boolean;
}

async function openCache(options: LoadOptions): Promise<CacheUse | undefined> {
	if (!options.cache) return undefined;
	const log = options.cacheLog ?? (() => undefined);
	return { cache: options.cache, log, reader: await options.cache.open(log), matched: 0, missed: false };
}

function readOrReuse(
	fs: FileSystem,
	root: string,
	file: VaultFile,
	config: LoadedConfig,
	options: LoadOptions,
	cached: CacheUse | undefined,
): Promise<Change> {
	const hit = cached?.reader?.get(file.id, file.size, file.mtimeMs);
	if (hit) cached!.matched++;
	// An editor's text wins over the cache as it wins over the file.
	if (!cached || options.overlay?.(file.id) !== undefined) return readWithOverlay(fs, root, file, config, options);
	if (!hit) return readMissed(fs, root, file, config, options, cached);
	return hit.then((syntax): Promise<Change> | Change =>
		syntax ? { kind: 'parsed', id: file.id, syntax } : readMissed(fs, root, file, config, options, cached),
	);
}

/** Reads a note the cache could not give: once parsed, the cache has something new to save. */
async function readMissed(
	fs: FileSystem,
	root: string,
	file: VaultFile,
	config: LoadedConfig,
	options: LoadOptions,
	cached: CacheUse,
): Promise<Change> {
	const change = await readWithOverlay(fs, root, file, config, options);
	if (change.kind === 'note' || change.kind === 'parsed') cached.missed = true;
	return change;
}

/**
 * Closes the cache and prepares its save: what the load indexed from the files, taken now, as
 * later edits and watcher reads do not match the sizes and times the scan saw. Nothing is saved
 * when the cache held exactly this vault, or when the load was cancelled.
 */
function finishCache(
	cached: CacheUse,
	vault: VaultIndex,
	notes: readonly VaultFile[],
	options: LoadOptions,
): () => Promise<void> {
	const { cache, log, reader } = cached;
	reader?.close();
	const changed = !reader || cached.missed || cached.matched < reader.size;
	if (!changed || options.isCancelled?.()) return () => Promise.resolve();
	let entries: [NoteId, CachedNote][] | undefined = [];
	for (const file of notes) {
		const syntax = vault.note(file.id)?.syntax;
		// Not the text of open editors (the disk does not have it), nor a newer watcher read.
		if (syntax && options.overlay?.(file.id) === undefined && !options.isSuperseded?.(file.id))
			entries.push([file.id, { size: file.size, mtimeMs: file.mtimeMs, syntax }]);
	}
	return () => {
		const saving = entries;
		// Once: the notes are let go, and a second call writes nothing.
		entries = undefined;
		if (!saving) return Promise.resolve();
		// A note edited since the load (or open in an editor now) is left out: the next start reads it.
		const unchanged = saving.filter(
			([id, note]) => vault.note(id)?.syntax === note.syntax && options.overlay?.(id) === undefined,
		);
		return cache.save(unchanged, log);
	};
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
