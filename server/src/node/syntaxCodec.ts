// A compact binary encoding of NoteSyntax for the index cache (ARCHITECTURE.md, "A persistent
// index cache"). node:v8 serialization writes every property name of every object and rebuilds
// objects through generic runtime paths: at 100k notes it made a 400 MB blob, and deserializing
// it was most of a warm start. Here a shard of notes is a string table (each distinct string
// once) followed by the notes as varints in a fixed field order, and decoding builds objects
// with literals of the same shapes `parseNote` makes.
import * as v8 from 'node:v8';
import type {
	BlockId,
	FrontMatter,
	FrontMatterField,
	Heading,
	LineSpan,
	Link,
	LinkKind,
	Message,
	NoteSyntax,
	Problem,
	Range,
} from '../core';

// Every field of every type below is written: a field added to one of these types makes its
// record stop compiling until the encoder and decoder are taught it (the cache would drop it).
const SYNTAX_FIELDS: Record<keyof NoteSyntax, true> = {
	frontMatter: true,
	headings: true,
	blockIds: true,
	links: true,
	topicSections: true,
	summarySection: true,
	problems: true,
	lineCount: true,
};
const LINK_FIELDS: Record<keyof Link, true> = {
	kind: true,
	embed: true,
	range: true,
	target: true,
	targetRange: true,
	fragment: true,
	label: true,
	inTopics: true,
};
const OTHER_FIELDS: [
	Record<keyof FrontMatter, true>,
	Record<keyof FrontMatterField, true>,
	Record<keyof Heading, true>,
	Record<keyof BlockId, true>,
	Record<keyof LineSpan, true>,
	Record<keyof Problem, true>,
	Record<keyof Message, true>,
	Record<keyof Range, true>,
] = [
	{ span: true, data: true, fields: true },
	{ key: true, keyRange: true, valueRange: true },
	{ level: true, text: true, line: true, range: true },
	{ id: true, line: true, range: true },
	{ startLine: true, endLine: true },
	{ code: true, range: true, message: true },
	{ id: true, args: true },
	{ start: true, end: true },
];
void SYNTAX_FIELDS;
void LINK_FIELDS;
void OTHER_FIELDS;

/** How a note is written: the compact form, or v8 serialization for syntax it cannot express. */
const NOTE_COMPACT = 0;
const NOTE_V8 = 1;

// Tags of front-matter values and message arguments (plain JSON-like data).
const VALUE_UNDEFINED = 0;
const VALUE_NULL = 1;
const VALUE_FALSE = 2;
const VALUE_TRUE = 3;
const VALUE_UINT = 4;
const VALUE_FLOAT = 5;
const VALUE_STRING = 6;
const VALUE_ARRAY = 7;
const VALUE_OBJECT = 8;

const LINK_EMBED = 1;
const LINK_IN_TOPICS = 2;
const LINK_FRAGMENT = 4;
const LINK_LABEL = 8;

const FRONT_MATTER = 1;
const FRONT_MATTER_DATA = 2;
const SUMMARY_SECTION = 4;

/** Nesting deeper than this in front-matter data is written with v8 serialization instead. */
const MAX_DEPTH = 64;

/** A value the compact form does not express (a Date, a cycle…): the note falls back to v8. */
class NotCompact extends Error {}

/** Encodes the notes of one shard; `finish` returns the shard's bytes and starts a new one. */
export class ShardWriter {
	private body = Buffer.allocUnsafe(1 << 16);
	private pos = 0;
	private strings = new Map<string, number>();
	private count = 0;

	/** Notes written since the last `finish`. */
	get notes(): number {
		return this.count;
	}

	/** Bytes written since the last `finish` (the string table not counted). */
	get bytes(): number {
		return this.pos;
	}

	/** Adds a note; false when it cannot be written at all (then it is simply not cached). */
	write(syntax: NoteSyntax): boolean {
		const start = this.pos;
		try {
			this.uint(NOTE_COMPACT);
			this.syntax(syntax);
		} catch (error) {
			if (!(error instanceof NotCompact)) throw error;
			// Strings the attempt added stay in the table: unused, but harmless.
			this.pos = start;
			let bytes: Buffer;
			try {
				bytes = v8.serialize(syntax);
			} catch {
				return false;
			}
			this.uint(NOTE_V8);
			this.uint(bytes.length);
			this.ensure(bytes.length);
			bytes.copy(this.body, this.pos);
			this.pos += bytes.length;
		}
		this.count++;
		return true;
	}

