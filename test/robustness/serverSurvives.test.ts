// The server survives: malformed requests are answered without killing it, and a server killed
// in the middle of indexing is replaced by a new one that reaches the same diagnostics (what
// VS Code's client does when the process dies: it restarts it, and the index is rebuilt on start).
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { runCli } from '../support/runCli';
import { renderRange } from '../support/vaultFixture';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

describe('malformed requests', () => {
	const ROOT = '/vault';
	const memory = new MemoryFileSystem({ [`${ROOT}/a.md`]: '# A\n[[b]] [[nowhere]]\n', [`${ROOT}/b.md`]: '# B\n' });
	let harness: LspHarness;
	const aUri = () => harness.uri(`${ROOT}/a.md`);

	beforeAll(async () => {
		harness = await LspHarness.start({ fs: memory, roots: [ROOT] });
		await harness.progressEnded;
	});
	afterAll(() => harness.dispose());

	const malformed: [string, string, unknown][] = [
		['hover with position null', 'textDocument/hover', { textDocument: { uri: 'file:///vault/a.md' }, position: null }],
		['hover without a text document', 'textDocument/hover', { position: { line: 0, character: 0 } }],
		['definition with a string position', 'textDocument/definition', { textDocument: { uri: 1 }, position: 'x' }],
		[
			'completion with negative positions',
			'textDocument/completion',
			{ textDocument: { uri: 'file:///vault/a.md' }, position: { line: -5, character: -1 } },
		],
		[
			'references far past the end',
			'textDocument/references',
			{ textDocument: { uri: 'file:///vault/a.md' }, position: { line: 1e9, character: 1e9 }, context: null },
		],
		['rename with no params', 'textDocument/rename', null],
		[
			'document symbols of a non-file URI',
			'textDocument/documentSymbol',
			{ textDocument: { uri: 'untitled:Untitled-1' } },
		],
		['a custom request with garbage', 'vaultNotes/timeline', { vault: 42, path: { nested: [] } }],
	];

	test.each(malformed)('%s is answered, and the next request works', async (_name, method, params) => {
		// An answer of any kind (a result or a JSON-RPC error) is fine; a dead server answers neither.
		const answer = await harness.connection.sendRequest(method, params).then(
			(result) => ({ result }),
			(error: Error) => ({ error: error.message }),
		);
		expect(answer).toBeDefined();
		const hover = await harness.connection.sendRequest('textDocument/hover', {
			textDocument: { uri: aUri() },
			position: { line: 1, character: 3 },
		});
		expect(JSON.stringify(hover)).toContain('b.md');
	});

	test('an unknown method gets MethodNotFound and the server keeps publishing', async () => {
		await expect(harness.connection.sendRequest('vaultNotes/noSuchThing', {})).rejects.toThrow();
		await harness.open(`${ROOT}/a.md`, '[[b]] [[still-missing]] [[also-missing]]');
		await harness.waitFor(() => harness.codesOf(`${ROOT}/a.md`).length === 2);
	});
});

describe('a server killed mid-indexing', () => {
	let vault: string;

	beforeAll(() => {
		vault = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-killed-'));
		for (let index = 0; index < 3000; index++) {
			const folder = path.join(vault, `f${index % 10}`);
			fs.mkdirSync(folder, { recursive: true });
			const links = [`[[n${(index * 7) % 3100}]]`, `[[n${(index + 1) % 3000}#H${index % 3}]]`, `[[n${index}#^b]]`];
			fs.writeFileSync(
				path.join(folder, `n${index}.md`),
				`---\ntitle: "[[n${index % 40}]]"\n---\n# H0\n${links.join(' ')}\n`,
			);
		}
	});
	afterAll(() => fs.rmSync(vault, { recursive: true, force: true }));

	test('a new server on the same vault reaches the same diagnostics as the CLI', async () => {
		if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
		const first = await LspHarness.spawn(SERVER, { roots: [vault], clientWatches: true });
		// The first batch of diagnostics means indexing has begun; SIGKILL leaves no time to clean up.
		await first.waitFor(() => first.diagnostics.size > 0, 60_000);
		const child = (first as unknown as { child: ChildProcess }).child;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
		first.connection.dispose();

		const second = await LspHarness.spawn(SERVER, { roots: [vault], clientWatches: true });
		try {
			await second.progressEnded;
			const published = [...second.diagnostics]
				.flatMap(([uri, list]) =>
					list.map(
						(d) =>
							`${decodeURIComponent(uri).slice(`file://${vault}/`.length)} ${String(d.code)} ${renderRange(d.range)}`,
					),
				)
				.sort();
			const run = await runCli(['check', vault, '--format', 'json']);
			const json = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; range: never }[] };
			const expected = json.diagnostics.map((d) => `${d.file} ${d.code} ${renderRange(d.range)}`).sort();
			expect(expected.length).toBeGreaterThan(0);
			expect(published).toEqual(expected);
		} finally {
			await second.dispose();
		}
	}, 120_000);
});
