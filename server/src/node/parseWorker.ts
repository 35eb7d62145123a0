// A worker thread that reads, decodes and parses notes for node/workerNoteReader.ts. It loads
// the same config as the main thread (from the config's text), so a note parses here exactly as
// it would there; results go back as one JSON text per batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { Change } from '../core';
import { loadConfig, parseNote } from '../core';
import type { NoteToRead } from '../workspace/noteReader';
import { encodeChanges, toTransportable } from '../workspace/noteReader';
import { readNote } from '../workspace/readNote';
import { nodeFileSystem } from './nodeFileSystem';

export interface WorkerSetup {
	readonly configText: string | undefined;
	readonly trusted: boolean;
}

export interface BatchRequest {
	readonly batch: number;
	readonly notes: readonly NoteToRead[];
}

export interface BatchResult {
	readonly batch: number;
	/** The changes, in the order of the request, as `encodeChanges` writes them. */
	readonly changes: string;
}

const setup = workerData as WorkerSetup;
const config = loadConfig(setup.configText, { trusted: setup.trusted });
const parse = (id: string, text: string) => parseNote(id, text, config);

parentPort?.on('message', (request: BatchRequest) => {
	void Promise.all(request.notes.map(readOne)).then((changes) => {
		const result: BatchResult = { batch: request.batch, changes: encodeChanges(changes) };
		parentPort!.postMessage(result);
	});
});

async function readOne(note: NoteToRead): Promise<Change> {
	const change = await readNote(nodeFileSystem, note.absolutePath, note.id, note.maxFileSize, note.size);
	try {
		return toTransportable(change, parse);
	} catch {
		// parseNote does not throw; if it ever did, the main thread parses (and reports) it.
		return change;
	}
}