	/** The shard: its string table, then its notes. */
	finish(): Buffer {
		const table = new TableWriter();
		table.uint(this.strings.size);
		for (const text of this.strings.keys()) table.string(text);
		const shard = Buffer.concat([table.result(), this.body.subarray(0, this.pos)]);
		this.pos = 0;
		this.count = 0;
		this.strings = new Map();
		return shard;
	}

	private syntax(syntax: NoteSyntax): void {
		const front = syntax.frontMatter;
		this.uint(syntax.lineCount);
		this.uint(
			(front ? FRONT_MATTER : 0) |
				(front?.data ? FRONT_MATTER_DATA : 0) |
				(syntax.summarySection ? SUMMARY_SECTION : 0),
		);
		if (front) {
			this.span(front.span);
			if (front.data) this.value(front.data, 0);
			this.uint(front.fields.length);
			for (const field of front.fields) {
				this.string(field.key);
				this.range(field.keyRange);
				this.range(field.valueRange);
			}
		}
		this.uint(syntax.headings.length);
		for (const heading of syntax.headings) {
			this.uint(heading.level);
			this.string(heading.text);
			this.uint(heading.line);
			this.range(heading.range);
		}
		this.uint(syntax.blockIds.length);
		for (const block of syntax.blockIds) {
			this.string(block.id);
			this.uint(block.line);
			this.range(block.range);
		}
		this.uint(syntax.links.length);
		for (const link of syntax.links) {
			this.string(link.kind);
			this.uint(
				(link.embed ? LINK_EMBED : 0) |
					(link.inTopics ? LINK_IN_TOPICS : 0) |
					(link.fragment !== undefined ? LINK_FRAGMENT : 0) |
					(link.label !== undefined ? LINK_LABEL : 0),
			);
			this.range(link.range);
			this.string(link.target);
			this.range(link.targetRange);
			if (link.fragment !== undefined) this.string(link.fragment);
			if (link.label !== undefined) this.string(link.label);
		}
		this.uint(syntax.topicSections.length);
		for (const section of syntax.topicSections) this.span(section);
		if (syntax.summarySection) this.span(syntax.summarySection);
		this.uint(syntax.problems.length);
		for (const problem of syntax.problems) {
			this.string(problem.code);
			this.range(problem.range);
			this.string(problem.message.id);
			// Present-but-undefined and absent `args` are told apart, as the parser made them.
			if (!('args' in problem.message)) this.uint(0);
			else if (problem.message.args === undefined) this.uint(1);
			else {
				this.uint(2);
				this.value(problem.message.args, 0);
			}
		}
	}

	private span(span: LineSpan): void {
		this.uint(span.startLine);
		this.uint(span.endLine);
	}

	private range(range: Range): void {
		// Most ranges lie on one line: the end line as a difference is one byte.
		this.uint(range.start.line);
		this.uint(range.start.character);
		this.uint(range.end.line - range.start.line);
		this.uint(range.end.character);
	}

	private value(value: unknown, depth: number): void {
		if (depth > MAX_DEPTH) throw new NotCompact();
		switch (typeof value) {
			case 'undefined':
				return this.uint(VALUE_UNDEFINED);
			case 'boolean':
				return this.uint(value ? VALUE_TRUE : VALUE_FALSE);
			case 'string':
				this.uint(VALUE_STRING);
				return this.string(value);
			case 'number':
				if (Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) {
					this.uint(VALUE_UINT);
					return this.uint(value);
				}
				this.uint(VALUE_FLOAT);
				this.ensure(8);
				this.body.writeDoubleLE(value, this.pos);
				this.pos += 8;
				return;
			case 'object':
				if (value === null) return this.uint(VALUE_NULL);
				if (Array.isArray(value)) {
					if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotCompact();
					this.uint(VALUE_ARRAY);
					this.uint(value.length);
					for (let index = 0; index < value.length; index++) {
						// A hole would come back as undefined.
						if (!(index in value)) throw new NotCompact();
						this.value(value[index], depth + 1);
					}
					return;
				}
				if (Object.getPrototypeOf(value) !== Object.prototype) throw new NotCompact();
				{
					const keys = Object.keys(value);
					// Symbols and hidden properties would be lost.
					if (Reflect.ownKeys(value).length !== keys.length) throw new NotCompact();
					this.uint(VALUE_OBJECT);
					this.uint(keys.length);
					for (const key of keys) {
						const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
						if (!('value' in descriptor)) throw new NotCompact();
						this.string(key);
						this.value(descriptor.value, depth + 1);
					}
				}
				return;
			default:
				throw new NotCompact();
		}
	}

