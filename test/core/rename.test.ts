// Rename (F2): the cursor `$0` stands on a link or a heading; the result is the rendered edit
// (`b.md 3:2-3:9 → "new"`, `rename a → b`) or the refusal's message id.
import { describe, expect, test } from 'vitest';
import { prepareRename, renameHeading, renameNote } from '../../server/src/core/features/rename';
import { updateLinksForMoves } from '../../server/src/core/features/updateLinksForMoves';
import { applyVaultEdit, renderVaultEdit } from '../support/applyVaultEdit';
import { trimIndent } from '../support/fixture';
import { vaultFromFiles, vaultFromFixture } from '../support/vaultFixture';

function check(source: string, typed: string, expected: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const texts = new Map(fixture.files.map((file) => [file.path, file.text]));
	const cursor = fixture.cursor!;
	const prepared = prepareRename(vault, cursor.path, cursor.position);
	const textOf = (id: string) => texts.get(id);
	const result =
		prepared.kind === 'refused'
			? prepared
			: prepared.kind === 'note'
				? renameNote(vault, prepared.target, typed, textOf)
				: renameHeading(vault, prepared.note, prepared.line, typed, textOf);
	if (result.kind === 'refused') {
		expect(`refused ${result.message.id}`).toBe(trimIndent(expected));
		return;
	}
	expect(renderVaultEdit(result.edit)).toBe(trimIndent(expected));
	// After the edit every link that resolved before resolves to the same (renamed) file.
	const after = vaultFromFiles([...applyVaultEdit(texts, result.edit)].map(([path, text]) => ({ path, text })));
	const renamed = new Map(result.edit.renames.map((move) => [move.from, move.to]));
	for (const id of vault.noteIds()) {
		const before = vault.note(id)!;
		const afterEntry = after.note(renamed.get(id) ?? id)!;
		before.resolutions.forEach((resolution, index) => {
			if (resolution.status !== 'resolved') return;
			expect(afterEntry.resolutions[index]!.target).toBe(renamed.get(resolution.target!) ?? resolution.target);
		});
	}
}

describe('rename a note from a link', () => {
	test('bare names, paths, labels and fragments keep their style', () =>
		check(
			`
			//- /00-元语/AI.md
			# AI
			//- /01-博客/a.md
			See [[A$0I]], [[00-元语/AI#AI|人工]], [[AI|AI]] and ![[ai.md]].
			`,
			'人工智能',
			`
			01-博客/a.md 0:6-0:8 → "人工智能"
			01-博客/a.md 0:14-0:22 → "00-元语/人工智能"
			01-博客/a.md 0:34-0:36 → "人工智能"
			01-博客/a.md 0:37-0:39 → "人工智能"
			01-博客/a.md 0:49-0:54 → "人工智能.md"
			rename 00-元语/AI.md → 00-元语/人工智能.md
			`,
		));

	test('a path moves the note; bare names stay when still unique, full paths follow', () =>
		check(
			`
			//- /00-元语/AI.md
			//- /a.md
			[[AI$0]] [[00-元语/AI]] [[./00-元语/AI]]
			`,
			'主题/AI',
			`
			a.md 0:9-0:17 → "主题/AI"
			a.md 0:22-0:32 → "./主题/AI"
			rename 00-元语/AI.md → 主题/AI.md
			`,
		));

	test('a short name that would become ambiguous is lengthened', () =>
		check(
			`
			//- /x/Old.md
			//- /y/New.md
			//- /a.md
			[[Old$0]] [[New]]
			`,
			'New',
			`
			a.md 0:2-0:5 → "x/New"
			a.md 0:10-0:13 → "y/New"
			rename x/Old.md → x/New.md
			`,
		));

	test('Markdown links: relative paths, <…>, percent-encoding and labels', () =>
		check(
			`
			//- /notes/My Note.md
			//- /blog/a.md
			[My Note](../notes/My%20Note.md$0#Top) [x](<../notes/My Note.md>) [y](/notes/My%20Note.md)
			`,
			'Your Note',
			`
			blog/a.md 0:1-0:8 → "Your Note"
			blog/a.md 0:10-0:31 → "../notes/Your%20Note.md"
			blog/a.md 0:42-0:61 → "../notes/Your Note.md"
			blog/a.md 0:68-0:87 → "/notes/Your%20Note.md"
			rename notes/My Note.md → notes/Your Note.md
			`,
		));

	test('links inside the moved note are recomputed when relative', () =>
		check(
			`
			//- /a/n.md
			[[./m]] [m](m.md) [[m]] [[a/m]]
			//- /a/m.md
			//- /b.md
			[[n$0]]
			`,
			'c/d/n',
			`
			a/n.md 0:2-0:5 → "../../a/m"
			a/n.md 0:12-0:16 → "../../a/m.md"
			rename a/n.md → c/d/n.md
			`,
		));

	test('front-matter links keep their quotes', () =>
		check(
			`
			//- /AI.md
			//- /a.md
			---
			related: "[[AI]]"
			list:
			  - '[[AI#x]]'
			---
			[[AI$0]]
			`,
			'ML',
			`
			a.md 1:12-1:14 → "ML"
			a.md 3:7-3:9 → "ML"
			a.md 5:2-5:4 → "ML"
			rename AI.md → ML.md
			`,
		));

	test('refusals', () => {
		const vault = `
			//- /00-元语/AI.md
			//- /00-元语/ML.md
			//- /a.md
			[[AI$0]]
			`;
		check(vault, 'ml', 'refused targetExists');
		check(vault, '../../x', 'refused outsideVault');
		check(vault, '.hidden/AI', 'refused invisiblePath');
		check(vault, 'a: b', 'refused invalidCharacters');
		check(vault, 'C# notes', 'refused invalidCharacters');
		check(vault, '  ', 'refused emptyName');
		check(vault, 'AI', 'refused sameName');
	});

	test('a case-only rename is allowed', () =>
		check(
			`
			//- /AI.md
			//- /a.md
			[[AI$0]]
			`,
			'ai',
			`
			a.md 0:2-0:4 → "ai"
			rename AI.md → ai.md
			`,
		));

	test('broken and ambiguous links are not renamed', () => {
		check(`//- /a.md\n[[nowhere$0]]`, 'x', 'refused brokenTarget');
		check(`//- /x/A.md\n//- /y/A.md\n//- /n.md\n[[A$0]]`, 'x', 'refused ambiguousTarget');
		check(`//- /a.md\nplain $0text`, 'x', 'refused notRenamable');
	});
});

