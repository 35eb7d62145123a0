import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/src/core/configFile';
import { readFrontMatter } from '../../server/src/core/parse/frontMatter';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Problem } from '../../server/src/core/types';

const repoRoot = path.resolve(__dirname, '../..');
const sampleVault = path.resolve(__dirname, '../../../shared/vaults/sample');
const sampleConfig = readFileSync(path.join(repoRoot, 'docs/examples/sample-vault.vault-notes.json'), 'utf8');

/**
 * Loads `config`, reads every note of `notes` (`//- /path` starts a note) and renders the schema
 * problems of each, one line per problem: `path line:char-line:char code messageId args`.
 */
function check(config: string, notes: string, expected: string): void {
	const loaded = loadConfig(config);
	expect(loaded.problems).toEqual([]);
	const out: string[] = [];
	for (const note of splitNotes(notes)) {
		const result = readFrontMatter(note.text, new LineIndex(note.text));
		for (const problem of loaded.checkFrontMatter(note.id, result)) out.push(`${note.id} ${render(problem)}`);
	}
	expect(out.join('\n')).toBe(expected.trim());
}

function splitNotes(source: string): { id: string; text: string }[] {
	const notes: { id: string; lines: string[] }[] = [];
	for (const line of source.replace(/^\n/, '').split('\n')) {
		const header = /^\/\/- \/(.+)$/.exec(line);
		if (header) notes.push({ id: header[1]!, lines: [] });
		else notes[notes.length - 1]?.lines.push(line);
	}
	return notes.map((note) => ({ id: note.id, text: note.lines.join('\n') }));
}

function render(problem: Problem): string {
	const { start, end } = problem.range;
	const args = problem.message.args ? ` ${JSON.stringify(problem.message.args)}` : '';
	return `${start.line}:${start.character}-${end.line}:${end.character} ${problem.code} ${problem.message.id}${args}`;
}

describe('the SPEC §5 example config', () => {
	test('required fields, dates, URIs, notes without front matter', () =>
		check(
			sampleConfig,
			`
//- /01-博客/好.md
---
title: 一篇好文章
发布日期: 2024-12-02
原文链接: "https://example.com/post"
---
//- /01-博客/引号日期.md
---
title: "Quoted date"
发布日期: "2024-02-29"
---
//- /01-博客/坏日期.md
---
title: 日期不存在
发布日期: 2024-02-30
原文链接: 不是网址
---
//- /01-博客/无头.md
# 没有 front matter
//- /01-博客/未闭合.md
---
title: 没有结束
//- /01-博客/缺字段.md
---
作者: 某人
---
//- /01-博客/空值.md
---
title:
发布日期: ""
---
//- /01-博客/语法错.md
---
title: [坏
---
//- /00-元语/主题.md
---
title: 主题
---
//- /根目录.md
Just text, no front matter.
`,
			`
01-博客/坏日期.md 2:6-2:16 invalid-value invalidValue {"field":"发布日期","reason":"must match format \\"date\\""}
01-博客/坏日期.md 3:6-3:10 invalid-value invalidValue {"field":"原文链接","reason":"must match format \\"uri\\""}
01-博客/无头.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"title, 发布日期"}
01-博客/未闭合.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"title, 发布日期"}
01-博客/缺字段.md 0:0-0:3 missing-field missingField {"field":"title"}
01-博客/缺字段.md 0:0-0:3 missing-field missingField {"field":"发布日期"}
01-博客/空值.md 1:0-1:5 invalid-value invalidValue {"field":"title","reason":"must be string"}
01-博客/空值.md 2:6-2:8 invalid-value invalidValue {"field":"发布日期","reason":"must match format \\"date\\""}
根目录.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"title"}`,
		));
});

