// Quick fixes: every fix for the diagnostics of the note marked `$0` (or the last note), one
// block per fix: `code: title`, then its edits as `a.md 0:2-0:4 → "x"` / `create x.md "…"`.
import { describe, expect, test } from 'vitest';
import { computeDiagnostics } from '../../server/src/core';
import { computeCodeActions } from '../../server/src/core/features/codeActions';
import { formatEditMessage } from '../../server/src/core/features/editMessages';
import { renderVaultEdit } from '../support/applyVaultEdit';
import { trimIndent } from '../support/fixture';
import { vaultFromFiles, vaultFromFixture } from '../support/vaultFixture';

interface Options {
	readonly newNoteLocation?: 'nextToNote' | 'root';
	readonly templates?: Record<string, string>;
}

function check(source: string, expected: string, options: Options = {}): void {
	const { vault, fixture } = vaultFromFixture(source);
	const id = fixture.cursor?.path ?? fixture.files[fixture.files.length - 1]!.path;
	const text = fixture.files.find((file) => file.path === id)!.text;
	const diagnostics = computeDiagnostics(vault, id);
	const fixes = computeCodeActions(vault, id, diagnostics, {
		text,
		newNoteLocation: options.newNoteLocation ?? 'nextToNote',
		templates: new Map(Object.entries(options.templates ?? {})),
		date: '2026-11-28',
	});
	const rendered = fixes.map((fix) => {
		const head = `${diagnostics[fix.diagnostic]!.code}: ${formatEditMessage(fix.title)}${fix.preferred ? ' (preferred)' : ''}`;
		return `${head}\n${renderVaultEdit(fix.edit)}`;
	});
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

describe('broken links', () => {
	test('create the note next to the linking note, and the closest names', () =>
		check(
			`
			//- /blog/Notes.md
			//- /blog/a.md
			[[Note]]
			`,
			`
			broken-link: Create note 'blog/Note.md' (preferred)
			create blog/Note.md ""
			broken-link: Change to 'Notes'
			blog/a.md 0:2-0:6 → "Notes"
			`,
		));

	test('at the vault root by setting; a path goes to that path; a folder template fills it', () => {
		const vault = `
			//- /blog/a.md
			[[新笔记]] [[journal/2026/今天]]
			`;
		check(
			vault,
			`
			broken-link: Create note '新笔记.md' (preferred)
			create 新笔记.md ""
			broken-link: Create note 'journal/2026/今天.md' (preferred)
			create journal/2026/今天.md "# 今天\\n2026-11-28\\n"
			`,
			{ newNoteLocation: 'root', templates: { journal: '# {{title}}\n{{date}}\n' } },
		);
	});

	test('the topics folder gets the topic template; required fields come from the config', () =>
		check(
			`
			//- /.vault-notes.json
			{ "frontMatter": [{ "files": "blog/**", "schema": { "required": ["title", "作者"] } }] }
			//- /blog/a.md
			---
			title: a
			作者: x
			---
			[[00-元语/新主题]] [[b]]
			`,
			`
			broken-link: Create note '00-元语/新主题.md' (preferred)
			create 00-元语/新主题.md "---\\ntitle: 新主题\\n---\\n\\n## 定义\\n\\n## 关联主题\\n"
			broken-link: Create note 'blog/b.md' (preferred)
			create blog/b.md "---\\ntitle: b\\n作者: \\n---\\n"
			`,
		));

	test('no note outside the vault, none for names file systems refuse, none for attachments', () =>
		check(
			`
			//- /a.md
			[[../../x]] [[a:b]] ![[图.png]]
			`,
			'',
		));
});

describe('ambiguous links and topics', () => {
	test('one fix per candidate, rewriting just the target to a unique path', () =>
		check(
			`
			//- /x/AI.md
			//- /y/AI.md
			//- /n.md
			[[AI#H|label]]
			`,
			`
			ambiguous-link: Link to 'x/AI.md'
			n.md 0:2-0:4 → "x/AI"
			ambiguous-link: Link to 'y/AI.md'
			n.md 0:2-0:4 → "y/AI"
			`,
		));

	test('a non-topic gets the topic of the same name, or the line removed; a duplicate topic is removed', () =>
		check(
			`
			//- /00-元语/AI.md
			//- /blog/AI.md
			//- /blog/Other.md
			//- /blog/n.md
			## 关联主题
			- [[blog/AI]]
			- [[Other]]
			- [[00-元语/AI]]
			- [[00-元语/AI]]
			`,
			`
			not-a-topic: Link to the topic '00-元语/AI.md' (preferred)
			blog/n.md 1:4-1:11 → "00-元语/AI"
			not-a-topic: Remove this line from the topics section
			blog/n.md 2:0-3:0 → ""
			duplicate-topic: Remove the duplicate topic (preferred)
			blog/n.md 3:14-4:14 → ""
			`,
		));
});

describe('front matter', () => {
	test('a missing field is added before the closing fence, title filled with the name', () =>
		check(
			`
			//- /.vault-notes.json
			{ "frontMatter": [{ "files": "**/*.md", "schema": { "required": ["title", "date"] } }] }
			//- /笔记.md
			---
			tags: []
			---
			`,
			`
			missing-field: Add the field 'date'
			笔记.md 2:0-2:0 → "date: \\n"
			missing-field: Add the field 'title'
			笔记.md 2:0-2:0 → "title: 笔记\\n"
			`,
		));

	test('missing front matter gets a block with the required fields, title filled with the name', () =>
		check(
			`
			//- /.vault-notes.json
			{ "frontMatter": [{ "files": "**/*.md", "schema": { "required": ["title", "发布日期"] } }] }
			//- /2024 笔记.md
			# Hello
			`,
			`
			missing-front-matter: Add front matter with title, 发布日期 (preferred)
			2024 笔记.md 0:0-0:0 → "---\\ntitle: \\"2024 笔记\\"\\n发布日期: \\n---\\n"
			`,
		));
});

describe('line endings', () => {
	test('inserted lines use the note’s CRLF line endings', () => {
		const config = '{ "frontMatter": [{ "files": "**/*.md", "schema": { "required": ["title", "tags"] } }] }';
		const text = '---\r\ntitle: x\r\n---\r\nbody\r\n';
		const vault = vaultFromFiles([
			{ path: '.vault-notes.json', text: config },
			{ path: 'n.md', text },
		]);
		const diagnostics = computeDiagnostics(vault, 'n.md');
		const fixes = computeCodeActions(vault, 'n.md', diagnostics, {
			text,
			newNoteLocation: 'root',
			templates: new Map(),
			date: '',
		});
		expect(fixes.map((fix) => renderVaultEdit(fix.edit))).toEqual(['n.md 2:0-2:0 → "tags: \\r\\n"']);
	});
});
