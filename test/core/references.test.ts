// References and backlinks from the cursor `$0`, rendered `path line:col-line:col`, in the order returned.
import { describe, expect, test } from 'vitest';
import { findReferences } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, expected: string, includeDeclaration = false): void {
	const { vault, fixture } = vaultFromFixture(source);
	const { path, position } = fixture.cursor!;
	const found = findReferences(vault, path, position, includeDeclaration);
	expect(found.map((location) => `${location.id} ${renderRange(location.range)}`).join('\n')).toBe(
		trimIndent(expected),
	);
}

const HUB = `
	//- /.vault-notes.json
	{ "ignore": ["归档/**"] }
	//- /00-元语/AI.md
	---
	title: 人工智能
	---
	# 人工智能
	正文$1
	## 历史
	见 [[#历史]]。 ^intro
	//- /01-博客/b.md
	---
	topics: ["[[AI]]", "[[AI#历史]]"]
	---
	🤖🤖 [[AI|人工智能]] and [链接](../00-元语/AI.md#历史)
	//- /01-博客/a.md
	[[ai#^intro]] [[00-元语/AI]]
	\`[[AI]]\` is code, [[AI#不存在]] names nothing
	//- /归档/old.md
	[[AI]]
`;

describe('references', () => {
	test('anywhere in a note: every link to it, front matter and self links included, ignored notes left out', () =>
		check(
			HUB.replace('$1', '$0'),
			`
			00-元语/AI.md 6:2-6:9
			01-博客/a.md 0:0-0:13
			01-博客/a.md 0:14-0:26
			01-博客/a.md 1:18-1:28
			01-博客/b.md 1:10-1:16
			01-博客/b.md 1:20-1:29
			01-博客/b.md 3:5-3:16
			01-博客/b.md 3:21-3:44
			`,
		));

	test('includeDeclaration adds the note itself', () =>
		check(
			`
			//- /n.md
			正文$0
			//- /a.md
			[[n]]
			`,
			`
			a.md 0:0-0:5
			n.md 0:0-0:0
			`,
			true,
		));

	test('on a heading: the links naming it, however the fragment is written', () =>
		check(
			HUB.replace('## 历史', '## 历$0史').replace('$1', ''),
			`
			00-元语/AI.md 5:0-5:5
			00-元语/AI.md 6:2-6:9
			01-博客/b.md 1:20-1:29
			01-博客/b.md 3:21-3:44
			`,
			true,
		));

	test('#H1#H2 fragments find the nested heading; a bare fragment finds the first heading of that name', () =>
		check(
			`
			//- /n.md
			# 甲
			## 细节$0
			# 乙
			## 细节
			//- /a.md
			[[n#甲#细节]] [[n#乙#细节]] [[n#细节]] [[n#甲 # 细节]]
			`,
			`
			a.md 0:0-0:10
			a.md 0:22-0:30
			a.md 0:31-0:43
			`,
		));

	test('on a block marker: the links naming the block', () =>
		check(HUB.replace('^intro', '^in$0tro').replace('$1', ''), `01-博客/a.md 0:0-0:13`));

	test('on a link: the links to the same target; with a fragment, to the same anchor', () => {
		check(
			HUB.replace('[[00-元语/AI]]', '[[00-元语/AI$0]]').replace('$1', ''),
			`
			00-元语/AI.md 6:2-6:9
			01-博客/a.md 0:0-0:13
			01-博客/a.md 0:14-0:26
			01-博客/a.md 1:18-1:28
			01-博客/b.md 1:10-1:16
			01-博客/b.md 1:20-1:29
			01-博客/b.md 3:5-3:16
			01-博客/b.md 3:21-3:44
			`,
		);
		check(
			HUB.replace('[[AI#历史]]', '[[AI#历史$0]]').replace('$1', ''),
			`
			00-元语/AI.md 5:0-5:5
			00-元语/AI.md 6:2-6:9
			01-博客/b.md 1:20-1:29
			01-博客/b.md 3:21-3:44
			`,
			true,
		);
	});

	test('a fragment that names nothing finds the links naming the same missing heading', () =>
		check(
			`
			//- /n.md
			//- /a.md
			[[n#没有 这节$0]] [[n#没有这节]] [[n#没有  这节]] [[n]]
			`,
			`
			a.md 0:0-0:11
			a.md 0:23-0:35
			`,
		));

	test('an ambiguous link finds the links to the candidate it navigates to; a broken link finds nothing', () => {
		check(
			`
			//- /x/deep/同名.md
			//- /y/同名.md
			//- /z/a.md
			[[同名$0]] [[y/同名]] [[x/deep/同名]]
			`,
			`
			z/a.md 0:0-0:6
			z/a.md 0:7-0:15
			`,
		);
		check(
			`
			//- /a.md
			[[缺失$0]] [[缺失]]
			`,
			``,
		);
	});
});