	private string(text: string): void {
		let index = this.strings.get(text);
		if (index === undefined) {
			index = this.strings.size;
			this.strings.set(text, index);
		}
		this.uint(index);
	}

	private uint(value: number): void {
		this.ensure(8);
		this.pos = writeUint(this.body, this.pos, value);
	}

	private ensure(bytes: number): void {
		if (this.pos + bytes <= this.body.length) return;
		const grown = Buffer.allocUnsafe(Math.max(this.body.length * 2, this.pos + bytes));
		this.body.copy(grown, 0, 0, this.pos);
		this.body = grown;
	}
}

/** Writes varints and strings into a growing buffer: string tables and the cache's note table. */
export class TableWriter {
	private buffer = Buffer.allocUnsafe(1 << 12);
	private pos = 0;

	uint(value: number): void {
		this.ensure(8);
		this.pos = writeUint(this.buffer, this.pos, value);
	}

	float(value: number): void {
		this.ensure(8);
		this.buffer.writeDoubleLE(value, this.pos);
		this.pos += 8;
	}

	/**
	 * Strings are stored as their UTF-16 code units, one byte each when they all fit: exact for
	 * any string (lone surrogates included, which UTF-8 would replace) and decoded by a copy.
	 */
	string(text: string): void {
		const oneByte = isOneByte(text);
		this.uint(text.length * 2 + (oneByte ? 0 : 1));
		const bytes = oneByte ? text.length : text.length * 2;
		this.ensure(bytes);
		this.buffer.write(text, this.pos, bytes, oneByte ? 'latin1' : 'utf16le');
		this.pos += bytes;
	}

	result(): Buffer {
		return this.buffer.subarray(0, this.pos);
	}

	private ensure(bytes: number): void {
		if (this.pos + bytes <= this.buffer.length) return;
		const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.pos + bytes));
		this.buffer.copy(grown, 0, 0, this.pos);
		this.buffer = grown;
	}
}

function isOneByte(text: string): boolean {
	for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0xff) return false;
	return true;
}

/** Writes an unsigned LEB128 varint (up to 2^53) at `pos`; returns where it ends. */
function writeUint(buffer: Buffer, pos: number, value: number): number {
	if (!Number.isSafeInteger(value) || value < 0) throw new NotCompact();
	while (value >= 0x80) {
		buffer[pos++] = (value % 0x80) | 0x80;
		value = Math.floor(value / 0x80);
	}
	buffer[pos++] = value;
	return pos;
}

/** Reads what TableWriter and ShardWriter wrote. Throws RangeError past the end (a damaged file). */
export class ByteReader {
	pos = 0;

	constructor(private readonly buffer: Buffer) {}

	get done(): boolean {
		return this.pos === this.buffer.length;
	}

	uint(): number {
		const buffer = this.buffer;
		let byte = buffer[this.pos++]!;
		if (byte < 0x80) return byte;
		let value = byte & 0x7f;
		let scale = 0x80;
		for (;;) {
			if (this.pos >= buffer.length || scale > 2 ** 49) throw new RangeError('bad varint');
			byte = buffer[this.pos++]!;
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) return value;
			scale *= 0x80;
		}
	}

	float(): number {
		const value = this.buffer.readDoubleLE(this.pos);
		this.pos += 8;
		return value;
	}

	string(): string {
		const header = this.uint();
		const length = header >>> 1;
		const twoByte = (header & 1) === 1;
		const end = this.pos + (twoByte ? length * 2 : length);
		if (end > this.buffer.length) throw new RangeError('string past the end');
		const text = this.buffer.toString(twoByte ? 'utf16le' : 'latin1', this.pos, end);
		this.pos = end;
		return text;
	}

	bytes(length: number): Buffer {
		const end = this.pos + length;
		if (end > this.buffer.length) throw new RangeError('bytes past the end');
		const bytes = this.buffer.subarray(this.pos, end);
		this.pos = end;
		return bytes;
	}
}

/** Decodes the `count` notes of one shard. Throws on bytes that are not such a shard. */
export function decodeShard(buffer: Buffer, count: number): NoteSyntax[] {
	return new ShardReader(buffer).notes(count);
}

