// Go to definition: the locations of the link at `$0`, rendered `path line:col-line:col`.
import { describe, expect, test } from 'vitest';
import { findDefinition } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, expected: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const { path, position } = fixture.cursor!;
	const rendered = findDefinition(vault, path, position).map(
		(location) => `${location.id} ${renderRange(location.range)}`,
	);
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

describe('definition', () => {
	test('a bare name leads to the note in any folder, at its start', () =>
		check(
			`
			//- /00-元语/AI.md
			---
			title: AI
			---
			//- /01-博客/x.md
			See [[A$0I]] today.
			`,
			`00-元语/AI.md 0:0-0:0`,
		));

	test('a heading fragment leads to the heading line', () =>
		check(
			`
			//- /笔记.md
			# 笔记

			## 第二节 🚀
			//- /a.md
			[[笔记#第二节 🚀|看这里$0]]
			`,
			`笔记.md 2:0-2:9`,
		));

	test('#H1#H2 picks the H2 under that H1, not the first H2 of that name', () =>
		check(
			`
			//- /n.md
			# 甲
			## 细节
			# 乙
			## 细节
			//- /a.md
			[[n#乙#细节]]$0
			`,
			`n.md 3:0-3:5`,
		));

	test('a block fragment leads to its line, up to the marker', () =>
		check(
			`
			//- /n.md
			第一段。

			重要的一句话 ^key-1
			//- /a.md
			$0![[n#^key-1]]
			`,
			`n.md 2:0-2:13`,
		));

	test('a same-note fragment and a front-matter link', () => {
		check(
			`
			//- /a.md
			# 开头
			跳到 [[#结$0尾]]
			## 结尾
			`,
			`a.md 2:0-2:5`,
		);
		check(
			`
			//- /目标.md
			//- /a.md
			---
			related:
			  - "[[目$0标]]"
			---
			`,
			`目标.md 0:0-0:0`,
		);
	});

	test('a Markdown link with a heading, relative to the linking note', () =>
		check(
			`
			//- /b/目标 笔记.md
			# 小节
			//- /a/x.md
			😀 [文字](<../b/目标 笔记.md#小节>)$0
			`,
			`b/目标 笔记.md 0:0-0:4`,
		));

	test('an ambiguous link lists every candidate, the one it navigates to first', () =>
		check(
			`
			//- /x/deep/同名.md
			//- /y/同名.md
			//- /z/a.md
			[[同名$0]]
			`,
			`
			y/同名.md 0:0-0:0
			x/deep/同名.md 0:0-0:0
			`,
		));

	test('an attachment leads to the file; a missing heading to the note', () => {
		check(
			`
			//- /img/图.png
			//- /a.md
			![[图.png$0]]
			`,
			`img/图.png 0:0-0:0`,
		);
		check(
			`
			//- /n.md
			# 有
			//- /a.md
			[[n#没有$0]]
			`,
			`n.md 0:0-0:0`,
		);
	});

	test('nothing on a broken link, outside links, or links in code', () => {
		check(
			`
			//- /a.md
			[[不存在$0]]
			`,
			``,
		);
		check(
			`
			//- /n.md
			//- /a.md
			👍🏽 [[n]] $0文字
			`,
			``,
		);
		check(
			`
			//- /n.md
			//- /a.md
			\`[[n$0]]\`
			`,
			``,
		);
	});
});
