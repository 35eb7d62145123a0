// The timeline (vaultNotes/timeline): the whole tree is expanded level by level, as the view
// does, and rendered one item per line: groups as `label (count)`, notes as
// `path 'title' date author`.
import { describe, expect, test } from 'vitest';
import type { TimelineFilter, VaultIndex } from '../../server/src/core';
import { buildTimeline } from '../../server/src/core';
import { parseFixture, trimIndent } from '../support/fixture';
import { changeFor, vaultFromFiles, vaultFromFixture } from '../support/vaultFixture';

function renderTree(vault: VaultIndex, filter: TimelineFilter = {}, parent?: string, depth = 0): string[] {
	return buildTimeline(vault, { parent, filter }).flatMap((item) => {
		const indent = '  '.repeat(depth);
		if (item.kind === 'note') return [`${indent}${item.id} '${item.title}' ${item.date ?? '-'} ${item.author ?? '-'}`];
		return [`${indent}${item.label} (${item.count})`, ...renderTree(vault, filter, item.id, depth + 1)];
	});
}

function checkTimeline(source: string, expected: string, filter: TimelineFilter = {}): void {
	const { vault } = vaultFromFixture(source);
	expect(renderTree(vault, filter).join('\n')).toBe(trimIndent(expected));
}

const BLOG = `
	//- /00-元语/AI.md
	//- /00-元语/安全.md
	//- /01-博客/a.md
	---
	title: 大模型评测
	发布日期: "2024-12-02"
	作者: 宝玉
	---
	## 关联主题
	- [[AI]]
	//- /01-博客/b.md
	---
	title: Beta
	发布日期: 2024-12-02
	作者: 甲
	---
	## 关联主题
	- [[安全]]
	//- /01-博客/c.md
	---
	title: Gamma
	date: 2024/11/30
	author: 宝玉
	---
	Body [[AI]] is not a topics-section link.
	//- /02-资源/d.md
	---
	title: Delta
	created: 2023-01-15T10:30:00Z
	---
	## 关联主题
	- [[AI]]
	//- /02-资源/e.md
	---
	发布日期: someday
	---
	//- /02-资源/f.md
	no front matter
	`;

