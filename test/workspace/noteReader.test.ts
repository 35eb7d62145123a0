// Parsing in worker threads must give the index exactly what parsing on the main thread gives.
// Unit: what crosses a thread as JSON (front matter JSON cannot carry goes as text). Built
// worker (dist/parseWorker.js): the index of a vault loaded through workers equals the index
// loaded without, on fixtures, on the sample vault, on generated documents; a worker that dies
// loses no note.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Change, LoadedConfig, NoteSyntax } from '../../server/src/core';
import { VaultIndex, computeDiagnostics, loadConfig, parseNote } from '../../server/src/core';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { createWorkerNoteReader } from '../../server/src/node/workerNoteReader';
import { loadVault, readConfigFile } from '../../server/src/workspace/loadVault';
import {
	decodeChanges,
	encodeChanges,
	jsonCarriesExactly,
	toTransportable,
} from '../../server/src/workspace/noteReader';
import { generateDocument, generateSoup } from '../support/markdownGenerator';

const WORKER = path.resolve(__dirname, '../../dist/parseWorker.js');
const EXAMPLE = path.resolve(__dirname, '../../examples/vault');
const SAMPLE = path.resolve(__dirname, '../../../shared/vaults/sample');
const config = loadConfig(undefined);

function crossed(change: Change, loaded: LoadedConfig = config): Change {
	const sent = toTransportable(change, (id, text) => parseNote(id, text, loaded));
	return decodeChanges(encodeChanges([sent]))[0]!;
}

describe('what crosses a thread', () => {
	test.each([
		['plain values', { a: 'x', b: 1, c: true, d: null, e: [1, 'y', { f: 2.5 }] }, true],
		['infinity', { a: Infinity }, false],
		['NaN deep inside', { a: [{ b: NaN }] }, false],
		['negative zero', { a: -0 }, false],
		['a __proto__ key', JSON.parse('{"__proto__": 1}') as unknown, false],
		['a Date', { a: new Date(0) }, false],
		['a hole in an array', { a: [1, undefined] }, false],
	])('%s', (_name, data, exact) => {
		expect(jsonCarriesExactly(data)).toBe(exact);
	});

	test('a note whose front matter JSON cannot carry crosses as text', () => {
		const change: Change = { kind: 'note', id: 'a.md', text: '---\ntitle: x\nscore: .inf\nzero: -0\n---\n[[b]]\n' };
		const sent = crossed(change);
		expect(sent).toEqual(change);
		expect(parseNote('a.md', (change as { text: string }).text, config).frontMatter?.data).toEqual({
			title: 'x',
			score: Infinity,
			zero: -0,
		});
	});

	test('front-matter data shaped like a range crosses as data', () => {
		const text =
			'---\nwhere:\n  start: { line: 1, character: 2 }\n  end: { line: 3, character: 4 }\n---\n# H\n[[a#H]] ^b\n';
		const sent = crossed({ kind: 'note', id: 'r.md', text });
		expect(sent.kind).toBe('parsed');
		const syntax = (sent as { syntax: NoteSyntax }).syntax;
		expect(syntax).toEqual(parseNote('r.md', text, config));
		expect(syntax.frontMatter!.data).toEqual({
			where: { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } },
		});
		expect(syntax.links[0]!.range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 7 } });
	});

	test('skipped and deleted notes cross unchanged', () => {
		const skipped: Change = {
			kind: 'skipped',
			id: 'b.md',
			problem: {
				code: 'file-skipped',
				range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
				message: { id: 'fileTooLarge', args: { size: 9, limit: 1 } },
			},
		};
		expect(crossed(skipped)).toEqual(skipped);
		expect(crossed({ kind: 'deleted', id: 'c.md' })).toEqual({ kind: 'deleted', id: 'c.md' });
	});

	test('generated documents and token soup: the syntax that crosses equals the one parsed here', () => {
		for (let index = 0; index < 300; index++) {
			for (const text of [generateDocument(index), generateSoup(index)]) {
				const sent = crossed({ kind: 'note', id: `n${index}.md`, text });
				expect(sent.kind).toBe('parsed');
				expect((sent as { syntax: NoteSyntax }).syntax).toEqual(parseNote(`n${index}.md`, text, config));
			}
		}
	});
});

async function load(root: string, withWorkers: boolean, script = WORKER): Promise<VaultIndex> {
	const configFile = await readConfigFile(nodeFileSystem, root);
	const vault = new VaultIndex(configFile.loaded);
	const reader = withWorkers ? createWorkerNoteReader(configFile.loaded, { workers: 2, script }) : undefined;
	if (withWorkers && !reader) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does)`);
	await loadVault(nodeFileSystem, root, vault, { reader }).finally(() => reader?.dispose());
	return vault;
}

function expectSameIndex(a: VaultIndex, b: VaultIndex): void {
	expect(a.dump()).toBe(b.dump());
	for (const id of a.noteIds()) {
		expect(a.note(id)!.syntax, id).toEqual(b.note(id)!.syntax);
		expect(computeDiagnostics(a, id), id).toEqual(computeDiagnostics(b, id));
	}
}

describe('loading through worker threads (dist/parseWorker.js)', () => {
	let scratch: string;

	beforeAll(() => {
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-workers-'));
	});

	afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

	test('the example vault: same index and diagnostics as without workers', async () => {
		expectSameIndex(await load(EXAMPLE, true), await load(EXAMPLE, false));
	});

	test('the sample vault: same index and diagnostics as without workers', async () => {
		if (!fs.existsSync(SAMPLE)) {
			console.warn(`${SAMPLE} is absent: workers checked on the example vault and generated notes only`);
			return;
		}
		const vault = await load(SAMPLE, true);
		expect(vault.noteIds().length).toBeGreaterThan(500);
		expectSameIndex(vault, await load(SAMPLE, false));
	});

	test('hostile notes: skipped, binary, not UTF-8, front matter JSON cannot carry, generated documents', async () => {
		const root = path.join(scratch, 'hostile');
		fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
		fs.writeFileSync(path.join(root, '.vault-notes.json'), JSON.stringify({ maxFileSize: 4096 }));
		fs.writeFileSync(path.join(root, 'big.md'), 'x'.repeat(5000));
		fs.writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x41, 0, 0x42]));
		fs.writeFileSync(path.join(root, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
		fs.writeFileSync(path.join(root, 'inf.md'), '---\nscore: .inf\nnan: .nan\n---\n[[sub/g1]]\n');
		fs.writeFileSync(path.join(root, 'bad-yaml.md'), '---\na: [\n---\n[[nowhere]]\n');
		for (let index = 0; index < 150; index++)
			fs.writeFileSync(path.join(root, 'sub', `g${index}.md`), generateDocument(index).slice(0, 4000));
		const viaWorkers = await load(root, true);
		expect(viaWorkers.note('inf.md')!.syntax!.frontMatter!.data).toEqual({ score: Infinity, nan: NaN });
		expectSameIndex(viaWorkers, await load(root, false));
	});

	test('a worker that dies loses no note: its notes are read on the main thread', async () => {
		const dying = path.join(scratch, 'dying-worker.js');
		fs.writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
		expectSameIndex(await load(EXAMPLE, true, dying), await load(EXAMPLE, false));
	});

	test('no worker script (running from sources): no reader, the caller reads itself', () => {
		expect(createWorkerNoteReader(config, { script: path.join(scratch, 'absent.js') })).toBeUndefined();
		expect(createWorkerNoteReader(config, { workers: 0, script: WORKER })).toBeUndefined();
	});
});
