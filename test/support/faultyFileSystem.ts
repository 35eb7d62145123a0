// A FileSystem wrapper that injects faults into any FileSystem (usually a MemoryFileSystem):
// reads that fail with an errno code, truncated content, files deleted between the listing and
// the read, a `stat` that lies about sizes, reads held back until a test releases them, and a
// watcher whose events a test can reorder, duplicate or drop. As root, chmod cannot make a file
// unreadable, so permission errors come from here.
import type {
	DirectoryEntry,
	Disposable,
	FileStat,
	FileSystem,
	WatchEvent,
} from '../../server/src/workspace/fileSystem';

export type FaultCode = 'EACCES' | 'EIO' | 'ENOENT' | 'EISDIR' | 'EMFILE' | 'ELOOP';

/** What to do with the watcher events the inner file system emits. */
export type EventMangler = (events: readonly WatchEvent[]) => WatchEvent[];

export class FaultyFileSystem implements FileSystem {
	/** `readFile` rejects with this code for these paths. */
	readonly failReads = new Map<string, FaultCode>();
	/** `stat` rejects with this code for these paths. */
	readonly failStats = new Map<string, FaultCode>();
	/** `readDirectory` rejects with this code for these folders. */
	readonly failDirectories = new Map<string, FaultCode>();
	/** `readFile` returns only the first N bytes for these paths. */
	readonly truncate = new Map<string, number>();
	/** `stat` reports this size for these paths. */
	readonly lieAboutSize = new Map<string, number>();
	/** These paths are removed from the inner file system right after a `readDirectory` lists them. */
	readonly vanishAfterListing = new Set<string>();
	/** These paths are removed from the inner file system when a `readFile` of them begins. */
	readonly vanishBeforeRead = new Set<string>();
	/** Every call, in order, for assertions about what was (not) touched. */
	readonly calls: string[] = [];
	private readonly held = new Map<string, (() => void)[]>();
	private readonly holding = new Set<string>();
	private readonly heldWaiters: { file: string; count: number; resolve: () => void }[] = [];
	private readonly listeners = new Set<(event: WatchEvent) => void>();
	private buffered: WatchEvent[] | undefined;

	constructor(
		private readonly inner: FileSystem,
		private readonly remove: (path: string) => void = () => {},
	) {}

	async readDirectory(folder: string): Promise<DirectoryEntry[]> {
		this.calls.push(`readDirectory ${folder}`);
		this.maybeFail(this.failDirectories, folder);
		const entries = await this.inner.readDirectory(folder);
		for (const entry of entries) {
			const child = folder.endsWith('/') ? folder + entry.name : `${folder}/${entry.name}`;
			if (this.vanishAfterListing.delete(child)) this.remove(child);
		}
		return entries;
	}

	async stat(file: string): Promise<FileStat> {
		this.calls.push(`stat ${file}`);
		this.maybeFail(this.failStats, file);
		const stat = await this.inner.stat(file);
		const size = this.lieAboutSize.get(file);
		return size === undefined ? stat : { ...stat, size };
	}

	async readFile(file: string): Promise<Uint8Array> {
		this.calls.push(`readFile ${file}`);
		if (this.vanishBeforeRead.delete(file)) this.remove(file);
		this.maybeFail(this.failReads, file);
		const bytes = await this.inner.readFile(file);
		// A held read has its bytes already: it delivers what the disk had when it started.
		if (this.holding.has(file)) await this.wait(file);
		const length = this.truncate.get(file);
		return length === undefined ? bytes : bytes.slice(0, length);
	}

	realPath(file: string): Promise<string> {
		this.calls.push(`realPath ${file}`);
		return this.inner.realPath(file);
	}

	watch(root: string, onEvent: (event: WatchEvent) => void, onError: (error: Error) => void): Disposable | undefined {
		this.listeners.add(onEvent);
		const inner = this.inner.watch?.(root, (event) => this.deliver(event), onError);
		return {
			dispose: () => {
				this.listeners.delete(onEvent);
				inner?.dispose();
			},
		};
	}

	/** Reads of `file` read their bytes, then wait until `release(file)` (a slow disk or network share). */
	hold(file: string): void {
		this.holding.add(file);
	}

	/** Lets the held reads of `file` go, in the order given by `order` (default: first in, first out). */
	release(file: string, order: 'fifo' | 'lifo' = 'fifo'): void {
		this.holding.delete(file);
		const waiting = this.held.get(file) ?? [];
		this.held.delete(file);
		for (const resolve of order === 'fifo' ? waiting : waiting.reverse()) resolve();
	}

	/** Lets only the newest held read of `file` go; the others keep waiting. */
	releaseNewest(file: string): void {
		this.held.get(file)?.pop()?.();
	}

	/** Resolves once `count` reads of `file` are waiting (event-driven: no polling). */
	whenHeld(file: string, count: number): Promise<void> {
		if (this.waiting(file) >= count) return Promise.resolve();
		return new Promise((resolve) => this.heldWaiters.push({ file, count, resolve }));
	}

	/** How many reads of `file` are waiting. */
	waiting(file: string): number {
		return this.held.get(file)?.length ?? 0;
	}

	/** Watcher events from now on are collected until `flushEvents`. */
	bufferEvents(): void {
		this.buffered ??= [];
	}

	/** Delivers the collected events after `mangle` reordered, duplicated or dropped them. */
	flushEvents(mangle: EventMangler = (events) => [...events]): void {
		const events = this.buffered ?? [];
		this.buffered = undefined;
		for (const event of mangle(events)) this.emit(event);
	}

	/** Sends a watcher event as if the disk had changed (it need not have). */
	emit(event: WatchEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	private deliver(event: WatchEvent): void {
		if (this.buffered) this.buffered.push(event);
		else this.emit(event);
	}

	private wait(file: string): Promise<void> {
		let waiting = this.held.get(file);
		if (!waiting) this.held.set(file, (waiting = []));
		const done = new Promise<void>((resolve) => waiting.push(resolve));
		for (const waiter of this.heldWaiters.filter((candidate) => candidate.file === file)) {
			if (waiting.length < waiter.count) continue;
			this.heldWaiters.splice(this.heldWaiters.indexOf(waiter), 1);
			waiter.resolve();
		}
		return done;
	}

	private maybeFail(faults: ReadonlyMap<string, FaultCode>, file: string): void {
		const code = faults.get(file);
		if (code === undefined) return;
		const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${file}`);
		error.code = code;
		throw error;
	}
}
