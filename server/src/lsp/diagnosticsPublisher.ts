// Publishes diagnostics for the notes an update touched, debounced, in chunks that keep the
// server responsive, and only when a note's diagnostics differ from what was last sent
// (marksman's calcDiagnosticsUpdate). Correctness is never debounced: the index is already
// up to date when a publish is scheduled.
import type { Connection } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Locale, NoteId } from '../core';
import { computeDiagnostics, formatMessage } from '../core';
import { toLspDiagnostic } from './convert';
import type { VaultSession } from './vaultSession';

// Everything scheduled in one turn of the event loop (an indexing batch, a storm of file events)
// is published together; a fixed wait on top only delayed every edit's diagnostics.
const DEBOUNCE_MS = 0;
const CHUNK = 500;

export type DiagnosticsScope = 'vault' | 'openFiles';

export class DiagnosticsPublisher {
	private readonly lastSent = new Map<string, string>();
	/** Errors and warnings per published URI, so that status needs no diagnostics recomputed. */
	private readonly counts = new Map<string, [number, number]>();
	/** The sums of `counts` under each session URI (`…/`) asked about so far. */
	private readonly totals = new Map<string, [number, number]>();
	private readonly pending = new Map<VaultSession, Set<NoteId>>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private flushing: Promise<void> = Promise.resolve();
	/** Resolves when everything scheduled so far has been sent. */
	private idleWaiters: (() => void)[] = [];
	private disposed = false;

	constructor(
		private readonly connection: Connection,
		private readonly locale: Locale,
		private readonly isOpen: (uri: string) => boolean,
		private readonly scopeOf: (session: VaultSession) => DiagnosticsScope,
	) {}

	schedule(session: VaultSession, ids: Iterable<NoteId>): void {
		if (this.disposed) return;
		let set = this.pending.get(session);
		if (!set) this.pending.set(session, (set = new Set()));
		for (const id of ids) set.add(id);
		this.timer ??= setTimeout(() => {
			this.timer = undefined;
			this.flushing = this.flushing.then(() => this.flush());
		}, DEBOUNCE_MS);
	}

	/**
	 * Every note of the session (settings changed), or with `recheckNotes` false only what a
	 * finished load leaves to do: its batches already scheduled every note they read, so only
	 * notes that vanished with a reload and the config file's problems remain.
	 */
	scheduleAll(session: VaultSession, recheckNotes = true): void {
		// Notes that vanished with a reload still need their old diagnostics cleared. Only what was
		// sent is looked at: listing and converting every note (100k at the end of each load) kept
		// the first request after indexing waiting.
		const prefix = session.uri + '/';
		for (const uri of [...this.lastSent.keys()]) {
			if (!uri.startsWith(prefix) || uri === session.configUri) continue;
			// A note's URI is the vault's URI plus its id, percent-encoded (convert.ts, pathToUri).
			if (!session.vault.note(decodeURIComponent(uri.slice(prefix.length)))) this.send(uri, []);
		}
		if (recheckNotes) this.schedule(session, session.vault.noteIds());
		this.publishConfig(session);
	}

	/**
	 * Errors and warnings currently published for a session (what the Problems panel shows). Status
	 * asks after every change: the sums are kept up to date by `send`, not added up per request.
	 */
	problemCounts(session: VaultSession): { errors: number; warnings: number } {
		const prefix = session.uri + '/';
		let total = this.totals.get(prefix);
		if (!total) {
			total = [0, 0];
			for (const [uri, [errors, warnings]] of this.counts) {
				if (!uri.startsWith(prefix)) continue;
				total[0] += errors;
				total[1] += warnings;
			}
			this.totals.set(prefix, total);
		}
		return { errors: total[0], warnings: total[1] };
	}

	/** Waits until nothing is scheduled or being sent. */
	whenIdle(): Promise<void> {
		if (this.timer === undefined && this.pending.size === 0) return this.flushing;
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Stops publishing (shutdown): nothing is sent on a closed connection. */
	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.pending.clear();
		this.disposed = true;
		for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	/** Clears every diagnostic this session published (the folder was removed). */
	clearSession(session: VaultSession): void {
		for (const uri of [...this.lastSent.keys()]) {
			if (uri.startsWith(session.uri + '/')) this.send(uri, []);
		}
	}

	publishConfig(session: VaultSession): void {
		const diagnostics = session.config.problems.map((problem) =>
			toLspDiagnostic({
				range: problem.range,
				severity: 'error',
				code: problem.code,
				message: formatMessage(problem.message, this.locale),
			}),
		);
		this.sendIfChanged(session.configUri, diagnostics);
	}

	private async flush(): Promise<void> {
		while (this.pending.size > 0) {
			const [session, ids] = this.pending.entries().next().value!;
			this.pending.delete(session);
			const list = [...ids];
			for (let start = 0; start < list.length; start += CHUNK) {
				for (const id of list.slice(start, start + CHUNK)) this.publishNote(session, id);
				// Let requests and edits in between chunks of a large vault.
				if (start + CHUNK < list.length) await new Promise((resolve) => setImmediate(resolve));
			}
		}
		if (this.timer === undefined && this.pending.size === 0) {
			for (const resolve of this.idleWaiters.splice(0)) resolve();
		}
	}

	private publishNote(session: VaultSession, id: NoteId): void {
		const uri = session.uriOf(id);
		const wanted = this.scopeOf(session) === 'vault' || this.isOpen(uri);
		const diagnostics = wanted ? computeDiagnostics(session.vault, id, this.locale).map(toLspDiagnostic) : [];
		this.sendIfChanged(uri, diagnostics);
	}

	private sendIfChanged(uri: string, diagnostics: ReturnType<typeof toLspDiagnostic>[]): void {
		const text = JSON.stringify(diagnostics);
		const previous = this.lastSent.get(uri);
		// Nothing sent before means the client shows nothing: an empty list need not be sent.
		if (previous === text || (previous === undefined && diagnostics.length === 0)) return;
		this.send(uri, diagnostics, text);
	}

	private send(
		uri: string,
		diagnostics: ReturnType<typeof toLspDiagnostic>[],
		text = JSON.stringify(diagnostics),
	): void {
		const [oldErrors, oldWarnings] = this.counts.get(uri) ?? [0, 0];
		let errors = 0;
		let warnings = 0;
		if (diagnostics.length === 0) {
			this.lastSent.delete(uri);
			this.counts.delete(uri);
		} else {
			this.lastSent.set(uri, text);
			errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
			warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
			this.counts.set(uri, [errors, warnings]);
		}
		for (const [prefix, total] of this.totals) {
			if (!uri.startsWith(prefix)) continue;
			total[0] += errors - oldErrors;
			total[1] += warnings - oldWarnings;
		}
		void this.connection.sendDiagnostics({ uri, diagnostics });
	}
}
