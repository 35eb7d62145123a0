// The index cache on disk: one file per vault in the user's cache folder, written with
// node:v8 serialization (fast for large plain-data graphs), replaced atomically.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { NoteId } from '../core';
import type { CachedNote, IndexCache, IndexCacheFactory } from '../workspace/indexCache';

const FORMAT = 1;

/** `$VAULT_NOTES_CACHE_DIR`, else `$XDG_CACHE_HOME/vault-notes`, else `~/.cache/vault-notes`. */
export function defaultCacheFolder(): string {
	if (process.env.VAULT_NOTES_CACHE_DIR) return process.env.VAULT_NOTES_CACHE_DIR;
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'vault-notes');
}

/**
 * Caches under `folder`, keyed by the vault root, its config text and `buildId` (the server's
 * own bundle: a new build may parse differently, so it never reads an older build's cache).
 */
export function nodeIndexCache(folder: string, buildId: string): IndexCacheFactory {
	return (root, configText) => {
		const key = createHash('sha256')
			.update(`${FORMAT}\0${buildId}\0${root}\0${configText ?? ''}`)
			.digest('hex');
		return fileCache(path.join(folder, `${key.slice(0, 32)}.bin`));
	};
}

/** An identity of the running build: the path, size and time of the script. */
export function buildIdOf(script: string): string {
	try {
		const stat = fs.statSync(script);
		return `${script}:${stat.size}:${stat.mtimeMs}`;
	} catch {
		return script;
	}
}

function fileCache(file: string): IndexCache {
	return {
		async load() {
			try {
				const data = v8.deserialize(await fs.promises.readFile(file)) as [NoteId, CachedNote][];
				return new Map(data);
			} catch {
				return undefined;
			}
		},
		async save(notes) {
			const temporary = `${file}.${process.pid}.tmp`;
			try {
				await fs.promises.mkdir(path.dirname(file), { recursive: true });
				await fs.promises.writeFile(temporary, v8.serialize([...notes]));
				await fs.promises.rename(temporary, file);
			} catch {
				await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
			}
		},
	};
}
