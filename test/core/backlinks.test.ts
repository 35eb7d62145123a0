// Backlinks (vaultNotes/backlinks): the links to the note marked `$0` (or the first file),
// one line per linking note: `path 'title' range, range…`.
import { describe, expect, test } from 'vitest';
import { listBacklinks } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { renderRange, vaultFromFixture } from '../support/vaultFixture';

function checkBacklinks(source: string, expected: string): void {
	const { vault, fixture } = vaultFromFixture(source);
	const id = fixture.cursor?.path ?? fixture.files[0]!.path;
	const rendered = listBacklinks(vault, id).map(
		(group) => `${group.id} '${group.title}' ${group.ranges.map(renderRange).join(', ')}`,
	);
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

describe('backlinks', () => {
	test('grouped by linking note, sorted by title; every kind of link counts, UTF-16 columns', () =>
		checkBacklinks(
			`
			//- /00-元语/AI.md
			# AI
			//- /z.md
			---
			title: Alpha
			related: "[[AI]]"
			---
			😀 [[AI#AI|人工智能]] and [AI](00-元语/AI.md)
			//- /a.md
			---
			title: 中文标题
			---
			![[AI]] [[00-元语/AI]]
			//- /b.md
			[[Other]] only
			`,
			`
			z.md 'Alpha' 2:10-2:16, 4:3-4:17, 4:22-4:39
			a.md '中文标题' 3:0-3:7, 3:8-3:20
			`,
		));

	test('links of the note to itself and from ignored notes are left out', () =>
		checkBacklinks(
			`
			//- /.vault-notes.json
			{ "ignore": ["archive/**"] }
			//- /hub.md
			# H$0
			[[#H]] [[hub]]
			//- /archive/old.md
			[[hub]]
			//- /x.md
			[[hub]]
			`,
			`
			x.md 'x' 0:0-0:7
			`,
		));

	test('an ambiguous link counts for the candidate it navigates to only', () =>
		checkBacklinks(
			`
			//- /a/n.md
			$0
			//- /b/n.md
			//- /c/x.md
			[[n]]
			`,
			`
			c/x.md 'x' 0:0-0:5
			`,
		));

	test('a hub: thousands of linking notes, in title order', () => {
		const files = Array.from(
			{ length: 2000 },
			(_, index) => `//- /notes/${String(index).padStart(4, '0')}.md\n[[hub]]`,
		);
		const { vault } = vaultFromFixture(`//- /hub.md\n${files.join('\n')}`);
		const groups = listBacklinks(vault, 'hub.md');
		expect(groups).toHaveLength(2000);
		expect(groups[0]!.id).toBe('notes/0000.md');
		expect(groups[1999]!.id).toBe('notes/1999.md');
	});
});
