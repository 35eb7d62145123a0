// The index cache: a restart reuses the syntax of unchanged notes and reads only changed ones,
// and the index it builds equals one built from the files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { VaultIndex, computeDiagnostics, loadConfig } from '../../server/src/core';
import { nodeIndexCache } from '../../server/src/node/nodeIndexCache';
import type { FileSystem } from '../../server/src/workspace/fileSystem';
import type { CachedNote, IndexCache } from '../../server/src/workspace/indexCache';
import { loadVault } from '../../server/src/workspace/loadVault';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const FILES = {
	'/v/a.md': '---\ntitle: 甲\n---\n# 标题\n[[b]] [[c#无]]',
	'/v/b.md': '## 关联主题\n- [[a]]',
	'/v/sub/c.md': '# 有',
	'/v/pic.png': 'png',
};

function memoryCache(): IndexCache & { saved: Map<string, CachedNote> } {
	const saved = new Map<string, CachedNote>();
	return {
		saved,
		load: async () => (saved.size > 0 ? new Map(saved) : undefined),
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

async function load(fs: FileSystem, cache?: IndexCache): Promise<VaultIndex> {
	const vault = new VaultIndex(loadConfig(undefined));
	const loaded = await loadVault(fs, '/v', vault, { cache });
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

	test('the node cache round-trips through a file, keyed by root, config and build', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-cache-'));
		try {
			const memory = new MemoryFileSystem(FILES);
			const factory = nodeIndexCache(folder, 'build-1');
			const cold = await load(memory, factory('/v', undefined));
			const disk = counting(memory);
			expect(state(await load(disk, factory('/v', undefined)))).toBe(state(cold));
			expect(disk.reads).toEqual([]);
			// Another config or another build never sees this cache.
			expect(await factory('/v', '{}').load()).toBeUndefined();
			expect(await nodeIndexCache(folder, 'build-2')('/v', undefined).load()).toBeUndefined();
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});
});
