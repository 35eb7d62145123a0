// The CLI and the language server report the same diagnostics for the same vault: same files,
// codes, ranges, severities and messages.
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { URI } from 'vscode-uri';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { LspHarness } from '../support/lspHarness';
import { runCli } from '../support/runCli';

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
const harnesses: LspHarness[] = [];
afterAll(async () => {
	for (const harness of harnesses) await harness.dispose();
});

async function viaCli(root: string): Promise<string[]> {
	const run = await runCli(['check', root, '--format', 'json']);
	const output = JSON.parse(run.stdout) as {
		diagnostics: { file: string; range: unknown; severity: string; code: string; message: string }[];
	};
	return output.diagnostics
		.map((d) => `${d.file} ${JSON.stringify(d.range)} ${d.severity} ${d.code} ${d.message}`)
		.sort();
}

async function viaServer(root: string): Promise<string[]> {
	const harness = await LspHarness.start({ fs: nodeFileSystem, roots: [root], clientWatches: true });
	harnesses.push(harness);
	await harness.progressEnded;
	const lines: string[] = [];
	for (const [uri, diagnostics] of harness.diagnostics) {
		const file = path.relative(root, URI.parse(uri).fsPath).split(path.sep).join('/');
		for (const d of diagnostics) {
			lines.push(`${file} ${JSON.stringify(d.range)} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.code} ${d.message}`);
		}
	}
	return lines.sort();
}

const SAMPLE = path.resolve(__dirname, '../../../shared/vaults/sample');

describe('CLI and server parity', () => {
	for (const [name, root] of [
		['example vault', path.resolve(__dirname, '../../examples/vault')],
		['sample vault', SAMPLE],
	] as const) {
		test(name, async () => {
			if (name === 'sample vault' && !(await nodeFileSystem.stat(root).catch(() => undefined))) {
				console.warn(`${SAMPLE} is absent: parity checked on the example vault only`);
				return;
			}
			const cli = await viaCli(root);
			expect(cli.length).toBeGreaterThan(0);
			expect(await viaServer(root)).toEqual(cli);
		});
	}
});
