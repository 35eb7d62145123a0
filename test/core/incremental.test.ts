// Incremental updates equal a from-scratch build: scripted edits, then random operation sequences.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import type { Change } from '../../server/src/core';
import type { FileMap } from '../support/incremental';
import { assertIncrementalMatchesScratch, changeArbitrary } from '../support/incremental';

const note = (id: string, text: string): Change => ({ kind: 'note', id, text });
const deleted = (id: string): Change => ({ kind: 'deleted', id });

describe('scripted edits', () => {
	test('create the target later, edit its headings, rename it, delete it', () => {
		const initial: FileMap = new Map([
			['a.md', '[[b]] [[b#标题]] [[sub/b]] ![[pic.png]]'],
			['c.md', '## 关联主题\n- [[b]]\n- [[b]]'],
			['x/b.md', '# 旧'],
		]);
		assertIncrementalMatchesScratch(initial, [
			[note('b.md', '# 标题')],
			[note('b.md', '# 改了')],
			[note('sub/b.md', 'hello')],
			[deleted('b.md'), note('b2.md', '# 标题')],
			[{ kind: 'attachment', id: 'pic.png' }],
			[deleted('x/b.md')],
			[deleted('sub/b.md'), deleted('pic.png')],
			[note('a.md', '[[b2#标题]]')],
		]);
	});

	test('ambiguity appears and disappears with a second candidate', () => {
		const initial: FileMap = new Map([
			['p/Note.md', '# H'],
			['q/a.md', '[[Note#H]]'],
		]);
		assertIncrementalMatchesScratch(initial, [
			[note('r/Note.md', '')],
			[note('q/Note.md', '# H')],
			[deleted('q/Note.md')],
			[deleted('p/Note.md')],
		]);
	});
});

// Random vaults over a small alphabet of names, so that links collide, resolve, break and turn ambiguous.
const names = ['A', 'b', 'B', '中', 'x/A', 'x/b', 'y/中', 'y/z/A'];
const targets = ['A', 'b', '中', 'x/A', 'z/A', './A', '../A', 'A#H', 'A#^k', 'b#无', '中.md', 'pic.png'];
const bodyArb = fc
	.array(
		fc.oneof(
			fc.constantFrom(...targets).map((t) => `[[${t}]]`),
			fc.constantFrom('# H', 'x ^k', '## 关联主题', 'text'),
		),
		{
			maxLength: 6,
		},
	)
	.map((parts) => parts.join('\n'));
const changeArb = changeArbitrary(names, bodyArb);

describe('random operation sequences', () => {
	test('incremental equals from scratch after every step', () => {
		fc.assert(
			fc.property(fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (steps) => {
				assertIncrementalMatchesScratch(new Map(), steps);
			}),
			{ numRuns: 150, seed: 20261128 },
		);
	});
});
