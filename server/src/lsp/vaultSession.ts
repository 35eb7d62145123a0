// One vault (one workspace folder) inside the language server: its root, config file and
// index, and the loading state. The index is replaced as a whole when the config changes.
import * as path from 'node:path';
import type { Change, LoadedConfig, NoteId } from '../core';
import { CONFIG_FILE_NAME, VaultIndex, isInvisiblePath, loadConfig } from '../core';
import type { FileSystem } from '../workspace/fileSystem';
import type { IndexCacheFactory } from '../workspace/indexCache';
import type { NoteReaderFactory } from '../workspace/noteReader';
import type { ConfigFile } from '../workspace/loadVault';
import { loadVault, readConfigFile } from '../workspace/loadVault';
import { readNote } from '../workspace/readNote';
import { scanVault } from '../workspace/scanVault';
import { toAbsolutePath, toNoteId } from '../workspace/vaultPaths';
import { pathToUri } from './convert';
import type { Logger } from './guard';
import { mapLimited } from '../workspace/mapLimited';

export interface LoadCallbacks {
	readonly onBatch: (touched: readonly NoteId[], done: number, total: number) => void;
}

export class VaultSession {
	readonly uri: string;
	vault: VaultIndex;
	configFile: ConfigFile;
	indexing = false;
	/** Every file of the vault is in the index (as pending at least): links resolve right. */
	filesKnown = false;
	private readonly uris = new Map<NoteId, string>();
	/** Writes the index cache of the last load (after its diagnostics are out). */
	saveCache: () => Promise<void> = () => Promise.resolve();
	/** Bumped on every reload, so that a reload started later wins over an earlier one. */
	private generation = 0;
	/** Per note, the ticket of the latest disk read started by readChanges. */
	private readonly latestRead = new Map<NoteId, number>();
	/** Notes readChanges applied while a load runs: newer than what the load read, so they win. */
	private appliedDuringLoad = new Set<NoteId>();
	private readCount = 0;

	constructor(
		readonly root: string,
		private readonly fs: FileSystem,
		private readonly logger: Logger,
		/** The text of a note open in an editor, which wins over the disk. */
		private readonly overlay: (id: NoteId) => string | undefined,
		private readonly cacheFactory?: IndexCacheFactory,
		/** False in an untrusted workspace: front-matter schemas are not compiled (docs/robustness.md). */
		private readonly trusted = true,
		private readonly noteReader?: NoteReaderFactory,
	) {
		this.uri = pathToUri(root);
		this.configFile = { path: path.join(root, CONFIG_FILE_NAME), text: undefined, loaded: loadConfig(undefined) };
		this.vault = new VaultIndex(this.configFile.loaded);
	}

	get config(): LoadedConfig {
		return this.configFile.loaded;
	}

	get configUri(): string {
		return pathToUri(this.configFile.path);
	}

	/** The NoteId of an absolute path in this vault; undefined outside it or when invisible. */
	idOf(absolutePath: string): NoteId | undefined {
		const id = toNoteId(this.root, absolutePath);
		return id === undefined || isInvisiblePath(id) ? undefined : id;
	}

	isConfigPath(absolutePath: string): boolean {
		return toNoteId(this.root, absolutePath) === CONFIG_FILE_NAME;
	}

	pathOf(id: NoteId): string {
		return toAbsolutePath(this.root, id);
	}

	uriOf(id: NoteId): string {
		// Publishing and references convert the same ids again and again (66k per hub request).
		let uri = this.uris.get(id);
		if (uri === undefined) {
			uri = pathToUri(this.pathOf(id));
			if (this.uris.size > 200_000) this.uris.clear();
			this.uris.set(id, uri);
		}
		return uri;
	}

	/**
	 * The UTF-8 text of a file of the vault, invisible ones included (quick-fix templates live in
	 * `.vault-notes/templates/`); undefined when it is missing, unreadable or not UTF-8.
	 */
	async readVaultText(id: string): Promise<string | undefined> {
		const bytes = await this.fs.readFile(this.pathOf(id)).catch(() => undefined);
		if (!bytes) return undefined;
		try {
			return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		} catch {
			return undefined;
		}
	}