describe('timeline', () => {
	test('years, months and notes newest first; unparseable and missing dates last, by title', () =>
		checkTimeline(
			BLOG,
			`
			2024 (3)
			  2024-12 (2)
			    01-博客/b.md 'Beta' 2024-12-02 甲
			    01-博客/a.md '大模型评测' 2024-12-02 宝玉
			  2024-11 (1)
			    01-博客/c.md 'Gamma' 2024-11-30 宝玉
			2023 (1)
			  2023-01 (1)
			    02-资源/d.md 'Delta' 2023-01-15 -
			noDate (4)
			  00-元语/AI.md 'AI' - -
			  02-资源/e.md 'e' someday -
			  02-资源/f.md 'f' - -
			  00-元语/安全.md '安全' - -
			`,
		));

	test('the first dateField present wins, even when a later one would parse', () =>
		checkTimeline(
			`
			//- /a.md
			---
			发布日期: "not a date"
			date: 2024-01-01
			---
			//- /b.md
			---
			date: "2024-02-30"
			created: 2024-02-01
			---
			//- /c.md
			---
			date: 2024-02-29T23:59
			---
			`,
			`
			2024 (1)
			  2024-02 (1)
			    c.md 'c' 2024-02-29 -
			noDate (2)
			  a.md 'a' not a date -
			  b.md 'b' 2024-02-30 -
			`,
		));

	test('the time of day orders notes within a day', () =>
		checkTimeline(
			`
			//- /早.md
			---
			date: 2024-05-01T08:00
			---
			//- /晚.md
			---
			date: 2024-05-01T21:15:00
			---
			//- /无时.md
			---
			date: 2024-05-01
			---
			`,
			`
			2024 (3)
			  2024-05 (3)
			    晚.md '晚' 2024-05-01 -
			    早.md '早' 2024-05-01 -
			    无时.md '无时' 2024-05-01 -
			`,
		));

	test('folder filter (subfolders included, names compared as SPEC §1)', () =>
		checkTimeline(
			BLOG,
			`
			2024 (3)
			  2024-12 (2)
			    01-博客/b.md 'Beta' 2024-12-02 甲
			    01-博客/a.md '大模型评测' 2024-12-02 宝玉
			  2024-11 (1)
			    01-博客/c.md 'Gamma' 2024-11-30 宝玉
			`,
			{ folder: '01-博客/' },
		));

	test('topic filter: only topics-section links count', () =>
		checkTimeline(
			BLOG,
			`
			2024 (1)
			  2024-12 (1)
			    01-博客/a.md '大模型评测' 2024-12-02 宝玉
			2023 (1)
			  2023-01 (1)
			    02-资源/d.md 'Delta' 2023-01-15 -
			`,
			{ topic: '00-元语/AI.md' },
		));

	test('author filter combined with a folder filter', () =>
		checkTimeline(
			BLOG,
			`
			2024 (2)
			  2024-12 (1)
			    01-博客/a.md '大模型评测' 2024-12-02 宝玉
			  2024-11 (1)
			    01-博客/c.md 'Gamma' 2024-11-30 宝玉
			`,
			{ author: '宝玉', folder: '01-博客' },
		));

	test('notes matched by ignore are not shown; a filter matching nothing gives nothing', () => {
		checkTimeline(
			`
			//- /.vault-notes.json
			{ "ignore": ["drafts/**"] }
			//- /drafts/x.md
			---
			date: 2024-01-01
			---
			//- /y.md
			---
			date: 2024-01-02
			---
			`,
			`
			2024 (1)
			  2024-01 (1)
			    y.md 'y' 2024-01-02 -
			`,
		);
		checkTimeline(BLOG, '', { author: 'nobody' });
	});

	test('an unknown parent has no children', () => {
		const { vault } = vaultFromFixture(BLOG);
		expect(buildTimeline(vault, { parent: 'year:1999' })).toEqual([]);
		expect(buildTimeline(vault, { parent: 'bogus' })).toEqual([]);
	});

	test('follows index changes (the cache is per index version)', () => {
		const { vault } = vaultFromFixture(BLOG);
		expect(buildTimeline(vault, { parent: 'year:2024' })).toHaveLength(2);
		vault.apply([changeFor({ path: '01-博客/new.md', text: '---\ndate: 2024-03-08\n---\n' })]);
		expect(renderTree(vault).slice(0, 4)).toEqual([
			'2024 (4)',
			'  2024-12 (2)',
			"    01-博客/b.md 'Beta' 2024-12-02 甲",
			"    01-博客/a.md '大模型评测' 2024-12-02 宝玉",
		]);
		expect(buildTimeline(vault, { parent: 'month:2024-03' }).map((item) => item.kind === 'note' && item.id)).toEqual([
			'01-博客/new.md',
		]);
		vault.apply([{ kind: 'deleted', id: '01-博客/new.md' }]);
		expect(buildTimeline(vault, { parent: 'month:2024-03' })).toEqual([]);
	});

	test('after each edit the cached tree equals a tree built from scratch (paranoid check)', () => {
		const files = new Map(parseFixture(BLOG).files.map((file) => [file.path, file.text]));
		const vault = vaultFromFiles([...files].map(([path, text]) => ({ path, text })));
		const steps: [string, string | undefined][] = [
			['01-博客/a.md', '---\ntitle: 改名\n发布日期: 2023-01-20\n---\n## 关联主题\n- [[AI]]'],
			['00-元语/AI.md', undefined],
			['00-元语/AI.md', '---\ntitle: AI again\n---'],
			['02-资源/e.md', '---\n发布日期: 2025/07/04\n作者: 宝玉\n---'],
		];
		const filters = [{}, { topic: '00-元语/AI.md' }, { author: '宝玉' }, { folder: '02-资源' }];
		for (const [path, text] of steps) {
			filters.forEach((filter) => renderTree(vault, filter));
			if (text === undefined) files.delete(path);
			else files.set(path, text);
			vault.apply([text === undefined ? { kind: 'deleted', id: path } : changeFor({ path, text })]);
			const scratch = vaultFromFiles([...files].map(([file, content]) => ({ path: file, text: content })));
			for (const filter of filters) expect(renderTree(vault, filter)).toEqual(renderTree(scratch, filter));
		}
	});
});
