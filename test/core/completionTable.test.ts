// The completion table is kept up to date per changed file; after random edits, creations and
// deletions it must equal a table built from scratch, and the link completions it gives must equal
// the ranking rules applied naively: every file scored on every key, everything sorted.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Change, CompletionResult, VaultIndex } from '../../server/src/core';
import {
	compareCodePoints,
	completeAt,
	dirname,
	isInFolder,
	nameKey,
	parseNote,
	prepareCompletion,
} from '../../server/src/core';
import { matchScore } from '../../server/src/core/features/completion/matchScore';
import { pinyinBySyllables } from '../../server/src/core/features/completion/pinyin';
import { fileTexts } from '../../server/src/core/features/completion/searchKeys';
import { TargetTable } from '../../server/src/core/features/completion/targetTable';
import type { FileMap } from '../support/incremental';
import { scratch } from '../support/incremental';

const HAN = /\p{Script=Han}/u;

/** The link completions of `from` after `[[query` (`![[` for embeds), as the ranking rules define them. */
function naive(
	vault: VaultIndex,
	from: string,
	query: string,
	embed: boolean,
	inTopics: boolean,
	limit: number,
): { targets: string[]; incomplete: boolean } {
	const typed = nameKey(query.trim());
	const incoming = new Map<string, number>();
	for (const id of vault.noteIds()) {
		for (const resolution of vault.note(id)!.resolutions) {
			const target = resolution.target;
			if (target !== undefined && target !== id) incoming.set(target, (incoming.get(target) ?? 0) + 1);
		}
	}
	const rows = vault.ids().flatMap((id) => {
		if (id === from) return [];
		const entry = vault.file(id)!;
		const texts = fileTexts(vault, entry);
		const others = [...(texts.title === undefined ? [] : [texts.title]), ...texts.aliases];
		const pinyin = [texts.name, ...others]
			.filter((text) => HAN.test(text))
			.flatMap((text) => {
				const keys = pinyinBySyllables(text);
				return [keys.initials, keys.full];
			});
		const weighed = (keys: readonly string[], weight: number) =>
			Math.max(0, ...keys.map((key) => matchScore(typed, key)).map((tier) => (tier === 0 ? 0 : tier + weight)));
		const score =
			typed === ''
				? 1
				: Math.max(
						weighed([nameKey(texts.name)], 4),
						weighed(others.map(nameKey), 3),
						/[a-z]/.test(typed) ? weighed(pinyin, 2) : 0,
						weighed([nameKey(texts.path)], 1),
					);
		if (score === 0) return [];
		const isTopic = isInFolder(id, vault.config.config.topics.folder);
		const group = isTopic && inTopics ? 0 : (entry.kind === 'note') !== embed ? 1 : 2;
		const far = dirname(id) === dirname(from) ? 0 : 1;
		return [{ id, group, score, far, incoming: incoming.get(id) ?? 0, length: texts.name.length }];
	});
	rows.sort(
		(a, b) =>
			a.group - b.group ||
			b.score - a.score ||
			a.far - b.far ||
			b.incoming - a.incoming ||
			a.length - b.length ||
			compareCodePoints(a.id, b.id),
	);
	return { targets: rows.slice(0, limit).map((row) => row.id), incomplete: rows.length > limit };
}

interface Request {
	readonly from: string;
	readonly query: string;
	readonly embed: boolean;
	readonly limit: number;
}

/** `[[query` (or `![[query`) typed on a new last line of the note as the index has it. */
function complete(vault: VaultIndex, files: FileMap, request: Request): CompletionResult {
	const text = `${files.get(request.from) ?? ''}\n${request.embed ? '!' : ''}[[${request.query}`;
	const lines = text.split('\n');
	const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
	return completeAt(vault, request.from, text, position, { limit: request.limit });
}

/** Whether the last line is inside a topics section, the way completion decides it. */
function inTopics(vault: VaultIndex, files: FileMap, from: string): boolean {
	const text = `${files.get(from) ?? ''}\n`;
	const line = text.split('\n').length - 1;
	const syntax = vault.note(from)?.syntax ?? parseNote(from, text, vault.config);
	return syntax.topicSections.some((section) => line >= section.startLine && line < section.endLine);
}

function render(result: CompletionResult): string {
	return JSON.stringify(result);
}

