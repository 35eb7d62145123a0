// `npm run bench [-- --sizes 3000,10000] [--no-peer] [--no-restart]`: generates the scaled vaults,
// then, per size, runs the floor, `vault-notes check`, our server and the peer Markdown server,
// prints the tables and writes bench/results/<date>-<host>.json. Each server runs inside its own
// child process of this script (`--child …`), so the client-side work of the peer (markdown-it
// parsing, file reads) is measured in that child's time and memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureVault, manifestPath } from './generateVault';
import type { VaultManifest } from './generateVault';
import { runFloor } from './floor';
import { LspClient, readMemory } from './lspClient';
import { measureOurs } from './measureOurs';
import { measurePeer, peerNode, peerServerScript } from './measurePeer';
import { killRunning, runProcess } from './processes';
import type { ProcessRun } from './processes';
import type { SizeResult } from './report';
import { printReport, writeResults } from './report';
import { loadSeed } from './seed';
import { median, round } from './stats';

const DEFAULT_SIZES = [3000, 10000, 30000, 100000];
const REPO = process.cwd();
const CACHE = path.join(REPO, '.cache', 'bench');
/**
 * `BENCH_TAG=x` keeps a run's build, scratch folders, index caches and results apart from other
 * runs in the same tree (several people or agents benchmarking at once); results then go to
 * `.cache/bench/results-x/`, not to `bench/results/`.
 */
const TAG = process.env.BENCH_TAG?.replace(/[^\w-]/g, '') || undefined;
const SCRATCH = TAG ? path.join(CACHE, `run-${TAG}`) : CACHE;
/** The build every measure of a run uses (see snapshotBuild). */
const BUILD = path.join(SCRATCH, 'build');
const RESULTS = TAG ? path.join(CACHE, `results-${TAG}`) : path.join(REPO, 'bench', 'results');

interface Options {
	readonly sizes: readonly number[];
	readonly peer: boolean;
	readonly restart: boolean;
	/** How long the peer may take to answer its first workspace-wide request. */
	readonly peerTimeoutMs: number;
	/** Only generate (or reuse) the vaults. */
	readonly generateOnly: boolean;
	/** Only our server (no floor, no CLI): a quick loop while tuning the server. */
	readonly serverOnly: boolean;
}

function parseOptions(argv: readonly string[]): Options {
	const sizesAt = argv.indexOf('--sizes');
	const sizes =
		sizesAt < 0 ? DEFAULT_SIZES : argv[sizesAt + 1]!.split(',').map((value) => Number(value.replace(/k$/i, '000')));
	if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`bad --sizes: ${argv[sizesAt + 1]}`);
	const timeoutAt = argv.indexOf('--peer-timeout');
	const peerTimeoutMs = timeoutAt < 0 ? 600_000 : Number(argv[timeoutAt + 1]) * 1000;
	return {
		sizes,
		peer: !argv.includes('--no-peer'),
		restart: !argv.includes('--no-restart'),
		peerTimeoutMs,
		generateOnly: argv.includes('--generate-only'),
		serverOnly: argv.includes('--server-only'),
	};
}

async function main(argv: readonly string[]): Promise<number> {
	if (argv[0] === '--child') return runChild(argv.slice(1));
	if (argv[0] === '--report') return reprint(argv.slice(1));
	const options = parseOptions(argv);
	const log = (line: string) => process.stderr.write(line + '\n');
	snapshotBuild();
	const seed = loadSeed(path.resolve(REPO, '..', 'shared', 'vaults', 'sample'));
	log(`seed: ${seed.name} (${seed.files.length} files); sizes: ${options.sizes.join(', ')}`);
	const results: SizeResult[] = [];
	const startedAt = new Date();
	for (const size of options.sizes) {
		const root = path.join(CACHE, 'vaults', `${seed.name}-${size}`);
		const manifest = ensureVault(seed, size, root, log);
		if (options.generateOnly) continue;
		log(
			`\n== ${manifest.notes} notes, ${(manifest.bytes / 1e6).toFixed(0)} MB; hub ${manifest.hub.backlinks} backlinks, mid ${manifest.mid.backlinks}`,
		);
		results.push(await measureSize(root, manifest, options, log));
		// Written after every size, so an interrupted run keeps what it measured.
		writeResults(RESULTS, startedAt, results, { seed: seed.name, peer: options.peer });
	}
	if (options.generateOnly) return 0;
	printReport(results, (line) => process.stdout.write(line + '\n'));
	const file = writeResults(RESULTS, startedAt, results, {
		seed: seed.name,
		peer: options.peer,
	});
	log(`\nresults: ${path.relative(REPO, file)}`);
	return 0;
}

