// startServer binds the language server's handlers to a connection; nothing else happens here
// but wiring (STYLE §4). Files come through the injected FileSystem.
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusRequest } from '../../../protocol';
import { toLocale } from '../core';
import type { FileSystem } from '../workspace/fileSystem';
import type { IndexCacheFactory } from '../workspace/indexCache';
import type { NoteReaderFactory } from '../workspace/noteReader';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { guard, guardVoid } from './guard';
import { featureCapabilities, registerFeatureHandlers } from './handlers';
import { ServerState } from './serverState';
import { onStatus } from './handlers/status';

export interface ServerOptions {
	/** Use the server's own file watcher when the client cannot watch files (default true). */
	readonly ownWatcher?: boolean;
	/** The index cache to use, given the client's `initializationOptions`; none when absent. */
	readonly indexCache?: (initializationOptions: unknown) => IndexCacheFactory | undefined;
	/**
	 * Whether output to the client is still queued: background work (the completion warm-up) waits
	 * while it is, because a large answer leaves the pipe only a slice per turn of the event loop.
	 */
	readonly outputPending?: () => boolean;
	/** Reads and parses notes off the main thread while a vault loads (worker threads); none when absent. */
	readonly noteReader?: NoteReaderFactory;
}

export function startServer(connection: Connection, fs: FileSystem, options: ServerOptions = {}): void {
	const documents = new TextDocuments(TextDocument);
	const logger = connection.console;
	let state: ServerState | undefined;
	let capabilities: ClientCapabilities = {};

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		capabilities = params.capabilities;
		const locale = toLocale(params.locale);
		const publisher = new DiagnosticsPublisher(
			connection,
			locale,
			(uri) => documents.get(uri) !== undefined,
			(session) => state!.scopeOf(session),
		);
		const cache = options.indexCache?.(params.initializationOptions);
		const clientName = params.clientInfo?.name ?? '';
		const trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
		state = new ServerState(
			connection,
			fs,
			documents,
			publisher,
			logger,
			locale,
			capabilities,
			cache,
			clientName,
			trusted,
			options.noteReader,
		);
		state.addFolders(initialFolders(params));
		return {
			capabilities: {
				...featureCapabilities(),
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
				// Features add workspace capabilities too (fileOperations): merged, not replaced.
				workspace: {
					...featureCapabilities().workspace,
					workspaceFolders: { supported: true, changeNotifications: true },
				},
			},
			serverInfo: { name: 'vault-notes', version: '0.1.0' },
		};
	});

	connection.onInitialized(
		guardVoid(logger, 'initialized', async () => {
			const current = state!;
			const canWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
			if (canWatch) {
				await connection.client.register(DidChangeWatchedFilesNotification.type, {
					watchers: [{ globPattern: '**/*' }],
				});
			} else if (options.ownWatcher !== false) {
				current.startOwnWatchers();
			}
			if (capabilities.workspace?.workspaceFolders) {
				connection.workspace.onDidChangeWorkspaceFolders(
					guardVoid(logger, 'workspaceFolders', (event) => {
						current.removeFolders(event.removed.map((folder) => folder.uri));
						current.addFolders(event.added.map((folder) => folder.uri));
						void current.loadAll();
					}),
				);
			}
			await current.loadAll();
		}),
	);

	documents.onDidOpen(guardVoid(logger, 'didOpen', (event) => state?.onDocument(event.document.uri)));
	documents.onDidChangeContent(guardVoid(logger, 'didChange', (event) => state?.onDocument(event.document.uri)));
	documents.onDidClose(guardVoid(logger, 'didClose', (event) => state?.onDocumentClosed(event.document.uri)));
	connection.onDidChangeWatchedFiles(
		guardVoid(logger, 'didChangeWatchedFiles', (params) =>
			state?.onFilesChanged(params.changes.map((change) => change.uri)),
		),
	);
	connection.onDidChangeConfiguration(guardVoid(logger, 'didChangeConfiguration', () => state?.refreshSettings()));
	connection.onRequest(
		StatusRequest.type,
		guard(logger, StatusRequest.method, { vaults: [] }, () => onStatus(state)),
	);
	const outputPending = options.outputPending ?? (() => false);
	registerFeatureHandlers({ connection, documents, logger, state: () => state, outputPending });
	connection.onShutdown(() => state?.dispose());

	documents.listen(connection);
	connection.listen();
}

function initialFolders(params: InitializeParams): string[] {
	if (params.workspaceFolders && params.workspaceFolders.length > 0)
		return params.workspaceFolders.map((folder) => folder.uri);
	if (params.rootUri) return [params.rootUri];
	return [];
}
