// The server's long-lived state: one VaultSession per workspace folder, the open documents
// overlaid on the disk, the watchers, and the per-folder settings.
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexChangedNotification } from '../../../protocol';
import type { Locale, NoteId } from '../core';
import { isMarkdownPath } from '../core';
import type { Disposable, FileSystem } from '../workspace/fileSystem';
import type { IndexCacheFactory } from '../workspace/indexCache';
import type { NoteReaderFactory } from '../workspace/noteReader';
import { pathToUri, uriToPath } from './convert';
import type { DiagnosticsPublisher, DiagnosticsScope } from './diagnosticsPublisher';
import type { Logger } from './guard';
import { VaultSession } from './vaultSession';
import type { VaultNotesSettings } from './settings';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { readNote } from '../workspace/readNote';

/** A document or file of some vault. */
export interface Located {
	readonly session: VaultSession;
	readonly id: NoteId;
}

/**
 * Our own fs.watch reports each step of a save (write, rename) as an event of its own: they are
 * coalesced. A client's didChangeWatchedFiles is already a batch (VS Code coalesces its watcher's
 * events), so it is read on the next turn of the event loop: the 15 ms wait was a third of the
 * time to republish the 500 notes linking to a note created outside the editor.
 */
const OWN_WATCH_DEBOUNCE_MS = 15;
const INDEX_CHANGED_DEBOUNCE_MS = 200;

/** How long after indexing the index cache is written. */
const SAVE_CACHE_DELAY_MS = 3000;

export class ServerState {
	readonly sessions: VaultSession[] = [];
	private readonly settings = new Map<VaultSession, VaultNotesSettings>();
	private readonly watchers: Disposable[] = [];
	private readonly changedPaths = new Set<string>();
	private watchTimer: ReturnType<typeof setTimeout> | undefined;
	private indexChangedTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly changedSessions = new Set<VaultSession>();

	constructor(
		readonly connection: Connection,
		private readonly fs: FileSystem,
		readonly documents: TextDocuments<TextDocument>,
		readonly publisher: DiagnosticsPublisher,
		readonly logger: Logger,
		readonly locale: Locale,
		/** What the client said it can do (rename needs resource operations in workspace edits). */
		readonly capabilities: ClientCapabilities,
		private readonly cacheFactory?: IndexCacheFactory,
		/** `initialize.clientInfo.name`: VS Code already outlines Markdown headings itself. */
		readonly clientName = '',
		/** `initializationOptions.trusted`: false in VS Code's Restricted Mode. */
		private readonly trusted = true,
		private readonly noteReader?: NoteReaderFactory,
	) {}

	/** VS Code and its relatives (code-server, VSCodium, Cursor…) have a Markdown language server of their own. */
	get clientHasMarkdownOutline(): boolean {
		return /visual studio code|vscode|code-oss|vscodium|code - oss|cursor|windsurf/i.test(this.clientName);
	}

	addFolders(uris: readonly string[]): void {
		for (const uri of uris) {
			const root = uriToPath(uri);
			if (root === undefined || this.sessions.some((session) => session.root === root)) continue;
			const session: VaultSession = new VaultSession(
				root,
				this.fs,
				this.logger,
				(id): string | undefined => this.openText(session, id),
				this.cacheFactory,
				this.trusted,
				this.noteReader,
			);
			this.sessions.push(session);
		}
		// The innermost folder wins when folders nest.
		this.sessions.sort((a, b) => b.root.length - a.root.length);
	}

	removeFolders(uris: readonly string[]): void {
		for (const uri of uris) {
			const root = uriToPath(uri);
			const index = this.sessions.findIndex((session) => session.root === root);
			if (index < 0) continue;
			const [session] = this.sessions.splice(index, 1);
			this.publisher.clearSession(session!);
			this.settings.delete(session!);
		}
	}

	/** The vault and NoteId of a document URI, when it is a visible file of some vault. */
	locate(uri: string): Located | undefined {
		const absolute = uriToPath(uri);
		if (absolute === undefined) return undefined;
		for (const session of this.sessions) {
			const id = session.idOf(absolute);
			if (id !== undefined) return { session, id };
		}
		return undefined;
	}

	scopeOf(session: VaultSession): DiagnosticsScope {
		return this.settingsOf(session).diagnostics.scope;
	}

	settingsOf(session: VaultSession): VaultNotesSettings {
		return this.settings.get(session) ?? DEFAULT_SETTINGS;
	}

	/** The text of a note: the open editor's, else the disk's (undefined when unreadable or skipped). */
	async textOf(session: VaultSession, id: NoteId): Promise<string | undefined> {
		const open = this.openText(session, id);
		if (open !== undefined) return open;
		const change = await readNote(this.fs, session.pathOf(id), id, session.config.config.maxFileSize);
		return change.kind === 'note' ? change.text : undefined;
	}

	/** Loads every vault not loaded yet (or all again), with work-done progress. */
	async loadAll(): Promise<void> {
		await this.refreshSettings(false);
		await Promise.all(this.sessions.map((session) => this.load(session)));
	}