describe('rename a heading', () => {
	test('the heading and every fragment naming it, nested ones too', () =>
		check(
			`
			//- /n.md
			# Top
			## Old$0 one
			See [[#Old one]] and [[n#Top#Old one|x]].
			//- /a.md
			[[n#old one]] [x](n.md#Old%20one) [[n#Top]]
			`,
			'New: one',
			`
			n.md 1:3-1:10 → "New: one"
			n.md 2:7-2:14 → "New: one"
			n.md 2:29-2:36 → "New: one"
			a.md 0:4-0:11 → "New: one"
			a.md 0:23-0:32 → "New:%20one"
			`,
		));

	test('from a link fragment, and refusing a clash', () => {
		const vault = `
			//- /n.md
			# A
			# B
			//- /a.md
			[[n#A$0]]
			`;
		check(vault, 'C', 'n.md 0:2-0:3 → "C"\na.md 0:4-0:5 → "C"');
		check(vault, 'b', 'refused headingExists');
	});
});

describe('rename details', () => {
	test('fully percent-encoded Markdown links stay encoded; a label equal to the title follows the new name', () =>
		check(
			`
			//- /笔记/甲.md
			---
			title: 标题甲
			---
			//- /a.md
			[标题甲](%E7%AC%94%E8%AE%B0/%E7%94%B2.md$0)
			`,
			'乙 丙',
			`
			a.md 0:1-0:4 → "乙 丙"
			a.md 0:6-0:37 → "%E7%AC%94%E8%AE%B0/%E4%B9%99%20%E4%B8%99.md"
			rename 笔记/甲.md → 笔记/乙 丙.md
			`,
		));

	test('after the link edits are in the index, the same move finds nothing left to rewrite', () => {
		const { vault, fixture } = vaultFromFixture(`
			//- /00-元语/AI.md
			[[./x]] [x](x.md)
			//- /00-元语/x.md
			//- /a.md
			[[AI]] [[00-元语/AI|AI]] [a](00-元语/AI.md)
			`);
		const texts = new Map(fixture.files.map((file) => [file.path, file.text]));
		const result = renameNote(vault, '00-元语/AI.md', '/主题/人工智能', (id) => texts.get(id));
		if (result.kind !== 'edit') throw new Error('refused');
		// The editor applied the text edits (didChange) but has not moved the file yet.
		const edited = applyVaultEdit(texts, { ...result.edit, renames: [] });
		const second = updateLinksForMoves(
			vaultFromFiles([...edited].map(([path, text]) => ({ path, text }))),
			result.edit.renames,
			(id) => edited.get(id),
		);
		expect(second.changes).toEqual([]);
	});
});

describe('moves of attachments and folders', () => {
	function checkMoves(source: string, moves: { from: string; to: string }[], expected: string): void {
		const { vault, fixture } = vaultFromFixture(source);
		const texts = new Map(fixture.files.map((file) => [file.path, file.text]));
		const update = updateLinksForMoves(vault, moves, (id) => texts.get(id));
		expect(renderVaultEdit({ changes: update.changes, renames: [], creations: [] })).toBe(trimIndent(expected));
	}

	test('an attachment keeps its extension; embeds and Markdown images follow', () =>
		checkMoves(
			`
			//- /img/图 1.png
			//- /n.md
			![[图 1.png]] ![alt](img/图%201.png) ![[img/图 1.png|300]]
			`,
			[{ from: 'img/图 1.png', to: 'assets/图 2.png' }],
			`
			n.md 0:3-0:10 → "图 2.png"
			n.md 0:20-0:33 → "assets/图%202.png"
			n.md 0:38-0:49 → "assets/图 2.png"
			`,
		));

	test('a folder move: every file in it, links between them that are relative stay as they are', () =>
		checkMoves(
			`
			//- /a/x.md
			[[./y]] [y](y.md) [[a/y]]
			//- /a/y.md
			//- /n.md
			[[x]] [[a/x]]
			`,
			[
				{ from: 'a/x.md', to: 'b/x.md' },
				{ from: 'a/y.md', to: 'b/y.md' },
			],
			`
			a/x.md 0:20-0:23 → "b/y"
			n.md 0:8-0:11 → "b/x"
			`,
		));
});
