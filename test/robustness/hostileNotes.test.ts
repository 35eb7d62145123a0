// Hostile notes one at a time: each gets a clear diagnostic (or none), never an exception, and
// finishes (vitest's per-test timeout is the only time bound). Files go through loadVault on an
// in-memory file system, so the byte-level checks (size, binary, UTF-8) and symlinks are covered too.
import { describe, expect, test } from 'vitest';
import { VaultIndex, computeDiagnostics, loadConfig } from '../../server/src/core';
import { loadVault } from '../../server/src/workspace/loadVault';
import { FaultyFileSystem } from '../support/faultyFileSystem';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { renderRange } from '../support/vaultFixture';

const ROOT = '/vault';

/** Loads `files` (plus an index note that links to `a`) and renders every diagnostic of `a.md`. */
async function check(content: string | Uint8Array, setup?: (faulty: FaultyFileSystem) => void): Promise<string[]> {
	const memory = new MemoryFileSystem({ [`${ROOT}/a.md`]: content, [`${ROOT}/index.md`]: '[[a]]' });
	const faulty = new FaultyFileSystem(memory, (file) => memory.remove(file));
	setup?.(faulty);
	const vault = new VaultIndex(loadConfig(undefined));
	await loadVault(faulty, ROOT, vault);
	expect(computeDiagnostics(vault, 'index.md').map((d) => d.code)).toEqual(vault.file('a.md') ? [] : ['broken-link']);
	if (!vault.file('a.md')) return ['(gone)'];
	const diagnostics = computeDiagnostics(vault, 'a.md');
	const codes = new Map<string, number>();
	for (const d of diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
	const first = diagnostics[0];
	return [...codes].map(
		([code, count]) => `${code} ×${count}${first?.code === code ? ` first ${renderRange(first.range)}` : ''}`,
	);
}

const bytes = (...values: number[]) => new Uint8Array(values);
const YAML_BOMB = [
	'---',
	'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
	...'bcdefghi'.split('').map(
		(name, index) =>
			`${name}: &${name} [${Array(9)
				.fill('*' + 'abcdefghi'[index])
				.join(',')}]`,
	),
	'---',
	'[[index]]',
].join('\n');

describe('hostile notes get a diagnostic, never an exception', () => {
	test('invalid UTF-8', async () =>
		expect(await check(bytes(0x23, 0x20, 0xc3, 0x28, 0xff, 0x0a))).toEqual(['file-skipped ×1 first 0:0-0:0']));

	test('a binary file named .md', async () =>
		expect(await check(bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d))).toEqual(['file-skipped ×1 first 0:0-0:0']));

	test('a 50 MB note is skipped above maxFileSize without being read', async () => {
		let seen: FaultyFileSystem | undefined;
		const result = await check('x', (faulty) => {
			faulty.lieAboutSize.set(`${ROOT}/a.md`, 50_000_000);
			seen = faulty;
		});
		expect(result).toEqual(['file-skipped ×1 first 0:0-0:0']);
		expect(seen!.calls).not.toContain(`readFile ${ROOT}/a.md`);
	});

	test('a real 6 MB note (bytes, not stat) is skipped too', async () =>
		expect(await check('[[x]] '.repeat(1_000_000))).toEqual(['file-skipped ×1 first 0:0-0:0']));

	test('a 1 MB single line of plain text', async () => expect(await check('word '.repeat(200_000))).toEqual([]));

	test('a 1 MB single line of link openings that never close', async () =>
		expect(await check('[[x '.repeat(250_000))).toEqual([]));

	test('a 1 MB single line of links', async () => expect(await check('[[index]]'.repeat(110_000))).toEqual([]));

	test('10,000 nested list levels on one line', async () =>
		expect(await check('- '.repeat(10_000) + '[[nowhere]]')).toEqual(['broken-link ×1 first 0:20000-0:20011']));

	test('100,000 list markers on one line (each probed as a thematic break)', async () =>
		expect(await check('- '.repeat(100_000) + 'x')).toEqual([]));

	test('a 1 MB line of single brackets', async () => expect(await check('['.repeat(1_000_000))).toEqual([]));

	test('10,000 nested ordered lists and quotes', async () =>
		expect(await check(['1. '.repeat(10_000) + 'x', '> '.repeat(10_000) + '[[nowhere]]'].join('\n'))).toEqual([
			'broken-link ×1 first 1:20000-1:20011',
		]));

	test('1,000 list levels by indentation (1 MB)', async () =>
		expect(
			await check(Array.from({ length: 1_000 }, (_, level) => '  '.repeat(level) + '- [[index]]').join('\n')),
		).toEqual([]));

	test('100,000 links in one note', async () =>
		expect(await check(Array.from({ length: 100_000 }, (_, i) => `[[n${i % 10}]]`).join(' '))).toEqual([
			'broken-link ×100000 first 0:0-0:6',
		]));

	test('front matter of 10,000 keys', async () => {
		const keys = Array.from({ length: 10_000 }, (_, i) => `key${i}: "[[nowhere${i % 3}]]"`);
		expect(await check(['---', ...keys, '---', 'body'].join('\n'))).toEqual(['broken-link ×10000 first 1:7-1:19']);
	});

	test('a YAML bomb is refused, not expanded', async () =>
		expect(await check(YAML_BOMB)).toEqual(['yaml-syntax ×1 first 2:7-2:9']));

	test('an unterminated front matter block: yaml-syntax on line 0, the body still checked', async () =>
		expect(await check('---\ntitle: x\n[[nowhere]]\n')).toEqual(['yaml-syntax ×1 first 0:0-0:3', 'broken-link ×1']));

	test('an empty file', async () => expect(await check('')).toEqual([]));

	test('a file that vanishes between the scan and the read', async () =>
		expect(await check('# A', (faulty) => faulty.vanishBeforeRead.add(`${ROOT}/a.md`))).toEqual(['(gone)']));

	test('a file without read permission (EACCES injected)', async () =>
		expect(await check('# A', (faulty) => faulty.failReads.set(`${ROOT}/a.md`, 'EACCES'))).toEqual([
			'file-skipped ×1 first 0:0-0:0',
		]));
});

