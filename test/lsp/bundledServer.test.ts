// The bundled dist/server.js, spawned over stdio on a copy of the example vault: catches
// bundling mistakes (a missing module, an ESM/CJS mix-up) that in-process tests cannot see.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspHarness } from '../support/lspHarness';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const EXAMPLE = path.resolve(__dirname, '../../examples/vault');
let vault: string;
let harness: LspHarness | undefined;

beforeAll(() => {
	vault = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-bundled-'));
	fs.cpSync(EXAMPLE, vault, { recursive: true });
});

afterAll(async () => {
	await harness?.dispose();
	fs.rmSync(vault, { recursive: true, force: true });
});

describe('dist/server.js over stdio', () => {
	test('indexes the example vault and publishes its problems', async () => {
		if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first (npm test does)`);
		harness = await LspHarness.spawn(SERVER, { roots: [vault], clientWatches: true });
		await harness.progressEnded;
		const codes = new Set([...harness.diagnostics.values()].flatMap((list) => list.map((d) => String(d.code))));
		expect(codes.has('broken-link')).toBe(true);
		expect(codes.has('yaml-syntax')).toBe(true);
		expect(harness.codesOf(path.join(vault, '01-博客/示例错误/断开的链接.md'))).toEqual(['broken-link', 'broken-link']);
	});
});
