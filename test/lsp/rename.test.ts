// Rename and file moves over the protocol: prepareRename, rename (RenameFile + link edits),
// willRenameFiles (always / prompt / never), no second rewrite when VS Code fires willRenameFiles
// for our own RenameFile, and the warning that names notes that could not be read.
import { afterEach, describe, expect, test } from 'vitest';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PendingRenames } from '../../server/src/lsp/handlers/pendingRenames';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
const CAN_RENAME = { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } };
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function start(
	files: Record<string, string | Uint8Array>,
	options: { settings?: Record<string, unknown>; workspaceCapabilities?: Record<string, unknown> } = {},
) {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(files).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots: [ROOT], workspaceCapabilities: CAN_RENAME, ...options });
	await harness.progressEnded;
	const messages: string[] = [];
	harness.connection.onNotification(
		'window/showMessage',
		(params: { message: string }) => void messages.push(params.message),
	);
	return { server: harness, messages, fs };
}

/** `a.md 0:2-0:4 → "x"` lines, then `rename a.md → b.md`, paths relative to the root. */
function render(edit: WorkspaceEdit | null): string {
	if (!edit) return 'null';
	const relative = (uri: string) => decodeURIComponent(uri).replace(`file://${ROOT}/`, '');
	const lines: string[] = [];
	for (const change of edit.documentChanges ?? []) {
		if ('kind' in change)
			lines.push(
				`${change.kind} ${relative(change.kind === 'rename' ? change.oldUri : change.uri)}${change.kind === 'rename' ? ` → ${relative(change.newUri)}` : ''}`,
			);
		else
			for (const textEdit of (change as TextDocumentEdit).edits as TextEdit[])
				lines.push(
					`${relative(change.textDocument.uri)} ${textEdit.range.start.line}:${textEdit.range.start.character}-${textEdit.range.end.line}:${textEdit.range.end.character} → ${JSON.stringify(textEdit.newText)}`,
				);
	}
	for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
		for (const textEdit of edits)
			lines.push(
				`${relative(uri)} ${textEdit.range.start.line}:${textEdit.range.start.character} → ${JSON.stringify(textEdit.newText)}`,
			);
	}
	return lines.join('\n');
}

const VAULT = {
	'00-元语/AI.md': '# AI\n',
	'a.md': 'See [[AI]] and [[00-元语/AI#AI]].\n',
	'b/c.md': '[AI](../00-元语/AI.md)\n',
};

describe('rename over the protocol', () => {
	test('prepareRename on a link gives the target range and its name', async () => {
		const { server } = await start(VAULT);
		const prepared = await server.connection.sendRequest('textDocument/prepareRename', {
			textDocument: { uri: server.uri(`${ROOT}/a.md`) },
			position: { line: 0, character: 7 },
		});
		expect(prepared).toEqual({
			range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } },
			placeholder: 'AI',
		});
	});

	test('rename rewrites the links and renames the file; the willRenameFiles that follows changes nothing', async () => {
		const { server } = await start(VAULT);
		const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: server.uri(`${ROOT}/a.md`) },
			position: { line: 0, character: 7 },
			newName: '人工智能',
		});
		expect(render(edit)).toBe(
			[
				'a.md 0:6-0:8 → "人工智能"',
				'a.md 0:17-0:25 → "00-元语/人工智能"',
				'b/c.md 0:1-0:3 → "人工智能"',
				'b/c.md 0:5-0:19 → "../00-元语/人工智能.md"',
				'rename 00-元语/AI.md → 00-元语/人工智能.md',
			].join('\n'),
		);
		const again = await server.connection.sendRequest<WorkspaceEdit | null>('workspace/willRenameFiles', {
			files: [{ oldUri: server.uri(`${ROOT}/00-元语/AI.md`), newUri: server.uri(`${ROOT}/00-元语/人工智能.md`) }],
		});
		expect(again).toBeNull();
	});

	test('a hub with more linking notes than one slice: every link once, a stale note named, not edited', async () => {
		const files: Record<string, string> = { 'hub.md': '# Hub\n', 'z/新.md': '', 'y.md': '[[新]] [x](z/新.md)\n' };
		for (let index = 0; index < 1200; index++) {
			const id = `n/${String(index).padStart(4, '0')}.md`;
			files[id] = index % 100 === 0 ? '[h](../hub.md) [[hub|Hub]]\n' : 'see [[hub]]\n';
		}
		const { server, messages, fs } = await start(files);
		// Changed on disk without an event: the index still has the old text.
		fs.write(`${ROOT}/n/0007.md`, 'rewritten, no link\n');
		const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: server.uri(`${ROOT}/n/0001.md`) },
			position: { line: 0, character: 7 },
			newName: '新',
		});
		const lines = render(edit).split('\n');
		// 12 notes with a Markdown link, a wikilink and its label; 1,187 with one link; y.md; the rename.
		expect(lines).toHaveLength(12 * 3 + 1187 + 1 + 1);
		expect(lines.slice(0, 3)).toEqual([
			'n/0000.md 0:4-0:13 → "../新.md"',
			'n/0000.md 0:17-0:20 → "新"',
			'n/0000.md 0:21-0:24 → "新"',
		]);
		expect(lines).toContain('n/0001.md 0:6-0:9 → "新"');
		expect(lines.some((line) => line.startsWith('n/0007.md'))).toBe(false);
		// A link a new name would catch is lengthened; the Markdown link names its file exactly.
		expect(lines).toContain('y.md 0:2-0:3 → "z/新"');
		expect(lines[lines.length - 1]).toBe('rename hub.md → 新.md');
		await expect
			.poll(() => messages)
			.toEqual(['These notes were not read and may still link to the old name: n/0007.md']);
	});

	test('a client that cannot rename files is told why', async () => {
		const { server } = await start(VAULT, { workspaceCapabilities: {} });
		const request = server.connection.sendRequest('textDocument/rename', {
			textDocument: { uri: server.uri(`${ROOT}/a.md`) },
			position: { line: 0, character: 7 },
			newName: 'x',
		});
		await expect(request).rejects.toThrow(/rename files/);
	});

	test('refusals are errors with a message', async () => {
		const { server } = await start({ ...VAULT, 'ML.md': '' });
		const request = server.connection.sendRequest('textDocument/rename', {
			textDocument: { uri: server.uri(`${ROOT}/a.md`) },
			position: { line: 0, character: 7 },
			newName: '../ML',
		});
		await expect(request).rejects.toThrow(/already exists/);
	});

	test('a heading rename edits the heading and the fragments', async () => {
		const { server } = await start(VAULT);
		const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: server.uri(`${ROOT}/00-元语/AI.md`) },
			position: { line: 0, character: 3 },
			newName: 'Artificial',
		});
		expect(render(edit)).toBe(['00-元语/AI.md 0:2-0:4 → "Artificial"', 'a.md 0:26-0:28 → "Artificial"'].join('\n'));
	});
});

