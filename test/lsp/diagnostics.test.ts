// The server over real streams: initialize → diagnostics for unopened notes → didChange →
// updated diagnostics → a note created on disk fixes links elsewhere.
import { afterEach, describe, expect, test } from 'vitest';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function start(
	files: Record<string, string>,
	options: { clientWatches?: boolean; settings?: Record<string, unknown> } = {},
) {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(files).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots: [ROOT], ...options });
	await harness.progressEnded;
	return { fs, server: harness };
}

describe('vault-wide diagnostics', () => {
	test('every note is checked at start, opened or not, and the end of progress means all are published', async () => {
		const { server } = await start({
			'a.md': '[[b]] [[missing]]',
			'sub/b.md': '# B\n[[a#nope]]',
			'c.md': 'fine [[a]]',
		});
		expect(server.codesOf(`${ROOT}/a.md`)).toEqual(['broken-link']);
		expect(server.codesOf(`${ROOT}/sub/b.md`)).toEqual(['broken-heading']);
		expect(server.diagnostics.has(server.uri(`${ROOT}/c.md`))).toBe(false);
	});

	test('didChange re-checks the note and the notes whose links changed meaning', async () => {
		const { server } = await start({ 'a.md': '# 旧标题', 'b.md': '[[a#旧标题]]' });
		expect(server.codesOf(`${ROOT}/b.md`)).toEqual([]);
		await server.open(`${ROOT}/a.md`, '# 旧标题');
		await server.change(`${ROOT}/a.md`, '# 新标题');
		await server.waitFor(() => server.codesOf(`${ROOT}/b.md`).includes('broken-heading'));
		await server.change(`${ROOT}/a.md`, '# 旧标题');
		await server.waitFor(() => server.codesOf(`${ROOT}/b.md`).length === 0);
	});

	test('a note created on disk fixes links elsewhere (client file events)', async () => {
		const { fs, server } = await start({ 'a.md': '[[新笔记]]', 'x/b.md': '[[新笔记]]' }, { clientWatches: true });
		expect(server.codesOf(`${ROOT}/x/b.md`)).toEqual(['broken-link']);
		fs.write(`${ROOT}/y/新笔记.md`, '# hi');
		await server.filesChanged([{ path: `${ROOT}/y/新笔记.md`, type: 1 }]);
		await server.waitFor(
			() => server.codesOf(`${ROOT}/a.md`).length === 0 && server.codesOf(`${ROOT}/x/b.md`).length === 0,
		);
		fs.remove(`${ROOT}/y/新笔记.md`);
		await server.filesChanged([{ path: `${ROOT}/y/新笔记.md`, type: 3 }]);
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).includes('broken-link'));
	});

	test('a folder deleted on disk (one event for the folder) takes its notes out of the index', async () => {
		const { fs, server } = await start(
			{ 'a.md': '[[x/n]] [[x/y/m]]', 'x/n.md': '', 'x/y/m.md': '' },
			{ clientWatches: true },
		);
		expect(server.codesOf(`${ROOT}/a.md`)).toEqual([]);
		fs.remove(`${ROOT}/x/n.md`);
		fs.remove(`${ROOT}/x/y/m.md`);
		await server.filesChanged([{ path: `${ROOT}/x`, type: 3 }]);
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).length === 2);
	});

	test("the server's own watcher works for clients that send no file events", async () => {
		const { fs, server } = await start({ 'a.md': '[[later]]' });
		fs.write(`${ROOT}/later.md`, 'now here', true);
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).length === 0);
	});

	test('editing the config reloads it; an invalid config is reported on the config file', async () => {
		const { fs, server } = await start({ 'a.md': '[[missing]]' }, { clientWatches: true });
		fs.write(`${ROOT}/.vault-notes.json`, '{ "rules": { "broken-link": "off" } }');
		await server.filesChanged([{ path: `${ROOT}/.vault-notes.json`, type: 1 }]);
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).length === 0);
		fs.write(`${ROOT}/.vault-notes.json`, '{ "rules": { "broken-link": "loud" } }');
		await server.filesChanged([{ path: `${ROOT}/.vault-notes.json`, type: 2 }]);
		await server.waitFor(() => server.codesOf(`${ROOT}/.vault-notes.json`).includes('invalid-config'));
		// The server goes on with the defaults.
		await server.waitFor(() => server.codesOf(`${ROOT}/a.md`).includes('broken-link'));
	});

	test('a reload clears the diagnostics of notes gone meanwhile, and only theirs', async () => {
		const { fs, server } = await start(
			{ 'a.md': '[[missing]]', '子 目录/笔记 #1.md': '[[无]]', '子 目录/留下 #2.md': '[[无]]' },
			{ clientWatches: true },
		);
		expect(server.codesOf(`${ROOT}/子 目录/笔记 #1.md`)).toEqual(['broken-link']);
		// Gone without a file event: only the reload the config change starts notices.
		fs.remove(`${ROOT}/子 目录/笔记 #1.md`);
		fs.write(`${ROOT}/.vault-notes.json`, '{}');
		await server.filesChanged([{ path: `${ROOT}/.vault-notes.json`, type: 1 }]);
		await server.waitFor(() => server.codesOf(`${ROOT}/子 目录/笔记 #1.md`).length === 0);
		expect(server.codesOf(`${ROOT}/a.md`)).toEqual(['broken-link']);
		expect(server.codesOf(`${ROOT}/子 目录/留下 #2.md`)).toEqual(['broken-link']);
	});

	test('openFiles scope publishes only open notes', async () => {
		const { server } = await start(
			{ 'a.md': '[[x]]', 'b.md': '[[y]]' },
			{ settings: { diagnostics: { scope: 'openFiles' } } },
		);
		expect(server.diagnostics.size).toBe(0);
		await server.open(`${ROOT}/b.md`, '[[y]]');
		await server.waitFor(() => server.codesOf(`${ROOT}/b.md`).includes('broken-link'));
		expect(server.codesOf(`${ROOT}/a.md`)).toEqual([]);
	});

	test('messages follow the client language', async () => {
		const fs = new MemoryFileSystem({ [`${ROOT}/a.md`]: '[[无]]' });
		harness = await LspHarness.start({ fs, roots: [ROOT], locale: 'zh-CN' });
		await harness.progressEnded;
		const [diagnostic] = harness.diagnostics.get(harness.uri(`${ROOT}/a.md`)) ?? [];
		expect(diagnostic?.message).toContain('找不到');
		expect(diagnostic?.source).toBe('vault-notes');
	});
});
