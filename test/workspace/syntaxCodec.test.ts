// The index cache's encoding of NoteSyntax: what it decodes is exactly what the parser made
// (undefined properties and odd front-matter values included), on the example and sample
// vaults and on generated documents, and damaged bytes throw instead of decoding into notes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { NoteSyntax } from '../../server/src/core';
import { loadConfig, parseNote } from '../../server/src/core';
import { crc32InJavaScript } from '../../server/src/node/nodeIndexCache';
import { ShardWriter, decodeShard } from '../../server/src/node/syntaxCodec';
import { generateDocument, generateSoup } from '../support/markdownGenerator';

const EXAMPLE = path.resolve(__dirname, '../../examples/vault');
const SAMPLE = path.resolve(__dirname, '../../../shared/vaults/sample');

function roundTrip(syntaxes: readonly NoteSyntax[], shardSize = 64): NoteSyntax[] {
	const writer = new ShardWriter();
	const decoded: NoteSyntax[] = [];
	for (let start = 0; start < syntaxes.length; start += shardSize) {
		const shard = syntaxes.slice(start, start + shardSize);
		for (const syntax of shard) writer.write(syntax);
		decoded.push(...decodeShard(writer.finish(), shard.length));
	}
	return decoded;
}

function notesOf(root: string): [string, string][] {
	if (!fs.existsSync(root)) return [];
	const found: [string, string][] = [];
	const walk = (folder: string) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const absolute = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(absolute);
			else if (entry.name.endsWith('.md'))
				found.push([path.relative(root, absolute), fs.readFileSync(absolute, 'utf8')]);
		}
	};
	walk(root);
	return found;
}

/** A note whose front matter holds `data` (the rest of its syntax from a real parse). */
function withData(data: Record<string, unknown> | undefined): NoteSyntax {
	const syntax = parseNote('a.md', '---\ntitle: x\n---\n# H\n[[b#H|label]]\n', loadConfig(undefined));
	return { ...syntax, frontMatter: { ...syntax.frontMatter!, data } };
}

describe('the index cache encoding', () => {
	test.each([
		['the example vault', EXAMPLE, readConfig(EXAMPLE)],
		['the sample vault', SAMPLE, undefined],
	])('every note of %s decodes to what the parser made', (_name, root, configText) => {
		const config = loadConfig(configText);
		const syntaxes = notesOf(root).map(([id, text]) => parseNote(id, text, config));
		if (root === EXAMPLE) expect(syntaxes.length).toBeGreaterThan(10);
		expect(roundTrip(syntaxes)).toStrictEqual(syntaxes);
	});

	test('generated documents and token soup decode to what the parser made', () => {
		const config = loadConfig(undefined);
		const syntaxes = Array.from({ length: 300 }, (_, index) =>
			parseNote(`g${index}.md`, index % 2 ? generateDocument(index) : generateSoup(index), config),
		);
		expect(roundTrip(syntaxes, 50)).toStrictEqual(syntaxes);
	});

	test('schema problems with message arguments decode exactly', () => {
		const config = loadConfig(readConfig(EXAMPLE));
		const syntax = parseNote('01-博客/x.md', '---\ntitle: ""\n发布日期: 昨天\n原文链接: 12\n---\n', config);
		expect(syntax.problems.length).toBeGreaterThan(1);
		expect(roundTrip([syntax])).toStrictEqual([syntax]);
	});

	test.each([
		['numbers', { a: 0, b: 7, c: -1, d: 2.5, e: 2 ** 53, f: -(2 ** 60), g: 1e300 }],
		['numbers JSON cannot carry', { a: NaN, b: Infinity, c: -Infinity, d: -0 }],
		['strings', { '': '', é: 'ÿé', 中: '中文 😀', lone: '\ud800x', low: '\udc00', nul: '\0' }],
		['nesting', { a: [1, [2, [3, { b: [null, true, false, undefined] }]]], c: {} }],
		['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>],
		['no data', undefined],
	])('front-matter data: %s', (_name, data) => {
		const syntax = withData(data);
		const [decoded] = roundTrip([syntax]);
		expect(decoded).toStrictEqual(syntax);
		if (data) expect(Object.getOwnPropertyNames(decoded!.frontMatter!.data)).toEqual(Object.getOwnPropertyNames(data));
	});

	test('values the compact form cannot hold take v8 serialization, the note still exact', () => {
		const cyclic: Record<string, unknown> = { a: 1 };
		cyclic.self = cyclic;
		let deep: unknown = 'bottom';
		for (let level = 0; level < 100; level++) deep = [deep];
		const cases = [{ d: new Date(0) }, { m: new Map([[1, 2]]) }, { h: [1, , 3] }, { n: 10n }, cyclic, { deep }];
		const syntaxes = [withData({ plain: 1 }), ...cases.map((data) => withData(data)), withData({ plain: 2 })];
		const decoded = roundTrip(syntaxes);
		expect(decoded).toStrictEqual(syntaxes);
		const self = decoded[5]!.frontMatter!.data!;
		expect(self.self).toBe(self);
	});

	test('a damaged shard throws instead of decoding', () => {
		const config = loadConfig(undefined);
		const syntaxes = Array.from({ length: 20 }, (_, index) =>
			parseNote(`g${index}.md`, generateDocument(index), config),
		);
		const writer = new ShardWriter();
		for (const syntax of syntaxes) writer.write(syntax);
		const bytes = writer.finish();
		for (const length of [0, 1, bytes.length >> 1, bytes.length - 1]) {
			expect(() => decodeShard(bytes.subarray(0, length), syntaxes.length)).toThrow();
		}
		// More notes than the shard holds, or fewer: both are damage.
		expect(() => decodeShard(bytes, syntaxes.length + 1)).toThrow();
		expect(() => decodeShard(bytes, syntaxes.length - 1)).toThrow();
	});

	test('the JavaScript CRC-32 (Node before 20.15) equals zlib’s', () => {
		const bytes = Buffer.from(Array.from({ length: 5000 }, (_, index) => (index * 7919) % 251));
		expect(crc32InJavaScript(Buffer.from('123456789'))).toBe(0xcbf43926);
		if (typeof zlib.crc32 === 'function') {
			expect(crc32InJavaScript(bytes)).toBe(zlib.crc32(bytes));
			expect(crc32InJavaScript(new Uint8Array())).toBe(zlib.crc32(new Uint8Array()));
		}
	});
});

function readConfig(root: string): string | undefined {
	const file = path.join(root, '.vault-notes.json');
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