class ShardReader extends ByteReader {
	private readonly strings: string[];

	constructor(buffer: Buffer) {
		super(buffer);
		this.strings = [];
		for (let count = this.uint(); count > 0; count--) this.strings.push(super.string());
	}

	notes(count: number): NoteSyntax[] {
		const notes: NoteSyntax[] = [];
		for (let index = 0; index < count; index++) {
			const form = this.uint();
			if (form === NOTE_COMPACT) notes.push(this.syntax());
			else if (form === NOTE_V8) notes.push(v8.deserialize(this.bytes(this.uint())) as NoteSyntax);
			else throw new RangeError('bad note form');
		}
		if (!this.done) throw new RangeError('bytes after the last note');
		return notes;
	}

	override string(): string {
		const text = this.strings[this.uint()];
		if (text === undefined) throw new RangeError('bad string index');
		return text;
	}

	private syntax(): NoteSyntax {
		const lineCount = this.uint();
		const flags = this.uint();
		let frontMatter: FrontMatter | undefined;
		if (flags & FRONT_MATTER) {
			const span = this.span();
			const data = flags & FRONT_MATTER_DATA ? (this.value() as Record<string, unknown>) : undefined;
			const fields: FrontMatterField[] = [];
			for (let count = this.uint(); count > 0; count--) {
				fields.push({ key: this.string(), keyRange: this.range(), valueRange: this.range() });
			}
			frontMatter = { span, data, fields };
		}
		const headings: Heading[] = [];
		for (let count = this.uint(); count > 0; count--) {
			headings.push({ level: this.uint(), text: this.string(), line: this.uint(), range: this.range() });
		}
		const blockIds: BlockId[] = [];
		for (let count = this.uint(); count > 0; count--) {
			blockIds.push({ id: this.string(), line: this.uint(), range: this.range() });
		}
		const links: Link[] = [];
		for (let count = this.uint(); count > 0; count--) {
			const kind = this.string() as LinkKind;
			const linkFlags = this.uint();
			const range = this.range();
			const target = this.string();
			const targetRange = this.range();
			links.push({
				kind,
				embed: (linkFlags & LINK_EMBED) !== 0,
				range,
				target,
				targetRange,
				fragment: linkFlags & LINK_FRAGMENT ? this.string() : undefined,
				label: linkFlags & LINK_LABEL ? this.string() : undefined,
				inTopics: (linkFlags & LINK_IN_TOPICS) !== 0,
			});
		}
		const topicSections: LineSpan[] = [];
		for (let count = this.uint(); count > 0; count--) topicSections.push(this.span());
		const summarySection = flags & SUMMARY_SECTION ? this.span() : undefined;
		const problems: Problem[] = [];
		for (let count = this.uint(); count > 0; count--) {
			const code = this.string() as Problem['code'];
			const range = this.range();
			const id = this.string() as Message['id'];
			const args = this.uint();
			const message: Message =
				args === 0 ? { id } : { id, args: args === 1 ? undefined : (this.value() as Record<string, string | number>) };
			problems.push({ code, range, message });
		}
		return { frontMatter, headings, blockIds, links, topicSections, summarySection, problems, lineCount };
	}

	private span(): LineSpan {
		return { startLine: this.uint(), endLine: this.uint() };
	}

	private range(): Range {
		const line = this.uint();
		const character = this.uint();
		const endLine = line + this.uint();
		return { start: { line, character }, end: { line: endLine, character: this.uint() } };
	}

	private value(): unknown {
		const tag = this.uint();
		switch (tag) {
			case VALUE_UNDEFINED:
				return undefined;
			case VALUE_NULL:
				return null;
			case VALUE_FALSE:
				return false;
			case VALUE_TRUE:
				return true;
			case VALUE_UINT:
				return this.uint();
			case VALUE_FLOAT:
				return this.float();
			case VALUE_STRING:
				return this.string();
			case VALUE_ARRAY: {
				const items: unknown[] = [];
				for (let count = this.uint(); count > 0; count--) items.push(this.value());
				return items;
			}
			case VALUE_OBJECT: {
				const object: Record<string, unknown> = {};
				for (let count = this.uint(); count > 0; count--) {
					const key = this.string();
					const value = this.value();
					// `__proto__` is an own property of YAML data, not the object's prototype.
					if (key === '__proto__')
						Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
					else object[key] = value;
				}
				return object;
			}
			default:
				throw new RangeError('bad value tag');
		}
	}
}