async function measureSize(
	root: string,
	manifest: VaultManifest,
	options: Options,
	log: (line: string) => void,
): Promise<SizeResult> {
	const slack = 120_000 + manifest.notes * 20;
	// The first floor run warms the page cache for everything after it; it is not counted.
	if (!options.serverOnly) await child(['floor', root], slack);
	const floorRuns: ProcessRun[] = [];
	for (let index = 0; index < (options.serverOnly ? 0 : 5); index++)
		floorRuns.push(await child(['floor', root], slack));
	const floorMs = median(floorRuns.map((run) => run.wallMs));
	log(`floor: ${floorMs} ms (${floorRuns.map((run) => `${run.wallMs} ms, CPU ${run.cpuMs} ms`).join('; ')})`);
	const checkRuns: ProcessRun[] = [];
	// Twice where it is cheap; once for the largest vaults (minutes each).
	for (let index = 0; index < (options.serverOnly ? 0 : manifest.notes >= 50_000 ? 1 : 2); index++) {
		checkRuns.push(
			await runProcess(process.execPath, [path.join(BUILD, 'cli.js'), 'check', root], {
				timeoutMs: slack,
				// An empty cache folder each time, so that a CLI with an index cache is measured cold.
				env: { ...process.env, VAULT_NOTES_CACHE_DIR: freshFolder('cli-cache') },
			}),
		);
	}
	log(
		`vault-notes check: ${checkRuns.map((run) => `${run.wallMs} ms, CPU ${run.cpuMs} ms, ${run.peakMb} MB, exit ${run.exitCode}`).join('; ')}`,
	);
	log('our server:');
	const ours = await childJson(['ours', root], slack * 3, log);
	const restart = options.restart ? await childJson(['ours-restart', root], slack, log) : undefined;
	let peer: Record<string, unknown> | undefined;
	if (options.peer) {
		log('peer server (vscode-markdown-languageserver):');
		peer = await childJson(['peer', root, String(options.peerTimeoutMs)], options.peerTimeoutMs + slack, log);
	}
	return {
		loadAverage: os.loadavg().map((value) => round(value, 2)),
		notes: manifest.notes,
		bytes: manifest.bytes,
		hubBacklinks: manifest.hub.backlinks,
		midBacklinks: manifest.mid.backlinks,
		floor: {
			wallMs: floorMs,
			peakMb: median(floorRuns.map((run) => run.peakMb ?? NaN)),
			cpuMs: median(floorRuns.map((run) => run.cpuMs ?? NaN)),
			runs: floorRuns.map((run) => run.wallMs),
		},
		check: {
			wallMs: median(checkRuns.map((run) => run.wallMs)),
			peakMb: Math.max(...checkRuns.map((run) => run.peakMb ?? NaN)),
			cpuMs: median(checkRuns.map((run) => run.cpuMs ?? NaN)),
			runs: checkRuns.map((run) => run.wallMs),
			exitCode: checkRuns[0]?.exitCode ?? NaN,
		},
		ours,
		restart,
		peer,
	};
}

/**
 * Copies the bundles this run measures: a rebuild of dist/ during a long run (others build in the
 * same tree) would otherwise mix builds, and the server's index cache is keyed by its build.
 */
