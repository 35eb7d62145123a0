// The index cache on disk: one file per vault and config in the user's cache folder, written
// in shards of a few hundred notes (node/syntaxCodec.ts) so that writing and reading hold a
// shard or two of bytes, never the whole vault's, and replaced atomically (a temporary file,
// then a rename).
//
// Layout: a header (magic, then a digest of the format, build, vault root and config text), the
// shards, a table (per shard its length, checksum and notes: id, size, mtime), and a trailer
// (where the table is, its checksum, an end mark). A file cut short has no end mark; a damaged
// table or shard fails its CRC-32; either is logged and ignored, never decoded into wrong notes.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { NoteId, NoteSyntax } from '../core';
import type { CacheLog, CacheReader, CachedNote, IndexCache, IndexCacheFactory } from '../workspace/indexCache';
import { ByteReader, ShardWriter, TableWriter, decodeShard } from './syntaxCodec';

/** Bumped whenever the layout or the encoding changes: older files are then ignored. */
const FORMAT = 2;
const MAGIC = Buffer.from('VNINDEX\n', 'latin1');
const END = Buffer.from('VNINDEND', 'latin1');
const HEADER_SIZE = MAGIC.length + 32;
/** Table offset (8 bytes), table length, table CRC-32, end mark. */
const TRAILER_SIZE = 8 + 4 + 4 + END.length;
/** A shard ends after this many notes or bytes: decoding one takes a few milliseconds. */
const SHARD_NOTES = 512;
const SHARD_BYTES = 1 << 20;

/** `$VAULT_NOTES_CACHE_DIR`, else `$XDG_CACHE_HOME/vault-notes`, else `~/.cache/vault-notes`. */
export function defaultCacheFolder(): string {
	if (process.env.VAULT_NOTES_CACHE_DIR) return process.env.VAULT_NOTES_CACHE_DIR;
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'vault-notes');
}

/**
 * Caches under `folder`, one file per vault root and config text (an untrusted load, whose
 * syntax differs, has a config text of its own). The header is keyed by `buildId` too (the
 * server's own bundle: a new build may parse differently), so the cache of an older build is
 * found, logged, ignored and then replaced, instead of piling up beside the new one.
 */
