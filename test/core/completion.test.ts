// Completion (links, headings, blocks, front matter): the completions at `$0`, one line each,
// `label [description] range ⇒ newText`, in the order the server ranks them.
import { describe, expect, test } from 'vitest';
import type { CompletionOptions, CompletionResult } from '../../server/src/core';
import { completeAt } from '../../server/src/core';
import { parseFixture, trimIndent } from '../support/fixture';
import { renderRange, vaultFromFiles, vaultFromFixture } from '../support/vaultFixture';

/** A fixed clock: 2026-03-09, local time. */
const NOW = () => new Date(2026, 2, 9, 10, 30);

function complete(source: string, options: CompletionOptions = {}): CompletionResult {
	const { vault, fixture } = vaultFromFixture(source);
	const cursor = fixture.cursor!;
	const text = fixture.files.find((file) => file.path === cursor.path)!.text;
	return completeAt(vault, cursor.path, text, cursor.position, { now: NOW, ...options });
}

function render(result: CompletionResult): string {
	const lines = result.items.map((item) => {
		const description = item.description === undefined ? '' : ` [${item.description}]`;
		return `${item.label}${description} ${renderRange(item.textEdit.range)} ⇒ ${item.textEdit.newText}`;
	});
	return [...(result.isIncomplete ? ['(incomplete)'] : []), ...lines].join('\n');
}

function check(source: string, expected: string, options: CompletionOptions = {}): void {
	expect(render(complete(source, options))).toBe(trimIndent(expected));
}

describe('link targets after [[', () => {
	test('notes and attachments; the edit starts after [[ and takes in an auto-closed ]]', () =>
		check(
			`
			//- /笔记/甲.md
			//- /图/猫.png
			//- /首页.md
			见 [[$0]] 后文
			`,
			`
			甲 [笔记] 0:4-0:6 ⇒ 甲]]
			猫.png [图] 0:4-0:6 ⇒ 猫.png]]
			`,
		));

	test('without a closing ]] the completion closes the link; before | or # it keeps the rest', () => {
		const files = trimIndent(`
			//- /目录/长名字.md
			//- /a.md
		`);
		check(`${files}\n[[长$0`, `长名字 [目录] 0:2-0:3 ⇒ 长名字]]`);
		check(`${files}\n[[长$0名|别名]]`, `长名字 [目录] 0:2-0:4 ⇒ 长名字`);
		check(`${files}\n[[长$0名#标题]]`, `长名字 [目录] 0:2-0:4 ⇒ 长名字`);
		check(`${files}\n[[长名$0字]] 文`, `长名字 [目录] 0:2-0:7 ⇒ 长名字]]`);
	});

	test('embeds offer attachments first and keep their extension', () =>
		check(
			`
			//- /图表.md
			//- /附件/图表.png
			//- /附件/报告.pdf
			//- /a.md
			![[图$0]]
			`,
			`
			图表.png [附件] 0:3-0:6 ⇒ 图表.png]]
			图表 0:3-0:6 ⇒ 图表]]
			`,
		));

	test('nothing outside a link, after a closed link, in a label, or after a single [', () => {
		const files = trimIndent(`
			//- /b.md
			//- /a.md
		`);
		for (const line of ['[$0', '[[b]] x$0', '[[b|标$0]]', 'text$0', '[[b]]$0']) check(`${files}\n${line}`, '');
	});
});