describe('rules', () => {
	test('globs: *.md is the root only, a folder glob, a list of globs', () =>
		check(
			`{ "frontMatter": [
				{ "files": "*.md", "schema": { "required": ["root"] } },
				{ "files": ["甲/**", "乙/*.md"], "schema": { "required": ["deep"] } }
			] }`,
			`
//- /a.md
//- /sub/a.md
//- /甲/x/y.md
//- /乙/z.md
//- /乙/内/z.md
`,
			`
a.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"root"}
甲/x/y.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"deep"}
乙/z.md 0:0-0:0 missing-front-matter missingFrontMatter {"fields":"deep"}`,
		));
	test('a rule without required fields accepts notes without front matter; an empty block has no fields', () =>
		check(
			'{ "frontMatter": [{ "files": "**", "schema": { "properties": { "tags": { "type": "array" } } } }, { "files": "必填/**", "schema": { "required": ["title"] } }] }',
			`
//- /自由.md
没有 front matter 也可以。
//- /必填/空.md
---
---
`,
			'必填/空.md 0:0-0:3 missing-field missingField {"field":"title"}',
		));
	test('identical problems from two rules are reported once, different ones both', () =>
		check(
			`{ "frontMatter": [
				{ "files": "**/*.md", "schema": { "required": ["title"], "properties": { "title": { "type": "string" } } } },
				{ "files": "笔记/**", "schema": { "required": ["title", "date"], "properties": { "title": { "type": "string", "minLength": 3 } } } }
			] }`,
			`
//- /笔记/一.md
---
date: 2024-01-01
---
//- /笔记/二.md
---
title: 42
date: 2024-01-01
---
`,
			`
笔记/一.md 0:0-0:3 missing-field missingField {"field":"title"}
笔记/二.md 1:7-1:9 invalid-value invalidValue {"field":"title","reason":"must be string"}`,
		));
	test('items, nested values, extra keys, nested required, enums', () =>
		check(
			`{ "frontMatter": [{ "files": "**", "schema": {
				"additionalProperties": false,
				"properties": {
					"tags": { "type": "array", "items": { "type": "string" } },
					"author": { "type": "object", "required": ["name"], "properties": { "url": { "type": "string", "format": "uri" } } },
					"status": { "enum": ["草稿", "完成"] }
				} } }] }`,
			`
//- /n.md
---
tags:
  - 甲
  - 3
author:
  url: 不是网址
status: 进行中
额外: 1
---
`,
			`
n.md 3:4-3:5 invalid-value invalidValue {"field":"tags[1]","reason":"must be string"}
n.md 5:2-5:11 invalid-value invalidValue {"field":"author","reason":"must have required property 'name'"}
n.md 5:7-5:11 invalid-value invalidValue {"field":"author.url","reason":"must match format \\"uri\\""}
n.md 6:8-6:11 invalid-value invalidValue {"field":"status","reason":"must be equal to one of the allowed values"}
n.md 7:0-7:2 invalid-value invalidValue {"field":"额外","reason":"must NOT have additional properties"}`,
		));
	test('a repeated key: the schema sees the first value; a YAML error: no schema check', () =>
		check(
			'{ "frontMatter": [{ "files": "**", "schema": { "required": ["title"], "properties": { "n": { "type": "integer" } } } }] }',
			`
//- /重复.md
---
title: 第一
n: 1
n: 二
---
//- /坏.md
---
n: "未闭合
---
`,
			'',
		));
	test('a catastrophic pattern finishes at once (RE2, linear time)', () => {
		const start = performance.now();
		check(
			'{ "frontMatter": [{ "files": "**", "schema": { "properties": { "code": { "type": "string", "pattern": "^(a+)+$" } } } }] }',
			`
//- /慢.md
---
code: ${'a'.repeat(50_000)}b
---
`,
			`慢.md 1:6-1:50007 invalid-value invalidValue {"field":"code","reason":"must match pattern \\"^(a+)+$\\""}`,
		);
		expect(performance.now() - start).toBeLessThan(1000);
	});
});

test('the SPEC §5 example config over every note of the sample vault', () => {
	if (!existsSync(sampleVault)) {
		console.warn(`${sampleVault}: sample vault absent: skipped the sample half of this test`);
		return;
	}
	const loaded = loadConfig(sampleConfig);
	const counts = new Map<string, number>();
	let notes = 0;
	for (const id of listNotes(sampleVault)) {
		const text = readFileSync(path.join(sampleVault, id), 'utf8').replace(/^\uFEFF/, '');
		const lines = new LineIndex(text);
		const problems = loaded.checkFrontMatter(id, readFrontMatter(text, lines));
		notes++;
		for (const problem of problems) {
			counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1);
			expect(problem.range.end.line).toBeLessThan(lines.lineCount);
		}
	}
	expect(notes).toBeGreaterThan(100);
	for (const code of counts.keys()) expect(['missing-front-matter', 'missing-field', 'invalid-value']).toContain(code);
});

/** Vault-relative POSIX paths of the `.md` files, invisible folders excluded (SPEC §1). */
function listNotes(root: string): string[] {
	const ids: string[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
			if (entry.name.startsWith('.') && entry.isDirectory()) continue;
			if (entry.name === 'node_modules') continue;
			const id = folder === '' ? entry.name : `${folder}/${entry.name}`;
			if (entry.isDirectory()) walk(id);
			else if (entry.name.endsWith('.md')) ids.push(id);
		}
	};
	walk('');
	return ids.sort();
}
