// Renders the results as text tables (ratios to the floor, absolute numbers next to them, the
// peer side by side, each target with pass/miss) and writes the JSON results file. The JSON holds
// only numbers, counts and reasons, never text from the vault.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { round } from './stats';

export interface SizeResult {
	/** 1, 5 and 15 minute load averages when the size finished: other work on the machine skews every number. */
	readonly loadAverage: readonly number[];
	readonly notes: number;
	readonly bytes: number;
	readonly hubBacklinks: number;
	readonly midBacklinks: number;
	readonly floor: {
		readonly wallMs: number;
		readonly peakMb: number;
		readonly cpuMs: number;
		readonly runs: readonly number[];
	};
	readonly check: {
		readonly wallMs: number;
		readonly peakMb: number;
		readonly cpuMs: number;
		readonly runs: readonly number[];
		readonly exitCode: number | null;
	};
	readonly ours: Record<string, unknown>;
	readonly restart: Record<string, unknown> | undefined;
	readonly peer: Record<string, unknown> | undefined;
}

export interface Target {
	readonly name: string;
	readonly notes: number;
	readonly value: string;
	readonly limit: string;
	readonly pass: boolean | null;
}

type Any = Record<string, unknown> & { [key: string]: Any | undefined };

const TARGET_SIZE = 100_000;

export function printReport(results: readonly SizeResult[], print: (line: string) => void): void {
	for (const result of results) printSize(result, print);
	print('');
	print('Targets (the issue states them for 100,000 notes; smaller sizes are shown for the trend)');
	printTable(
		['target', 'notes', 'measured', 'limit', 'result'],
		evaluateTargets(results).map((target) => [
			target.name,
			fmt(target.notes),
			target.value,
			target.limit,
			verdict(target.pass),
		]),
		print,
	);
}

function printSize(result: SizeResult, print: (line: string) => void): void {
	const ours = result.ours as Any;
	const rawPeer = result.peer as Any | undefined;
	// A peer that never answered its first workspace request has nothing else measured.
	const notMeasured = { skipped: 'not measured: the peer did not finish indexing' } as unknown as Any;
	const notRun = { skipped: 'not run (--no-peer)' } as unknown as Any;
	const peer =
		rawPeer === undefined
			? ({ ...notRun, referencesHub: notRun, referencesMid: notRun, completion: notRun, rename: notRun } as Any)
			: rawPeer.coldIndexFailed === undefined
				? rawPeer
				: ({
						...rawPeer,
						referencesHub: notMeasured,
						referencesMid: notMeasured,
						completion: notMeasured,
						rename: notMeasured,
					} as Any);
	const floor = result.floor.wallMs;
	const ratio = (ms: unknown) => (typeof ms === 'number' ? `${round(ms / floor, 2)}×` : '');
	const cpuRatio = (ms: unknown) =>
		typeof ms === 'number' && result.floor.cpuMs ? `${round(ms / result.floor.cpuMs, 2)}×` : '';
	print('');
	print(
		`${fmt(result.notes)} notes, ${fmt(round(result.bytes / 1e6, 0))} MB; hub topic ${fmt(result.hubBacklinks)} backlinks, ` +
			`mid note ${fmt(result.midBacklinks)}; floor ${fmt(floor)} ms (CPU ${fmt(result.floor.cpuMs)} ms), ` +
			`${result.floor.peakMb} MB; load average ${result.loadAverage?.join(' ') ?? 'n/a'}`,
	);
	const rows: string[][] = [
		['initialize', ms(ours.initializeMs), '', ms(peer?.initializeMs)],
		[
			'cold index → all diagnostics (peer: first workspace references)',
			ms(ours.coldIndexMs),
			ratio(ours.coldIndexMs),
			peerCold(peer, floor),
		],
		[
			'restart with the cache the cold run left (if any)',
			ms(result.restart?.coldIndexMs),
			ratio(result.restart?.coldIndexMs),
			'n/a: no cache',
		],
		['vault-notes check: wall', ms(result.check.wallMs), ratio(result.check.wallMs), 'n/a: no CLI'],
		['vault-notes check: CPU time (×floor CPU)', ms(result.check.cpuMs), cpuRatio(result.check.cpuMs), ''],
		['vault-notes check: peak RSS', mb(result.check.peakMb), '', ''],
		['note opened while indexing → diagnostics', probe(ours.probe), '', skippedText(peer?.probe)],
		['completion after [[ (peer: after `](`) p50 / p95', latency(ours.completion), '', latency(peer?.completion)],
		['references, hub topic: first; p50 / p95', references(ours.referencesHub), '', references(peer?.referencesHub)],
		['references, ≤1,000 backlinks: p50 / p95', references(ours.referencesMid), '', references(peer?.referencesMid)],
		['didChange → diagnostics p50 / p95', latency(ours.edit), '', skippedText(peer?.edit)],
		[
			'create a note 500 notes link to → all republished p50 / p95',
			latency(ours.createNote),
			'',
			skippedText(peer?.createNote),
		],
		['rename hub: prepare; rename p50 (edits / files)', rename(ours.rename), '', rename(peer?.rename)],
		['server memory once indexed: peak / current', indexed(ours.indexedMemory), '', ''],
		[
			'peak RSS: server (client process)',
			`${mb(ours.peakRssMb)} (${mb(ours.clientPeakMb)})`,
			'',
			peer ? `${mb(peer.peakRssMb)} (${mb(peer.clientPeakMb)})` : '',
		],
	];
	printTable(['measure', 'Vault Notes', '×floor', 'vscode-markdown-languageserver'], rows, print);
	for (const [name, side] of [
		['Vault Notes', ours],
		['peer', peer],
	] as const) {
		const errors = side?.errors as unknown as string[] | undefined;
		if (side?.failed) print(`  ${name}: FAILED ${String(side.failed)}`);
		for (const error of errors ?? []) print(`  ${name}: error: ${error}`);
	}
	if (peer?.clientWork) {
		const work = peer.clientWork as unknown as Record<string, number>;
		print(
			`  peer client work (counted in its times): ${fmt(work.parses!)} parses, ${fmt(work.reads!)} file reads, ${fmt(round(work.busyMs!, 0))} ms busy`,
		);
	}
}

