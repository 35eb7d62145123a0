// Navigation over the protocol: definition, document links, references, hover, document and
// workspace symbols, each through a real stream pair and the in-memory file system.
import { afterEach, describe, expect, test } from 'vitest';
import type {
	DocumentLink,
	DocumentSymbol,
	Hover,
	Location,
	MarkupContent,
	SymbolInformation,
} from 'vscode-languageserver-protocol';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

const FILES: Record<string, string> = {
	'00-元语/AI.md': '---\ntitle: 人工智能\n作者: 甲\n---\n# 人工智能\n## 摘要\n一句话介绍。\n## 历史 🕰\n早期。 ^p1\n',
	'01-博客/a.md': '---\nrelated: "[[AI]]"\n---\n😀 [[AI#历史 🕰]] [[AI#^p1]] [[缺失的笔记]]\n',
	'01-博客/b.md': '[链接](../00-元语/AI.md) [[AI]]\n',
	'img/图.png': 'not really a png',
};

async function start(): Promise<LspHarness> {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(FILES).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots: [ROOT] });
	await harness.progressEnded;
	return harness;
}

/** `path line:col-line:col`, the URI shortened to the vault-relative path. */
function render(server: LspHarness, locations: readonly Location[] | null): string[] {
	const prefix = server.uri(ROOT) + '/';
	return (locations ?? []).map(
		(location) =>
			`${decodeURIComponent(location.uri.slice(prefix.length))} ${location.range.start.line}:${location.range.start.character}-${location.range.end.line}:${location.range.end.character}`,
	);
}

function at(server: LspHarness, id: string, line: number, character: number) {
	return { textDocument: { uri: server.uri(`${ROOT}/${id}`) }, position: { line, character } };
}

describe('navigation requests', () => {
	test('definition leads to the heading; nothing on a broken link', async () => {
		const server = await start();
		const found = await server.connection.sendRequest<Location[] | null>(
			'textDocument/definition',
			at(server, '01-博客/a.md', 3, 5),
		);
		expect(render(server, found)).toEqual(['00-元语/AI.md 7:0-7:8']);
		const broken = await server.connection.sendRequest<Location[] | null>(
			'textDocument/definition',
			at(server, '01-博客/a.md', 3, 32),
		);
		expect(broken).toEqual([]);
	});

	test('references list the backlinks, front matter included, sorted; includeDeclaration adds the note', async () => {
		const server = await start();
		const params = { ...at(server, '00-元语/AI.md', 6, 1), context: { includeDeclaration: true } };
		const found = await server.connection.sendRequest<Location[] | null>('textDocument/references', params);
		expect(render(server, found)).toEqual([
			'00-元语/AI.md 0:0-0:0',
			'01-博客/a.md 1:10-1:16',
			'01-博客/a.md 3:3-3:15',
			'01-博客/a.md 3:16-3:26',
			'01-博客/b.md 0:0-0:20',
			'01-博客/b.md 0:21-0:27',
		]);
	});

	test('document links carry the file URI, with #L<line>,<column> for a heading or block', async () => {
		const server = await start();
		const links = await server.connection.sendRequest<DocumentLink[] | null>('textDocument/documentLink', {
			textDocument: { uri: server.uri(`${ROOT}/01-博客/a.md`) },
		});
		const ai = server.uri(`${ROOT}/00-元语/AI.md`);
		expect((links ?? []).map((link) => link.target)).toEqual([ai, `${ai}#L8,1`, `${ai}#L9,1`]);
	});

	test('hover previews the target from the disk, and explains a broken link', async () => {
		const server = await start();
		const hover = await server.connection.sendRequest<Hover | null>(
			'textDocument/hover',
			at(server, '01-博客/b.md', 0, 25),
		);
		expect((hover?.contents as MarkupContent).value).toBe(
			'**人工智能**\n\n甲 · `00-元语/AI.md`\n\n---\n\n一句话介绍。',
		);
		const broken = await server.connection.sendRequest<Hover | null>(
			'textDocument/hover',
			at(server, '01-博客/a.md', 3, 30),
		);
		expect((broken?.contents as MarkupContent).value).toContain("No note or file named '缺失的笔记'");
		expect(broken?.range).toEqual({ start: { line: 3, character: 27 }, end: { line: 3, character: 36 } });
	});

	test('hover uses the open editor text of the target', async () => {
		const server = await start();
		await server.open(`${ROOT}/00-元语/AI.md`, '# 人工智能\n## 摘要\n编辑器里的新摘要。\n[[没有这篇]]\n');
		// Its new broken link is published once the edit is applied (and no publish is left pending at the end).
		await server.waitFor(() => server.codesOf(`${ROOT}/00-元语/AI.md`).includes('broken-link'));
		const hover = await server.connection.sendRequest<Hover | null>(
			'textDocument/hover',
			at(server, '01-博客/b.md', 0, 25),
		);
		expect((hover?.contents as MarkupContent).value).toContain('编辑器里的新摘要。');
	});

	test('document symbols: front matter keys, then headings', async () => {
		const server = await start();
		const symbols = await server.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', {
			textDocument: { uri: server.uri(`${ROOT}/00-元语/AI.md`) },
		});
		const names = (symbols ?? []).map(
			(symbol) => `${symbol.name}: ${(symbol.children ?? []).map((child) => child.name).join(', ')}`,
		);
		expect(names).toEqual(['Front matter: title, 作者', '# 人工智能: ## 摘要, ## 历史 🕰']);
		expect(symbols?.[0]?.children?.[0]?.detail).toBe('人工智能');
	});

	test('workspace symbols find notes by title, topics as namespaces', async () => {
		const server = await start();
		const symbols = await server.connection.sendRequest<SymbolInformation[] | null>('workspace/symbol', {
			query: '智能',
		});
		expect((symbols ?? []).map((symbol) => [symbol.name, symbol.kind, render(server, [symbol.location])[0]])).toEqual([
			['人工智能', 3, '00-元语/AI.md 0:0-0:0'],
		]);
	});
});