/** Asks every request of both vaults (so that both tables have the same tallies) and compares everything. */
function assertSameAsScratch(vault: VaultIndex, files: FileMap, requests: readonly Request[], context: string): void {
	const fresh = scratch(files);
	for (const request of requests) {
		const result = complete(vault, files, request);
		const where = `${context}: ${JSON.stringify(request)}`;
		expect(render(result), where).toBe(render(complete(fresh, files, request)));
		const expected = naive(
			vault,
			request.from,
			request.query,
			request.embed,
			inTopics(vault, files, request.from),
			request.limit,
		);
		expect({ targets: result.items.map((item) => item.target), incomplete: result.isIncomplete }, where).toEqual(
			expected,
		);
	}
	// Front-matter tallies too.
	for (const from of FROM) {
		completeAt(vault, from, '---\n\n---\n', { line: 1, character: 0 });
		completeAt(fresh, from, '---\n\n---\n', { line: 1, character: 0 });
		completeAt(vault, from, '---\ntitle: \n---\n', { line: 1, character: 7 });
		completeAt(fresh, from, '---\ntitle: \n---\n', { line: 1, character: 7 });
	}
	expect(TargetTable.of(vault).dump(), context).toBe(TargetTable.of(fresh).dump());
}

const NOTES = [
	'00-元语/AI.md',
	'00-元语/智能体.md',
	'00-元语/agent.md',
	'a/Agent 笔记.md',
	'a/b/人工智能.md',
	'a/长行.md',
	'b/ai.md',
	'b/c.md',
	'c.md',
	'x/c.md',
];
const ATTACHMENTS = ['p.png', 'img/p.png', 'a/图 ai.png'];
const FROM = ['a/长行.md', 'b/c.md', 'new/n.md'];
const LINKS = [
	'AI',
	'00-元语/AI',
	'智能体',
	'agent',
	'c',
	'x/c',
	'b/c',
	'a/Agent 笔记|标签',
	'人工智能',
	'p.png',
	'img/p.png',
	'missing',
];
const TITLES = ['计划书', 'AI 总览', 'Agent', 'c', '长行 重行', '"Rust 语言"'];

const frontMatterArb = fc.oneof(
	fc.constant(''),
	fc
		.record({
			title: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
			aliases: fc.array(fc.constantFrom('机器智能', 'Plans', 'ai', '音乐'), { maxLength: 2 }),
			status: fc.option(fc.constantFrom('草稿', '完成'), { nil: undefined }),
		})
		.map(({ title, aliases, status }) => {
			const lines = [
				...(title === undefined ? [] : [`title: ${title}`]),
				...(aliases.length === 0 ? [] : [`aliases: [${aliases.join(', ')}]`]),
				...(status === undefined ? [] : [`状态: ${status}`]),
			];
			return `---\n${lines.join('\n')}\n---\n`;
		}),
);
const bodyArb = fc
	.array(
		fc.oneof(
			fc.constantFrom(...LINKS).map((target) => `- [[${target}]]`),
			fc.constantFrom(...LINKS).map((target) => `![[${target}]]`),
			fc.constantFrom('# 标题', '## 关联主题', 'text'),
		),
		{ maxLength: 5 },
	)
	.map((lines) => lines.join('\n'));
const noteArb = fc.record({ id: fc.constantFrom(...NOTES, ...FROM), front: frontMatterArb, body: bodyArb });
const changeArb: fc.Arbitrary<Change> = fc.oneof(
	noteArb.map(({ id, front, body }): Change => ({ kind: 'note', id, text: front + body })),
	noteArb.map(({ id, front, body }): Change => ({ kind: 'note', id, text: front + body })),
	fc.constantFrom(...NOTES, ...FROM, ...ATTACHMENTS).map((id): Change => ({ kind: 'deleted', id })),
	fc.constantFrom(...ATTACHMENTS).map((id): Change => ({ kind: 'attachment', id })),
);
const requestArb: fc.Arbitrary<Request> = fc.record({
	from: fc.constantFrom(...FROM),
	query: fc.constantFrom(
		...['', 'a', 'A', 'ai', 'i', 'ag', 'agent', 'gent', 'ent', 'rgzn', 'zn', 'zhi', 'c', 'x/', '00', 'b-c'],
		...['智', '能', '长', '行', 'zhang', 'chang', 'hang', 'xing', 'zl', 'zong', 'pl', 'lan', 'zzz'],
	),
	embed: fc.boolean(),
	limit: fc.constantFrom(1, 2, 3, 200),
});