export function nodeIndexCache(
	folder: string,
	buildId: string,
	/** While this says so (output to the client queued), a save waits between shards. */
	pauseWhile: () => boolean = () => false,
): IndexCacheFactory {
	return (root, configText) => {
		const name = createHash('sha256')
			.update(`${root}\0${configText ?? ''}`)
			.digest('hex')
			.slice(0, 32);
		const key = createHash('sha256')
			.update(`${FORMAT}\0${buildId}\0${root}\0${configText ?? ''}`)
			.digest();
		return fileCache(path.join(folder, `${name}.index`), key, pauseWhile);
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

/** How long a save waits before looking again whether output is still queued. */
const PAUSE_MS = 5;

/** Distinguishes the temporary files of saves that overlap in one process. */
let saveCount = 0;

function fileCache(file: string, key: Buffer, pauseWhile: () => boolean): IndexCache {
	return {
		async open(log) {
			let handle: FileHandle;
			try {
				handle = await fs.promises.open(file, 'r');
			} catch (error) {
				// No cache yet is the usual first start, not worth a line (a save tells of a bad folder).
				const code = (error as NodeJS.ErrnoException).code;
				if (code !== 'ENOENT' && code !== 'ENOTDIR')
					log(`cannot open the index cache ${file}: ${(error as Error).message}`);
				return undefined;
			}
			let problem: string;
			try {
				const opened = await readTable(handle, key);
				if (typeof opened !== 'string') return new FileCacheReader(file, handle, opened, log);
				problem = opened;
			} catch (error) {
				problem = `is damaged (${(error as Error).message})`;
			}
			log(`the index cache ${file} ${problem}: ignored, the notes are read from their files`);
			await handle.close().catch(() => undefined);
			return undefined;
		},

		async save(notes, log) {
			const temporary = `${file}.${process.pid}-${++saveCount}.tmp`;
			let handle: FileHandle | undefined;
			try {
				await fs.promises.mkdir(path.dirname(file), { recursive: true });
				handle = await fs.promises.open(temporary, 'w');
				await writeCache(handle, key, notes, pauseWhile);
				await handle.close();
				handle = undefined;
				await fs.promises.rename(temporary, file);
				await removeLeftovers(file);
			} catch (error) {
				log(`cannot write the index cache ${file}: ${(error as Error).message}`);
				await handle?.close().catch(() => undefined);
				await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
			}
		},
	};
}

/** A save takes seconds: a temporary file this old was left by a process that died while saving. */
const LEFTOVER_AGE_MS = 10 * 60_000;
/** The single-blob caches of format 1 (node:v8, up to hundreds of MB), named by a key of 32 hex digits. */
const FORMAT_1_FILE = /^[0-9a-f]{32}\.bin$/;

/** Removes, beside `file`, its stale temporary files and any cache file of format 1. Never rejects. */
async function removeLeftovers(file: string): Promise<void> {
	const remove = (absolute: string) => fs.promises.rm(absolute, { force: true }).catch(() => undefined);
	const folder = path.dirname(file);
	const prefix = path.basename(file) + '.';
	const names = await fs.promises.readdir(folder).catch((): string[] => []);
	for (const name of names) {
		const absolute = path.join(folder, name);
		if (name.startsWith(prefix) && name.endsWith('.tmp')) {
			const stat = await fs.promises.stat(absolute).catch(() => undefined);
			if (stat && stat.mtimeMs < Date.now() - LEFTOVER_AGE_MS) await remove(absolute);
		} else if (FORMAT_1_FILE.test(name) && (await startsWithV8Header(absolute))) {
			await remove(absolute);
		}
	}
}

/** Whether a file begins as node:v8 serialization does (0xFF, then the format version). */
async function startsWithV8Header(file: string): Promise<boolean> {
	try {
		const handle = await fs.promises.open(file, 'r');
		try {
			const header = await readAt(handle, 0, 2);
			return header[0] === 0xff && header[1]! > 0 && header[1]! < 0x20;
		} finally {
			await handle.close();
		}
	} catch {
		return false;
	}
}

interface Shard {
	readonly offset: number;
	readonly length: number;
	readonly checksum: number;
	readonly count: number;
}

interface Table {
	readonly shards: readonly Shard[];
	/** Note id → its number in the file; the arrays below are indexed by that number. */
	readonly notes: Map<NoteId, number>;
	readonly sizes: Float64Array;
	readonly mtimes: Float64Array;
	readonly shardOf: Uint32Array;
	readonly slotOf: Uint32Array;
}

/** The table of an open cache file, or why the file cannot be used. */
async function readTable(handle: FileHandle, key: Buffer): Promise<Table | string> {
	const { size } = await handle.stat();
	if (size < HEADER_SIZE + TRAILER_SIZE) return 'is cut short';
	const header = await readAt(handle, 0, HEADER_SIZE);
	if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return 'is not a Vault Notes index cache';
	if (!header.subarray(MAGIC.length).equals(key))
		return 'was written by another build (or for another vault or config)';
	const trailer = await readAt(handle, size - TRAILER_SIZE, TRAILER_SIZE);
	if (!trailer.subarray(16).equals(END)) return 'is cut short';
	const tableOffset = trailer.readUInt32LE(0) + trailer.readUInt32LE(4) * 2 ** 32;
	const tableLength = trailer.readUInt32LE(8);
	if (tableOffset + tableLength + TRAILER_SIZE !== size) return 'is damaged (table out of place)';
	const bytes = await readAt(handle, tableOffset, tableLength);
	if (crc32(bytes) !== trailer.readUInt32LE(12)) return 'is damaged (table checksum)';
	const reader = new ByteReader(bytes);
	const shardCount = reader.uint();
	const shards: Shard[] = [];
	const ids: NoteId[] = [];
	const sizes: number[] = [];
	const mtimes: number[] = [];
	const shardOf: number[] = [];
	const slotOf: number[] = [];
	let offset = HEADER_SIZE;
	for (let index = 0; index < shardCount; index++) {
		const shard = { offset, length: reader.uint(), checksum: reader.uint(), count: reader.uint() };
		for (let slot = 0; slot < shard.count; slot++) {
			ids.push(reader.string());
			sizes.push(reader.uint());
			mtimes.push(reader.float());
			shardOf.push(index);
			slotOf.push(slot);
		}
		shards.push(shard);
		offset += shard.length;
	}
	if (!reader.done || offset !== tableOffset) return 'is damaged (table does not match the shards)';
	const notes = new Map<NoteId, number>();
	ids.forEach((id, index) => notes.set(id, index));
	return {
		shards,
		notes,
		sizes: Float64Array.from(sizes),
		mtimes: Float64Array.from(mtimes),
		shardOf: Uint32Array.from(shardOf),
		slotOf: Uint32Array.from(slotOf),
	};
}

class FileCacheReader implements CacheReader {
	/** Per shard: its bytes being read (prefetched ahead of need), then its decoded notes. */
	private readonly reads = new Map<number, Promise<Buffer | undefined>>();
	private readonly decoded = new Map<number, Promise<NoteSyntax[] | undefined>>();
	private shardsRead = 0;
	private closed = false;

	constructor(
		private readonly file: string,
		private readonly handle: FileHandle,
		private readonly table: Table,
		private readonly log: CacheLog,
	) {}

	get size(): number {
		return this.table.notes.size;
	}

	get(id: NoteId, size: number, mtimeMs: number): Promise<NoteSyntax | undefined> | undefined {
		const table = this.table;
		const note = table.notes.get(id);
		if (this.closed || note === undefined || table.sizes[note] !== size || table.mtimes[note] !== mtimeMs)
			return undefined;
		const slot = table.slotOf[note]!;
		return this.shard(table.shardOf[note]!).then((syntaxes) => syntaxes?.[slot]);
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.reads.clear();
		this.decoded.clear();
		void this.handle.close().catch(() => undefined);
	}

	private shard(index: number): Promise<NoteSyntax[] | undefined> {
		let decoded = this.decoded.get(index);
		if (!decoded) {
			decoded = this.bytes(index).then((bytes) => bytes && this.decode(index, bytes));
			this.decoded.set(index, decoded);
			// Notes are asked for in the order they were saved (the scan's): the next shard is read
			// from the disk while this one is decoded and indexed. Each shard is read once.
			if (index + 1 < this.table.shards.length && !this.decoded.has(index + 1)) void this.bytes(index + 1);
		}
		return decoded;
	}

	private bytes(index: number): Promise<Buffer | undefined> {
		let read = this.reads.get(index);
		if (!read) {
			const shard = this.table.shards[index]!;
			read = readAt(this.handle, shard.offset, shard.length).then(
				(bytes) => bytes,
				(error: Error) => {
					this.damaged(index, error.message);
					return undefined;
				},
			);
			this.reads.set(index, read);
			// Every shard read: the file is not needed any more.
			if (++this.shardsRead === this.table.shards.length)
				void read.finally(() => this.handle.close().catch(() => undefined));
		}
		return read;
	}

	private decode(index: number, bytes: Buffer): NoteSyntax[] | undefined {
		this.reads.delete(index);
		// A shard read ahead that arrives after the load is over is not decoded for nothing.
		if (this.closed) return undefined;
		const shard = this.table.shards[index]!;
		if (crc32(bytes) !== shard.checksum) return this.damaged(index, 'checksum');
		try {
			return decodeShard(bytes, shard.count);
		} catch (error) {
			return this.damaged(index, (error as Error).message);
		}
	}

	private damaged(index: number, reason: string): undefined {
		if (!this.closed)
			this.log(`part ${index + 1} of the index cache ${this.file} is damaged (${reason}): its notes are read again`);
		return undefined;
	}
}

async function writeCache(
	handle: FileHandle,
	key: Buffer,
	notes: readonly (readonly [NoteId, CachedNote])[],
	pauseWhile: () => boolean,
): Promise<void> {
	let offset = 0;
	const write = async (bytes: Buffer) => {
		let done = 0;
		while (done < bytes.length) {
			const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, offset + done);
			done += bytesWritten;
		}
		offset += bytes.length;
	};
	await write(Buffer.concat([MAGIC, key]));
	const table = new TableWriter();
	const shards = new TableWriter();
	let shardCount = 0;
	const writer = new ShardWriter();
	let pending: (readonly [NoteId, CachedNote])[] = [];
	// Each shard is encoded and written before the next one is started: the event loop turns
	// between shards, so requests are answered while a large vault's cache is written.
	const flush = async () => {
		if (pending.length === 0) return;
		const bytes = writer.finish();
		shards.uint(bytes.length);
		shards.uint(crc32(bytes));
		shards.uint(pending.length);
		for (const [id, note] of pending) {
			shards.string(id);
			shards.uint(note.size);
			shards.float(note.mtimeMs);
		}
		shardCount++;
		pending = [];
		await write(bytes);
	};
	for (const entry of notes) {
		if (!writer.write(entry[1].syntax)) continue;
		pending.push(entry);
		if (writer.notes >= SHARD_NOTES || writer.bytes >= SHARD_BYTES) {
			await flush();
			// The save runs right after indexing, when the first large answers (a hub's references,
			// 26 MB at 100k) leave the pipe a slice per turn: each shard encoded meanwhile delays them.
			while (pauseWhile()) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
		}
	}
	await flush();
	table.uint(shardCount);
	const bytes = Buffer.concat([table.result(), shards.result()]);
	const trailer = Buffer.alloc(TRAILER_SIZE);
	trailer.writeUInt32LE(offset % 2 ** 32, 0);
	trailer.writeUInt32LE(Math.floor(offset / 2 ** 32), 4);
	trailer.writeUInt32LE(bytes.length, 8);
	trailer.writeUInt32LE(crc32(bytes), 12);
	END.copy(trailer, 16);
	await write(Buffer.concat([bytes, trailer]));
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
	const buffer = Buffer.allocUnsafe(length);
	let done = 0;
	while (done < length) {
		const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
		if (bytesRead === 0) throw new Error('unexpected end of file');
		done += bytesRead;
	}
	return buffer;
}

/** zlib's CRC-32 where Node has it (20.15+), else the same function in JavaScript. */
const crc32: (bytes: Uint8Array) => number =
	typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : crc32InJavaScript;

let crcTable: Uint32Array | undefined;

export function crc32InJavaScript(bytes: Uint8Array): number {
	if (!crcTable) {
		crcTable = new Uint32Array(256);
		for (let byte = 0; byte < 256; byte++) {
			let value = byte;
			for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
			crcTable[byte] = value;
		}
	}
	let crc = 0xffffffff;
	for (let index = 0; index < bytes.length; index++) crc = crcTable[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}
