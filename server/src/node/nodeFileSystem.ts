// The FileSystem of the real disk, on node:fs.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';

// The callback APIs, promisified, are about twice as fast as node:fs/promises for many small
// files (measured on 10k notes: 1.4 s against 2.5–3 s), which matters when a vault is indexed.
const readFile = promisify(fs.readFile);
const stat = promisify(fs.stat);
/** Stats done in one go by statMany before it lets other work run. */
const STAT_SLICE = 1000;
import type { DirectoryEntry, EntryKind, FileSystem, FileStat, WatchEvent } from '../workspace/fileSystem';

export const nodeFileSystem: FileSystem = {
	async readDirectory(folder: string): Promise<DirectoryEntry[]> {
		const entries = await fsp.readdir(folder, { withFileTypes: true });
		return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
	},
	async stat(file: string): Promise<FileStat> {
		const stats = await stat(file);
		return { kind: kindOf(stats), size: stats.size, mtimeMs: stats.mtimeMs };
	},
	async statMany(files: readonly string[]): Promise<(FileStat | Error)[]> {
		// Synchronous stats of cached metadata take ~4 µs each, a round trip through libuv's threads
		// ~10–30 µs of this thread's time; slices keep the thread free for requests in between.
		const stats: (FileStat | Error)[] = [];
		for (let start = 0; start < files.length; start += STAT_SLICE) {
			if (start > 0) await new Promise((resolve) => setImmediate(resolve));
			for (const file of files.slice(start, start + STAT_SLICE)) {
				try {
					const found = fs.statSync(file);
					stats.push({ kind: kindOf(found), size: found.size, mtimeMs: found.mtimeMs });
				} catch (error) {
					stats.push(error as Error);
				}
			}
		}
		return stats;
	},
	async readFile(file: string): Promise<Uint8Array> {
		return readFile(file);
	},
	async realPath(file: string): Promise<string> {
		return fsp.realpath(file);
	},
	watch(root, onEvent, onError) {
		try {
			const watcher = fs.watch(root, { recursive: true }, (_event, name) => {
				if (!name) return;
				const absolute = path.join(root, name.toString());
				// fs.watch does not tell created from deleted: look.
				fsp.stat(absolute).then(
					(): void => onEvent({ type: 'changed', path: absolute } satisfies WatchEvent),
					(): void => onEvent({ type: 'deleted', path: absolute }),
				);
			});
			watcher.on('error', onError);
			return { dispose: () => watcher.close() };
		} catch (error) {
			onError(error as Error);
			return undefined;
		}
	},
};

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
	if (entry.isSymbolicLink()) return 'symlink';
	if (entry.isFile()) return 'file';
	if (entry.isDirectory()) return 'directory';
	return 'other';
}
