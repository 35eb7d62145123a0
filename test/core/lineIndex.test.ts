// Offsets ⇄ positions, computed lazily: every query must scan as far as it needs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Position } from '../../server/src/core';
import { LineIndex, computeLineStarts, countLines } from '../../server/src/core/text/lineIndex';

const TEXT = 'a\r\nbb\rccc\n\nd😀e';

describe('LineIndex', () => {
	test('lineText on a fresh index', () => expect(new LineIndex(TEXT).lineText(2)).toBe('ccc'));
	test('lineEnd and offsetAt on a fresh index', () => {
		expect(new LineIndex(TEXT).lineEnd(1)).toBe(5);
		expect(new LineIndex(TEXT).offsetAt({ line: 4, character: 3 })).toBe(14);
	});
	test('positionAt counts UTF-16 units and every line break', () =>
		expect([0, 3, 6, 10, 11, 14].map((offset) => new LineIndex(TEXT).positionAt(offset))).toEqual([
			{ line: 0, character: 0 },
			{ line: 1, character: 0 },
			{ line: 2, character: 0 },
			{ line: 3, character: 0 },
			{ line: 4, character: 0 },
			{ line: 4, character: 3 },
		]));
	test('lineCount and countLines agree', () => {
		for (const text of [TEXT, '', 'x', 'x\n', '\r', '\r\n\r\n'])
			expect(countLines(text)).toBe(new LineIndex(text).lineCount);
	});
});

/** The same answers from the whole line table, built eagerly. */
function reference(text: string) {
	const starts = computeLineStarts(text);
	const lineEnd = (line: number) => {
		let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
		if (end > starts[line]! && text[end - 1] === '\n') end--;
		if (end > starts[line]! && text[end - 1] === '\r') end--;
		return end;
	};
	return {
		positionAt: (offset: number): Position => {
			const clamped = Math.max(0, Math.min(offset, text.length));
			const line = starts.filter((start) => start <= clamped).length - 1;
			return { line, character: clamped - starts[line]! };
		},
		offsetAt: ({ line, character }: Position) => {
			if (line < 0) return 0;
			if (line >= starts.length) return text.length;
			return Math.min(starts[line]! + Math.max(0, character), lineEnd(line));
		},
		lineEnd,
		lineCount: starts.length,
	};
}

describe('LineIndex against the whole line table', () => {
	test('any text, any order of queries: the lazy scan answers as the eager table', () => {
		const textArb = fc
			.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '😀', ' '), { maxLength: 40 })
			.map((parts) => parts.join(''));
		const queryArb = fc.oneof(
			fc.record({ kind: fc.constant('positionAt' as const), at: fc.integer({ min: -2, max: 90 }) }),
			fc.record({ kind: fc.constant('offsetAt' as const), at: fc.integer({ min: -1, max: 30 }), character: fc.nat(6) }),
			fc.record({ kind: fc.constant('lineEnd' as const), at: fc.nat(30) }),
			fc.record({ kind: fc.constant('lineCount' as const), at: fc.constant(0) }),
		);
		fc.assert(
			fc.property(textArb, fc.array(queryArb, { maxLength: 12 }), (text, queries) => {
				const lazy = new LineIndex(text);
				const eager = reference(text);
				for (const query of queries) {
					if (query.kind === 'positionAt') expect(lazy.positionAt(query.at)).toEqual(eager.positionAt(query.at));
					else if (query.kind === 'offsetAt') {
						const position = { line: query.at, character: query.character };
						expect(lazy.offsetAt(position)).toBe(eager.offsetAt(position));
					} else if (query.kind === 'lineEnd') {
						if (query.at < eager.lineCount) expect(lazy.lineEnd(query.at)).toBe(eager.lineEnd(query.at));
					} else expect(lazy.lineCount).toBe(eager.lineCount);
				}
			}),
			{ numRuns: 500, seed: 20261129 },
		);
	});
});