export function evaluateTargets(results: readonly SizeResult[]): Target[] {
	const targets: Target[] = [];
	const bySize = new Map(results.map((result) => [result.notes, result]));
	for (const result of results) {
		const ours = result.ours as Any;
		const floor = result.floor.wallMs;
		const add = (name: string, value: string, limit: string, pass: boolean | null) =>
			targets.push({ name, notes: result.notes, value, limit, pass });
		const cold = num(ours.coldIndexMs);
		add(
			'cold index to all diagnostics',
			ratioText(cold, floor),
			'≤ 1.5× floor',
			cold === undefined ? null : cold <= 1.5 * floor,
		);
		add('vault-notes check', ratioText(result.check.wallMs, floor), '≤ 1.5× floor', result.check.wallMs <= 1.5 * floor);
		// The same two targets in CPU time, which other work on the machine skews much less than wall time.
		const floorCpu = result.floor.cpuMs;
		const coldCpu = num(ours.coldIndexCpuMs);
		add(
			'cold index, CPU time',
			ratioText(coldCpu, floorCpu),
			'≤ 1.5× floor CPU',
			coldCpu === undefined ? null : coldCpu <= 1.5 * floorCpu,
		);
		add(
			'vault-notes check, CPU time',
			ratioText(result.check.cpuMs, floorCpu),
			'≤ 1.5× floor CPU',
			num(result.check.cpuMs) === undefined || !floorCpu ? null : result.check.cpuMs <= 1.5 * floorCpu,
		);
		const probeMs = num(ours.probe?.firstDiagnosticsMs);
		const falseLinks = num(ours.probe?.falseBrokenLinks);
		add(
			'note opened while indexing',
			probeMs === undefined ? 'n/a' : `${fmt(probeMs)} ms, ${falseLinks} false broken-link`,
			'≤ 300 ms, none false',
			probeMs === undefined ? null : probeMs <= 300 && falseLinks === 0,
		);
		for (const [name, value] of [
			['didChange → diagnostics p95', ours.edit],
			['new note → 500 notes republished p95', ours.createNote],
		] as const) {
			const p95 = num(value?.p95);
			add(
				name,
				p95 === undefined ? unavailable(value) : `${fmt(p95)} ms`,
				'≤ 50 ms',
				p95 === undefined ? null : p95 <= 50,
			);
		}
		for (const [name, value] of [
			['completion p95', ours.completion],
			['references (≤1,000 backlinks) p95', ours.referencesMid],
		] as const) {
			const p95 = num(value?.p95);
			add(
				name,
				p95 === undefined ? unavailable(value) : `${fmt(p95)} ms`,
				'≤ 30 ms',
				p95 === undefined ? null : p95 <= 30,
			);
		}
		const hub = num(ours.referencesHub?.p95);
		const hubFirst = num(ours.referencesHub?.firstMs);
		add(
			`references of the hub (${fmt(result.hubBacklinks)} backlinks) p95 / first`,
			hub === undefined ? unavailable(ours.referencesHub) : `${fmt(hub)} / ${fmt(hubFirst!)} ms`,
			'≤ 1,000 ms',
			hub === undefined ? null : Math.max(hub, hubFirst!) <= 1000,
		);
		const rss = num(ours.peakRssMb);
		add(
			'peak RSS of the server',
			rss === undefined ? 'n/a' : `${fmt(rss)} MB`,
			'≤ 600 MB',
			rss === undefined ? null : rss <= 600,
		);
		const restart = num(result.restart?.coldIndexMs);
		add(
			'restart with a warm cache',
			restart === undefined || cold === undefined ? 'n/a' : `${round(restart / cold, 2)}× cold`,
			'≤ 0.3× cold',
			restart === undefined || cold === undefined ? null : restart <= 0.3 * cold,
		);
	}
	const small = bySize.get(10_000);
	const large = bySize.get(TARGET_SIZE);
	for (const [name, pick] of [
		['growth 10k → 100k: cold index', (result: SizeResult) => num((result.ours as Any).coldIndexMs)],
		['growth 10k → 100k: cold index, server CPU', (result: SizeResult) => num((result.ours as Any).coldIndexCpuMs)],
		['growth 10k → 100k: memory once indexed', (result: SizeResult) => num((result.ours as Any).indexedMemory?.rssMb)],
		['growth 10k → 100k: peak RSS', (result: SizeResult) => num((result.ours as Any).peakRssMb)],
		['growth 10k → 100k: check wall', (result: SizeResult) => result.check.wallMs],
		['growth 10k → 100k: check CPU', (result: SizeResult) => num(result.check.cpuMs)],
	] as const) {
		const from = small && pick(small);
		const to = large && pick(large);
		const value = from && to ? `${round(to / from, 2)}×` : 'n/a: 10k and 100k not both measured';
		targets.push({ name, notes: TARGET_SIZE, value, limit: '≤ 11×', pass: from && to ? to / from <= 11 : null });
	}
	return targets;
}