	/** (Re)reads the config and every file. Returns false when a later reload superseded this one. */
	async load(callbacks: LoadCallbacks): Promise<boolean> {
		const generation = ++this.generation;
		this.indexing = true;
		try {
			this.configFile = await readConfigFile(this.fs, this.root, undefined, { trusted: this.trusted }).catch(
				(error: Error) => {
					this.logger.warn(`cannot read ${CONFIG_FILE_NAME} in ${this.root}: ${error.message}`);
					return { path: path.join(this.root, CONFIG_FILE_NAME), text: undefined, loaded: loadConfig(undefined) };
				},
			);
			const isStale = () => generation !== this.generation;
			if (isStale()) return false;
			// Requests are served from the new index while it fills.
			this.filesKnown = false;
			this.vault = new VaultIndex(this.configFile.loaded);
			const applied = (this.appliedDuringLoad = new Set());
			const reader = this.noteReader?.(this.configFile.loaded);
			const loaded = await loadVault(this.fs, this.root, this.vault, {
				reader,
				overlay: this.overlay,
				isSuperseded: (id) => applied.has(id),
				// Untrusted loads check no schemas, so their syntax differs: they get a cache of their own.
				cache: this.cacheFactory?.(this.root, (this.trusted ? '' : 'untrusted\0') + (this.configFile.text ?? '')),
				cacheLog: (message) => this.logger.info(message),
				onFilesKnown: () => {
					this.filesKnown = true;
				},
				isCancelled: isStale,
				onBatch: (touched, done, total) => {
					if (!isStale()) callbacks.onBatch(touched, done, total);
				},
			}).finally(() => reader?.dispose());
			if (isStale()) return false;
			for (const warning of loaded.warnings) this.logger.warn(warning);
			this.saveCache = loaded.saveCache;
			return true;
		} finally {
			if (generation === this.generation) this.indexing = false;
		}
	}

	/** Reads files changed on disk and applies them; a document open in an editor keeps its text. */
	async readChanges(ids: readonly NoteId[]): Promise<NoteId[]> {
		const tickets = ids.map((id) => {
			this.latestRead.set(id, ++this.readCount);
			return this.readCount;
		});
		const read = await mapLimited(ids, 64, (id) => this.readChange(id));
		// Reads overlap (a slow disk, an event storm): a read that a later one overtook carries
		// older bytes and is dropped, and a note opened in an editor meanwhile keeps the editor's text.
		const current = read.filter((_changes, index) => this.latestRead.get(ids[index]!) === tickets[index]);
		ids.forEach((id, index) => {
			if (this.latestRead.get(id) === tickets[index]) this.latestRead.delete(id);
		});
		const changes = current.flat().map((change): Change => {
			const open = change.kind === 'note' || change.kind === 'skipped' ? this.overlay(change.id) : undefined;
			return open === undefined ? change : { kind: 'note', id: change.id, text: open };
		});
		if (this.indexing) for (const change of changes) this.appliedDuringLoad.add(change.id);
		return this.vault.apply(changes);
	}

	private async readChange(id: NoteId): Promise<Change[]> {
		const absolute = this.pathOf(id);
		const stat = await this.fs.stat(absolute).catch(() => undefined);
		if (!stat)
			return [{ kind: 'deleted', id }, ...this.filesUnder(id).map((inner): Change => ({ kind: 'deleted', id: inner }))];
		if (stat.kind === 'directory') return this.scanFolder(id);
		if (!id.toLowerCase().endsWith('.md')) return [{ kind: 'attachment', id }];
		const open = this.overlay(id);
		if (open !== undefined) return [{ kind: 'note', id, text: open }];
		return [await readNote(this.fs, absolute, id, this.config.config.maxFileSize)];
	}

	/** A folder appeared (moved in, or created with files): index what it holds. */
	private async scanFolder(id: NoteId): Promise<Change[]> {
		const { files } = await scanVault(this.fs, this.root);
		const prefix = id + '/';
		const inside = files.filter((file) => file.id.startsWith(prefix) && this.vault.file(file.id) === undefined);
		return Promise.all(
			inside.map((file): Promise<Change> =>
				file.kind === 'attachment'
					? Promise.resolve({ kind: 'attachment', id: file.id })
					: readNote(this.fs, this.pathOf(file.id), file.id, this.config.config.maxFileSize),
			),
		);
	}

	private filesUnder(folderId: NoteId): NoteId[] {
		// A file the index knows is no folder: a deleted note must not sort the vault's 100k ids.
		if (this.vault.file(folderId)) return [];
		const prefix = folderId + '/';
		return this.vault.ids().filter((id) => id.startsWith(prefix));
	}
}
