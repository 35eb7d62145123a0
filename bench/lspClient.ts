// A minimal LSP client for benchmarks: spawns a server over stdio, answers the requests a client
// must answer, records every publishDiagnostics and progress notification with its arrival time,
// and turns each wait into an event with a deadline, so a stuck server fails the measure instead
// of hanging the bench.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { Diagnostic, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	ErrorCodes,
	PublishDiagnosticsNotification,
	ResponseError,
	StreamMessageReader,
	StreamMessageWriter,
	createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface Published {
	readonly at: number;
	readonly diagnostics: readonly Diagnostic[];
}

export interface ProgressEvent {
	readonly at: number;
	readonly token: string | number;
	readonly kind: 'begin' | 'report' | 'end';
	readonly message?: string;
	readonly percentage?: number;
}

/** Thrown by `request` when the server has no handler for the method (not implemented yet). */
export class MethodNotFound extends Error {}

export class TimeoutError extends Error {}

export class LspClient {
	/** Every publishDiagnostics per URI, in arrival order. */
	readonly published = new Map<string, Published[]>();
	/** Every publishDiagnostics in arrival order: waits on many URIs read only what is new. */
	readonly publications: { readonly uri: string; readonly at: number }[] = [];
	readonly progress: ProgressEvent[] = [];
	private readonly waiters = new Set<() => void>();
	private readonly versions = new Map<string, number>();
	private readonly texts = new Map<string, string>();
	private exited = false;

	private constructor(
		readonly connection: ProtocolConnection,
		readonly child: ChildProcess,
	) {
		child.on('exit', () => {
			this.exited = true;
			this.notify();
		});
		connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
			const list = this.published.get(params.uri) ?? [];
			const at = performance.now();
			list.push({ at, diagnostics: params.diagnostics });
			this.published.set(params.uri, list);
			this.publications.push({ uri: params.uri, at });
			this.notify();
		});
		connection.onNotification('$/progress', (params: { token: string | number; value: ProgressValue }) => {
			const { kind, message, percentage } = params.value;
			this.progress.push({ at: performance.now(), token: params.token, kind, message, percentage });
			this.notify();
		});
		// Requests every client answers; a server waiting on an unanswered one would stall.
		connection.onRequest('window/workDoneProgress/create', () => null);
		connection.onRequest('client/registerCapability', () => null);
		connection.onRequest('client/unregisterCapability', () => null);
		connection.onRequest('workspace/diagnostic/refresh', () => null);
		connection.onRequest('window/showMessageRequest', () => null);
		connection.onNotification('window/logMessage', () => undefined);
		connection.onNotification('window/showMessage', () => undefined);
		connection.onNotification('telemetry/event', () => undefined);
	}

	static start(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): LspClient {
		const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
		// The server's stderr is its log: keep the last lines for error reports, never block on it.
		child.stderr!.on('data', () => undefined);
		const connection = createProtocolConnection(
			new StreamMessageReader(child.stdout!),
			new StreamMessageWriter(child.stdin!),
		);
		connection.listen();
		return new LspClient(connection, child);
	}

	get pid(): number {
		return this.child.pid!;
	}

	/** Sends a request; MethodNotFound becomes its own error type so a measure can be skipped. */
	async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
		const pending = this.connection.sendRequest<R>(method, params).catch((error: unknown) => {
			if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) throw new MethodNotFound(method);
			throw error;
		});
		return withTimeout(pending, timeoutMs, method);
	}

	/** Requests and returns the latency in milliseconds with the result. */
	async timed<R>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: R }> {
		const started = performance.now();
		const result = await this.request<R>(method, params, timeoutMs);
		return { ms: performance.now() - started, result };
	}

	notify(): void {
		for (const waiter of [...this.waiters]) waiter();
	}

	/** Resolves when `check` returns a value other than undefined; rejects after the deadline. */
	waitFor<T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> {
		const now = check();
		if (now !== undefined) return Promise.resolve(now);
		return new Promise<T>((resolve, reject) => {
			const done = (): void => {
				this.waiters.delete(waiter);
				clearTimeout(timer);
			};
			const waiter = (): void => {
				if (this.exited) {
					done();
					reject(new Error(`server exited while waiting for ${what}`));
					return;
				}
				const value = check();
				if (value === undefined) return;
				done();
				resolve(value);
			};
			const timer = setTimeout(() => {
				done();
				reject(new TimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`));
			}, timeoutMs);
			this.waiters.add(waiter);
		});
	}

	/** The first publication for `uri` that arrived after `since`. */
	publishedAfter(uri: string, since: number): Published | undefined {
		return this.published.get(uri)?.find((entry) => entry.at > since);
	}

	latest(uri: string): Published | undefined {
		const list = this.published.get(uri);
		return list?.[list.length - 1];
	}

	textOf(uri: string): string | undefined {
		return this.texts.get(uri);
	}

	open(uri: string, text: string): void {
		this.versions.set(uri, 1);
		this.texts.set(uri, text);
		void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'markdown', version: 1, text },
		});
	}

	/** Replaces the whole text (a full-document change is valid for incremental sync too). */
	change(uri: string, text: string): void {
		const version = (this.versions.get(uri) ?? 1) + 1;
		this.versions.set(uri, version);
		this.texts.set(uri, text);
		void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: [{ text }],
		});
	}

	/** Peak and current resident memory of the server, in MB (VmHWM / VmRSS). */
	memory(): { peakMb: number; rssMb: number } | undefined {
		return readMemory(this.pid);
	}

	/** CPU time (user + system) the server has used so far, in ms. */
	cpuMs(): number | undefined {
		return readCpuMs(this.pid);
	}

	/** shutdown + exit, then SIGKILL if the server is still there after a grace period. */
	async stop(): Promise<void> {
		try {
			if (!this.exited) {
				await this.request('shutdown', null, 5_000);
				void this.connection.sendNotification('exit');
			}
		} catch {
			// A server that does not shut down cleanly is killed below.
		}
		await new Promise<void>((resolve) => {
			if (this.exited) return resolve();
			const timer = setTimeout(() => {
				this.child.kill('SIGKILL');
				resolve();
			}, 3_000);
			this.child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		this.connection.dispose();
	}
}

interface ProgressValue {
	readonly kind: 'begin' | 'report' | 'end';
	readonly message?: string;
	readonly percentage?: number;
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new TimeoutError(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
	});
	return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function readMemory(pid: number | string): { peakMb: number; rssMb: number } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
		return { peakMb: Math.round(field('VmHWM')), rssMb: Math.round(field('VmRSS')) };
	} catch {
		return undefined;
	}
}

/** utime + stime of a process from /proc (clock ticks of 10 ms on Linux). */
export function readCpuMs(pid: number | string): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces: the fields are counted after its closing parenthesis.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return undefined;
	}
}
