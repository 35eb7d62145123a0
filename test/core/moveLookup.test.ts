// A rename looks only at the notes a move can affect, and resolves against the vault's lookup
// with the moves laid over it: both must answer as looking at every note against a lookup built
// anew from the moved files did.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FileMove } from '../../server/src/core/features/vaultEdit';
import {
	LookupAfterMoves,
	notesAffectedByMoves,
	updateLinksForMoves,
} from '../../server/src/core/features/updateLinksForMoves';
import { FileLookup, keysReaching } from '../../server/src/core/index/lookup';
import { nameKey, pathTails } from '../../server/src/core/text/paths';
import type { FileMap } from '../support/incremental';
import { scratch } from '../support/incremental';

// Few names, so that moves collide with other files, catch short links and make them ambiguous.
const notes = ['A', 'b', 'B', '中', 'x/A', 'x/b', 'y/中', 'y/z/A', 'hub'].map((name) => `${name}.md`);
const attachments = ['pic.png', 'x/pic.png', 'Pic.PNG'];
const targets = ['A', 'b', '中', 'x/A', 'z/A', './A', '../A', 'A#H', 'b|b', 'hub', 'c', 'pic.png', 'x/c'];
const linkArb = fc.oneof(
	fc.constantFrom(...targets).map((target) => `[[${target}]]`),
	fc.constantFrom(...targets).map((target) => `[m](${encodeURI(target.replace(/[#|].*/, ''))}.md)`),
	fc.constantFrom('![](pic.png)', '![](x/pic.png)', '---\nrelated: "[[A]]"\n---', '# H', 'text'),
);
const filesArb = fc
	.record({
		notes: fc.subarray(notes, { minLength: 1 }),
		attachments: fc.subarray(attachments),
		bodies: fc.array(fc.array(linkArb, { maxLength: 5 }), { minLength: notes.length, maxLength: notes.length }),
	})
	.map(({ notes: ids, attachments: pictures, bodies }) => {
		const files: FileMap = new Map();
		ids.forEach((id, index) => files.set(id, bodies[index]!.join('\n')));
		for (const picture of pictures) files.set(picture, null);
		return files;
	});
const newPaths = ['c.md', 'x/c.md', 'A.md', 'z/A.md', 'y/hub.md', 'b.md', 'pic.png', 'c.png', 'x/y/pic.png'];

/** Files and moves of some of them (notes to notes, attachments to attachments), unknown files included. */
const caseArb = filesArb.chain((files) =>
	fc
		.array(fc.record({ from: fc.constantFrom(...[...files.keys()], 'gone.md'), to: fc.constantFrom(...newPaths) }), {
			minLength: 1,
			maxLength: 3,
		})
		.map((moves) => ({
			files,
			moves: moves.filter((move) => move.from.endsWith('.md') === move.to.endsWith('.md')) as FileMove[],
		})),
);

describe('a move laid over the lookup', () => {
	test('answers every key as a lookup built from the moved files', () => {
		fc.assert(
			fc.property(caseArb, ({ files, moves }) => {
				const vault = scratch(files);
				const moved = new Map(
					moves.filter((move) => move.from !== move.to && vault.file(move.from)).map((move) => [move.from, move.to]),
				);
				const fresh = new FileLookup();
				for (const id of vault.ids()) fresh.add(moved.get(id) ?? id, vault.file(id)!.kind);
				const over = new LookupAfterMoves(vault, moved);
				const keys = new Set(
					[...vault.ids(), ...moved.values()].flatMap((id) => [nameKey(id), ...pathTails(nameKey(id))]),
				);
				for (const key of keys) {
					for (const kind of ['note', 'attachment'] as const) {
						expect(over.byPath(key, kind), `byPath ${key} ${kind}`).toEqual(fresh.byPath(key, kind));
						expect(over.byTail(key, kind), `byTail ${key} ${kind}`).toEqual(fresh.byTail(key, kind));
					}
				}
			}),
			{ numRuns: 300, seed: 20261129 },
		);
	});
});

describe('the notes a move can affect', () => {
	test('give the link edits that looking at every note gives', () => {
		fc.assert(
			fc.property(caseArb, fc.boolean(), ({ files, moves }, withTexts) => {
				const vault = scratch(files);
				const textOf = (id: string) => (withTexts ? (files.get(id) ?? undefined) : undefined);
				const affected = updateLinksForMoves(vault, moves, textOf);
				const everyNote = updateLinksForMoves(vault, moves, textOf, vault.noteIds());
				expect(affected).toEqual(everyNote);
			}),
			{ numRuns: 300, seed: 20261130 },
		);
	});

	test('a hub rename looks at the hub and its linking notes only', () => {
		const vault = scratch(
			new Map([
				['hub.md', ''],
				['a.md', '[[hub]]'],
				['b.md', '[[other]]'],
				['x/c.md', '[[新]]'],
			]),
		);
		expect(notesAffectedByMoves(vault, [{ from: 'hub.md', to: '新.md' }])).toEqual(['a.md', 'hub.md', 'x/c.md']);
		expect(keysReaching('新.md')).toContain('新');
	});
});