export function writeResults(
	folder: string,
	startedAt: Date,
	results: readonly SizeResult[],
	meta: Record<string, unknown>,
): string {
	fs.mkdirSync(folder, { recursive: true });
	const date = startedAt.toISOString().slice(0, 10);
	const host = os.hostname().replace(/[^\w.-]/g, '_');
	const file = resultsFile(folder, `${date}-${host}`, startedAt);
	const body = {
		schema: 1,
		startedAt: startedAt.toISOString(),
		host,
		cpus: os.cpus().length,
		memoryGb: round(os.totalmem() / 2 ** 30, 1),
		node: process.versions.node,
		...meta,
		sizes: results,
		targets: evaluateTargets(results),
	};
	// Written next to the target and renamed, so a reader never sees half a file.
	fs.writeFileSync(file + '.tmp', JSON.stringify(body, null, '\t') + '\n');
	fs.renameSync(file + '.tmp', file);
	return file;
}

/** `<date>-<host>.json`, or `-2`, `-3`… when an earlier run of the same day has the name. */
function resultsFile(folder: string, base: string, startedAt: Date): string {
	for (let run = 1; ; run++) {
		const file = path.join(folder, run === 1 ? `${base}.json` : `${base}-${run}.json`);
		if (!fs.existsSync(file)) return file;
		const earlier = (JSON.parse(fs.readFileSync(file, 'utf8')) as { startedAt?: string }).startedAt;
		if (earlier === startedAt.toISOString()) return file;
	}
}