describe('matching and ranking', () => {
	test('exact > prefix > word start > substring > fuzzy, on names first', () =>
		check(
			`
			//- /ai.md
			//- /aim.md
			//- /open-ai.md
			//- /chai.md
			//- /a-big-idea.md
			//- /zzz.md
			//- /n.md
			[[ai$0]]
			`,
			`
			ai 0:2-0:6 ⇒ ai]]
			aim 0:2-0:6 ⇒ aim]]
			open-ai 0:2-0:6 ⇒ open-ai]]
			chai 0:2-0:6 ⇒ chai]]
			a-big-idea 0:2-0:6 ⇒ a-big-idea]]
			`,
		));

	test('front-matter title, aliases and folder find a note too', () =>
		check(
			`
			//- /x/20240101.md
			---
			title: 计划书
			---
			//- /y/杂项.md
			---
			aliases: [Plans, 计划表]
			---
			//- /计划/清单.md
			//- /n.md
			[[计划$0]]
			`,
			`
			杂项 [y] 0:2-0:6 ⇒ 杂项]]
			20240101 [x] 0:2-0:6 ⇒ 20240101]]
			清单 [计划] 0:2-0:6 ⇒ 清单]]
			`,
		));

	test('Chinese names match by pinyin initials and full pinyin, CJK substrings too', () => {
		const files = trimIndent(`
			//- /概念/人工智能.md
			//- /概念/智能体.md
			//- /概念/Rust 语言.md
			//- /n.md
		`);
		check(`${files}\n[[rgzn$0]]`, `人工智能 [概念] 0:2-0:8 ⇒ 人工智能]]`);
		check(`${files}\n[[rengongzhineng$0]]`, `人工智能 [概念] 0:2-0:18 ⇒ 人工智能]]`);
		check(
			`${files}\n[[智能$0]]`,
			`
			智能体 [概念] 0:2-0:6 ⇒ 智能体]]
			人工智能 [概念] 0:2-0:6 ⇒ 人工智能]]
			`,
		);
		check(`${files}\n[[rust yy$0]]`, `Rust 语言 [概念] 0:2-0:11 ⇒ Rust 语言]]`);
	});

	test('filter text carries name, title, aliases, path and pinyin for clients that filter', () => {
		const result = complete(`
			//- /概念/人工智能.md
			---
			title: AI 总览
			aliases: [机器智能]
			---
			//- /n.md
			[[$0]]
		`);
		expect(result.items.map((item) => [item.label, item.detail, item.filterText])).toEqual([
			[
				'人工智能',
				'AI 总览',
				'人工智能 AI 总览 机器智能 概念/人工智能 rgzn rengongzhineng ai zl ai zonglan jqzn jiqizhineng',
			],
		]);
	});

	test("ties go to the linking note's folder, then to more incoming links, then to shorter names", () =>
		check(
			`
			//- /b-long.md
			//- /b-popular.md
			//- /b.md
			//- /x.md
			[[b-popular]] [[b-popular]]
			//- /y.md
			[[b-popular]]
			//- /n.md
			[[b-$0]]
			`,
			`
			b-popular 0:2-0:6 ⇒ b-popular]]
			b-long 0:2-0:6 ⇒ b-long]]
			`,
		));

	test('the list is capped and then marked incomplete', () =>
		check(
			`
			//- /a1.md
			//- /a2.md
			//- /a3.md
			//- /n.md
			[[a$0]]
			`,
			`
			(incomplete)
			a1 0:2-0:5 ⇒ a1]]
			a2 0:2-0:5 ⇒ a2]]
			`,
			{ limit: 2 },
		));
});

describe('topics section', () => {
	test('inside ## 关联主题 topic notes come first; elsewhere they rank as any note', () => {
		const files = trimIndent(`
			//- /00-元语/AI.md
			//- /00-元语/数据库.md
			//- /01-博客/AI 简史.md
			//- /01-博客/ABC.md
		`);
		check(
			`${files}\n//- /01-博客/文.md\n# 文\n## 关联主题\n- [[A$0]]\n## 其他`,
			`
			AI [00-元语] 2:4-2:7 ⇒ AI]]
			ABC [01-博客] 2:4-2:7 ⇒ ABC]]
			AI 简史 [01-博客] 2:4-2:7 ⇒ AI 简史]]
			`,
		);
		check(
			`${files}\n//- /01-博客/文.md\n# 文\n## 关联主题\n## 其他\n[[A$0]]`,
			`
			ABC [01-博客] 3:2-3:5 ⇒ ABC]]
			AI 简史 [01-博客] 3:2-3:5 ⇒ AI 简史]]
			AI [00-元语] 3:2-3:5 ⇒ AI]]
			`,
		);
	});

	test('the topics folder and section come from the config', () =>
		check(
			`
			//- /.vault-notes.json
			{ "topics": { "folder": "tags", "section": "Topics" } }
			//- /tags/rust.md
			//- /notes/rust-book.md
			//- /notes/n.md
			## Topics
			[[r$0]]
			`,
			`
			rust [tags] 1:2-1:5 ⇒ rust]]
			rust-book [notes] 1:2-1:5 ⇒ rust-book]]
			`,
		));
});

