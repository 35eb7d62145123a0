// Diagnostics of whole fixture vaults (SPEC §3, §6): `path range code`, one line each.
import { describe, expect, test } from 'vitest';
import { computeDiagnostics } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderVaultDiagnostics, vaultFromFiles, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, expected: string): void {
	const { vault } = vaultFromFixture(source);
	expect(renderVaultDiagnostics(vault)).toBe(trimIndent(expected));
}

describe('link diagnostics', () => {
	test('broken links and broken headings cover the whole link', () =>
		check(
			`
			//- /a.md
			# 开始
			## Sub: part
			text ^blk1
			//- /b.md
			[[a]] [[missing]] ![[a#开始]] [[a#没有]] [[a#sub part]] [[a#^blk1]] [[a#^nope]] [[#自己]]
			`,
			`
			b.md 0:6-0:17 broken-link
			b.md 0:28-0:36 broken-heading
			b.md 0:64-0:75 broken-heading
			b.md 0:76-0:83 broken-heading
			`,
		));

	test('nested heading fragments: H2 anywhere under H1', () =>
		check(
			`
			//- /a.md
			# 一
			### 深
			# 二
			## 浅
			//- /b.md
			[[a#一#深]] [[a#二#深]] [[a#二#浅]]
			`,
			`
			b.md 0:10-0:19 broken-heading
			`,
		));

	test('ambiguous links are reported once, with precedence over their fragment', () =>
		check(
			`
			//- /x/Note.md
			//- /y/Note.md
			//- /z/a.md
			[[Note]] [[Note#无]]
			`,
			`
			z/a.md 0:0-0:8 ambiguous-link
			z/a.md 0:9-0:19 ambiguous-link
			`,
		));

	test('with ambiguous-link off, the fragment is checked against the preferred candidate', () =>
		check(
			`
			//- /.vault-notes.json
			{ "rules": { "ambiguous-link": "off" } }
			//- /x/Note.md
			# 有
			//- /y/Note.md
			//- /z/a.md
			[[Note]] [[Note#无]] [[Note#有]]
			`,
			`
			z/a.md 0:9-0:19 broken-heading
			`,
		));

	test('Markdown links that are not vault links get nothing', () =>
		check(
			`
			//- /a.md
			[site](https://example.com) [p](/blog/post) [m](missing.md) [ok](a.md#无)
			`,
			`
			a.md 0:44-0:59 broken-link
			a.md 0:60-0:72 broken-heading
			`,
		));
});

describe('topics', () => {
	test('not-a-topic, duplicate-topic, and a broken link in the section gets broken-link only', () =>
		check(
			`
			//- /00-元语/AI.md
			//- /00-元语/sub/LLM.md
			//- /01-博客/post.md
			//- /01-博客/a.md
			## 关联主题
			- [[00-元语/AI]]
			- [[00-元语/sub/LLM]]
			- [[01-博客/post]]
			- [[00-元语/AI]]
			- [[00-元语/不存在]]
			## 其他
			- [[01-博客/post]]
			`,
			`
			01-博客/a.md 3:2-3:16 not-a-topic
			01-博客/a.md 4:2-4:14 duplicate-topic
			01-博客/a.md 5:2-5:15 broken-link
			`,
		));

	test('several topics sections form one list; the topics folder and heading come from the config', () =>
		check(
			`
			//- /.vault-notes.json
			// comments are allowed
			{ "topics": { "folder": "topics", "section": "Topics" } }
			//- /topics/Rust.md
			//- /a.md
			## Topics
			[[Rust]]
			## Notes
			### Topics
			[[Rust]] [[a]]
			`,
			`
			a.md 4:0-4:8 duplicate-topic
			a.md 4:9-4:14 not-a-topic
			`,
		));
});

describe('positions', () => {
	test('UTF-16 columns after emoji and CJK, CRLF and a BOM', () => {
		const vault = vaultFromFiles([{ path: 'a.md', text: '\uFEFF---\r\ntitle: t\r\n---\r\n😀 中文 [[无]]\r\n' }]);
		const rendered = computeDiagnostics(vault, 'a.md').map(
			(d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`,
		);
		expect(rendered).toEqual(['3:6-11 broken-link']);
	});
});

describe('config', () => {
	test('ignored notes are not checked, but links to them resolve', () =>
		check(
			`
			//- /.vault-notes.json
			{ "ignore": ["drafts/**"] }
			//- /drafts/d.md
			[[broken]]
			//- /a.md
			[[d]]
			`,
			``,
		));

	test('severity off silences a code', () =>
		check(
			`
			//- /.vault-notes.json
			{ "rules": { "broken-link": "off" } }
			//- /a.md
			[[broken]]
			`,
			``,
		));

	test('front-matter links are checked like body links', () =>
		check(
			`
			//- /a.md
			---
			related: "[[无]]"
			list:
			  - "[[a]]"
			flow: [[a]]
			---
			`,
			`
			a.md 1:10-1:15 broken-link
			`,
		));
});
