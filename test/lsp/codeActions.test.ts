// Quick fixes over the protocol: the published diagnostic (with its data) comes back in the
// code action request; the fix creates the note from the folder's template.
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function start(files: Record<string, string>, workspaceCapabilities: Record<string, unknown>) {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(files).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots: [ROOT], workspaceCapabilities });
	await harness.progressEnded;
	return harness;
}

const FILES = {
	'journal/a.md': '[[今天]]\n',
	'.vault-notes/templates/journal.md': '# {{title}}\n',
};

async function actionsFor(server: LspHarness, path: string): Promise<CodeAction[]> {
	const uri = server.uri(`${ROOT}/${path}`);
	await server.waitFor(() => server.codesOf(`${ROOT}/${path}`).length > 0);
	const diagnostics = server.diagnostics.get(uri)!;
	return server.connection.sendRequest('textDocument/codeAction', {
		textDocument: { uri },
		range: diagnostics[0]!.range,
		context: { diagnostics },
	});
}

describe('code actions', () => {
	test('create the missing note next to the linking note, from the folder template', async () => {
		const server = await start(FILES, { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } });
		const [create] = await actionsFor(server, 'journal/a.md');
		expect(create?.title).toBe("Create note 'journal/今天.md'");
		expect(create?.kind).toBe('quickfix');
		expect(create?.isPreferred).toBe(true);
		const [file, fill] = create!.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
		expect(decodeURIComponent(file.uri)).toBe(`file://${ROOT}/journal/今天.md`);
		expect(file.options).toEqual({ overwrite: false, ignoreIfExists: false });
		expect(fill.edits).toEqual([
			{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# 今天\n' },
		]);
	});

	test('a client that cannot create files gets no create fix', async () => {
		const server = await start({ ...FILES, 'journal/今日.md': '' }, {});
		const actions = await actionsFor(server, 'journal/a.md');
		expect(actions.map((action) => action.title)).toEqual(["Change to '今日'"]);
		expect(actions[0]!.edit!.changes).toBeDefined();
	});
});