describe('link style', () => {
	const fullVault = trimIndent(`
		//- /00-元语/AI.md
		//- /00-元语/llm.md
		//- /01-博客/作者/标题.md
		//- /01-博客/作者/旧文.md
		[[00-元语/AI]] [[00-元语/llm]] [[01-博客/作者/标题|标题]]
		//- /02-资源/n.md
	`);

	test('auto follows a vault that writes full paths, and its labels per top folder', () =>
		check(
			`${fullVault}\n[[$0]]`,
			`
			AI [00-元语] 0:2-0:4 ⇒ 00-元语/AI]]
			标题 [01-博客/作者] 0:2-0:4 ⇒ 01-博客/作者/标题|标题]]
			llm [00-元语] 0:2-0:4 ⇒ 00-元语/llm]]
			旧文 [01-博客/作者] 0:2-0:4 ⇒ 01-博客/作者/旧文|旧文]]
			`,
		));

	test('the setting overrides the vault: shortest names', () =>
		check(
			`${fullVault}\n[[$0]]`,
			`
			AI [00-元语] 0:2-0:4 ⇒ AI]]
			标题 [01-博客/作者] 0:2-0:4 ⇒ 标题]]
			llm [00-元语] 0:2-0:4 ⇒ llm]]
			旧文 [01-博客/作者] 0:2-0:4 ⇒ 旧文]]
			`,
			{ linkStyle: 'shortest' },
		));

	test('auto follows a vault of short links; shortest is the shortest tail that resolves to that note', () =>
		check(
			`
			//- /甲/笔记.md
			//- /乙/笔记.md
			//- /乙/深/唯一.md
			//- /x.md
			[[唯一]]
			//- /丙/n.md
			[[笔$0]]
			`,
			`
			笔记 [乙] 0:2-0:5 ⇒ 乙/笔记]]
			笔记 [甲] 0:2-0:5 ⇒ 甲/笔记]]
			`,
		));

	test('full when asked, even in a vault of short links; a note in the same folder wins its name', () => {
		const vault = trimIndent(`
			//- /甲/笔记.md
			//- /乙/笔记.md
			//- /x.md
			[[笔记]]
		`);
		check(`${vault}\n//- /甲/n.md\n[[笔$0]]`, `笔记 [甲] 0:2-0:5 ⇒ 笔记]]\n笔记 [乙] 0:2-0:5 ⇒ 乙/笔记]]`);
		check(`${vault}\n//- /甲/n.md\n[[笔$0]]`, `笔记 [甲] 0:2-0:5 ⇒ 甲/笔记]]\n笔记 [乙] 0:2-0:5 ⇒ 乙/笔记]]`, {
			linkStyle: 'full',
		});
	});
});

describe('headings and blocks', () => {
	const target = trimIndent(`
		//- /目录/笔记.md
		# 笔记
		## 安装 [[x]] | 配置
		## Usage: basics
		段落 ^para-1
		- 列表 ^list2
		# 笔记
	`);

	test('after [[Note# the headings of the note the link resolves to', () =>
		check(
			`${target}\n//- /n.md\n见 [[笔记#$0]]`,
			`
			笔记 0:7-0:9 ⇒ 笔记]]
			安装 x 配置 0:7-0:9 ⇒ 安装 x 配置]]
			Usage: basics 0:7-0:9 ⇒ Usage: basics]]
			`,
		));

	test('typed text filters headings; a label after the fragment is kept', () =>
		check(`${target}\n//- /n.md\n[[目录/笔记#us$0|看这里]]`, `Usage: basics 0:8-0:10 ⇒ Usage: basics`));

	test('after [[Note#^ its block ids', () =>
		check(
			`${target}\n//- /n.md\n[[笔记#^$0]]`,
			`
			^para-1 0:6-0:8 ⇒ para-1]]
			^list2 0:6-0:8 ⇒ list2]]
			`,
		));

	test('[[# and [[#^ offer the current note, as currently typed', () => {
		check(`//- /n.md\n# 一\n## 二 ^b1\n[[#$0]]\n# 三`, `一 2:3-2:5 ⇒ 一]]\n二 b1 2:3-2:5 ⇒ 二 b1]]\n三 2:3-2:5 ⇒ 三]]`);
		check(`//- /n.md\n文字 ^blk\n[[#^b$0]]`, `^blk 1:4-1:7 ⇒ blk]]`);
	});

	test('an unknown target offers nothing', () => check(`${target}\n//- /n.md\n[[没有#$0]]`, ''));
});

