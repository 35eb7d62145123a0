// Hover on the link at `$0`: its range and the Markdown shown (the target's text comes from the fixture).
import { describe, expect, test } from 'vitest';
import { hoverLink, linkAt } from '../../server/src/core';
import { cutExcerpt } from '../../server/src/core/features/cutExcerpt';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, expected: string, locale: 'en' | 'zh-cn' = 'en'): void {
	const { vault, fixture } = vaultFromFixture(source);
	const { path, position } = fixture.cursor!;
	const target = linkAt(vault, path, position)?.resolution.target;
	const targetText = fixture.files.find((file) => file.path === target)?.text;
	const hover = hoverLink(vault, path, position, targetText, locale);
	expect(hover ? `${renderRange(hover.range)}\n${hover.markdown}` : '(none)').toBe(trimIndent(expected));
}

const AI = trimIndent(`
	//- /00-元语/AI.md
	---
	title: 人工智能 *AI*
	发布日期: 2024-12-02
	作者: [甲, 乙]
	---
	# 人工智能

	## 摘要
	第一段讲历史。

	第二段 🚀 讲现在。
	## 正文
	开头。
	### 细节
	更多。 ^d1
	## 尾声
	不显示。
`);

/** The AI note, then more files (indented like the test bodies). */
function withAi(rest: string): string {
	return `${AI}\n${trimIndent(rest)}`;
}

describe('hover on a link', () => {
	test('a note: title, date, author, path, then its summary section', () =>
		check(
			withAi(`
			//- /01-博客/x.md
			👀 See [[A$0I]] today.
			`),
			`
			0:7-0:13
			**人工智能 \\*AI\\***

			2024-12-02 · 甲 · \`00-元语/AI.md\`

			---

			第一段讲历史。

			第二段 🚀 讲现在。
			`,
		));

	test('a heading: its section, deeper headings included; a block: its line without the marker', () => {
		check(
			withAi(`
			//- /01-博客/x.md
			[[AI#正文$0]]
			`),
			`
			0:0-0:9
			**人工智能 \\*AI\\* › 正文**

			2024-12-02 · 甲 · \`00-元语/AI.md\`

			---

			开头。
			### 细节
			更多。
			`,
		);
		check(
			withAi(`
			//- /01-博客/x.md
			---
			see: "[[AI#^d1]]$0"
			---
			`),
			`
			1:6-1:16
			**人工智能 \\*AI\\***

			2024-12-02 · 甲 · \`00-元语/AI.md\`

			---

			更多。
			`,
		);
	});

	test('without a summary section: the body after the front matter and the title; a missing heading is said', () =>
		check(
			`
			//- /无摘要.md
			---
			tags: [x]
			---

			# 无摘要
			正文第一行。
			//- /a.md
			[[无摘要#不存在$0]]
			`,
			`
			0:0-0:11
			**无摘要**

			\`无摘要.md\`

			*'无摘要' has no heading '不存在'*

			---

			正文第一行。
			`,
		));

	test('CRLF line endings: the same preview, no stray carriage returns', () =>
		check(
			withAi(`
			//- /01-博客/x.md
			[[AI#^d1]]$0
			`).replace(/\n/g, '\r\n'),
			`
			0:0-0:10
			**人工智能 \\*AI\\***

			2024-12-02 · 甲 · \`00-元语/AI.md\`

			---

			更多。
			`,
		));

	test('an ambiguous link lists its candidates, then previews the one it opens', () =>
		check(
			`
			//- /x/deep/同名.md
			深处。
			//- /y/同名.md
			浅处。
			//- /z/a.md
			[[同名$0]]
			`,
			`
			0:0-0:6
			*'同名' matches 2 notes*

			- \`x/deep/同名.md\`
			- \`y/同名.md\` (opens)

			---

			**同名**

			\`y/同名.md\`

			---

			浅处。
			`,
		));

	test('an attachment, and nothing outside links', () => {
		check(
			`
			//- /img/图.png
			//- /a.md
			![[图.png$0]]
			`,
			`
			0:0-0:10
			Attachment: \`img/图.png\`
			`,
		);
		check(
			`
			//- /a.md
			[[x]] 文字$0
			`,
			`(none)`,
		);
	});
});

describe('hover on a broken link', () => {
	test('what was looked for and the closest names', () =>
		check(
			`
			//- /00-元语/机器学习.md
			//- /00-元语/机器人.md
			//- /01-博客/学习机器.md
			//- /01-博客/完全无关的名字.md
			//- /a.md
			[[机器学$0]]
			`,
			`
			0:0-0:7
			**No note or file named '机器学'**

			Looked for a note \`机器学.md\` in any folder, then an attachment named \`机器学\`.

			Closest names:
			- 机器人 · \`00-元语/机器人.md\`
			- 机器学习 · \`00-元语/机器学习.md\`
			`,
		));

	test('in Chinese, for paths, relative links and Markdown links', () => {
		check(
			`
			//- /notes/Rust.md
			//- /a.md
			[[notes/rust 笔记$0]]
			`,
			`
			0:0-0:17
			**找不到名为“notes/rust 笔记”的笔记或文件**

			查找了从仓库根目录开始的 \`notes/rust 笔记.md\`，以及以 \`/notes/rust 笔记.md\` 结尾的路径。

			最接近的名称：
			- Rust · \`notes/Rust.md\`
			`,
			'zh-cn',
		);
		check(
			`
			//- /b/Rust.md
			//- /b/a.md
			[[./rusty$0]] [t](../c/x.md)
			`,
			`
			0:0-0:11
			**No note or file named './rusty'**

			Looked for the file \`b/rusty.md\`.

			Closest names:
			- Rust · \`b/Rust.md\`
			`,
		);
		check(
			`
			//- /b/a.md
			[t](../c/x.md$0)
			`,
			`
			0:0-0:14
			**No note or file named '../c/x.md'**

			Looked for the file \`c/x.md\`.

			No similar name in the vault.
			`,
		);
	});

	test('a link leaving the vault says so', () =>
		check(
			`
			//- /a.md
			[[../../外面$0]]
			`,
			`
			0:0-0:12
			**'../../外面' points outside the vault**
			`,
		));
});

describe('cutting excerpts', () => {
	test('short text is kept whole, blank lines at the ends dropped', () =>
		expect(cutExcerpt(['', '一。', '', '二。', ''])).toBe('一。\n\n二。'));

	test('at most 12 lines, ending at a paragraph when one ends in the second half', () => {
		const lines = [
			'段一',
			'',
			...Array.from({ length: 6 }, (_, index) => `行${index}`),
			'',
			'段三第一行',
			'段三第二行',
			'段三第三行',
			'多余',
		];
		expect(cutExcerpt(lines)).toBe(
			['段一', '', ...Array.from({ length: 6 }, (_, index) => `行${index}`), '', '…'].join('\n'),
		);
	});

	test('a long single line is cut after its last sentence that fits, never inside an emoji', () => {
		const sentence = '这是一句比较长的中文句子，用来测试截断。';
		expect(cutExcerpt([sentence.repeat(40)], { maxLines: 12, maxChars: 50 })).toBe(sentence.repeat(2) + '…');
		expect(cutExcerpt(['😀'.repeat(40)], { maxLines: 12, maxChars: 7 })).toBe('😀😀😀…');
	});
});
