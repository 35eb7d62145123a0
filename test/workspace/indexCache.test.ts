// The index cache: a restart reuses the syntax of unchanged notes and reads only changed ones,
// and the index it builds equals one built from the files, whatever happened between the runs
// (edits, deletions, additions, renames, another config, another build) and whatever became of
// the cache file (cut short, damaged, foreign), which is then logged and ignored.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { NoteId } from '../../server/src/core';
import { VaultIndex, computeDiagnostics, loadConfig } from '../../server/src/core';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { nodeIndexCache } from '../../server/src/node/nodeIndexCache';
import { ByteReader } from '../../server/src/node/syntaxCodec';
import type { FileSystem } from '../../server/src/workspace/fileSystem';
import type { CachedNote, IndexCache, IndexCacheFactory } from '../../server/src/workspace/indexCache';
import type { LoadOptions } from '../../server/src/workspace/loadVault';
import { loadVault } from '../../server/src/workspace/loadVault';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const FILES = {
	'/v/a.md': '---\ntitle: 甲\n---\n# 标题\n[[b]] [[c#无]]',
	'/v/b.md': '## 关联主题\n- [[a]]',
	'/v/sub/c.md': '# 有',
	'/v/pic.png': 'png',
};

/** A cache kept in memory, with the interface's semantics (stamps checked, decoded when asked). */
function memoryCache(): IndexCache & { saved: Map<string, CachedNote> } {
	const saved = new Map<string, CachedNote>();
	return {
		saved,
		open: async () => {
			if (saved.size === 0) return undefined;
			const notes = new Map(saved);
			return {
				size: notes.size,
				get: (id, size, mtimeMs) => {
					const note = notes.get(id);
					return note && note.size === size && note.mtimeMs === mtimeMs ? Promise.resolve(note.syntax) : undefined;
				},
				close: () => notes.clear(),
			};
		},
		save: async (notes) => {
			saved.clear();
			for (const [id, note] of notes) saved.set(id, note);
		},
	};
}

/** Counts the notes read from disk. */
function counting(fs: FileSystem): FileSystem & { reads: string[] } {
	const reads: string[] = [];
	return {
		reads,
		readDirectory: (folder) => fs.readDirectory(folder),
		stat: (file) => fs.stat(file),
		realPath: (file) => fs.realPath(file),
		readFile: (file) => {
			reads.push(file);
			return fs.readFile(file);
		},
	};
}

/** Counts the saves a cache is asked for. */
function countingSaves(cache: IndexCache): IndexCache & { saves: number } {
	const counted = {
		saves: 0,
		open: cache.open.bind(cache),
		save: (notes: Parameters<IndexCache['save']>[0], log: Parameters<IndexCache['save']>[1]) => {
			counted.saves++;
			return cache.save(notes, log);
		},
	};
	return counted;
}

async function load(
	fs: FileSystem,
	cache?: IndexCache,
	options: { root?: string; configText?: string; log?: string[]; extra?: LoadOptions } = {},
): Promise<VaultIndex> {
	const vault = new VaultIndex(loadConfig(options.configText));
	const loaded = await loadVault(fs, options.root ?? '/v', vault, {
		...options.extra,
		cache,
		cacheLog: (message) => options.log?.push(message),
	});
	await loaded.saveCache();
	return vault;
}

function state(vault: VaultIndex): string {
	return (
		vault.dump() +
		'\n' +
		vault
			.noteIds()
			.map((id) => JSON.stringify(computeDiagnostics(vault, id)))
			.join('\n')
	);
}

