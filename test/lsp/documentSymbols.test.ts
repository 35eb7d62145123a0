// Document symbols leave headings to VS Code's own Markdown outline, and list them for other clients.
import { afterEach, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

let harness: LspHarness | undefined;
afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function symbolNames(clientName: string | undefined): Promise<string[]> {
	const fs = new MemoryFileSystem({ '/v/a.md': '---\ntitle: 甲\n---\n# 一\n## 二\n' });
	harness = await LspHarness.start({ fs, roots: ['/v'], clientName });
	await harness.progressEnded;
	const symbols = (await harness.connection.sendRequest('textDocument/documentSymbol', {
		textDocument: { uri: harness.uri('/v/a.md') },
	})) as DocumentSymbol[];
	const names: string[] = [];
	const visit = (list: DocumentSymbol[]) =>
		list.forEach((symbol) => (names.push(symbol.name), visit(symbol.children ?? [])));
	visit(symbols);
	return names;
}

describe('document symbols per client', () => {
	test('VS Code gets the front matter only', async () =>
		expect((await symbolNames('Visual Studio Code')).some((name) => name.includes('二'))).toBe(false));
	test('Neovim gets the headings too', async () =>
		expect((await symbolNames('Neovim')).some((name) => name.includes('二'))).toBe(true));
});
