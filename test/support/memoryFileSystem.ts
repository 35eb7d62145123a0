// An in-memory FileSystem for tests: POSIX absolute paths, files as bytes, explicit symlinks,
// and a watcher that tests trigger by hand.
import * as path from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, WatchEvent } from '../../server/src/workspace/fileSystem';

type Node = { kind: 'file'; bytes: Uint8Array; mtimeMs: number } | { kind: 'symlink'; target: string };

export class MemoryFileSystem implements FileSystem {
	private readonly nodes = new Map<string, Node>();
	private readonly listeners = new Set<(event: WatchEvent) => void>();
	private clock = 1;

	constructor(files: Record<string, string | Uint8Array> = {}) {
		for (const [file, content] of Object.entries(files)) this.write(file, content);
	}

	/** Writes a file (creating its folders) and tells the watchers. */
	write(file: string, content: string | Uint8Array, notify = false): void {
		const existed = this.nodes.has(file);
		const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
		this.nodes.set(file, { kind: 'file', bytes, mtimeMs: this.clock++ });
		if (notify) this.emit({ type: existed ? 'changed' : 'created', path: file });
	}

	remove(file: string, notify = false): void {
		this.nodes.delete(file);
		if (notify) this.emit({ type: 'deleted', path: file });
	}

	symlink(file: string, target: string): void {
		this.nodes.set(file, { kind: 'symlink', target });
	}

	async readDirectory(folder: string): Promise<DirectoryEntry[]> {
		const real = this.resolve(folder);
		if (!this.isDirectory(real)) throw errno('ENOTDIR', folder);
		const names = new Map<string, DirectoryEntry['kind']>();
		const prefix = real === '/' ? '/' : real + '/';
		for (const [file, node] of this.nodes) {
			if (!file.startsWith(prefix)) continue;
			const rest = file.slice(prefix.length);
			const slash = rest.indexOf('/');
			if (slash >= 0) names.set(rest.slice(0, slash), 'directory');
			else names.set(rest, node.kind);
		}
		return [...names].map(([name, kind]) => ({ name, kind }));
	}

	async stat(file: string): Promise<FileStat> {
		const real = this.resolve(file);
		const node = this.nodes.get(real);
		if (node?.kind === 'file') return { kind: 'file', size: node.bytes.length, mtimeMs: node.mtimeMs };
		if (this.isDirectory(real)) return { kind: 'directory', size: 0, mtimeMs: 0 };
		throw errno('ENOENT', file);
	}

	async readFile(file: string): Promise<Uint8Array> {
		const node = this.nodes.get(this.resolve(file));
		if (node?.kind !== 'file') throw errno('ENOENT', file);
		return node.bytes;
	}

	async realPath(file: string): Promise<string> {
		const real = this.resolve(file);
		if (!this.nodes.has(real) && !this.isDirectory(real)) throw errno('ENOENT', file);
		return real;
	}

	watch(_root: string, onEvent: (event: WatchEvent) => void) {
		this.listeners.add(onEvent);
		return { dispose: () => this.listeners.delete(onEvent) };
	}

	private emit(event: WatchEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	private isDirectory(folder: string): boolean {
		const prefix = folder === '/' ? '/' : folder + '/';
		for (const file of this.nodes.keys()) if (file.startsWith(prefix)) return true;
		return false;
	}

	/** Follows symlinks in every segment; a loop ends in ELOOP. */
	private resolve(file: string, depth = 0): string {
		if (depth > 40) throw errno('ELOOP', file);
		const segments = path.posix.normalize(file).split('/').filter(Boolean);
		let current = '';
		for (let index = 0; index < segments.length; index++) {
			current += '/' + segments[index];
			const node = this.nodes.get(current);
			if (node?.kind === 'symlink') {
				const target = path.posix.resolve(path.posix.dirname(current), node.target);
				return this.resolve([target, ...segments.slice(index + 1)].join('/'), depth + 1);
			}
		}
		return current || '/';
	}
}

function errno(code: string, file: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(`${code}: ${file}`);
	error.code = code;
	return error;
}
