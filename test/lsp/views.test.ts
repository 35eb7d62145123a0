// The four view requests over real JSON-RPC streams: timeline, backlinks, topics, summary.
import { afterEach, describe, expect, test } from 'vitest';
import { BacklinksRequest, SummaryRequest, TimelineRequest, TopicsRequest } from '../../protocol';
import type { SummaryNode } from '../../protocol';
import { BACKLINK_CONTEXT_LIMIT } from '../../server/src/lsp/handlers/backlinks';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/vault';
let harness: LspHarness | undefined;

afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

async function start(files: Record<string, string>, roots = [ROOT]): Promise<LspHarness> {
	const fs = new MemoryFileSystem(
		Object.fromEntries(Object.entries(files).map(([id, text]) => [`${ROOT}/${id}`, text])),
	);
	harness = await LspHarness.start({ fs, roots });
	await harness.progressEnded;
	return harness;
}

const VAULT = {
	'00-元语/AI.md': '---\ntitle: 人工智能\n---\n# AI\n',
	'01-博客/a.md': [
		'---',
		'title: 大模型评测',
		'发布日期: "2024-12-02"',
		'作者: 宝玉',
		'原文链接: https://example.com/a',
		'---',
		'## 摘要',
		'见 [[AI]] 与 <script>alert(1)</script> [x](javascript:alert(1))',
		'## 关联主题',
		'- [[AI]]',
	].join('\n'),
	'01-博客/b.md': '---\ntitle: Beta\ndate: 2024/11/30\n---\n😀 before [[AI|人工智能]] after\n## 关联主题\n- [[AI]]',
	'02-资源/c.md': `${'长'.repeat(150)} [[00-元语/AI]] ${'尾'.repeat(150)}`,
};

describe('vaultNotes/timeline', () => {
	test('one level per request, the parent id names the level', async () => {
		const server = await start(VAULT);
		const years = await server.connection.sendRequest(TimelineRequest.type, {});
		expect(years.items).toEqual([
			{ kind: 'group', id: 'year:2024', label: '2024', count: 2 },
			{ kind: 'group', id: 'noDate', label: 'noDate', count: 2 },
		]);
		const months = await server.connection.sendRequest(TimelineRequest.type, { parent: 'year:2024' });
		expect(months.items.map((item) => item.kind === 'group' && `${item.label} ${item.count}`)).toEqual([
			'2024-12 1',
			'2024-11 1',
		]);
		const notes = await server.connection.sendRequest(TimelineRequest.type, { parent: 'month:2024-12' });
		expect(notes.items).toEqual([
			{
				kind: 'note',
				uri: server.uri(`${ROOT}/01-博客/a.md`),
				title: '大模型评测',
				date: '2024-12-02',
				author: '宝玉',
			},
		]);
	});

	test('filters: topic by URI, folder, author; another vault gives nothing', async () => {
		const server = await start(VAULT);
		const topic = server.uri(`${ROOT}/00-元语/AI.md`);
		const byTopic = await server.connection.sendRequest(TimelineRequest.type, { filter: { topic } });
		expect(byTopic.items.map((item) => item.kind === 'group' && `${item.label} ${item.count}`)).toEqual(['2024 2']);
		const byFolder = await server.connection.sendRequest(TimelineRequest.type, { filter: { folder: '02-资源' } });
		expect(byFolder.items.map((item) => item.kind === 'group' && `${item.label} ${item.count}`)).toEqual(['noDate 1']);
		const byAuthor = await server.connection.sendRequest(TimelineRequest.type, { filter: { author: '宝玉' } });
		expect(byAuthor.items.map((item) => item.kind === 'group' && item.count)).toEqual([1]);
		const elsewhere = await server.connection.sendRequest(TimelineRequest.type, { vault: server.uri('/other') });
		expect(elsewhere.items).toEqual([]);
	});
});

test('vaultNotes/timeline without a vault merges every vault: same groups add up, notes interleave by date', async () => {
	const fs = new MemoryFileSystem({
		'/v1/a.md': '---\ndate: 2024-05-02\n---',
		'/v1/b.md': 'undated',
		'/v2/c.md': '---\ndate: 2024-05-03\n---',
		'/v2/d.md': '---\ndate: 2023-01-01\n---',
	});
	harness = await LspHarness.start({ fs, roots: ['/v1', '/v2'] });
	await harness.progressEnded;
	const top = await harness.connection.sendRequest(TimelineRequest.type, {});
	expect(top.items.map((item) => item.kind === 'group' && `${item.id} ${item.count}`)).toEqual([
		'year:2024 2',
		'year:2023 1',
		'noDate 1',
	]);
	const month = await harness.connection.sendRequest(TimelineRequest.type, { parent: 'month:2024-05' });
	expect(month.items.map((item) => item.kind === 'note' && item.uri)).toEqual([
		harness.uri('/v2/c.md'),
		harness.uri('/v1/a.md'),
	]);
	const one = await harness.connection.sendRequest(TimelineRequest.type, { vault: harness.uri('/v1') });
	expect(one.items.map((item) => item.kind === 'group' && item.id)).toEqual(['year:2024', 'noDate']);
});