	async load(session: VaultSession): Promise<void> {
		if (!this.settingsOf(session).enable) {
			this.logger.info(`vaultNotes.enable is off for ${session.root}`);
			return;
		}
		// A client that refuses progress must not stop indexing (load is often called without waiting).
		const progress = await this.beginProgress(`Indexing ${session.root}`).catch(() => undefined);
		const done = await session
			.load({
				onBatch: (touched, count, total) => {
					this.publisher.schedule(session, touched);
					progress?.report(total === 0 ? 100 : Math.floor((count / total) * 100), `${count}/${total} notes`);
				},
			})
			.catch((error: Error) => {
				// The folder itself is gone or unreadable: the vault is empty until it comes back.
				this.logger.warn(`cannot index ${session.root}: ${error.message}`);
				return true;
			});
		if (done) {
			this.publisher.scheduleAll(session, false);
			// The end of the progress means every note's diagnostics are published.
			await this.publisher.whenIdle();
			this.logger.info(`indexed ${session.vault.noteCount} notes in ${session.root}`);
		}
		progress?.done();
		this.indexChanged(session);
		// A while after the progress ends: writing a large vault's cache must delay neither its
		// diagnostics nor the first requests, which come right after indexing (a hub's references
		// at 100k notes: first answer 1.1 s with the save running beside it, 0.98 s without).
		if (done) setTimeout(() => void session.saveCache(), SAVE_CACHE_DELAY_MS).unref();
	}

	onDocument(uri: string): void {
		const located = this.locate(uri);
		const document = this.documents.get(uri);
		if (!located || !document || !isMarkdownPath(located.id)) return;
		// Before the vault's file list is in, links to notes not seen yet would be reported broken;
		// the load reads open documents' text from the editor anyway.
		if (!located.session.filesKnown) return;
		const touched = located.session.vault.apply([{ kind: 'note', id: located.id, text: document.getText() }]);
		this.publisher.schedule(located.session, touched);
		this.indexChanged(located.session);
	}

	onDocumentClosed(uri: string): void {
		const located = this.locate(uri);
		if (!located) return;
		// The disk is the truth again; with openFiles scope the note's diagnostics are cleared.
		void this.readFromDisk(located.session, [located.id]);
	}

	/** Files created, changed or deleted outside the editor (client watcher or our own). */
	onFilesChanged(uris: readonly string[], debounceMs = 0): void {
		for (const uri of uris) {
			const absolute = uriToPath(uri);
			if (absolute !== undefined) this.changedPaths.add(absolute);
		}
		this.watchTimer ??= setTimeout(() => {
			this.watchTimer = undefined;
			void this.processChangedPaths();
		}, debounceMs);
	}

	startOwnWatchers(): void {
		for (const session of this.sessions) {
			const watcher = this.fs.watch?.(
				session.root,
				(event) => this.onFilesChanged([pathToUri(event.path)], OWN_WATCH_DEBOUNCE_MS),
				(error) => this.logger.warn(`file watcher for ${session.root} failed: ${error.message}`),
			);
			if (watcher) this.watchers.push(watcher);
		}
	}

	async refreshSettings(republish = true): Promise<void> {
		if (this.capabilities.workspace?.configuration) {
			const settings = await this.connection.workspace.getConfiguration(
				this.sessions.map((session) => ({ scopeUri: session.uri, section: 'vaultNotes' })),
			);
			this.sessions.forEach((session, index) => this.settings.set(session, readSettings(settings[index])));
		}
		if (republish) for (const session of this.sessions) this.publisher.scheduleAll(session);
	}

	dispose(): void {
		this.publisher.dispose();
		for (const watcher of this.watchers.splice(0)) watcher.dispose();
		if (this.watchTimer) clearTimeout(this.watchTimer);
		if (this.indexChangedTimer) clearTimeout(this.indexChangedTimer);
	}

	private openText(session: VaultSession, id: NoteId): string | undefined {
		return this.documents.get(session.uriOf(id))?.getText();
	}

	private async processChangedPaths(): Promise<void> {
		const paths = [...this.changedPaths];
		this.changedPaths.clear();
		const bySession = new Map<VaultSession, NoteId[]>();
		for (const absolute of paths) {
			const session = this.sessions.find((candidate) => candidate.isConfigPath(absolute) || candidate.idOf(absolute));
			if (!session) continue;
			if (session.isConfigPath(absolute)) {
				this.logger.info(`config changed: reloading ${session.root}`);
				void this.load(session);
				continue;
			}
			const id = session.idOf(absolute)!;
			bySession.set(session, [...(bySession.get(session) ?? []), id]);
		}
		await Promise.all([...bySession].map(([session, ids]) => this.readFromDisk(session, ids)));
	}

	private async readFromDisk(session: VaultSession, ids: readonly NoteId[]): Promise<void> {
		// Callers do not wait (`void`): a rejection here would be unhandled and end the process.
		const touched = await session.readChanges(ids).catch((error: Error) => {
			this.logger.warn(`cannot read changes in ${session.root}: ${error.message}`);
			return [];
		});
		this.publisher.schedule(session, touched);
		this.indexChanged(session);
	}

	/** Tells the client (debounced) that a vault's index changed, so its views refresh. */
	private indexChanged(session: VaultSession): void {
		this.changedSessions.add(session);
		this.indexChangedTimer ??= setTimeout(() => {
			this.indexChangedTimer = undefined;
			for (const changed of this.changedSessions) {
				void this.connection.sendNotification(IndexChangedNotification.type, {
					vault: changed.uri,
					notes: changed.vault.noteCount,
					indexing: changed.indexing,
				});
			}
			this.changedSessions.clear();
		}, INDEX_CHANGED_DEBOUNCE_MS);
	}

	private async beginProgress(title: string) {
		if (!this.capabilities.window?.workDoneProgress) return undefined;
		const progress = await this.connection.window.createWorkDoneProgress();
		progress.begin(title, 0, undefined, false);
		return progress;
	}
}
