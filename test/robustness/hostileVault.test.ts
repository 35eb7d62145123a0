// The hostile vault of scripts/hostileVault.mjs, built in a temporary folder: the CLI (in-process
// and as a child process) and the bundled server must get through it with diagnostics, no stack
// trace, and a server that still answers afterwards, even once the workspace folder is deleted.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { FaultyFileSystem } from '../support/faultyFileSystem';
import { LspHarness } from '../support/lspHarness';
import { runCli } from '../support/runCli';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
const SERVER = path.join(REPO, 'dist/server.js');
let vault: string;

beforeAll(() => {
	vault = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-hostile-'));
	const built = spawnSync(process.execPath, [path.join(REPO, 'scripts/hostileVault.mjs'), vault], { encoding: 'utf8' });
	expect(built.stderr).toBe('');
	expect(built.status).toBe(0);
});

afterAll(() => {
	fs.rmSync(vault, { recursive: true, force: true });
});

/** `file code` for every diagnostic except the 100,000 broken links of many-links.md. */
function summarize(diagnostics: readonly { file: string; code: string }[]): string[] {
	const lines = diagnostics.filter((d) => d.file !== 'many-links.md').map((d) => `${d.file} ${d.code}`);
	return [...lines, `many-links.md broken-link × ${diagnostics.filter((d) => d.file === 'many-links.md').length}`];
}

const EXPECTED = [
	'binary.md file-skipped',
	'bom-crlf.md broken-link',
	'huge.md file-skipped',
	// [[missing-on-purpose]], and [[vanishing]] once that note is deleted between scan and read.
	'index.md broken-link',
	'index.md broken-link',
	'invalid-utf8.md file-skipped',
	'no-permission.md file-skipped',
	'unterminated.md yaml-syntax',
	'yaml-bomb.md yaml-syntax',
	'many-links.md broken-link × 100000',
];

describe('the hostile vault', () => {
	test('vault-notes check in-process: diagnostics for every bad input, nothing read outside the vault', async () => {
		const faulty = new FaultyFileSystem(nodeFileSystem, (file) => fs.rmSync(file, { force: true }));
		faulty.failReads.set(path.join(vault, 'no-permission.md'), 'EACCES');
		faulty.vanishBeforeRead.add(path.join(vault, 'vanishing.md'));
		const run = await runCli(['check', vault, '--format', 'json'], { fs: faulty });
		expect(run.stderr).toBe('');
		expect(run.code).toBe(1);
		const json = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
		expect(summarize(json.diagnostics)).toEqual(EXPECTED);
		// The note that vanished is a broken link now; the one that cannot be read still resolves.
		const fromIndex = json.diagnostics.filter((d) => d.file === 'index.md').map((d) => d.message);
		expect(fromIndex.some((message) => message.includes("'vanishing'"))).toBe(true);
		expect(fromIndex.some((message) => message.includes("'no-permission'"))).toBe(false);
		const outside = faulty.calls.filter((call) => /^(readFile|readDirectory) /.test(call) && !call.includes(vault));
		expect(outside).toEqual([]);
		const yamlBomb = json.diagnostics.find((d) => d.file === 'yaml-bomb.md')!;
		expect(yamlBomb.message).toMatch(/alias/i);
	}, 120_000);

	test('node dist/cli.js check: exit status 1 with diagnostics, no stack trace on stderr', () => {
		if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
		fs.writeFileSync(path.join(vault, 'vanishing.md'), '# Back\n');
		const run = spawnSync(process.execPath, [CLI, 'check', vault], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/yaml-bomb\.md:\d+:\d+ {2}error .* {2}yaml-syntax/);
		expect(run.stdout).toMatch(/huge\.md:1:1 {2}info .* {2}file-skipped/);
		expect(run.stdout).not.toMatch(/outside-|ping\.md|pong\.md|dangling\.md/);
	}, 120_000);

	test('dist/server.js publishes diagnostics, stays up, and survives the folder being deleted', async () => {
		if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
		const harness = await LspHarness.spawn(SERVER, { roots: [vault], clientWatches: true });
		try {
			await harness.progressEnded;
			expect(harness.codesOf(path.join(vault, 'binary.md'))).toEqual(['file-skipped']);
			expect(harness.codesOf(path.join(vault, 'huge.md'))).toEqual(['file-skipped']);
			expect(harness.codesOf(path.join(vault, 'yaml-bomb.md'))).toEqual(['yaml-syntax']);
			expect(harness.codesOf(path.join(vault, 'many-links.md'))).toHaveLength(100_000);
			const outside = [...harness.diagnostics.keys()].filter((uri) => /outside-|ping|pong|dangling/.test(uri));
			expect(outside).toEqual([]);
			const hover = await harness.connection.sendRequest('textDocument/hover', {
				textDocument: { uri: harness.uri(path.join(vault, 'index.md')) },
				position: { line: 2, character: 4 },
			});
			expect(hover).not.toBeUndefined();

			fs.rmSync(vault, { recursive: true, force: true });
			await harness.filesChanged([
				{ path: vault, type: 3 },
				{ path: path.join(vault, 'index.md'), type: 3 },
				{ path: path.join(vault, '.vault-notes.json'), type: 3 },
			]);
			await harness.waitFor(() => harness.codesOf(path.join(vault, 'index.md')).length === 0);
			const status = await harness.connection.sendRequest<{ vaults: { notes: number }[] }>('vaultNotes/status', {});
			expect(status.vaults).toHaveLength(1);
		} finally {
			await harness.dispose();
		}
	}, 120_000);
});