describe('vaultNotes/backlinks', () => {
	test('grouped by linking note, each link with its line as context', async () => {
		const server = await start(VAULT);
		const result = await server.connection.sendRequest(BacklinksRequest.type, {
			uri: server.uri(`${ROOT}/00-元语/AI.md`),
		});
		const rendered = result.groups.map((group) => ({
			uri: group.uri.slice(server.uri(ROOT).length),
			title: group.title,
			links: group.links.map(
				(link) =>
					`${link.range.start.line}:${link.range.start.character} ${link.context.slice(link.contextStart, link.contextEnd)}`,
			),
		}));
		expect(rendered).toEqual([
			{ uri: '/01-%E5%8D%9A%E5%AE%A2/b.md', title: 'Beta', links: ['4:10 [[AI|人工智能]]', '6:2 [[AI]]'] },
			{ uri: '/02-%E8%B5%84%E6%BA%90/c.md', title: 'c', links: ['0:151 [[00-元语/AI]]'] },
			{ uri: '/01-%E5%8D%9A%E5%AE%A2/a.md', title: '大模型评测', links: ['7:2 [[AI]]', '9:2 [[AI]]'] },
		]);
		// A long line is cut around the link, and the cuts are marked.
		const long = result.groups[1]!.links[0]!;
		expect(long.context.length).toBeLessThanOrEqual(122);
		expect(long.context.startsWith('…') && long.context.endsWith('…')).toBe(true);
		expect(result.groups[0]!.links[0]!.context).toBe('😀 before [[AI|人工智能]] after');
	});

	test('an unsaved edit of a linking note shows in the context; an unknown URI has no backlinks', async () => {
		const server = await start(VAULT);
		await server.open(`${ROOT}/02-资源/c.md`, 'edited: [[AI]]');
		const result = await server.connection.sendRequest(BacklinksRequest.type, {
			uri: server.uri(`${ROOT}/00-元语/AI.md`),
		});
		expect(result.groups.find((group) => group.title === 'c')!.links[0]!.context).toBe('edited: [[AI]]');
		const none = await server.connection.sendRequest(BacklinksRequest.type, { uri: 'untitled:Untitled-1' });
		expect(none.groups).toEqual([]);
	});
});

test('a hub: every linking note is listed, line text only for the first BACKLINK_CONTEXT_LIMIT', async () => {
	const files: Record<string, string> = { 'hub.md': '# Hub' };
	for (let index = 0; index < BACKLINK_CONTEXT_LIMIT + 40; index++)
		files[`n/${String(index).padStart(4, '0')}.md`] = `see [[hub]]`;
	const server = await start(files);
	const result = await server.connection.sendRequest(BacklinksRequest.type, { uri: server.uri(`${ROOT}/hub.md`) });
	expect(result.groups).toHaveLength(BACKLINK_CONTEXT_LIMIT + 40);
	expect(result.groups[BACKLINK_CONTEXT_LIMIT - 1]!.links[0]!.context).toBe('see [[hub]]');
	expect(result.groups[BACKLINK_CONTEXT_LIMIT]!.links[0]).toMatchObject({
		context: '',
		contextStart: 0,
		contextEnd: 0,
	});
	expect(result.groups[BACKLINK_CONTEXT_LIMIT]!.links[0]!.range.start).toEqual({ line: 0, character: 4 });
});

describe('vaultNotes/topics', () => {
	test('topics with member counts, then the members of one topic', async () => {
		const server = await start(VAULT);
		const topics = await server.connection.sendRequest(TopicsRequest.type, {});
		const topic = server.uri(`${ROOT}/00-元语/AI.md`);
		expect(topics.items).toEqual([{ uri: topic, title: '人工智能', count: 2 }]);
		const members = await server.connection.sendRequest(TopicsRequest.type, { topic });
		expect(members.items.map((item) => item.title)).toEqual(['Beta', '大模型评测']);
	});
});

describe('vaultNotes/summary', () => {
	test('facts, safe tree with vault links as URIs, topics and backlink count; follows the open editor', async () => {
		const server = await start(VAULT);
		const uri = server.uri(`${ROOT}/01-博客/a.md`);
		const topicUri = server.uri(`${ROOT}/00-元语/AI.md`);
		const summary = await server.connection.sendRequest(SummaryRequest.type, { uri });
		expect(summary).toMatchObject({
			uri,
			title: '大模型评测',
			date: '2024-12-02',
			author: '宝玉',
			source: 'https://example.com/a',
			topics: [{ uri: topicUri, title: '人工智能' }],
			backlinkCount: 0,
		});
		const paragraph = summary!.summary[0] as Extract<SummaryNode, { children: readonly SummaryNode[] }>;
		expect(paragraph.children).toEqual([
			{ type: 'text', value: '见 ' },
			{ type: 'link', href: topicUri, children: [{ type: 'text', value: 'AI' }] },
			{ type: 'text', value: ' 与 ' },
			{ type: 'text', value: '<script>' },
			{ type: 'text', value: 'alert(1)' },
			{ type: 'text', value: '</script>' },
			{ type: 'text', value: ' ' },
			{ type: 'text', value: 'x' },
		]);
		await server.open(`${ROOT}/01-博客/a.md`, '## 摘要\n改了');
		const live = await server.connection.sendRequest(SummaryRequest.type, { uri });
		expect(live!.summary).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '改了' }] }]);
		expect(live!.title).toBe('a');
	});

	test('null for a file outside every vault', async () => {
		const server = await start(VAULT);
		expect(await server.connection.sendRequest(SummaryRequest.type, { uri: server.uri('/elsewhere/x.md') })).toBeNull();
	});
});
