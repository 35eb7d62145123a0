// Fault injection: reads that fail, truncated content, files that vanish, a lying `stat`, and
// watcher events reordered and duplicated. After loading and after event storms through the
// server, what the server shows must equal a fresh load of the final disk state.
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { afterEach, describe, expect, test } from 'vitest';
import { VaultIndex, computeDiagnostics } from '../../server/src/core';
import type { FileSystem, WatchEvent } from '../../server/src/workspace/fileSystem';
import { loadVault, readConfigFile } from '../../server/src/workspace/loadVault';
import { FaultyFileSystem } from '../support/faultyFileSystem';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { runCli } from '../support/runCli';
import { renderRange } from '../support/vaultFixture';

const ROOT = '/vault';
const at = (id: string) => `${ROOT}/${id}`;
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

function faultyVault(files: Record<string, string | Uint8Array>): {
	memory: MemoryFileSystem;
	faulty: FaultyFileSystem;
} {
	const memory = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([id, text]) => [at(id), text])));
	return { memory, faulty: new FaultyFileSystem(memory, (file) => memory.remove(file)) };
}

/** Every diagnostic of a fresh load of `fs`, one line each: `id code range`. */
async function freshLoad(fs: FileSystem): Promise<string> {
	const vault = new VaultIndex((await readConfigFile(fs, ROOT)).loaded);
	await loadVault(fs, ROOT, vault);
	return vault
		.noteIds()
		.flatMap((id) => computeDiagnostics(vault, id).map((d) => `${id} ${d.code} ${renderRange(d.range)}`))
		.sort()
		.join('\n');
}

/** What the server last published, in the same form as freshLoad. */
function published(lsp: LspHarness): string {
	return [...lsp.diagnostics]
		.flatMap(([uri, list]) => {
			const id = URI.parse(uri).fsPath.slice(ROOT.length + 1);
			return list.map((d) => `${id} ${String(d.code)} ${renderRange(d.range)}`);
		})
		.sort()
		.join('\n');
}

/** The CLI's JSON diagnostics as `file code` lines. */
async function checkCodes(fs: FileSystem): Promise<{ code: number; lines: string[]; stderr: string }> {
	const run = await runCli(['check', ROOT, '--format', 'json'], { fs, cwd: '/' });
	const json = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
	return { code: run.code, lines: json.diagnostics.map((d) => `${d.file} ${d.code}`), stderr: run.stderr };
}

/** Waits until the server shows what a fresh load of the disk shows, then proves nothing stale lands later. */
async function expectConsistent(lsp: LspHarness, memory: MemoryFileSystem, fs: FileSystem = memory): Promise<void> {
	const expected = await freshLoad(fs);
	await lsp.waitFor(() => published(lsp) === expected).catch(() => expect(published(lsp)).toBe(expected));
	// A sentinel edit goes through the same debounced path: once it is published, all earlier work is done.
	memory.write(at('zz-sentinel.md'), '[[zz-nowhere]]', true);
	await lsp.waitFor(() => lsp.codesOf(at('zz-sentinel.md')).includes('broken-link'));
	memory.remove(at('zz-sentinel.md'), true);
	await lsp.waitFor(() => lsp.codesOf(at('zz-sentinel.md')).length === 0);
	expect(published(lsp)).toBe(await freshLoad(fs));
}

