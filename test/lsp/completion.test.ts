// textDocument/completion over the protocol: capabilities, topics first inside a topics section,
// the edit that takes in an auto-closed `]]`, the link-style setting, and front matter.
import type { CompletionList } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { featureCapabilities } from '../../server/src/lsp/handlers';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function start(files: Record<string, string>, settings?: Record<string, unknown>): Promise<LspHarness> {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(files).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots: [ROOT], ...(settings ? { settings } : {}) });
	await harness.progressEnded;
	return harness;
}

async function completeIn(server: LspHarness, id: string, text: string, line: number, character: number) {
	await server.open(`${ROOT}/${id}`, text);
	const list = (await server.connection.sendRequest('textDocument/completion', {
		textDocument: { uri: server.uri(`${ROOT}/${id}`) },
		position: { line, character },
	})) as CompletionList | null;
	return list;
}

const VAULT = {
	'00-元语/AI.md': '# AI',
	'00-元语/数据库.md': '# 数据库',
	'01-博客/作者/AI 简史.md': '---\ntitle: AI 简史\n---\n',
	'02-资源/工具.md': '## 关联主题\n- [[00-元语/AI]]\n',
};

describe('completion', () => {
	test('is advertised statically, triggered by [ # ^ :', () => {
		expect(featureCapabilities().completionProvider).toEqual({
			triggerCharacters: ['[', '#', '^', ':'],
			resolveProvider: false,
		});
	});

	test('answers nothing outside links and front matter', async () => {
		const server = await start({ 'a.md': '' });
		const list = await completeIn(server, 'a.md', 'x', 0, 1);
		expect(list?.items ?? []).toEqual([]);
	});

	test('after [[ in a 关联主题 section: topic notes first, the edit runs through the auto-closed ]]', async () => {
		const server = await start(VAULT);
		const text = '# 新文\n## 关联主题\n- [[]]\n';
		const list = await completeIn(server, '01-博客/新文.md', text, 2, 4);
		expect(list?.isIncomplete).toBe(false);
		const rendered = list!.items.map((item) => {
			const edit = item.textEdit as {
				range: { start: { character: number }; end: { character: number } };
				newText: string;
			};
			return `${item.sortText} ${item.label} ${item.labelDetails?.description} ${edit.range.start.character}-${edit.range.end.character} ${edit.newText}`;
		});
		expect(rendered).toEqual([
			'00000 AI 00-元语 4-6 00-元语/AI]]',
			'00001 数据库 00-元语 4-6 00-元语/数据库]]',
			'00002 工具 02-资源 4-6 02-资源/工具]]',
			'00003 AI 简史 01-博客/作者 4-6 01-博客/作者/AI 简史]]',
		]);
		expect(list!.items[0]!.kind).toBe(17);
	});

	test('the links.style setting decides how the link is written', async () => {
		const server = await start(VAULT, { links: { style: 'shortest' } });
		const list = await completeIn(server, '01-博客/新文.md', '[[AI简', 0, 5);
		expect(list!.items.map((item) => (item.textEdit as { newText: string }).newText)).toEqual(['AI 简史]]']);
	});

	test('front-matter keys with their schema description as Markdown documentation', async () => {
		const config = JSON.stringify({
			frontMatter: [
				{ files: '**/*.md', schema: { properties: { 状态: { enum: ['草稿'], description: '写作进度' } } } },
			],
		});
		const server = await start({ '.vault-notes.json': config, 'a.md': '' });
		const keys = await completeIn(server, 'a.md', '---\n\n---\n', 1, 0);
		expect(keys!.items.map((item) => [item.label, item.documentation])).toEqual([
			['状态', { kind: 'markdown', value: '写作进度' }],
		]);
		const values = await completeIn(server, 'a.md', '---\n状态:\n---\n', 1, 3);
		expect(values!.items.map((item) => (item.textEdit as { newText: string }).newText)).toEqual([' 草稿']);
		// The empty value is reported; wait for it, so that nothing is sent after the test ends.
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).includes('invalid-value'));
	});
});
