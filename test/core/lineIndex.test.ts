// Offsets ⇄ positions, computed lazily: every query must scan as far as it needs.
import { describe, expect, test } from 'vitest';
import { LineIndex, countLines } from '../../server/src/core/text/lineIndex';

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
