// The summary preview (vaultNotes/summary) of the note marked `$0` (or the last file), from its
// text as given. The tree is rendered compactly: `type[children]`, text as JSON strings,
// `link<href>`, `note<target>` for vault links.
import { describe, expect, test } from 'vitest';
import type { SummaryNode } from '../../server/src/core';
import { buildSummary } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { vaultFromFixture } from '../support/vaultFixture';

function render(node: SummaryNode): string {
	switch (node.type) {
		case 'text':
			return JSON.stringify(node.value);
		case 'code':
			return `code(${JSON.stringify(node.value)})`;
		case 'codeBlock':
			return `codeBlock${node.lang ? `:${node.lang}` : ''}(${JSON.stringify(node.value)})`;
		case 'break':
			return 'br';
		case 'link':
			return `link<${node.href}>[${node.children.map(render).join(' ')}]`;
		case 'vaultLink':
			return `note<${node.target}>[${node.children.map(render).join(' ')}]`;
		default: {
			const extra = node.type === 'list' ? (node.ordered ? '(ordered)' : '') : (node.depth ?? '');
			return `${node.type}${extra}[${node.children.map(render).join(' ')}]`;
		}
	}
}

/** Renders the facts, then one line per top-level node of the summary. */
function checkSummary(source: string, expected: string, text?: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const file = fixture.files.find((f) => f.path === fixture.cursor?.path) ?? fixture.files[fixture.files.length - 1]!;
	const summary = buildSummary(vault, file.path, text ?? file.text);
	if (!summary) return expect('no summary').toBe(trimIndent(expected));
	const facts = [
		`title: ${summary.title}`,
		`date: ${summary.date ?? '-'}  author: ${summary.author ?? '-'}  source: ${summary.source ?? '-'}`,
		`topics: ${summary.topics.map((topic) => `${topic.id} '${topic.title}'`).join(', ') || '-'}`,
		`backlinks: ${summary.backlinkCount}`,
	];
	expect([...facts, ...summary.summary.map(render)].join('\n')).toBe(trimIndent(expected));
}

describe('summary', () => {
	test('facts, topics in the topics folder, and the summary section with vault links', () =>
		checkSummary(
			`
			//- /00-元语/AI.md
			---
			title: 人工智能
			---
			//- /00-元语/安全.md
			//- /02-资源/ref.md
			//- /x.md
			[[a]] [[01-博客/a]]
			//- /01-博客/a.md
			---
			title: 大模型评测
			发布日期: "2024-12-02"
			作者: 宝玉
			原文链接: https://example.com/post?id=1
			---
			# 大模型评测 [[#摘要]]

			## 摘要

			**一句话**：评测很难，见 [[AI|AI 主题]] 与 [[缺失]]。
			- 要点 *一* [[ref#Part]]
			- 要点二

			### 细节
			1. first
			## 关联主题
			- [[AI]]
			- [[安全]]
			- [[AI]]
			- [[ref]]
			`,
			`
			title: 大模型评测
			date: 2024-12-02  author: 宝玉  source: https://example.com/post?id=1
			topics: 00-元语/AI.md '人工智能', 00-元语/安全.md '安全'
			backlinks: 1
			paragraph[strong["一句话"] "：评测很难，见 " note<00-元语/AI.md>["AI 主题"] " 与 " "缺失" "。"]
			list[listItem[paragraph["要点 " emphasis["一"] " " note<02-资源/ref.md>["ref > Part"]]] listItem[paragraph["要点二"]]]
			heading3["细节"]
			list(ordered)[listItem[paragraph["first"]]]
			`,
		));

	test('hostile content: HTML and scripts become text, only http(s) links keep their URL', () =>
		checkSummary(
			`
			//- /note.md
			---
			source: "javascript:alert(1)"
			---
			## 摘要
			<script>alert('x')</script>

			Inline <img src=x onerror="alert(1)"> and <b>bold</b> [[note|<i>label</i>]].
			[click](javascript:alert(1)) [d](data:text/html,<script>alert(1)</script>) [ok](https://example.com/a)
			<javascript:alert(1)> <https://example.com/b> [rel](/blog/post) [ref][r] ![pic](javascript:x)

			[r]: javascript:alert(2)
			`,
			`
			title: note
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			"<script>alert('x')</script>"
			paragraph["Inline " "<img src=x onerror=\\"alert(1)\\">" " and " "<b>" "bold" "</b>" " [[note|" "<i>" "label" "</i>" "]].\\n" "click" " " "d" " " link<https://example.com/a>["ok"] "\\n" "javascript:alert(1)" " " link<https://example.com/b>["https://example.com/b"] " " "rel" " " "ref" " " "pic"]
			`,
		));

	test('code stays code, comments are hidden, tables become rows, task items get boxes', () =>
		checkSummary(
			`
			//- /n.md
			## 摘要
			Use \`[[not a link]]\` here %%hidden [[secret]]%% now.

			\`\`\`ts
			const x = '[[no]]';
			\`\`\`

			| 名称 | 链接 |
			| --- | --- |
			| a | [[n\\|别名]] |

			- [x] done
			- [ ] todo
			`,
			`
			title: n
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			paragraph["Use " code("[[not a link]]") " here  now."]
			codeBlock:ts("const x = '[[no]]';")
			paragraph["名称" " | " "链接"]
			paragraph["a" " | " note<n.md>["别名"]]
			list[listItem[paragraph["☑ " "done"]] listItem[paragraph["☐ " "todo"]]]
			`,
		));

	test('vault links inside external links are text; embeds link to the file; private-use marks are no placeholders', () =>
		checkSummary(
			`
			//- /img.png
			//- /n.md
			## 摘要
			[see [[n]] here](https://example.com) ![[img.png]] **[[n]]** \uE0000\uE001 [md](n.md)
			`,
			`
			title: n
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			paragraph[link<https://example.com>["see " "n" " here"] " " note<img.png>["img.png"] " " strong[note<n.md>["n"]] " \uFFFD0\uFFFD " note<n.md>["md"]]
			`,
		));

	test('the section is read from the text given (live edits), not from the index', () =>
		checkSummary(
			`
			//- /n.md
			## 摘要
			old text
			`,
			`
			title: n
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			paragraph["new text 😀"]
			`,
			'## 摘要\nnew text 😀\n## 正文\nbody',
		));

	test('no summary section: an empty tree; the config names the section', () => {
		checkSummary(
			`
			//- /n.md
			## 摘要
			not this one
			`,
			`
			title: n
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			`,
			'# Only a title',
		);
		checkSummary(
			`
			//- /.vault-notes.json
			{ "summarySection": "Summary" }
			//- /n.md
			## 摘要
			no
			## summary
			yes
			`,
			`
			title: n
			date: -  author: -  source: -
			topics: -
			backlinks: 0
			paragraph["yes"]
			`,
		);
	});

	test('a note the vault does not have has no summary', () => {
		const { vault } = vaultFromFixture('//- /a.md\nx');
		expect(buildSummary(vault, 'missing.md', '## 摘要\nx')).toBeUndefined();
	});
});
