// Link resolution (SPEC §2.5): every link of the note marked `$0` rendered as
// `line:character 'target' → status target {candidates}`.
import { describe, expect, test } from 'vitest';
import { trimIndent } from '../support/fixture';
import { vaultFromFixture } from '../support/vaultFixture';

function checkLinks(source: string, expected: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const id = fixture.cursor?.path ?? fixture.files[fixture.files.length - 1]!.path;
	const entry = vault.note(id)!;
	const rendered = entry.syntax!.links.map((link, index) => {
		const resolution = entry.resolutions[index]!;
		const candidates = resolution.candidates ? ` {${resolution.candidates.join(', ')}}` : '';
		const at = `${link.range.start.line}:${link.range.start.character}`;
		return `${at} '${link.target}' → ${resolution.status} ${resolution.target ?? '-'}${candidates}`;
	});
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

describe('resolution', () => {
	test('a bare name finds the note in any folder', () =>
		checkLinks(
			`
			//- /00-元语/AI.md
			# AI
			//- /01-博客/a.md
			See [[AI]] and [[ai]] and [[AI.md]].$0
			`,
			`
			0:4 'AI' → resolved 00-元语/AI.md
			0:15 'ai' → resolved 00-元语/AI.md
			0:26 'AI.md' → resolved 00-元语/AI.md
			`,
		));

	test('a path is from the root first, then any path ending with it', () =>
		checkLinks(
			`
			//- /00-元语/AI.md
			//- /x/00-元语/AI.md
			//- /deep/作者/标题.md
			//- /01-博客/a.md
			[[00-元语/AI]] [[作者/标题]] [[元语/AI]]$0
			`,
			`
			0:0 '00-元语/AI' → resolved 00-元语/AI.md
			0:13 '作者/标题' → resolved deep/作者/标题.md
			0:23 '元语/AI' → broken -
			`,
		));

	test('relative paths are from the linking note and never leave the root', () =>
		checkLinks(
			`
			//- /a/b/c.md
			//- /a/x/Note.md
			//- /Note.md
			//- /a/b/n.md
			[[./c]] [[../x/Note]] [[../../Note]] [[../../../Note]] [[./Note]]$0
			`,
			`
			0:0 './c' → resolved a/b/c.md
			0:8 '../x/Note' → resolved a/x/Note.md
			0:22 '../../Note' → resolved Note.md
			0:37 '../../../Note' → broken -
			0:55 './Note' → broken -
			`,
		));

	test('a dot in a name is not an extension; attachments need their exact name', () =>
		checkLinks(
			`
			//- /lazy.nvim：插件管理.md
			//- /SOUL.md 定义.md
			//- /img/图.png
			//- /报告.pdf
			//- /n.md
			[[lazy.nvim：插件管理]] [[SOUL.md 定义]] ![[图.png]] [[图]] [[报告.pdf]] [[img/图.png]]$0
			`,
			`
			0:0 'lazy.nvim：插件管理' → resolved lazy.nvim：插件管理.md
			0:19 'SOUL.md 定义' → resolved SOUL.md 定义.md
			0:34 '图.png' → resolved img/图.png
			0:45 '图' → broken -
			0:51 '报告.pdf' → resolved 报告.pdf
			0:62 'img/图.png' → resolved img/图.png
			`,
		));

	test('a note wins over an attachment, and `.md` names a note when it ends the target', () =>
		checkLinks(
			`
			//- /Plan.md
			//- /Plan
			//- /Read.md.md
			//- /Read.md
			//- /n.md
			[[Plan]] [[Read.md]]$0
			`,
			`
			0:0 'Plan' → resolved Plan.md
			0:9 'Read.md' → resolved Read.md.md
			`,
		));

	test('several candidates: the one in the linking folder wins, else ambiguous with a preferred target', () =>
		checkLinks(
			`
			//- /a/Note.md
			//- /b/Note.md
			//- /b/c/Note.md
			//- /b/n.md
			//- /c/n.md
			[[Note]]$0
			`,
			`
			0:0 'Note' → ambiguous a/Note.md {a/Note.md, b/Note.md, b/c/Note.md}
			`,
		));

	test('the same-folder candidate resolves', () =>
		checkLinks(
			`
			//- /a/Note.md
			//- /b/Note.md
			//- /b/n.md
			[[Note]]$0
			`,
			`
			0:0 'Note' → resolved b/Note.md
			`,
		));

	test('names compare after NFC and case folding', () =>
		checkLinks(
			`
			//- /Cafe\u0301.md
			//- /n.md
			[[CAFÉ]]$0
			`,
			`
			0:0 'CAFÉ' → resolved Cafe\u0301.md
			`,
		));

	test('same-note fragments resolve to the note itself', () =>
		checkLinks(
			`
			//- /n.md
			# 标题
			[[#标题]] [[#^abc]]$0
			`,
			`
			1:0 '' → resolved n.md
			1:8 '' → resolved n.md
			`,
		));

	test('Markdown links resolve from the linking note, or from the root with a leading slash', () =>
		checkLinks(
			`
			//- /docs/a b.md
			//- /docs/img.png
			//- /root.md
			//- /docs/n.md
			[x](<a b.md>) [y](a%20b.md#H) ![z](img.png) [r](/root.md) [w](https://e.com/a.md) [p](/blog/post) [q](gone.md)$0
			`,
			`
			0:0 'a b.md' → resolved docs/a b.md
			0:14 'a b.md' → resolved docs/a b.md
			0:30 'img.png' → resolved docs/img.png
			0:44 '/root.md' → resolved root.md
			0:82 '/blog/post' → notVaultLink -
			0:98 'gone.md' → broken -
			`,
		));
});