function printTable(
	header: readonly string[],
	rows: readonly (readonly string[])[],
	print: (line: string) => void,
): void {
	const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))));
	const line = (cells: readonly string[]) =>
		'| ' + cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join(' | ') + ' |';
	print(line(header));
	print('|' + widths.map((value) => '-'.repeat(value + 2)).join('|') + '|');
	for (const row of rows) print(line(row));
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
	let result = 0;
	for (const char of text)
		result += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
			? 2
			: 1;
	return result;
}

function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function fmt(value: number | undefined): string {
	return value === undefined || Number.isNaN(value) ? 'n/a' : value.toLocaleString('en-US');
}

function ms(value: unknown): string {
	return num(value) === undefined ? 'n/a' : `${fmt(num(value)!)} ms`;
}

function mb(value: unknown): string {
	return num(value) === undefined ? 'n/a' : `${fmt(num(value)!)} MB`;
}

function ratioText(value: number | undefined, floor: number): string {
	return value === undefined ? 'n/a' : `${round(value / floor, 2)}× (${fmt(value)} ms vs ${fmt(floor)} ms)`;
}

function verdict(pass: boolean | null): string {
	return pass === null ? 'n/a' : pass ? 'pass' : 'MISS';
}

function skippedText(value: Any | undefined): string {
	if (value === undefined) return '';
	return typeof value.skipped === 'string' ? `n/a: ${value.skipped}` : '';
}

function unavailable(value: Any | undefined): string {
	return value === undefined ? 'failed' : skippedText(value) || 'n/a';
}

function latency(value: Any | undefined): string {
	if (value === undefined) return 'failed';
	if (value.skipped) return skippedText(value);
	const extra =
		num(value.items) !== undefined
			? `, ${fmt(num(value.items)!)} items`
			: num(value.notes) !== undefined
				? `, ${fmt(num(value.republished)!)}/${fmt(num(value.notes)!)} notes`
				: '';
	return `${fmt(num(value.p50)!)} / ${fmt(num(value.p95)!)} ms${extra}`;
}

function references(value: Any | undefined): string {
	if (value === undefined) return 'failed';
	if (value.skipped) return skippedText(value);
	const cpu = num(value.cpuMsPerRequest) === undefined ? '' : `, CPU ${fmt(num(value.cpuMsPerRequest)!)} ms/request`;
	return `${fmt(num(value.firstMs)!)}; ${fmt(num(value.p50)!)} / ${fmt(num(value.p95)!)} ms (${fmt(num(value.results)!)} results${cpu})`;
}

function rename(value: Any | undefined): string {
	if (value === undefined) return 'failed';
	if (value.skipped) return skippedText(value);
	const prepare = num(value.prepareMs) === undefined ? 'n/a' : `${fmt(num(value.prepareMs)!)} ms`;
	const cpu = num(value.cpuMsPerRequest) === undefined ? '' : `, CPU ${fmt(num(value.cpuMsPerRequest)!)} ms`;
	return `${prepare}; ${fmt(num(value.renameMs?.p50)!)} ms (${fmt(num(value.edits)!)} / ${fmt(num(value.files)!)}${cpu})`;
}

function indexed(value: Any | undefined): string {
	return value === undefined ? 'n/a' : `${mb(value.peakMb)} / ${mb(value.rssMb)}`;
}

function probe(value: Any | undefined): string {
	if (value === undefined) return 'failed';
	return `${ms(value.firstDiagnosticsMs)} at ${value.openedAtPercent}%; broken-link ${value.brokenLinksFirst} first, ${value.brokenLinksFinal} final, ${value.falseBrokenLinks} false`;
}

function peerCold(peer: Any | undefined, floor: number): string {
	if (!peer) return '';
	if (peer.failed) return `failed: ${String(peer.failed)}`;
	if (peer.skipped) return skippedText(peer);
	if (peer.coldIndexFailed) return `n/a: ${String(peer.coldIndexFailed)}`;
	const cold = num(peer.coldIndexMs);
	return cold === undefined ? 'n/a' : `${fmt(cold)} ms (${round(cold / floor, 2)}× floor)`;
}
