// How a batch of read and parsed notes crosses from a parse worker to the main thread: the
// syntaxes as one shard of the index cache's compact codec (node/syntaxCodec.ts), the rest as
// plain objects. Measured on 10k notes: the main thread decodes shards in 24–55 ms, where JSON
// with packed ranges took 220–250 ms and a structured clone of the objects 750–940 ms.
import type { Change, NoteId, NoteSyntax } from '../core';
import { ShardWriter, decodeShard } from './syntaxCodec';

/** A change as sent: a parsed note's syntax travels in the shard, in order. */
export type SentChange = Exclude<Change, { kind: 'parsed' }> | { readonly kind: 'parsed'; readonly id: NoteId };

export interface SentBatch {
	readonly changes: readonly SentChange[];
	/** The syntaxes of the `parsed` changes, in order. */
	readonly shard: Uint8Array;
}

/** What reading a note gives (readNote): its text, or why there is none. */
export type ReadChange = Extract<Change, { kind: 'note' | 'skipped' | 'deleted' }>;

/** Parses the batch's notes; a note the codec cannot hold is sent as text, for the receiver to parse. */
export function encodeBatch(
	changes: readonly ReadChange[],
	parse: (id: NoteId, text: string) => NoteSyntax,
): SentBatch {
	const writer = new ShardWriter();
	const sent = changes.map((change): SentChange => {
		if (change.kind !== 'note') return change;
		try {
			if (writer.write(parse(change.id, change.text))) return { kind: 'parsed', id: change.id };
		} catch {
			// parseNote does not throw; if it ever did, the receiver parses (and reports) it.
		}
		return change;
	});
	return { changes: sent, shard: writer.finish() };
}

/** The changes of a batch as `encodeBatch` got them (parsed where it parsed). Throws on a damaged shard. */
export function decodeBatch(batch: SentBatch): Change[] {
	const parsed = batch.changes.filter((change) => change.kind === 'parsed').length;
	const bytes = Buffer.from(batch.shard.buffer, batch.shard.byteOffset, batch.shard.byteLength);
	const syntaxes = decodeShard(bytes, parsed);
	let next = 0;
	return batch.changes.map((change): Change =>
		change.kind === 'parsed' ? { kind: 'parsed', id: change.id, syntax: syntaxes[next++]! } : change,
	);
}
