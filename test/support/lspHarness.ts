// Runs the language server in-process over a pair of real streams and talks to it as a client
// would: JSON-RPC messages, server requests answered, notifications collected, and waits that
// are driven by events, never by sleeps.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { Diagnostic, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
	ConfigurationRequest,
	InitializeRequest,
	InitializedNotification,
	PublishDiagnosticsNotification,
	RegistrationRequest,
	StreamMessageReader,
	StreamMessageWriter,
	WorkDoneProgressCreateRequest,
	createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startServer } from '../../server/src/lsp/server';
import type { FileSystem } from '../../server/src/workspace/fileSystem';

export interface HarnessOptions {
	readonly fs: FileSystem;
	readonly roots: readonly string[];
	/** `vaultNotes` settings answered to workspace/configuration. */
	readonly settings?: Record<string, unknown>;
	readonly locale?: string;
	/** Whether the client offers to watch files (then the server's own watcher stays off). */
	readonly clientWatches?: boolean;
	/** `clientInfo.name` sent in `initialize`. */
	readonly clientName?: string;
	/** More `workspace` client capabilities (e.g. `workspaceEdit` with resource operations). */
	readonly workspaceCapabilities?: Record<string, unknown>;
}

export class LspHarness {
	readonly diagnostics = new Map<string, Diagnostic[]>();
	readonly progressEnded: Promise<void>;
	private readonly waiters = new Set<() => void>();
	private child: ChildProcess | undefined;
	private readonly streams: PassThrough[];
	private version = 1;

	private constructor(
		readonly connection: ProtocolConnection,
		streams: PassThrough[],
		progressEnded: Promise<void>,
	) {
		this.streams = streams;
		this.progressEnded = progressEnded;
	}

	/** The server in this process, over a pair of PassThrough streams. */
	static async start(options: HarnessOptions): Promise<LspHarness> {
		const toServer = new PassThrough();
		const toClient = new PassThrough();
		const serverConnection = createConnection(
			ProposedFeatures.all,
			new StreamMessageReader(toServer),
			new StreamMessageWriter(toClient),
		);
		startServer(serverConnection, options.fs);
		return LspHarness.connect(toClient, toServer, [toServer, toClient], options);
	}

	/** The bundled server as a child process over stdio (catches bundling mistakes). */
	static async spawn(serverScript: string, options: Omit<HarnessOptions, 'fs'>): Promise<LspHarness> {
		const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
		const harness = await LspHarness.connect(child.stdout, child.stdin, [], options);
		harness.child = child;
		return harness;
	}

	private static async connect(
		input: NodeJS.ReadableStream,
		output: NodeJS.WritableStream,
		streams: PassThrough[],
		options: Omit<HarnessOptions, 'fs'>,
	): Promise<LspHarness> {
		const connection = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
		let endProgress!: () => void;
		const progressEnded = new Promise<void>((resolve) => (endProgress = resolve));
		const harness = new LspHarness(connection, streams, progressEnded);
		connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
			harness.diagnostics.set(params.uri, params.diagnostics);
			harness.notify();
		});
		connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? {}));
		connection.onRequest(RegistrationRequest.type, () => undefined);
		connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
		connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
			if (params.value.kind === 'end') endProgress();
		});
		connection.onNotification('window/logMessage', () => undefined);
		connection.listen();
		await connection.sendRequest(InitializeRequest.type, {
			processId: null,
			rootUri: null,
			locale: options.locale ?? 'en',
			...(options.clientName ? { clientInfo: { name: options.clientName } } : {}),
			capabilities: {
				window: { workDoneProgress: true },
				workspace: {
					configuration: true,
					workspaceFolders: true,
					didChangeWatchedFiles: { dynamicRegistration: options.clientWatches ?? false },
					...options.workspaceCapabilities,
				},
			},
			workspaceFolders: options.roots.map((root) => ({ uri: URI.file(root).toString(), name: root })),
		});
		await connection.sendNotification(InitializedNotification.type, {});
		return harness;
	}

	uri(absolutePath: string): string {
		return URI.file(absolutePath).toString();
	}

	/** Resolves once `predicate` holds, re-checked after every diagnostics notification. */
	waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
		if (predicate()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiters.delete(check);
				reject(new Error('timed out waiting for diagnostics'));
			}, timeoutMs);
			const check = () => {
				if (!predicate()) return;
				clearTimeout(timer);
				this.waiters.delete(check);
				resolve();
			};
			this.waiters.add(check);
		});
	}

	codesOf(absolutePath: string): string[] {
		return (this.diagnostics.get(this.uri(absolutePath)) ?? []).map((diagnostic) => String(diagnostic.code));
	}

	open(absolutePath: string, text: string): Promise<void> {
		return this.connection.sendNotification('textDocument/didOpen', {
			textDocument: { uri: this.uri(absolutePath), languageId: 'markdown', version: this.version++, text },
		});
	}

	change(absolutePath: string, text: string): Promise<void> {
		return this.connection.sendNotification('textDocument/didChange', {
			textDocument: { uri: this.uri(absolutePath), version: this.version++ },
			contentChanges: [{ text }],
		});
	}

	close(absolutePath: string): Promise<void> {
		return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(absolutePath) } });
	}

	filesChanged(changes: { path: string; type: 1 | 2 | 3 }[]): Promise<void> {
		return this.connection.sendNotification('workspace/didChangeWatchedFiles', {
			changes: changes.map((change) => ({ uri: this.uri(change.path), type: change.type })),
		});
	}

	async dispose(): Promise<void> {
		await this.connection.sendRequest('shutdown').catch(() => undefined);
		if (this.child) {
			await this.connection.sendNotification('exit').catch(() => undefined);
			const exited = new Promise((resolve) => this.child!.once('exit', resolve));
			const timer = setTimeout(() => this.child!.kill(), 5000);
			await exited;
			clearTimeout(timer);
		}
		this.connection.dispose();
		for (const stream of this.streams) stream.destroy();
	}

	private notify(): void {
		for (const waiter of [...this.waiters]) waiter();
	}
}
