// Parsing in worker threads must give the index exactly what parsing on the main thread gives.
// Unit: what crosses a thread (the index cache's codec, through a structured clone). Built
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
import type { ReadChange } from '../../server/src/node/parseTransport';
import { decodeBatch, encodeBatch } from '../../server/src/node/parseTransport';
import { createWorkerNoteReader } from '../../server/src/node/workerNoteReader';
import { loadVault, readConfigFile } from '../../server/src/workspace/loadVault';
import { generateDocument, generateSoup } from '../support/markdownGenerator';

const WORKER = path.resolve(__dirname, '../../dist/parseWorker.js');
const EXAMPLE = path.resolve(__dirname, '../../examples/vault');
const SAMPLE = path.resolve(__dirname, '../../../shared/vaults/sample');
const config = loadConfig(undefined);

function crossed(change: ReadChange, loaded: LoadedConfig = config): Change {
	const sent = encodeBatch([change], (id, text) => parseNote(id, text, loaded));
	// Through a real structured clone, as postMessage sends it.
	return decodeBatch(structuredClone(sent))[0]!;
}

describe('what crosses a thread', () => {
	test('front matter values JSON could not carry cross exactly', () => {
		const text = '---\ntitle: x\nscore: .inf\nlow: -.inf\nnan: .nan\nzero: -0\nbig: 9007199254740993\n---\n[[b]]\n';
		const sent = crossed({ kind: 'note', id: 'a.md', text });
		expect(sent.kind).toBe('parsed');
		const data = (sent as { syntax: NoteSyntax }).syntax.frontMatter!.data!;
		expect(Object.is(data.zero, -0)).toBe(true);
		expect(data).toEqual({ title: 'x', score: Infinity, low: -Infinity, nan: NaN, zero: -0, big: 9007199254740992 });
		expect((sent as { syntax: NoteSyntax }).syntax).toStrictEqual(parseNote('a.md', text, config));
	});

	test('front-matter data shaped like a range crosses as data', () => {
		const text =
			'---\nwhere:\n  start: { line: 1, character: 2 }\n  end: { line: 3, character: 4 }\n---\n# H\n[[a#H]] ^b\n';
		const sent = crossed({ kind: 'note', id: 'r.md', text });
		const syntax = (sent as { syntax: NoteSyntax }).syntax;
		expect(syntax).toStrictEqual(parseNote('r.md', text, config));
		expect(syntax.frontMatter!.data).toEqual({
			where: { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } },
		});
		expect(syntax.links[0]!.range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 7 } });
	});

	test('skipped and deleted notes cross unchanged, in order among parsed ones', () => {
		const skipped: ReadChange = {
			kind: 'skipped',
			id: 'b.md',
			problem: {
				code: 'file-skipped',
				range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
				message: { id: 'fileTooLarge', args: { size: 9, limit: 1 } },
			},
		};
		const batch: ReadChange[] = [
			{ kind: 'note', id: 'a.md', text: '# A\n[[b]]\n' },
			skipped,
			{ kind: 'deleted', id: 'c.md' },
			{ kind: 'note', id: 'd.md', text: '[[a#A]]\n' },
		];
		const received = decodeBatch(structuredClone(encodeBatch(batch, (id, text) => parseNote(id, text, config))));
		expect(received.map((change) => `${change.kind} ${change.id}`)).toEqual([
			'parsed a.md',
			'skipped b.md',
			'deleted c.md',
			'parsed d.md',
		]);
		expect(received[1]).toEqual(skipped);
		expect((received[3] as { syntax: NoteSyntax }).syntax).toStrictEqual(parseNote('d.md', '[[a#A]]\n', config));
	});

	test('generated documents and token soup: the syntax that crosses equals the one parsed here', () => {
		for (let index = 0; index < 300; index++) {
			for (const text of [generateDocument(index), generateSoup(index)]) {
				const sent = crossed({ kind: 'note', id: `n${index}.md`, text });
				expect(sent.kind).toBe('parsed');
				expect((sent as { syntax: NoteSyntax }).syntax).toStrictEqual(parseNote(`n${index}.md`, text, config));
			}
		}
	});
});

async function load(root: string, withWorkers: boolean, script = WORKER): Promise<VaultIndex> {
	const configFile = await readConfigFile(nodeFileSystem, root);
	const vault = new VaultIndex(configFile.loaded);
	const reader = withWorkers ? createWorkerNoteReader(configFile.loaded, { workers: 2, script }) : undefined;
	if (withWorkers && !reader) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does)`);
	let read = 0;
	const counted = reader && {
		read: (note: Parameters<typeof reader.read>[0]) => (read++, reader.read(note)),
		dispose: () => reader.dispose(),
	};
	// Every vault here is small: the reader is used however few notes there are.
	await loadVault(nodeFileSystem, root, vault, { reader: counted, readerMinNotes: 0 }).finally(() => reader?.dispose());
	if (withWorkers) expect(read).toBe(vault.noteIds().length);
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

	test('hostile notes: skipped, binary, not UTF-8, odd front-matter numbers, generated documents', async () => {
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