describe('index cache', () => {
	test('a warm load reads no unchanged note and builds the same index', async () => {
		const memory = new MemoryFileSystem(FILES);
		const cache = memoryCache();
		const cold = await load(memory, cache);
		expect([...cache.saved.keys()].sort()).toEqual(['a.md', 'b.md', 'sub/c.md']);
		const disk = counting(memory);
		const warm = await load(disk, cache);
		expect(disk.reads).toEqual([]);
		expect(state(warm)).toBe(state(cold));
	});

	test('a changed note is read again; the others come from the cache', async () => {
		const memory = new MemoryFileSystem(FILES);
		const cache = memoryCache();
		await load(memory, cache);
		memory.write('/v/sub/c.md', '# 无');
		const disk = counting(memory);
		const warm = await load(disk, cache);
		expect(disk.reads).toEqual(['/v/sub/c.md']);
		expect(state(warm)).toBe(state(await load(memory)));
	});

	test('a note open in an editor is neither taken from the cache nor saved to it', async () => {
		const memory = new MemoryFileSystem(FILES);
		const cache = memoryCache();
		await load(memory, cache);
		const overlay = (id: NoteId) => (id === 'b.md' ? '# 编辑器里的文字\n[[无此笔记]]' : undefined);
		const warm = await load(memory, cache, { extra: { overlay } });
		expect(computeDiagnostics(warm, 'b.md').map((diagnostic) => diagnostic.code)).toEqual(['broken-link']);
		expect(cache.saved.get('b.md')?.syntax.links.map((link) => link.target)).toEqual(['a']);
	});

	test('a note edited after the load keeps only its older cache entry', async () => {
		const memory = new MemoryFileSystem(FILES);
		const cache = memoryCache();
		const vault = new VaultIndex(loadConfig(undefined));
		const loaded = await loadVault(memory, '/v', vault, { cache });
		// The editor's text, or a file watcher's read newer than the scan: not what the disk had then.
		vault.apply([{ kind: 'note', id: 'a.md', text: '# 新\n[[无此笔记]]' }]);
		await loaded.saveCache();
		expect([...cache.saved.keys()].sort()).toEqual(['b.md', 'sub/c.md']);
		const disk = counting(memory);
		expect(state(await load(disk, cache))).toBe(state(await load(memory)));
		expect(disk.reads).toEqual(['/v/a.md']);
	});
});