describe('files moved in the explorer', () => {
	const move = (server: LspHarness, from: string, to: string) =>
		server.connection.sendRequest<WorkspaceEdit | null>('workspace/willRenameFiles', {
			files: [{ oldUri: server.uri(`${ROOT}/${from}`), newUri: server.uri(`${ROOT}/${to}`) }],
		});

	test('always: the link edits come back (a folder move too)', async () => {
		const { server } = await start(VAULT);
		expect(render(await move(server, '00-元语', '主题'))).toBe(
			['a.md 0:17-0:25 → "主题/AI"', 'b/c.md 0:5-0:19 → "../主题/AI.md"'].join('\n'),
		);
	});

	test('never: nothing', async () => {
		const { server } = await start(VAULT, { settings: { links: { updateOnMove: 'never' } } });
		expect(await move(server, '00-元语/AI.md', '00-元语/ML.md')).toBeNull();
	});

	test('prompt: asks "Update N links in M notes?" and follows the answer', async () => {
		const { server } = await start(VAULT, { settings: { links: { updateOnMove: 'prompt' } } });
		const asked: string[] = [];
		let answer = 'No';
		server.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
			asked.push(params.message);
			return { title: answer };
		});
		expect(await move(server, '00-元语/AI.md', '00-元语/ML.md')).toBeNull();
		answer = 'Yes';
		expect(render(await move(server, '00-元语/AI.md', '00-元语/ML.md'))).toContain('a.md 0:6-0:8 → "ML"');
		expect(asked).toEqual(['Update 3 links in 2 notes?', 'Update 3 links in 2 notes?']);
	});

	test('notes that are not valid UTF-8 are left out and named in a warning', async () => {
		const { server, messages } = await start({ ...VAULT, 'bad.md': new Uint8Array([0x5b, 0x5b, 0xff, 0x5d, 0x5d]) });
		expect(render(await move(server, '00-元语/AI.md', '00-元语/ML.md'))).toContain('a.md 0:6-0:8 → "ML"');
		await expect.poll(() => messages).toEqual(['These notes were not read and may still link to the old name: bad.md']);
	});
});

describe('pending renames', () => {
	test('one of ours is consumed once, and forgotten after a minute', () => {
		let now = 0;
		const pending = new PendingRenames(() => now);
		pending.add('file:///v/a.md', 'file:///v/b.md');
		expect(pending.consume('file:///v/a.md', 'file:///v/c.md')).toBe(false);
		expect(pending.consume('file:///v/a.md', 'file:///v/b.md')).toBe(true);
		expect(pending.consume('file:///v/a.md', 'file:///v/b.md')).toBe(false);
		pending.add('file:///v/a.md', 'file:///v/b.md');
		now = 60_000;
		expect(pending.consume('file:///v/a.md', 'file:///v/b.md')).toBe(false);
	});
});
