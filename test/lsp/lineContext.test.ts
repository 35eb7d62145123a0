// The line text shown around a backlink: trimmed, cut around the link, surrogate pairs kept whole.
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../server/src/core';
import { lineContext } from '../../server/src/lsp/lineContext';

/** Renders the context with the link in «»; the link is the first `[[…]]` of line 0. */
function check(line: string): string {
	const start = line.indexOf('[[');
	const end = line.indexOf(']]', start) + 2;
	const lines = new LineIndex(`${line}\nnext line`);
	const res = lineContext(lines, { start: { line: 0, character: start }, end: { line: 0, character: end } });
	return `${res.context.slice(0, res.contextStart)}«${res.context.slice(res.contextStart, res.contextEnd)}»${res.context.slice(res.contextEnd)}`;
}

describe('lineContext', () => {
	test('a short line is shown whole, white space trimmed', () =>
		expect(check('  - see [[a]] now  ')).toBe('- see «[[a]]» now'));

	test('a long line is cut around the link and the cuts are marked', () => {
		const res = check(`${'x'.repeat(200)} [[a]] ${'y'.repeat(200)}`);
		expect(res).toBe(`…${'x'.repeat(56)} «[[a]]» ${'y'.repeat(57)}…`);
	});

	test('a link near the start keeps the start and gives the rest to the tail', () =>
		expect(check(`[[a]] ${'y'.repeat(200)}`)).toBe(`«[[a]]» ${'y'.repeat(114)}…`));

	test('a link longer than the width is the whole context', () => {
		const link = `[[${'z'.repeat(150)}]]`;
		expect(check(`before ${link} after`)).toBe(`…«${link}»…`);
	});

	test('emoji are never cut in half', () => {
		const res = check(`${'😀'.repeat(100)}[[a]]${'😀'.repeat(100)}`);
		expect(res).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
	});
});