describe('the index cache on disk', () => {
	let folder: string;
	let cacheFolder: string;
	let root: string;

	beforeEach(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-cache-'));
		cacheFolder = path.join(folder, 'cache');
		root = path.join(folder, 'vault');
	});

	afterEach(() => {
		fs.rmSync(folder, { recursive: true, force: true });
	});

	function cacheFile(): string {
		const files = fs.readdirSync(cacheFolder);
		expect(files).toHaveLength(1);
		return path.join(cacheFolder, files[0]!);
	}

	/** Cold state of the memory vault, warm load through `factory`, and what the warm load read and logged. */
	async function warmAgainstCold(memory: MemoryFileSystem, factory: IndexCacheFactory, configText?: string) {
		const disk = counting(memory);
		const log: string[] = [];
		const warm = await load(disk, factory('/v', configText), { configText, log });
		expect(state(warm)).toBe(state(await load(memory, undefined, { configText })));
		return { reads: disk.reads, log };
	}

	test('a save waits between shards while output to the client is queued', async () => {
		let queued = true;
		let asked = 0;
		const cache = nodeIndexCache(cacheFolder, 'build-1', () => (asked++, queued))('/v', undefined);
		const syntax = (await load(new MemoryFileSystem(FILES), undefined)).note('a.md')!.syntax!;
		const notes = Array.from(
			{ length: 1200 },
			(_, index) => [`n${index}.md`, { size: index, mtimeMs: 1, syntax }] as const,
		);
		let saved = false;
		const saving = cache.save(notes, () => undefined).then(() => (saved = true));
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(saved).toBe(false);
		expect(asked).toBeGreaterThan(1);
		queued = false;
		await saving;
		const reader = await cache.open(() => undefined);
		expect(reader?.size).toBe(1200);
		expect(await reader?.get('n1199.md', 1199, 1)).toEqual(syntax);
		reader?.close();
	});

	test('round-trips through a file, keyed by root, config and build', async () => {
		const memory = new MemoryFileSystem(FILES);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		const cold = await load(memory, factory('/v', undefined));
		const disk = counting(memory);
		expect(state(await load(disk, factory('/v', undefined)))).toBe(state(cold));
		expect(disk.reads).toEqual([]);
		// Another config or another vault has a file of its own (none yet).
		const log: string[] = [];
		expect(await factory('/v', '{}').open((message) => log.push(message))).toBeUndefined();
		expect(await factory('/w', undefined).open((message) => log.push(message))).toBeUndefined();
		expect(log).toEqual([]);
		// Another build finds this file, and logs that it ignores it.
		const otherBuild = nodeIndexCache(cacheFolder, 'build-2')('/v', undefined);
		expect(await otherBuild.open((message) => log.push(message))).toBeUndefined();
		expect(log).toEqual([expect.stringMatching(/was written by another build.*: ignored/)]);
	});

	test('after edits, deletions, additions and renames on disk, a warm load equals a cold one', async () => {
		fs.mkdirSync(path.join(root, '00-元语'), { recursive: true });
		fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
		const write = (id: string, text: string, time: number) => {
			fs.writeFileSync(path.join(root, id), text);
			fs.utimesSync(path.join(root, id), time, time);
		};
		write('00-元语/主题.md', '# 主题\n## 要点\n^blk\n', 1000);
		write('a.md', '---\ntitle: 甲\n---\n# 标题\n[[b]] [[c#无]] [[主题#要点]] [[e]]\n## 关联主题\n- [[主题]]\n', 1000);
		write('b.md', '## 关联主题\n- [[a]]\n- [[主题]]\n', 1000);
		write('sub/c.md', '# 有\n[[d]]\n', 1000);
		write('e.md', '# 将要改名\n', 1000);
		write('same.md', '# 内容不变\n[[主题#^blk]]\n', 1000);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		await load(nodeFileSystem, factory(root, undefined), { root });
		// Between the runs: a note edited (other size), one touched (same bytes, other time), one
		// deleted, one added, one renamed (a rename keeps size and time), the topic's headings changed.
		write('a.md', '---\ntitle: 甲乙\n---\n# 标题\n[[b]] [[c#有]] [[主题#要点]] [[f]] [[d]]\n', 2000);
		write('b.md', '## 关联主题\n- [[a]]\n- [[主题]]\n', 3000);
		fs.rmSync(path.join(root, 'sub/c.md'));
		write('d.md', '# 新来的\n[[c]]\n', 2000);
		fs.renameSync(path.join(root, 'e.md'), path.join(root, 'f.md'));
		write('00-元语/主题.md', '# 主题\n## 别的\n', 2000);
		const disk = counting(nodeFileSystem);
		const log: string[] = [];
		const warm = await load(disk, factory(root, undefined), { root, log });
		expect(state(warm)).toBe(state(await load(nodeFileSystem, undefined, { root })));
		expect(disk.reads.map((file) => path.relative(root, file)).sort()).toEqual(
			['00-元语/主题.md', 'a.md', 'b.md', 'd.md', 'f.md'].sort(),
		);
		expect(log).toEqual([]);
		// The cache was brought up to date: the next start reads nothing.
		const again = counting(nodeFileSystem);
		expect(state(await load(again, factory(root, undefined), { root }))).toBe(state(warm));
		expect(again.reads).toEqual([]);
	});

	test('another config, then another build: every note read, as a cold load would', async () => {
		const memory = new MemoryFileSystem(FILES);
		await load(memory, nodeIndexCache(cacheFolder, 'build-1')('/v', undefined));
		const config = '{ "rules": { "broken-heading": "off" } }';
		const otherConfig = await warmAgainstCold(memory, nodeIndexCache(cacheFolder, 'build-1'), config);
		expect(otherConfig.reads).toHaveLength(3);
		expect(otherConfig.log).toEqual([]);
		expect((await warmAgainstCold(memory, nodeIndexCache(cacheFolder, 'build-1'), config)).reads).toEqual([]);
		// The first config's cache is still there (as a trusted and an untrusted load keep theirs).
		expect((await warmAgainstCold(memory, nodeIndexCache(cacheFolder, 'build-1'))).reads).toEqual([]);
		expect(fs.readdirSync(cacheFolder)).toHaveLength(2);
		const otherBuild = await warmAgainstCold(memory, nodeIndexCache(cacheFolder, 'build-2'));
		expect(otherBuild.reads).toHaveLength(3);
		expect(otherBuild.log).toEqual([expect.stringMatching(/was written by another build/)]);
		// The older build's file is replaced, not piled up beside the new one.
		expect(fs.readdirSync(cacheFolder)).toHaveLength(2);
		expect((await warmAgainstCold(memory, nodeIndexCache(cacheFolder, 'build-2'))).reads).toEqual([]);
	});

	test.each([
		['empty', () => Buffer.alloc(0), /cut short/],
		['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1), /cut short/],
		['cut in half', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1), /cut short/],
		[
			'a foreign file',
			() => Buffer.from('{"some": "json", "padding": "to be longer than a header and a trailer"}'),
			/not a Vault Notes index cache/,
		],
		[
			'an index cache of the first format',
			() => v8.serialize([['a.md', { size: 1, mtimeMs: 1, syntax: {} }]]),
			/not a Vault Notes index cache/,
		],
		['a damaged table', (bytes: Buffer) => flip(bytes, bytes.length - 30), /damaged/],
		['a damaged trailer', (bytes: Buffer) => flip(bytes, bytes.length - 20), /damaged|cut short/],
		['a damaged header', (bytes: Buffer) => flip(bytes, 12), /another build/],
	])('a cache file %s is logged and ignored', async (_name, damage, message) => {
		const memory = new MemoryFileSystem(FILES);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		await load(memory, factory('/v', undefined));
		const file = cacheFile();
		fs.writeFileSync(file, damage(fs.readFileSync(file)));
		const { reads, log } = await warmAgainstCold(memory, factory);
		expect(reads).toHaveLength(3);
		expect(log).toEqual([expect.stringMatching(message)]);
		// Replaced by a good one.
		expect((await warmAgainstCold(memory, factory)).reads).toEqual([]);
	});

	test('a damaged shard costs only its own notes', async () => {
		const files: Record<string, string> = {};
		const count = 1300;
		for (let index = 0; index < count; index++) {
			files[`/v/n${String(index).padStart(4, '0')}.md`] =
				`---\ntitle: 第${index}篇\n---\n# 标题 ${index}\n[[n${String((index * 7) % count).padStart(4, '0')}#标题 ${(index * 7) % count}]] [[无${index % 3}]]\n`;
		}
		const memory = new MemoryFileSystem(files);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		await load(memory, factory('/v', undefined));
		const file = cacheFile();
		// The first bytes of the second shard (just past the header and the first shard) are damaged.
		const bytes = fs.readFileSync(file);
		fs.writeFileSync(file, flip(bytes, 40 + firstShardLength(bytes) + 3));
		const { reads, log } = await warmAgainstCold(memory, factory);
		// Shards hold 512 notes: the second one's are read again, no other.
		expect(reads).toHaveLength(512);
		expect(log).toEqual([expect.stringMatching(/part 2 of the index cache .* is damaged/)]);
		expect((await warmAgainstCold(memory, factory)).reads).toEqual([]);
	});

	test('notes asked for in any order come from the cache, each shard read once', async () => {
		const files: Record<string, string> = {};
		for (let index = 0; index < 1300; index++) files[`/v/n${index}.md`] = `# ${index}\n[[n${(index * 7) % 1300}]]\n`;
		const memory = new MemoryFileSystem(files);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		const cold = await load(memory, factory('/v', undefined));
		const log: string[] = [];
		const reader = (await factory('/v', undefined).open((message) => log.push(message)))!;
		expect(reader.size).toBe(1300);
		const ids = cold.noteIds().reverse();
		const syntaxes = await Promise.all(
			ids.map(async (id) => {
				const stamp = await memory.stat(`/v/${id}`);
				return reader.get(id, stamp.size, stamp.mtimeMs);
			}),
		);
		reader.close();
		expect(log).toEqual([]);
		expect(syntaxes).toEqual(ids.map((id) => cold.note(id)!.syntax));
	});

	test('writes are atomic, inside the cache folder only, and never throw', async () => {
		const memory = new MemoryFileSystem(FILES);
		const cache = countingSaves(nodeIndexCache(cacheFolder, 'build-1')('/v', undefined));
		const vault = new VaultIndex(loadConfig(undefined));
		const loaded = await loadVault(memory, '/v', vault, { cache });
		await Promise.all([loaded.saveCache(), loaded.saveCache()]);
		expect(cache.saves).toBe(1);
		expect(fs.readdirSync(folder)).toEqual(['cache']);
		expect(fs.readdirSync(cacheFolder)).toEqual([path.basename(cacheFile())]);
		// A warm load that finds the cache complete writes nothing.
		const unchanged = countingSaves(nodeIndexCache(cacheFolder, 'build-1')('/v', undefined));
		await load(memory, unchanged);
		expect(unchanged.saves).toBe(0);
		// A cache folder that cannot be made (a file stands there): logged, the load unharmed.
		const blocked = path.join(folder, 'blocked');
		fs.writeFileSync(blocked, 'a file');
		const log: string[] = [];
		const vaultState = state(
			await load(memory, nodeIndexCache(path.join(blocked, 'cache'), 'build-1')('/v', undefined), { log }),
		);
		expect(vaultState).toBe(state(await load(memory)));
		expect(log).toEqual([expect.stringMatching(/cannot write the index cache/)]);
		expect(fs.readFileSync(blocked, 'utf8')).toBe('a file');
		expect(fs.readdirSync(folder).sort()).toEqual(['blocked', 'cache']);
	});

	test('a save removes temporary files of saves that died and caches of the first format', async () => {
		const memory = new MemoryFileSystem(FILES);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		await load(memory, factory('/v', undefined));
		const file = cacheFile();
		const old = (Date.now() - 3_600_000) / 1000;
		const put = (name: string, content: string | Buffer, stale: boolean) => {
			fs.writeFileSync(path.join(cacheFolder, name), content);
			if (stale) fs.utimesSync(path.join(cacheFolder, name), old, old);
		};
		put(`${path.basename(file)}.999-1.tmp`, 'died while saving', true);
		put(`${path.basename(file)}.999-2.tmp`, 'another process saving now', false);
		put('0123456789abcdef0123456789abcdef.bin', v8.serialize([['a.md', {}]]), true);
		put('fedcba9876543210fedcba9876543210.bin', 'not ours', true);
		put('notes.txt', 'not ours', true);
		memory.write('/v/new.md', '# 新');
		await load(memory, factory('/v', undefined));
		expect(fs.readdirSync(cacheFolder).sort()).toEqual(
			[
				path.basename(file),
				`${path.basename(file)}.999-2.tmp`,
				'fedcba9876543210fedcba9876543210.bin',
				'notes.txt',
			].sort(),
		);
	});

	test('a save while the cache is being read leaves the reader its own file', async () => {
		const memory = new MemoryFileSystem(FILES);
		const factory = nodeIndexCache(cacheFolder, 'build-1');
		await load(memory, factory('/v', undefined));
		const reader = (await factory('/v', undefined).open(() => undefined))!;
		memory.write('/v/b.md', '# 已改');
		await load(memory, factory('/v', undefined));
		const stamp = await memory.stat('/v/a.md');
		const syntax = await reader.get('a.md', stamp.size, stamp.mtimeMs);
		reader.close();
		expect(syntax?.links.map((link) => link.target)).toEqual(['b', 'c']);
		expect(reader.get('a.md', stamp.size, stamp.mtimeMs)).toBeUndefined();
	});
});

/** A copy of `bytes` with the byte at `index` changed. */
function flip(bytes: Buffer, index: number): Buffer {
	const copy = Buffer.from(bytes);
	copy[index] = copy[index]! ^ 0x5a;
	return copy;
}

/** The length of the first shard, read from the file's table (see node/nodeIndexCache.ts). */
function firstShardLength(bytes: Buffer): number {
	const trailer = bytes.subarray(bytes.length - 24);
	const table = new ByteReader(bytes.subarray(trailer.readUInt32LE(0), bytes.length - 24));
	expect(table.uint()).toBeGreaterThan(2);
	return table.uint();
}
