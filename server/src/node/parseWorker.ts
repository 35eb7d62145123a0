// A worker thread that reads, decodes and parses notes for node/workerNoteReader.ts. It loads
// the same config as the main thread (from the config's text), so a note parses here exactly as
// it would there; results go back as node/parseTransport.ts encodes them.
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig, parseNote } from '../core';
import type { NoteToRead } from '../workspace/noteReader';
import { readNote } from '../workspace/readNote';
import { nodeFileSystem } from './nodeFileSystem';
import type { ReadChange, SentBatch } from './parseTransport';
import { encodeBatch } from './parseTransport';

export interface WorkerSetup {
	readonly configText: string | undefined;
	readonly trusted: boolean;
}

export interface BatchRequest {
	readonly batch: number;
	readonly notes: readonly NoteToRead[];
}

export interface BatchResult extends SentBatch {
	readonly batch: number;
}

// Below the main thread, which answers the editor: on a machine busier than its cores, a note
// opened while the vault loads waits for its diagnostics behind parsing otherwise. On Linux a
// thread has its own nice value (elsewhere this call would lower the whole process: not done).
if (process.platform === 'linux') {
	try {
		os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
	} catch {
		// Not permitted (a sandbox): the worker runs at the main thread's priority.
	}
}

const setup = workerData as WorkerSetup;
const config = loadConfig(setup.configText, { trusted: setup.trusted });
const parse = (id: string, text: string) => parseNote(id, text, config);

parentPort?.on('message', (request: BatchRequest) => {
	const reads = request.notes.map(
		(note) => readNote(nodeFileSystem, note.absolutePath, note.id, note.maxFileSize, note.size) as Promise<ReadChange>,
	);
	void Promise.all(reads).then((changes) => {
		const result: BatchResult = { batch: request.batch, ...encodeBatch(changes, parse) };
		parentPort!.postMessage(result);
	});
});