describe('faults while loading (CLI and loadVault)', () => {
	test('an unreadable note (EACCES, EIO) is file-skipped, and links to it still resolve', async () => {
		const { faulty } = faultyVault({ 'a.md': '[[secret]] [[io]]', 'secret.md': '# S', 'io.md': '# I' });
		faulty.failReads.set(at('secret.md'), 'EACCES');
		faulty.failReads.set(at('io.md'), 'EIO');
		const run = await checkCodes(faulty);
		expect(run.lines).toEqual(['io.md file-skipped', 'secret.md file-skipped']);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
	});

	test('a truncated read that cuts a UTF-8 sequence is file-skipped as not UTF-8', async () => {
		const { faulty } = faultyVault({ 'a.md': '[[中文]]', '中文.md': '# 标题' });
		faulty.truncate.set(at('中文.md'), 4);
		expect((await checkCodes(faulty)).lines).toEqual(['中文.md file-skipped']);
	});

	test('a note deleted between the scan and the read is simply gone', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': '[[gone]]', 'gone.md': '# G', 'b.md': '[[a]]' });
		faulty.vanishBeforeRead.add(at('gone.md'));
		const run = await checkCodes(faulty);
		expect(run.lines).toEqual(['a.md broken-link']);
		expect(run.lines).toEqual((await checkCodes(memory)).lines);
	});

	test('a note deleted between the listing and the stat is not listed', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': '[[gone]]', 'gone.md': '# G' });
		faulty.vanishAfterListing.add(at('gone.md'));
		expect((await checkCodes(faulty)).lines).toEqual(['a.md broken-link']);
		expect(await freshLoad(faulty)).toBe(await freshLoad(memory));
	});

	test('a stat that lies about the size: the bytes read decide when it says small, the stat when it says large', async () => {
		const big = 'x'.repeat(5_000_001);
		const { faulty } = faultyVault({ 'big.md': big, 'small.md': '# S', 'a.md': '[[big]] [[small]]' });
		faulty.lieAboutSize.set(at('big.md'), 10);
		faulty.lieAboutSize.set(at('small.md'), 50_000_000);
		expect((await checkCodes(faulty)).lines).toEqual(['big.md file-skipped', 'small.md file-skipped']);
	});

	test('an unreadable folder is left out with a warning; the rest is checked', async () => {
		const { faulty } = faultyVault({ 'a.md': '[[sub/b]]', 'sub/b.md': '# B', 'c.md': '[[nowhere]]' });
		faulty.failDirectories.set(at('sub'), 'EACCES');
		const run = await checkCodes(faulty);
		expect(run.lines).toEqual(['a.md broken-link', 'c.md broken-link']);
		expect(run.stderr).toBe('');
	});

	test('a stat failing with EIO during the scan leaves that file out, nothing else', async () => {
		const { faulty } = faultyVault({ 'a.md': '[[b]]', 'b.md': '# B', 'c.md': '[[a]]' });
		faulty.failStats.set(at('b.md'), 'EIO');
		expect((await checkCodes(faulty)).lines).toEqual(['a.md broken-link']);
	});
});

