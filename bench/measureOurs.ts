// The Vault Notes server under the benchmark client: cold index with a note opened while it
// runs, references, completion, edits, a created note that 500 notes link to, rename, memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { VaultManifest } from './generateVault';
import type { LspClient } from './lspClient';
import { MethodNotFound, TimeoutError } from './lspClient';
import type { Summary } from './stats';
import { round, summarize } from './stats';
import { countLocations, countWorkspaceEdit, initialize, linePosition, plainPosition, skipped } from './lspMeasures';
import type { Skipped } from './lspMeasures';

export interface OursOptions {
	readonly root: string;
	readonly manifest: VaultManifest;
	readonly start: () => LspClient;
	readonly log: (line: string) => void;
	/** Only initialize and the index, with the cache the cold run left (the restart measure). */
	readonly restart: boolean;
	/** Where the server keeps its index cache (initializationOptions.cacheFolder). */
	readonly cacheFolder: string;
}

export interface ProbeResult {
	/** Progress percentage when the note was opened. */
	readonly openedAtPercent: number | null;
	readonly firstDiagnosticsMs: number | null;
	readonly brokenLinksFirst: number | null;
	readonly brokenLinksFinal: number | null;
	/** Broken-link diagnostics first published that the finished index does not report. */
	readonly falseBrokenLinks: number | null;
}

export interface OursResult {
	readonly initializeMs: number;
	readonly coldIndexMs: number | null;
	/** CPU time of the server during the cold index. */
	readonly coldIndexCpuMs: number | null;
	/** VmHWM / VmRSS when the index is complete, before any request. */
	readonly indexedMemory: { peakMb: number; rssMb: number } | undefined;
	readonly urisWithDiagnostics: number;
	readonly probe?: ProbeResult;
	readonly referencesHub?: ReferencesResult | Skipped;
	readonly referencesMid?: ReferencesResult | Skipped;
	readonly completion?: (Summary & { readonly items: number }) | Skipped;
	readonly edit?: Summary | Skipped;
	readonly createNote?: (Summary & { readonly notes: number; readonly republished: number }) | Skipped;
	readonly rename?: RenameResult | Skipped;
	readonly peakRssMb: number | null;
	readonly errors: readonly string[];
}

export interface ReferencesResult extends Summary {
	readonly firstMs: number;
	/** Server CPU time per request (user + system, 10 ms resolution): robust to other load on the machine. */
	readonly cpuMsPerRequest: number | null;
	readonly results: number;
	readonly backlinks: number;
}

export interface RenameResult {
	readonly prepareMs: number;
	readonly renameMs: Summary;
	readonly cpuMsPerRequest: number | null;
	readonly edits: number;
	readonly files: number;
}

const REQUEST_TIMEOUT_MS = 60_000;

export async function measureOurs(options: OursOptions): Promise<OursResult> {
	const { manifest, log } = options;
	const uri = (id: string) => URI.file(path.join(options.root, id)).toString();
	const errors: string[] = [];
	const client = options.start();
	try {
		const initializeMs = await initialize(client, options.root, { cacheFolder: options.cacheFolder });
		const coldTimeoutMs = 120_000 + manifest.notes * 10;
		const probeUri = uri(manifest.probe.id);
		const cpuAtStart = client.cpuMs();
		const initializedAt = performance.now();
		void client.connection.sendNotification('initialized', {});
		let probe: ProbeResult | undefined;
		const probeDone = options.restart
			? undefined
			: openProbe(client, probeUri, path.join(options.root, manifest.probe.id), coldTimeoutMs);
		const end = await client.waitFor('the end of the indexing progress', coldTimeoutMs, () =>
			client.progress.find((event) => event.kind === 'end'),
		);
		const coldIndexMs = round(end.at - initializedAt);
		const cpuAtEnd = client.cpuMs();
		const coldIndexCpuMs = cpuAtStart === undefined || cpuAtEnd === undefined ? null : cpuAtEnd - cpuAtStart;
		// Memory once indexed, before any request: the index itself, apart from what requests allocate.
		const indexedMemory = client.memory();
		log(`  cold index ${coldIndexMs} ms (server CPU ${coldIndexCpuMs} ms, ${JSON.stringify(indexedMemory)} MB)`);
		if (probeDone)
			probe = await probeDone
				.then((opened) => probeResult(client, probeUri, opened))
				.catch((error: Error) => {
					errors.push(`probe: ${error.message}`);
					return undefined;
				});
		const urisWithDiagnostics = client.published.size;
		if (options.restart)
			return {
				initializeMs,
				coldIndexMs,
				coldIndexCpuMs,
				indexedMemory,
				urisWithDiagnostics,
				peakRssMb: client.memory()?.peakMb ?? null,
				errors,
			};
		const step = async <T>(name: string, run: () => Promise<T>): Promise<T | Skipped | undefined> => {
			try {
				const result = await run();
				log(`  ${name}: ${JSON.stringify(result)}`);
				return result;
			} catch (error) {
				if (error instanceof MethodNotFound) {
					log(`  ${name}: not available yet (${error.message} returned MethodNotFound)`);
					return skipped(`not available yet: ${error.message} returned MethodNotFound`);
				}
				errors.push(`${name}: ${(error as Error).message}`);
				log(`  ${name}: FAILED ${(error as Error).message}`);
				return undefined;
			}
		};
		const referencesHub = await step('references (hub)', () => references(client, options.root, manifest.hub, 20));
		const referencesMid = await step('references (≤1,000 backlinks)', () =>
			references(client, options.root, manifest.mid, 50),
		);
		const completion = await step('completion after [[', () =>
			completeWikilinks(client, path.join(options.root, manifest.completion), uri(manifest.completion)),
		);
		const edit = await step('didChange → diagnostics', () =>
			editToggles(client, path.join(options.root, manifest.edit), uri(manifest.edit)),
		);
		const createNote = await step('create a note 500 notes link to', () =>
			createPending(client, options.root, manifest),
		);
		const rename = await step('rename the hub topic', () => renameHub(client, options.root, manifest));
		const peakRssMb = client.memory()?.peakMb ?? null;
		return {
			initializeMs,
			coldIndexMs,
			coldIndexCpuMs,
			indexedMemory,
			urisWithDiagnostics,
			probe,
			referencesHub,
			referencesMid,
			completion,
			edit,
			createNote,
			rename,
			peakRssMb,
			errors,
		};
	} finally {
		fs.rmSync(path.join(options.root, manifest.pending.id), { force: true });
		await client.stop();
	}
}

