// Document symbols (an indented tree) and workspace symbols (one line each, best first).
import { describe, expect, test } from 'vitest';
import type { NoteSymbol } from '../../server/src/core';
import { documentSymbols, workspaceSymbols } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

/** `query` set: workspace symbols for it; unset: the document symbols of the last file. */
function check(source: string, expected: string, query?: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const last = fixture.files[fixture.files.length - 1]!;
	const lines =
		query === undefined
			? documentSymbols(vault, last.path, last.text, { headings: true }).flatMap((symbol) => renderSymbol(symbol, ''))
			: workspaceSymbols(vault, query, 5).map(
					(symbol) => `${symbol.name} (${symbol.kind}) ${symbol.id} in '${symbol.container}'`,
				);
	expect(lines.join('\n')).toBe(trimIndent(expected));
}

function renderSymbol(symbol: NoteSymbol, indent: string): string[] {
	const detail = symbol.detail !== undefined ? ` = ${symbol.detail}` : '';
	const head = `${indent}${symbol.name} [${symbol.kind}] ${renderRange(symbol.range)} / ${renderRange(symbol.selectionRange)}${detail}`;
	return [head, ...symbol.children.flatMap((child) => renderSymbol(child, indent + '  '))];
}

describe('document symbols', () => {
	test('front-matter keys under one parent, values as detail; headings nested to the end of their section', () =>
		check(
			`
			//- /a.md
			---
			title: "标题 😀"
			tags:
			  - 甲
			  - 乙
			related: "[[b]]"
			meta: { a: 1 }
			---
			# 一
			文字
			## 一点一
			### 深
			## 一点二
			# 二
			最后一行
			`,
			`
			Front matter [frontMatter] 0:0-7:3 / 0:0-0:3
			  title [field] 1:0-1:14 / 1:0-1:5 = 标题 😀
			  tags [field] 2:0-4:5 / 2:0-2:4 = 甲, 乙
			  related [field] 5:0-5:16 / 5:0-5:7 = [[b]]
			  meta [field] 6:0-6:14 / 6:0-6:4 = {…}
			# 一 [heading] 8:0-12:6 / 8:0-8:3
			  ## 一点一 [heading] 10:0-11:5 / 10:0-10:6
			    ### 深 [heading] 11:0-11:5 / 11:0-11:5
			  ## 一点二 [heading] 12:0-12:6 / 12:0-12:6
			# 二 [heading] 13:0-14:4 / 13:0-13:3
			`,
		));

	test('a repeated key is listed once; long values are shortened; no front matter, no parent', () => {
		check(
			`
			//- /a.md
			---
			k: 第一
			k: 第二
			long: ${'长'.repeat(100)}
			---
			`,
			`
			Front matter [frontMatter] 0:0-4:3 / 0:0-0:3
			  k [field] 1:0-1:5 / 1:0-1:1 = 第一
			  long [field] 3:0-3:106 / 3:0-3:4 = ${'长'.repeat(79)}…
			`,
		);
		check(
			`
			//- /a.md
			正文
			## 只有二级
			`,
			`## 只有二级 [heading] 1:0-1:7 / 1:0-1:7`,
		);
	});
});

const NOTES = `
	//- /.vault-notes.json
	{ "ignore": ["草稿/**"] }
	//- /00-元语/机器学习.md
	---
	title: 机器学习
	aliases: [ML, 统计学习]
	---
	//- /01-博客/学习笔记.md
	---
	title: 我的机器学习入门
	---
	//- /01-博客/rust.md
	//- /草稿/机器学习草稿.md
`;

describe('workspace symbols', () => {
	test('titles and aliases, exact before prefix before substring before scattered; ignored notes left out', () => {
		check(
			NOTES,
			`机器学习 (topic) 00-元语/机器学习.md in '00-元语'\n我的机器学习入门 (note) 01-博客/学习笔记.md in '01-博客'`,
			'机器学习',
		);
		check(NOTES, `ML (topic) 00-元语/机器学习.md in '机器学习'`, 'ml');
		// The file name 学习笔记 starts with the query: a prefix match, before the substring matches.
		check(
			NOTES,
			`我的机器学习入门 (note) 01-博客/学习笔记.md in '01-博客'\n机器学习 (topic) 00-元语/机器学习.md in '00-元语'\n统计学习 (topic) 00-元语/机器学习.md in '机器学习'`,
			'学习',
		);
		check(NOTES, `我的机器学习入门 (note) 01-博客/学习笔记.md in '01-博客'`, '我入门');
		check(NOTES, `rust (note) 01-博客/rust.md in '01-博客'`, 'RUST');
	});

	test('an empty query lists the topic notes only, in path order', () =>
		check(
			`${trimIndent(NOTES)}\n//- /00-元语/子/Rust.md`,
			`
			Rust (topic) 00-元语/子/Rust.md in '00-元语/子'
			机器学习 (topic) 00-元语/机器学习.md in '00-元语'
			`,
			'',
		));

	test('the limit holds, and the order does not depend on the order notes were added', () =>
		check(
			`
			//- /z/学习.md
			//- /b/学习.md
			//- /a/学习.md
			//- /学习一.md
			//- /学习.md
			//- /c/学习.md
			//- /d/学习.md
			`,
			`
			学习 (note) a/学习.md in 'a'
			学习 (note) b/学习.md in 'b'
			学习 (note) c/学习.md in 'c'
			学习 (note) d/学习.md in 'd'
			学习 (note) z/学习.md in 'z'
			`,
			'学习',
		));
});