describe('faults through the server', () => {
	test('a slow read of an old version does not overwrite a newer one', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': 'v0', 'b.md': '# B' });
		harness = await LspHarness.start({ fs: faulty, roots: [ROOT] });
		await harness.progressEnded;
		faulty.hold(at('a.md'));
		memory.write(at('a.md'), '[[old-target]]', true);
		await faulty.whenHeld(at('a.md'), 1);
		memory.write(at('a.md'), '[[b]] [[new-target]]', true);
		await faulty.whenHeld(at('a.md'), 2);
		faulty.release(at('a.md'), 'lifo');
		await expectConsistent(harness, memory);
	});

	test('a change seen while the vault is still loading is not overwritten by the load', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': '[[old-target]]', 'b.md': '# B' });
		faulty.hold(at('a.md'));
		harness = await LspHarness.start({ fs: faulty, roots: [ROOT] });
		await faulty.whenHeld(at('a.md'), 1);
		memory.write(at('a.md'), '[[b]] [[new-target]]', true);
		await faulty.whenHeld(at('a.md'), 2);
		// The watcher's read lands first, then the load's older one.
		faulty.releaseNewest(at('a.md'));
		await harness.waitFor(() => harness!.diagnostics.get(harness!.uri(at('a.md')))?.[0]?.range.start.character === 6);
		faulty.release(at('a.md'));
		await harness.progressEnded;
		await expectConsistent(harness, memory);
	});

	test('a note opened in the editor while its disk read is in flight keeps the editor text', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': 'v0' });
		harness = await LspHarness.start({ fs: faulty, roots: [ROOT] });
		await harness.progressEnded;
		faulty.hold(at('a.md'));
		memory.write(at('a.md'), '[[from-disk]]', true);
		await faulty.whenHeld(at('a.md'), 1);
		await harness.open(at('a.md'), '[[from-editor]] [[from-editor-2]]');
		await harness.waitFor(() => harness!.codesOf(at('a.md')).length === 2);
		faulty.release(at('a.md'));
		memory.write(at('zz-sentinel.md'), '[[zz-nowhere]]', true);
		await harness.waitFor(() => harness!.codesOf(at('zz-sentinel.md')).includes('broken-link'));
		expect(harness.codesOf(at('a.md'))).toEqual(['broken-link', 'broken-link']);
	});

	test('the workspace folder deleted while the server runs: diagnostics cleared, the server still answers', async () => {
		const { memory, faulty } = faultyVault({ 'a.md': '[[nowhere]]', '.vault-notes.json': '{}', 'sub/b.md': '[[a]]' });
		harness = await LspHarness.start({ fs: faulty, roots: [ROOT] });
		await harness.progressEnded;
		expect(harness.codesOf(at('a.md'))).toEqual(['broken-link']);
		for (const id of ['a.md', '.vault-notes.json', 'sub/b.md']) memory.remove(at(id), true);
		faulty.emit({ type: 'deleted', path: at('sub') });
		faulty.emit({ type: 'deleted', path: ROOT });
		await harness.waitFor(() => harness!.codesOf(at('a.md')).length === 0);
		const status = await harness.connection.sendRequest<{ vaults: { notes: number }[] }>('vaultNotes/status', {});
		expect(status.vaults.map((vault) => vault.notes)).toEqual([0]);
	});

	test('event storms with reordered and duplicated events, failing and truncated reads end consistent', async () => {
		const names = ['a', 'b', 'c', 'sub/a', 'sub/d', '中文', 'x y'];
		const bodyArb = fc
			.array(fc.constantFrom('[[a]]', '[[b#H]]', '[[sub/a]]', '[[中文]]', '[[x y]]', '# H', '![[p.png]]', 'é'), {
				maxLength: 4,
			})
			.map((parts) => parts.join('\n'));
		const opArb = fc.oneof(
			fc.record({ kind: fc.constant('write' as const), name: fc.constantFrom(...names), body: bodyArb }),
			fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom(...names, 'p.png') }),
			fc.record({ kind: fc.constant('attach' as const), name: fc.constant('p.png') }),
			fc.record({
				kind: fc.constant('fault' as const),
				name: fc.constantFrom(...names),
				code: fc.constantFrom('EIO', 'EACCES', 'cut'),
			}),
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(opArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
				fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
				async (bursts, randomness) => {
					const { memory, faulty } = faultyVault({ 'a.md': '[[b]]', 'b.md': '# H', '.obsidian/app.json': '{}' });
					const lsp = await LspHarness.start({ fs: faulty, roots: [ROOT] });
					try {
						await lsp.progressEnded;
						const faulted = new Set<string>();
						for (const burst of bursts) {
							faulty.bufferEvents();
							for (const op of burst) applyOp(memory, faulty, op, faulted);
							faulty.flushEvents((events) => shuffleAndDuplicate(events, randomness));
						}
						// The faults clear and the files are saved again (a real watcher would report that).
						faulty.failReads.clear();
						faulty.truncate.clear();
						for (const file of faulted) faulty.emit({ type: 'changed', path: file });
						await expectConsistent(lsp, memory);
					} finally {
						await lsp.dispose();
					}
				},
			),
			{ numRuns: 25, seed: 20261128 },
		);
	}, 120_000);
});

type Op =
	| { kind: 'write'; name: string; body: string }
	| { kind: 'remove' | 'attach'; name: string }
	| { kind: 'fault'; name: string; code: 'EIO' | 'EACCES' | 'cut' };

function applyOp(memory: MemoryFileSystem, faulty: FaultyFileSystem, op: Op, faulted: Set<string>): void {
	const file = at(op.name.includes('.') ? op.name : `${op.name}.md`);
	if (op.kind === 'fault') {
		if (op.code === 'cut') faulty.truncate.set(file, 1);
		else faulty.failReads.set(file, op.code);
		faulted.add(file);
		// A changed event makes the server read the file while the fault holds.
		faulty.emit({ type: 'changed', path: file });
	} else if (op.kind === 'write') memory.write(file, op.body, true);
	else if (op.kind === 'attach') memory.write(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]), true);
	else memory.remove(file, true);
}

/** Reorders the events and sends some twice, driven by the property's random numbers. */
function shuffleAndDuplicate(events: readonly WatchEvent[], randomness: readonly number[]): WatchEvent[] {
	const result = [...events];
	for (let index = result.length - 1; index > 0; index--) {
		const other = randomness[index % randomness.length]! % (index + 1);
		[result[index], result[other]] = [result[other]!, result[index]!];
	}
	return result.flatMap((event, index) =>
		randomness[(index * 7) % randomness.length]! % 3 === 0 ? [event, event] : [event],
	);
}
