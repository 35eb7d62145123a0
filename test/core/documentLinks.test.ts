// Document links: every clickable link of the last fixture file, `range → target @line:col`.
import { describe, expect, test } from 'vitest';
import { documentLinks } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, expected: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const id = fixture.files[fixture.files.length - 1]!.path;
	const rendered = documentLinks(vault, id).map((link) => {
		const at = link.position ? ` @${link.position.line}:${link.position.character}` : '';
		return `${renderRange(link.range)} → ${link.target}${at}`;
	});
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

describe('document links', () => {
	test('resolved links open their target, headings and blocks at their line', () =>
		check(
			`
			//- /笔记.md
			# 标题
			段落 ^p1
			//- /img/图.png
			//- /a.md
			---
			related: "[[笔记]]"
			---
			🙂 [[笔记#标题]] ![[图.png]] [[笔记#^p1|块]] [t](笔记.md)
			`,
			`
			1:10-1:16 → 笔记.md
			3:3-3:12 → 笔记.md @0:0
			3:13-3:23 → img/图.png
			3:24-3:36 → 笔记.md @1:0
			3:37-3:47 → 笔记.md
			`,
		));

	test('broken and ambiguous links are not document links; a missing heading opens the note', () =>
		check(
			`
			//- /x/同名.md
			//- /y/同名.md
			//- /n.md
			//- /a.md
			[[缺失]] [[同名]] [[n#没有]] [[#本页]]
			`,
			`
			0:14-0:22 → n.md @0:0
			0:23-0:30 → a.md @0:0
			`,
		));
});
