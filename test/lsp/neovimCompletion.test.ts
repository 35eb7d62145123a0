// Completion in headless Neovim 0.7 (a client with static capabilities only) against the bundled
// server: right after `[[` of `[[笔记甲]]`, the notes of the vault, each edit running through `]]`.
// Like neovim.test.ts, it needs `nvim` and `npm run build`, and says what is missing otherwise
// (a failure when VAULT_NOTES_REQUIRE_NVIM=1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vault = path.join(repoRoot, 'test/fixtures/vaults/nvim');
const serverScript = process.env.VAULT_NOTES_SERVER ?? path.join(repoRoot, 'dist/server.js');
const xdgHome = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-nvim-completion-'));
afterAll(() => fs.rmSync(xdgHome, { recursive: true, force: true }));

interface CompletionItem {
	label: string;
	textEdit?: {
		range: { start: { line: number; character: number }; end: { line: number; character: number } };
		newText: string;
	};
}

test('neovim gets note completions after [[ with edits that take in the closing ]]', () => {
	const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
	if (nvim.error || nvim.status !== 0 || !fs.existsSync(serverScript)) {
		const message = 'neovim completion test did not run: needs `nvim` and `npm run build`';
		if (process.env.VAULT_NOTES_REQUIRE_NVIM === '1') throw new Error(message);
		console.warn(message);
		return;
	}
	const text = fs.readFileSync(path.join(vault, '首页.md'), 'utf8');
	const lines = text.slice(0, text.indexOf('笔记甲]]')).split('\n');
	const line = lines.length - 1;
	const character = lines[line]!.length;
	const child = spawnSync('nvim', ['--headless', '-u', path.join(repoRoot, 'test/lsp/nvim/init.lua')], {
		cwd: vault,
		encoding: 'utf8',
		timeout: 25_000,
		env: {
			...process.env,
			...Object.fromEntries(
				['CONFIG', 'DATA', 'STATE', 'CACHE'].map((kind) => [`XDG_${kind}_HOME`, path.join(xdgHome, kind)]),
			),
			VN_LSP_CMD: JSON.stringify([process.execPath, serverScript, '--stdio']),
			VN_ROOT: vault,
			VN_FILE: path.join(vault, '首页.md'),
			VN_LINE: String(line),
			VN_CHAR: String(character),
		},
	});
	const result = child.stdout.split('\n').find((candidate) => candidate.startsWith('RESULT '));
	expect(result, child.stderr).toBeDefined();
	const parsed = JSON.parse(result!.slice('RESULT '.length)) as {
		completion?: { items?: CompletionItem[] } | CompletionItem[];
	};
	const completion = parsed.completion;
	const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
	const rendered = items.map((item) => {
		const range = item.textEdit!.range;
		return `${item.label} ${range.start.character}-${range.end.character} ${item.textEdit!.newText}`;
	});
	const end = character + '笔记甲]]'.length;
	expect(rendered.sort()).toEqual([`笔记乙 ${character}-${end} 笔记乙]]`, `笔记甲 ${character}-${end} 笔记甲]]`]);
});