/** Builds the table ahead `slice` files at a time, each slice followed by a step of changes. */
function buildAheadWhileChanging(
	initial: readonly Change[],
	steps: readonly (readonly [readonly Change[], number])[],
	request: Request,
): void {
	const files: FileMap = new Map();
	applyToFiles(files, initial);
	const vault = scratch(files);
	for (const [step, slice] of steps) {
		prepareCompletion(vault, slice);
		vault.apply(step);
		applyToFiles(files, step);
	}
	assertSameAsScratch(vault, files, [request], `after ${JSON.stringify(steps)}`);
}

function applyToFiles(files: FileMap, changes: readonly Change[]): void {
	for (const change of changes) {
		if (change.kind === 'deleted') files.delete(change.id);
		else if (change.kind === 'note') files.set(change.id, change.text);
		else if (change.kind === 'attachment') files.set(change.id, null);
	}
}

describe('the completion table kept up to date', () => {
	test('equals a fresh build and the naive ranking after every random step', () => {
		fc.assert(
			fc.property(
				fc.array(changeArb, { maxLength: 8 }),
				fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
				fc.array(requestArb, { minLength: 1, maxLength: 4 }),
				(initial, steps, requests) => {
					const files: FileMap = new Map();
					applyToFiles(files, initial);
					const vault = scratch(files);
					// The table exists from the start, so that every later step is taken in incrementally.
					assertSameAsScratch(vault, files, requests, 'initially');
					steps.forEach((step, index) => {
						vault.apply(step);
						applyToFiles(files, step);
						assertSameAsScratch(vault, files, requests, `after step ${index}: ${JSON.stringify(step)}`);
					});
				},
			),
			{ numRuns: 120, seed: 20261128 },
		);
	});

	test('built ahead a few files at a time while the vault changes, it equals a fresh build too', () => {
		fc.assert(
			fc.property(
				fc.array(changeArb, { minLength: 1, maxLength: 10 }),
				fc.array(fc.tuple(fc.array(changeArb, { maxLength: 2 }), fc.integer({ min: 1, max: 3 })), { maxLength: 8 }),
				requestArb,
				buildAheadWhileChanging,
			),
			{ numRuns: 500, seed: 20261128 },
		);
	});

	test('a file deleted while the table is built ahead, then created again, keeps the link to it', () =>
		buildAheadWhileChanging(
			[
				{ kind: 'attachment', id: 'img/p.png' },
				{ kind: 'note', id: '00-元语/AI.md', text: '![[p.png]]' },
			],
			[
				[[{ kind: 'deleted', id: 'img/p.png' }], 1],
				[[{ kind: 'attachment', id: 'img/p.png' }], 1],
			],
			{ from: 'a/长行.md', query: '', embed: false, limit: 1 },
		));

	test('with one item wanted, a title holding the query inside a word is still scored as a substring', () => {
		const files: FileMap = new Map([
			['00-元语/智能体.md', '---\ntitle: AI 总览\n---\n- [[人工智能]]'],
			['c.md', '---\naliases: [机器智能]\n---\n'],
			['b/c.md', ''],
			['a/b/人工智能.md', ''],
		]);
		const requests: Request[] = [{ from: 'a/长行.md', query: 'i', embed: false, limit: 1 }];
		assertSameAsScratch(scratch(files), files, requests, 'title');
	});

	test('a burst of changes larger than the bulk threshold is taken in one pass, with the same result', () => {
		const files: FileMap = new Map();
		const vault = scratch(files);
		const request: Request = { from: 'new/n.md', query: 'a', embed: false, limit: 5 };
		assertSameAsScratch(vault, files, [request], 'empty');
		const burst: Change[] = Array.from({ length: 1500 }, (_, index) => ({
			kind: 'note',
			id: `${index % 7}/a${index}.md`,
			text: `[[a${(index * 7) % 1500}]] [[a${(index * 13) % 1500}]]`,
		}));
		vault.apply(burst);
		applyToFiles(files, burst);
		assertSameAsScratch(vault, files, [request], 'after the burst');
		const deletions: Change[] = burst.filter((_, index) => index % 3 === 0).map(({ id }) => ({ kind: 'deleted', id }));
		vault.apply(deletions);
		applyToFiles(files, deletions);
		assertSameAsScratch(vault, files, [request], 'after deleting a third');
	});
});
