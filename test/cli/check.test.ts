// `vault-notes check` (SPEC §8): output formats and exit statuses, on the example vaults.
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { runCli } from '../support/runCli';

const EXAMPLE = path.resolve(__dirname, '../../examples/vault');
const BROKEN_CONFIG = path.resolve(__dirname, '../../examples/broken-config');

interface JsonOutput {
	version: number;
	root: string;
	files: number;
	diagnostics: {
		file: string;
		range: { start: { line: number; character: number } };
		severity: string;
		code: string;
	}[];
}

describe('vault-notes check', () => {
	test('the example vault shows every diagnostic code but invalid-config, and exits 1', async () => {
		const run = await runCli(['check', EXAMPLE, '--format', 'json']);
		expect(run.code).toBe(1);
		const output = JSON.parse(run.stdout) as JsonOutput;
		expect(output.version).toBe(1);
		expect(output.root).toBe(EXAMPLE);
		const codes = [...new Set(output.diagnostics.map((diagnostic) => diagnostic.code))].sort();
		expect(codes).toEqual([
			'ambiguous-link',
			'broken-heading',
			'broken-link',
			'duplicate-key',
			'duplicate-topic',
			'file-skipped',
			'invalid-value',
			'missing-field',
			'missing-front-matter',
			'not-a-topic',
			'yaml-syntax',
		]);
		// Ignored drafts are neither counted nor checked.
		expect(output.diagnostics.some((diagnostic) => diagnostic.file.startsWith('草稿/'))).toBe(false);
	});

	test('json output is sorted by file (code points), line, character, code', async () => {
		const run = await runCli(['check', EXAMPLE, '--format', 'json']);
		const keys = (JSON.parse(run.stdout) as JsonOutput).diagnostics.map(
			(d) => [d.file, d.range.start.line, d.range.start.character, d.code] as const,
		);
		const sorted = [...keys].sort((a, b) =>
			a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0),
		);
		expect(keys).toEqual(sorted);
	});

	test('text output: path:line:col  severity  message  code, then a summary', async () => {
		const fs = new MemoryFileSystem({ '/v/a.md': '😀 [[无]]\n[[a#无]]' });
		const run = await runCli(['check', '/v'], { fs });
		expect(run.stdout).toBe(
			[
				"a.md:1:4  error  No note or file named '无'  broken-link",
				"a.md:2:1  warning  'a' has no heading '无'  broken-heading",
				'2 problems (1 errors, 1 warnings, 0 infos, 0 hints) in 1 notes',
				'',
			].join('\n'),
		);
		expect(run.code).toBe(1);
	});

	test('--max-warnings: warnings within the limit exit 0, beyond it exit 1', async () => {
		const fs = new MemoryFileSystem({ '/v/a.md': '# H\n[[a#无]] [[a#也无]]' });
		expect((await runCli(['check', '/v', '--max-warnings', '2'], { fs })).code).toBe(0);
		expect((await runCli(['check', '/v', '--max-warnings', '1'], { fs })).code).toBe(1);
		expect((await runCli(['check', '/v'], { fs })).code).toBe(0);
	});

	test('sarif output names rules by code and paths relative to the root', async () => {
		const fs = new MemoryFileSystem({ '/v/文件夹/a b.md': '[[无]]' });
		const run = await runCli(['check', '/v', '--format', 'sarif'], { fs });
		const sarif = JSON.parse(run.stdout);
		expect(sarif.version).toBe('2.1.0');
		const [result] = sarif.runs[0].results;
		expect(result.ruleId).toBe('broken-link');
		expect(result.locations[0].physicalLocation.artifactLocation).toEqual({
			uri: '%E6%96%87%E4%BB%B6%E5%A4%B9/a%20b.md',
			uriBaseId: 'VAULTROOT',
		});
		expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1, endColumn: 6 });
	});

	test('exit 2: bad usage, an unreadable root, an invalid config', async () => {
		expect((await runCli(['check', '--format', 'xml'])).code).toBe(2);
		expect((await runCli(['lint'])).code).toBe(2);
		expect((await runCli(['check', '/definitely/not/here'])).code).toBe(2);
		const broken = await runCli(['check', BROKEN_CONFIG]);
		expect(broken.code).toBe(2);
		expect(broken.stderr).toMatch(/\.vault-notes\.json:\d+:\d+ {2}error {2}.*invalid-config/);
		expect(broken.stdout).toBe('');
	});

	test('--config takes a config file from elsewhere', async () => {
		const fs = new MemoryFileSystem({
			'/v/a.md': '[[无]]',
			'/etc/vn.json': '{ "rules": { "broken-link": "warning" } }',
		});
		const run = await runCli(['check', '/v', '--config', '/etc/vn.json', '--format', 'json'], { fs });
		expect(run.code).toBe(0);
		expect((JSON.parse(run.stdout) as JsonOutput).diagnostics.map((d) => d.severity)).toEqual(['warning']);
	});

	test('a file that cannot be read is a file-skipped diagnostic, not an exit 2', async () => {
		const fs = new MemoryFileSystem({ '/v/ok.md': 'fine', '/v/bad.md': new Uint8Array([0xff, 0xfe, 0x41]) });
		const run = await runCli(['check', '/v', '--format', 'json'], { fs });
		expect(run.code).toBe(0);
		expect((JSON.parse(run.stdout) as JsonOutput).diagnostics.map((d) => `${d.file} ${d.code} ${d.severity}`)).toEqual([
			'bad.md file-skipped info',
		]);
	});
});