/** Opens the probe note as soon as indexing has reported progress once; returns when and at what percentage. */
async function openProbe(client: LspClient, uri: string, file: string, timeoutMs: number) {
	const started = await client.waitFor('indexing to start', timeoutMs, () =>
		client.progress.find((event) => event.kind === 'report' || event.kind === 'end'),
	);
	const percent = started.kind === 'end' ? 100 : (started.percentage ?? null);
	const openedAt = performance.now();
	client.open(uri, fs.readFileSync(file, 'utf8'));
	const first = await client.waitFor('the opened note’s diagnostics', 10_000, () =>
		client.publishedAfter(uri, openedAt),
	);
	return { percent, openedAt, first };
}

function probeResult(client: LspClient, uri: string, opened: Awaited<ReturnType<typeof openProbe>>): ProbeResult {
	const key = (range: { start: { line: number; character: number } }) => `${range.start.line}:${range.start.character}`;
	const broken = (list: readonly { code?: unknown; range: { start: { line: number; character: number } } }[]) =>
		list.filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => key(diagnostic.range));
	const first = broken(opened.first.diagnostics);
	const final = new Set(broken(client.latest(uri)?.diagnostics ?? []));
	return {
		openedAtPercent: opened.percent,
		firstDiagnosticsMs: round(opened.first.at - opened.openedAt),
		brokenLinksFirst: first.length,
		brokenLinksFinal: final.size,
		falseBrokenLinks: first.filter((entry) => !final.has(entry)).length,
	};
}

async function references(
	client: LspClient,
	root: string,
	target: { id: string; backlinks: number },
	repetitions: number,
): Promise<ReferencesResult> {
	const file = path.join(root, target.id);
	const uri = URI.file(file).toString();
	const text = fs.readFileSync(file, 'utf8');
	if (client.textOf(uri) === undefined) client.open(uri, text);
	const params = { textDocument: { uri }, position: plainPosition(text), context: { includeDeclaration: false } };
	const first = await client.timed<unknown[] | null>('textDocument/references', params, REQUEST_TIMEOUT_MS);
	const samples: number[] = [];
	const cpuBefore = client.cpuMs();
	for (let index = 0; index < repetitions; index++)
		samples.push((await client.timed('textDocument/references', params, REQUEST_TIMEOUT_MS)).ms);
	return {
		...summarize(samples)!,
		firstMs: round(first.ms),
		cpuMsPerRequest: cpuPerRequest(cpuBefore, client.cpuMs(), repetitions),
		results: countLocations(first.result),
		backlinks: target.backlinks,
	};
}

const COMPLETION_PREFIXES = ['', 'A', 'ag', 'l', '00', '标', 'R', 'co', 'M', 'g'];

async function completeWikilinks(client: LspClient, file: string, uri: string) {
	const base = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n\n');
	client.open(uri, base);
	const samples: number[] = [];
	let items = 0;
	for (let index = 0; index < 50; index++) {
		const line = '[[' + COMPLETION_PREFIXES[index % COMPLETION_PREFIXES.length];
		const text = base + line;
		client.change(uri, text);
		const position = linePosition(text, text.length);
		const response = await client.timed<{ items?: unknown[] } | unknown[] | null>(
			'textDocument/completion',
			{
				textDocument: { uri },
				position,
				context: { triggerKind: index % 10 === 0 ? 2 : 1, triggerCharacter: index % 10 === 0 ? '[' : undefined },
			},
			REQUEST_TIMEOUT_MS,
		);
		samples.push(response.ms);
		if (index === 0)
			items = countLocations(Array.isArray(response.result) ? response.result : (response.result?.items ?? []));
	}
	client.change(uri, base);
	return { ...summarize(samples)!, items };
}