describe('symlinks', () => {
	test('a symlink loop ends, and each real folder is entered once', async () => {
		const memory = new MemoryFileSystem({ [`${ROOT}/sub/a.md`]: '[[b]]', [`${ROOT}/b.md`]: '' });
		memory.symlink(`${ROOT}/sub/parent`, '..');
		memory.symlink(`${ROOT}/sub/self`, '.');
		memory.symlink(`${ROOT}/ping.md`, 'pong.md');
		memory.symlink(`${ROOT}/pong.md`, 'ping.md');
		const vault = new VaultIndex(loadConfig(undefined));
		const loaded = await loadVault(memory, ROOT, vault);
		expect(vault.ids()).toEqual(['b.md', 'sub/a.md']);
		expect(loaded.warnings.join('\n')).toMatch(/broken symlink .*ping\.md: ELOOP/);
	});

	test('a symlink pointing outside the vault is never followed there', async () => {
		const memory = new MemoryFileSystem({
			[`${ROOT}/a.md`]: '[[secret]] [[out/secret]]',
			'/elsewhere/secret.md': '# Secret',
		});
		memory.symlink(`${ROOT}/out`, '/elsewhere');
		memory.symlink(`${ROOT}/secret.md`, '/elsewhere/secret.md');
		const faulty = new FaultyFileSystem(memory);
		const vault = new VaultIndex(loadConfig(undefined));
		const loaded = await loadVault(faulty, ROOT, vault);
		expect(vault.ids()).toEqual(['a.md']);
		expect(computeDiagnostics(vault, 'a.md').map((d) => d.code)).toEqual(['broken-link', 'broken-link']);
		expect(faulty.calls.filter((call) => call.includes('/elsewhere') && !call.startsWith('realPath'))).toEqual([]);
		expect(loaded.warnings.filter((warning) => warning.includes('outside the vault'))).toHaveLength(2);
	});
});