describe('front matter', () => {
	const config = trimIndent(`
		//- /.vault-notes.json
		{
			"frontMatter": [
				{ "files": "**/*.md", "schema": { "required": ["title"], "properties": {
					"title": { "type": "string", "description": "标题。" },
					"状态": { "enum": ["草稿", "完成", "true"] },
					"tags": { "type": "array", "items": { "enum": ["rust", "go"] } } } } },
				{ "files": "01-博客/**", "schema": { "required": ["发布日期"], "properties": {
					"发布日期": { "type": "string", "format": "date", "description": "Publication date." } } } }
			]
		}
		//- /01-博客/旧.md
		---
		作者: 张三
		发布日期: 2024-01-02
		---
		//- /01-博客/旧2.md
		---
		作者: 李四
		---
		//- /01-博客/旧3.md
		---
		作者: 李四
		cover: x.png
		---
	`);

	test('keys the schemas describe, required first, then keys other notes use; present keys left out', () =>
		check(
			`${config}\n//- /01-博客/新.md\n---\ntitle: 新\n$0\n---`,
			`
			发布日期 2:0-2:0 ⇒ 发布日期: 
			状态 2:0-2:0 ⇒ 状态: 
			tags 2:0-2:0 ⇒ tags: 
			作者 2:0-2:0 ⇒ 作者: 
			cover 2:0-2:0 ⇒ cover: 
			`,
		));

	test('key details: required and type, the description as documentation; typed text filters', () => {
		const result = complete(`${config}\n//- /01-博客/新.md\n---\n发$0\ntitle: x\n---`);
		expect(result.items.map((item) => [item.label, item.detail, item.documentation, item.textEdit.newText])).toEqual([
			['发布日期', 'required · string · date', 'Publication date.', '发布日期: '],
		]);
	});

	test('a key already followed by a colon is replaced bare', () =>
		check(`${config}\n//- /n.md\n---\nti$0tle: x\n---`, `title 1:0-1:5 ⇒ title`));

	test('enum values, quoted when they would read as another type', () =>
		check(
			`${config}\n//- /n.md\n---\n状态: $0\n---`,
			`
			草稿 1:4-1:4 ⇒ 草稿
			完成 1:4-1:4 ⇒ 完成
			true 1:4-1:4 ⇒ true
			`,
		));

	test("today's date from the clock for date fields, then existing values; a space after a bare colon", () =>
		check(
			`${config}\n//- /01-博客/新.md\n---\n发布日期:$0\n---`,
			`
			2026-03-09 1:5-1:5 ⇒  2026-03-09
			2024-01-02 1:5-1:5 ⇒  2024-01-02
			`,
		));

	test('existing values of the key across the vault, most frequent first, filtered by what is typed', () => {
		check(`${config}\n//- /n.md\n---\n作者: $0\n---`, `李四 1:4-1:4 ⇒ 李四\n张三 1:4-1:4 ⇒ 张三`);
		check(`${config}\n//- /n.md\n---\n作者: 张$0\n---`, `张三 1:4-1:5 ⇒ 张三`);
	});

	test('inside quotes the raw value goes between them', () =>
		check(`${config}\n//- /n.md\n---\n状态: "草$0"\n---`, `草稿 1:5-1:6 ⇒ 草稿`));

	test('list items get the values of their key', () =>
		check(`${config}\n//- /n.md\n---\ntags:\n  - $0\n---`, `rust 2:4-2:4 ⇒ rust\ngo 2:4-2:4 ⇒ go`));

	test('a field named in dateField gets today without a schema; not outside the block', () => {
		check(`//- /n.md\n---\ncreated: $0\n---`, `2026-03-09 1:9-1:9 ⇒ 2026-03-09`);
		check(`//- /n.md\n---\ncreated: x\n---\ncreated: $0`, '');
		check(`//- /n.md\n---\nmap:\n  ne$0\n---`, '');
	});

	test('a link inside a quoted front-matter value completes as a link', () =>
		check(`//- /目录/甲.md\n//- /n.md\n---\nrelated: "[[甲$0"\n---`, `甲 [目录] 1:12-1:13 ⇒ 甲]]`));
});

describe('robustness', () => {
	test('never throws, at every position of an awkward note', () => {
		const source = `//- /a.md\n---\nk: [[a\n- x\n: y\n---\n[[#^\n![[|]]\n[[a#b#^c|d]]\r\n\u{1F600}[[\u{1F600}\n`;
		const { vault, fixture } = vaultFromFixture(source);
		const text = fixture.files[0]!.text;
		for (let line = -1; line <= 10; line++) {
			for (let character = -1; character <= 14; character++) {
				expect(() => completeAt(vault, 'a.md', text, { line, character })).not.toThrow();
			}
		}
		expect(() => completeAt(vault, 'missing.md', '[[', { line: 0, character: 2 })).not.toThrow();
	});

	test('the cached file list follows the vault: renamed and created files', () => {
		const fixture = parseFixture(`//- /老.md\n//- /n.md`);
		const vault = vaultFromFiles(fixture.files);
		const labels = () => completeAt(vault, 'n.md', '[[', { line: 0, character: 2 }).items.map((item) => item.label);
		expect(labels()).toEqual(['老']);
		vault.apply([
			{ kind: 'deleted', id: '老.md' },
			{ kind: 'note', id: '新.md', text: '' },
		]);
		expect(labels()).toEqual(['新']);
		vault.apply([{ kind: 'attachment', id: 'p.png' }]);
		expect(labels()).toEqual(['新', 'p.png']);
	});
});