/** Adds and removes a broken link, so every edit changes the note's diagnostics and is published. */
async function editToggles(client: LspClient, file: string, uri: string): Promise<Summary> {
	const base = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n');
	if (client.textOf(uri) === undefined) client.open(uri, base);
	else client.change(uri, base);
	// The first publication after opening is not an edit.
	await client.waitFor('diagnostics after opening', 10_000, () => client.latest(uri)).catch(() => undefined);
	const samples: number[] = [];
	for (let index = 0; index < 40; index++) {
		const text = index % 2 === 0 ? base + `\n见 [[bench-编辑-${index}]]\n` : base;
		const sentAt = performance.now();
		client.change(uri, text);
		const published = await client.waitFor(`diagnostics after edit ${index}`, 10_000, () =>
			client.publishedAfter(uri, sentAt),
		);
		samples.push(published.at - sentAt);
	}
	return summarize(samples)!;
}

/** Writes the note 500 notes link to, tells the server, and times until all 500 are republished; then deletes it. */
async function createPending(client: LspClient, root: string, manifest: VaultManifest) {
	const file = path.join(root, manifest.pending.id);
	const uri = URI.file(file).toString();
	const linkers = manifest.pending.linkers.map((id) => URI.file(path.join(root, id)).toString());
	const samples: number[] = [];
	let republished = 0;
	for (let cycle = 0; cycle < 6; cycle++) {
		const create = cycle % 2 === 0;
		const sentAt = performance.now();
		if (create) fs.writeFileSync(file, '---\ntitle: "bench"\n---\n\n正文。\n');
		else fs.rmSync(file, { force: true });
		void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
			changes: [{ uri, type: create ? 1 : 3 }],
		});
		// Checked after every notification: reading only the publications that are new keeps the
		// client's own cost out of the measure (rescanning 500 notes each time cost it 50–60 ms).
		const remaining = new Set(linkers);
		let read = client.publications.length;
		let lastAt = 0;
		const done = () => {
			for (; read < client.publications.length; read++) {
				const { uri: published, at } = client.publications[read]!;
				if (at > sentAt && remaining.delete(published)) lastAt = Math.max(lastAt, at);
			}
			return linkers.length - remaining.size;
		};
		try {
			const last = await client.waitFor(`500 notes republished (cycle ${cycle})`, 60_000, () =>
				done() === linkers.length ? lastAt : undefined,
			);
			samples.push(last - sentAt);
			republished = Math.max(republished, linkers.length);
		} catch (error) {
			if (!(error instanceof TimeoutError)) throw error;
			republished = done();
			throw new Error(`${error.message}: ${republished}/${linkers.length} republished`);
		}
	}
	return { ...summarize(samples)!, notes: linkers.length, republished };
}

async function renameHub(client: LspClient, root: string, manifest: VaultManifest): Promise<RenameResult> {
	const { id, line, character } = manifest.hubLink;
	const file = path.join(root, id);
	const uri = URI.file(file).toString();
	if (client.textOf(uri) === undefined) client.open(uri, fs.readFileSync(file, 'utf8'));
	const position = { line, character };
	const prepare = await client.timed<{ placeholder?: string } | null>(
		'textDocument/prepareRename',
		{ textDocument: { uri }, position },
		REQUEST_TIMEOUT_MS,
	);
	const placeholder = prepare.result?.placeholder ?? path.posix.basename(manifest.hub.id, '.md');
	const samples: number[] = [];
	let counted = { edits: 0, files: 0 };
	const cpuBefore = client.cpuMs();
	for (let index = 0; index < 3; index++) {
		const rename = await client.timed<unknown>(
			'textDocument/rename',
			{ textDocument: { uri }, position, newName: `${placeholder}-bench` },
			REQUEST_TIMEOUT_MS,
		);
		samples.push(rename.ms);
		counted = countWorkspaceEdit(rename.result);
		// One slow rename says enough; three would only stretch the run.
		if (rename.ms > 10_000) break;
	}
	const cpuMsPerRequest = cpuPerRequest(cpuBefore, client.cpuMs(), samples.length);
	return { prepareMs: round(prepare.ms), renameMs: summarize(samples)!, cpuMsPerRequest, ...counted };
}

function cpuPerRequest(before: number | undefined, after: number | undefined, requests: number): number | null {
	return before === undefined || after === undefined || requests === 0 ? null : round((after - before) / requests);
}
