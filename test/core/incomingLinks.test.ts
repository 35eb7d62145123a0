// `VaultIndex.incomingLinks` keeps the lists of the targets last asked for, and references and the
// backlinks view keep their answers per list: after any sequence of changes, every answer must
// be the one a freshly built index gives, and kept lists must name the current note entries.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Change, VaultIndex } from '../../server/src/core';
import { findReferences, listBacklinks } from '../../server/src/core';
import { countShownLinkingNotes, shownLinkingNotes } from '../../server/src/core/features/shownLinkingNotes';
import type { FileMap } from '../support/incremental';
import { applyToFiles, changeArbitrary, scratch } from '../support/incremental';
import { renderRange } from '../support/vaultFixture';

const note = (id: string, text: string): Change => ({ kind: 'note', id, text });
const deleted = (id: string): Change => ({ kind: 'deleted', id });

/** Everything the kept lists feed, for every note id the random vaults use. */
function answers(vault: VaultIndex, ids: readonly string[]): string {
	return ids
		.map((id) => {
			const incoming = vault
				.incomingLinks(id)
				.map(({ entry, links }) => {
					// A kept list must hold the entry the index has now, not one an edit replaced.
					expect(vault.note(entry.id), `${id} ← ${entry.id}`).toBe(entry);
					return `${entry.id}[${links.join(',')}]`;
				})
				.join(' ');
			const references = vault.file(id)
				? findReferences(vault, id, { line: 0, character: 0 }, false)
						.map((location) => `${location.id} ${renderRange(location.range)}`)
						.join(', ')
				: '';
			const backlinks = listBacklinks(vault, id)
				.map((group) => `${group.id} '${group.title}' ${group.ranges.map(renderRange).join(' ')}`)
				.join(', ');
			// The views count without listing: the count must be the listed notes' number.
			expect(countShownLinkingNotes(vault, id), id).toBe(shownLinkingNotes(vault, id).length);
			return `${id}\n  ← ${incoming}\n  refs ${references}\n  backlinks ${backlinks}`;
		})
		.join('\n');
}

function assertAnswersMatchScratch(initial: FileMap, steps: readonly (readonly Change[])[], ids: readonly string[]) {
	const files: FileMap = new Map(initial);
	const vault = scratch(files);
	steps.forEach((step, stepIndex) => {
		// Asked before the change, so that lists and answers are kept across it.
		answers(vault, ids);
		vault.apply(step);
		applyToFiles(files, step);
		const fresh = scratch(files);
		const context = `after step ${stepIndex}: ${JSON.stringify(step)}`;
		expect(answers(vault, ids), context).toBe(answers(fresh, ids));
		expect(vault.noteCount, context).toBe(fresh.noteIds().length);
	});
}

// Few names, so that links collide, resolve, break and turn ambiguous; more targets than lists
// are kept, so that lists are also dropped for room.
const names = ['A', 'b', 'B', '中', 'x/A', 'x/b', 'y/中', 'y/z/A', 'hub', 'x/hub', 'c'];
const ids = [...names.map((name) => `${name}.md`), 'pic.png'];
const targets = ['A', 'b', '中', 'x/A', 'z/A', './A', '../A', 'A#H', 'A#^k', 'b#无', '中.md', 'pic.png', 'hub', 'c'];
const bodyArb = fc
	.array(
		fc.oneof(
			fc.constantFrom(...targets).map((t) => `[[${t}]]`),
			fc.constantFrom(...targets).map((t) => `[x](${encodeURI(t)})`),
			fc.constantFrom('# H', 'x ^k', '---\ntitle: 标题\n---', 'text', ''),
		),
		{ maxLength: 6 },
	)
	.map((parts) => parts.join('\n'));
const changeArb = changeArbitrary(names, bodyArb);

describe('kept incoming-links lists and the answers built on them', () => {
	test('equal a fresh index after every step of random operation sequences', () => {
		fc.assert(
			fc.property(fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 10 }), (steps) => {
				assertAnswersMatchScratch(new Map(), steps, ids);
			}),
			{ numRuns: 150, seed: 20261129 },
		);
	});

	test('a linking note edited above its link moves the reference; its title change reorders backlinks', () => {
		const initial: FileMap = new Map([
			['hub.md', '# Hub'],
			['a.md', '[[hub]]'],
			['b.md', '---\ntitle: B\n---\n[[hub]] [[hub#Hub]]'],
		]);
		assertAnswersMatchScratch(
			initial,
			[
				[note('a.md', '\n\n  [[hub]]')],
				[note('b.md', '---\ntitle: 0\n---\n[[hub]]')],
				[note('hub.md', '# Other')],
				[deleted('a.md')],
				[note('x/hub.md', '')],
				[deleted('hub.md')],
			],
			['hub.md', 'x/hub.md', 'a.md', 'b.md'],
		);
	});
});

describe('what a change keeps', () => {
	const build = () =>
		scratch(
			new Map([
				['hub.md', ''],
				['a.md', '[[hub]] [[later]]'],
				['b.md', '[[hub]]'],
			]),
		);

	test('asking again gives the same list and the same answers', () => {
		const vault = build();
		const list = vault.incomingLinks('hub.md');
		expect(vault.incomingLinks('hub.md')).toBe(list);
		expect(findReferences(vault, 'hub.md', { line: 0, character: 0 }, false)).toBe(
			findReferences(vault, 'hub.md', { line: 0, character: 0 }, false),
		);
		expect(listBacklinks(vault, 'hub.md')).toBe(listBacklinks(vault, 'hub.md'));
	});

	test('a note that appears re-resolves the links to it, not the hub links of the same notes', () => {
		const vault = build();
		const list = vault.incomingLinks('hub.md');
		vault.apply([note('later.md', '')]);
		expect(vault.incomingLinks('hub.md')).toBe(list);
		expect(vault.incomingLinks('later.md').map(({ entry }) => entry.id)).toEqual(['a.md']);
	});

	test('an edit of a linking note gives a new list', () => {
		const vault = build();
		const list = vault.incomingLinks('hub.md');
		vault.apply([note('b.md', 'x [[hub]]')]);
		const next = vault.incomingLinks('hub.md');
		expect(next).not.toBe(list);
		expect(next.map(({ entry, links }) => [entry.id, links])).toEqual([
			['a.md', [0]],
			['b.md', [0]],
		]);
	});
});
