// A NoteReader on worker threads (node/parseWorker.ts): reading, decoding and parsing a note
// costs several times what indexing it does, so on a machine with two or more cores they run
// beside the main thread, which only indexes. Requests made in the same tick (a loadVault batch)
// go out as one message per worker.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Change, LoadedConfig } from '../core';
import type { NoteReader, NoteToRead } from '../workspace/noteReader';
import { readNote } from '../workspace/readNote';
import { nodeFileSystem } from './nodeFileSystem';
import { decodeBatch } from './parseTransport';
import type { BatchRequest, BatchResult, WorkerSetup } from './parseWorker';

/** Beside dist/server.js and dist/cli.js; absent when running from sources (tests), then no workers. */
const WORKER_SCRIPT = path.join(__dirname, 'parseWorker.js');

export interface WorkerReaderOptions {
	/** Default: `VAULT_NOTES_PARSE_WORKERS`, else the number of cores (at most 4, none on one core); 0 turns workers off. */
	readonly workers?: number;
	readonly script?: string;
}

interface Pending {
	readonly notes: readonly NoteToRead[];
	readonly resolve: (changes: Change[]) => void;
}

/** Undefined when workers are off or the worker script is missing: the caller reads on its own thread. */
export function createWorkerNoteReader(
	config: LoadedConfig,
	options: WorkerReaderOptions = {},
): NoteReader | undefined {
	const count = options.workers ?? defaultWorkerCount();
	const script = options.script ?? WORKER_SCRIPT;
	if (count <= 0 || !fs.existsSync(script)) return undefined;
	const setup: WorkerSetup = { configText: config.source.text, trusted: config.source.trusted };
	const workers: Worker[] = [];
	const pending = new Map<number, Pending>();
	const owner = new Map<number, Worker>();
	let nextBatch = 0;
	let disposed = false;
	let queue: { note: NoteToRead; resolve: (change: Change) => void }[] = [];

	const fallback = (notes: readonly NoteToRead[]) =>
		Promise.all(notes.map((note) => readNote(nodeFileSystem, note.absolutePath, note.id, note.maxFileSize, note.size)));

	const retire = (worker: Worker) => {
		const index = workers.indexOf(worker);
		if (index >= 0) workers.splice(index, 1);
		// Whatever it still had is read here instead: a crashed worker never loses a note.
		for (const [batch, request] of pending) {
			if (owner.get(batch) !== worker) continue;
			pending.delete(batch);
			owner.delete(batch);
			void fallback(request.notes).then(request.resolve);
		}
		void worker.terminate();
	};

	// Workers start with the first note to read: a load served from the index cache needs none.
	let started = false;
	const start = () => {
		started = true;
		for (let index = 0; index < count; index++) {
			let worker: Worker;
			try {
				worker = new Worker(script, { workerData: setup });
			} catch {
				break;
			}
			// An idle worker does not keep the process alive (a reader nobody disposes); a busy one
			// does, or a program waiting for nothing but its answers could exit before they come.
			worker.unref();
			worker.on('message', (result: BatchResult) => {
				const request = pending.get(result.batch);
				if (!request) return;
				pending.delete(result.batch);
				owner.delete(result.batch);
				if (![...owner.values()].includes(worker)) worker.unref();
				let changes: Change[];
				try {
					changes = decodeBatch(result);
				} catch {
					// A shard that does not decode (a bug, never expected): read those notes here.
					void fallback(request.notes).then(request.resolve);
					return;
				}
				request.resolve(changes);
			});
			worker.on('error', () => retire(worker));
			worker.on('exit', () => retire(worker));
			workers.push(worker);
		}
	};

	const send = (notes: readonly NoteToRead[]): Promise<Change[]> => {
		if (workers.length === 0) return fallback(notes);
		const worker = workers[nextBatch % workers.length]!;
		const batch = nextBatch++;
		return new Promise((resolve) => {
			pending.set(batch, { notes, resolve });
			owner.set(batch, worker);
			worker.ref();
			worker.postMessage({ batch, notes } satisfies BatchRequest);
		});
	};

	const flush = () => {
		const requests = queue;
		queue = [];
		if (!started && !disposed) start();
		// One share per worker, so that every worker has work from each batch.
		const shares = Math.max(1, Math.min(workers.length, requests.length));
		const size = Math.ceil(requests.length / shares);
		for (let start = 0; start < requests.length; start += size) {
			const share = requests.slice(start, start + size);
			void send(share.map((request) => request.note)).then((changes) =>
				share.forEach((request, index) => request.resolve(changes[index]!)),
			);
		}
	};

	return {
		read(note) {
			return new Promise((resolve) => {
				if (queue.length === 0) queueMicrotask(flush);
				queue.push({ note, resolve });
			});
		},
		dispose() {
			disposed = true;
			for (const worker of [...workers]) {
				worker.removeAllListeners('exit');
				retire(worker);
			}
		},
	};
}

function defaultWorkerCount(): number {
	const configured = process.env.VAULT_NOTES_PARSE_WORKERS;
	if (configured !== undefined && configured !== '' && Number.isInteger(Number(configured)))
		return Math.max(0, Number(configured));
	// One core: a worker would only add the cost of moving the syntax between threads.
	const cores = os.availableParallelism();
	return cores <= 1 ? 0 : Math.min(4, cores);
}