function snapshotBuild(): void {
	const files = ['server.js', 'server.js.map', 'cli.js', 'cli.js.map', 'parseWorker.js', 'parseWorker.js.map'];
	if (!fs.existsSync(path.join(REPO, 'dist', 'server.js')))
		throw new Error('dist/server.js is missing: run npm run build');
	fs.rmSync(BUILD, { recursive: true, force: true });
	fs.mkdirSync(BUILD, { recursive: true });
	for (const file of files) {
		if (fs.existsSync(path.join(REPO, 'dist', file)))
			fs.copyFileSync(path.join(REPO, 'dist', file), path.join(BUILD, file));
	}
}

/** `--report a.json b.json`: prints the tables again from results files (sizes merged, later files win). */
function reprint(files: readonly string[]): number {
	const bySize = new Map<number, SizeResult>();
	for (const file of files) {
		for (const size of (JSON.parse(fs.readFileSync(file, 'utf8')) as { sizes: SizeResult[] }).sizes)
			bySize.set(size.notes, size);
	}
	printReport(
		[...bySize.values()].sort((a, b) => a.notes - b.notes),
		(line) => process.stdout.write(line + '\n'),
	);
	return 0;
}

function freshFolder(name: string): string {
	const folder = path.join(SCRATCH, 'tmp', name);
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	return folder;
}

function child(args: readonly string[], timeoutMs: number): Promise<ProcessRun> {
	return runProcess(process.execPath, ['--enable-source-maps', __filename, '--child', ...args], {
		timeoutMs,
		showStderr: true,
	});
}

/** Runs a measuring child; its result comes back through a JSON file, its log through stderr. */
async function childJson(
	args: readonly string[],
	timeoutMs: number,
	log: (line: string) => void,
): Promise<Record<string, unknown>> {
	const out = path.join(SCRATCH, 'tmp', `${process.pid}-${args[0]}.json`);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.rmSync(out, { force: true });
	const run = await child([...args.slice(0, 2), out, ...args.slice(2)], timeoutMs);
	if (!fs.existsSync(out)) {
		const reason = run.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${run.exitCode}`;
		log(`  ${args[0]}: FAILED (${reason})`);
		return { failed: reason };
	}
	const result = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
	fs.rmSync(out, { force: true });
	return { ...result, childWallMs: run.wallMs };
}

async function runChild(argv: readonly string[]): Promise<number> {
	const [kind, root, out, extra] = argv as [string, string, string | undefined, string | undefined];
	const log = (line: string) => process.stderr.write(line + '\n');
	if (kind === 'floor') {
		runFloor(root);
		return 0;
	}
	const manifest = JSON.parse(fs.readFileSync(manifestPath(root), 'utf8')) as VaultManifest;
	let result: unknown;
	if (kind === 'ours' || kind === 'ours-restart') {
		// The index cache lives in a folder of its own: emptied for the cold run, kept for the restart.
		const cacheFolder = path.join(SCRATCH, 'index-cache', path.basename(root));
		if (kind === 'ours') fs.rmSync(cacheFolder, { recursive: true, force: true });
		// BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles our server under the bench.
		const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
		const start = () => LspClient.start(process.execPath, [...nodeArgs, path.join(BUILD, 'server.js'), '--stdio']);
		result = await measureOurs({ root, manifest, start, log, restart: kind === 'ours-restart', cacheFolder });
	} else if (kind === 'peer') {
		const node = peerNode(REPO);
		const script = peerServerScript(REPO);
		if (!node || !script) {
			result = {
				skipped:
					'peer not installed: npm i --prefix .cache/bench/peer vscode-markdown-languageserver markdown-it, and Node ≥ 22',
			};
		} else {
			const start = () => LspClient.start(node, [script, '--stdio']);
			result = await measurePeer({ root, manifest, start, log, repo: REPO, coldTimeoutMs: Number(extra) });
		}
	} else {
		throw new Error(`unknown child ${kind}`);
	}
	// This process's own peak memory is the client side of the measure (the peer's parsing happens here).
	const clientPeakMb = readMemory(process.pid)?.peakMb ?? null;
	fs.writeFileSync(out!, JSON.stringify({ ...(result as object), clientPeakMb }));
	return 0;
}

process.on('SIGINT', () => {
	killRunning();
	process.exit(130);
});

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: Error) => {
		killRunning();
		process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
