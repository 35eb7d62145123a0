// The scanner against remark (test/support/remarkOracle.ts): on every note of the sample vault
// and on generated documents that mix every construct of SPEC §2.3. Compared: every link (kind,
// embed, range, target, fragment, and the target range of wikilinks) and every heading (level,
// line, text). `SCANNER_ORACLE_DOCUMENTS=20000 npx vitest run test/core/scannerOracle.test.ts`
// runs a longer generated series.
//
// Known divergences (kept here on purpose, not hidden by the generator unless said so):
// - micromark lets an indented code block "interrupt" like a paragraph (an ordered item that
//   does not start at 1, or an empty item, then cannot start after it), which the scanner
//   mirrors; but right after a closed list item micromark does not, and the scanner does not
//   model that exception. Seen in about 1 of 7,000 generated documents (e.g. #8729, #11484,
//   #19623 of the long series: `-\t * * *`, blank, `    ___`, `2) …`), never in the sample vault.
// - GFM footnote definitions (`[^1]: …`, a container block) are not modelled, and the
//   generator writes none: their continuation lines would be read as paragraphs or code.
// - Named character references in a Markdown link destination are decoded for `&amp;`, `&lt;`,
//   `&gt;`, `&quot;`, `&apos;` and `&nbsp;` only (numeric ones always); remark knows all of HTML's.
// - GFM email literal autolinks are not modelled: they hold no character that matters here.
// - A lazy line (a quote's or list item's paragraph continued without its marker) that opens a
//   kind-7 HTML block (`<span>` alone): micromark lets it start the block, the scanner keeps the
//   commonmark.js rule (lazy paragraph text). Seen once in 8,000 token-soup documents.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { scanMarkdown } from '../../server/src/core/parse/markdownScan';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Heading, Link, Range } from '../../server/src/core/types';
import { remarkOracle } from '../support/remarkOracle';
import { generateDocument, generateSoup } from '../support/markdownGenerator';

const SAMPLE_VAULT = path.resolve(__dirname, '../../../shared/vaults/sample');
const GENERATED_DOCUMENTS = Number(process.env.SCANNER_ORACLE_DOCUMENTS ?? 400);
const SOUP_DOCUMENTS = Number(process.env.SCANNER_ORACLE_SOUP ?? 600);

test('matches remark on every note of the sample vault', () => {
	if (!fs.existsSync(SAMPLE_VAULT)) {
		console.warn(`${SAMPLE_VAULT}: sample vault absent: skipped the sample half of this test`);
		return;
	}
	const mismatches: string[] = [];
	for (const file of listNotes(SAMPLE_VAULT)) {
		const diff = check(fs.readFileSync(file, 'utf8'));
		if (diff) mismatches.push(`${path.relative(SAMPLE_VAULT, file)}\n${diff}`);
	}
	expect(mismatches.slice(0, 5).join('\n\n')).toBe('');
}, 180_000);

test('matches remark on generated documents', () => {
	const mismatches: string[] = [];
	for (let index = 0; index < GENERATED_DOCUMENTS; index++) {
		const document = generateDocument(index);
		const diff = check(document);
		if (diff) mismatches.push(`document #${index} ${JSON.stringify(document)}\n${diff}`);
	}
	const summary = mismatches.length === 0 ? '' : `${mismatches.length} of ${GENERATED_DOCUMENTS} documents differ\n`;
	expect(summary + mismatches.slice(0, 5).join('\n\n')).toBe('');
}, 600_000);

test('matches remark on random token soup', () => {
	const mismatches: string[] = [];
	for (let index = 0; index < SOUP_DOCUMENTS; index++) {
		const document = generateSoup(index);
		const diff = check(document);
		if (diff) mismatches.push(`soup #${index} ${JSON.stringify(document)}\n${diff}`);
	}
	const summary = mismatches.length === 0 ? '' : `${mismatches.length} of ${SOUP_DOCUMENTS} documents differ\n`;
	expect(summary + mismatches.slice(0, 5).join('\n\n')).toBe('');
}, 600_000);

/** Scans `raw` both ways; returns '' when they agree, else a compact diff (oracle vs scanner). */
function check(raw: string): string {
	const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	const { bodyStart, bodyStartLine } = findBody(text);
	const oracle = remarkOracle(text, bodyStart);
	const scan = scanMarkdown(text, bodyStart, bodyStartLine);
	const expected = render(oracle.links, oracle.headings);
	const actual = render(scan.links, scan.headings);
	return expected === actual ? '' : diffLines(expected, actual);
}

/** Front matter as the vault reads it: a first line `---` closed by a later line `---`. */
function findBody(text: string): { bodyStart: number; bodyStartLine: number } {
	const lines = new LineIndex(text);
	if (lines.lineCount < 2 || lines.lineText(0) !== '---') return { bodyStart: 0, bodyStartLine: 0 };
	for (let line = 1; line < lines.lineCount; line++) {
		if (lines.lineText(line) !== '---') continue;
		const next = Math.min(line + 1, lines.lineCount - 1);
		return line + 1 < lines.lineCount
			? { bodyStart: lines.lineStarts[next]!, bodyStartLine: next }
			: { bodyStart: text.length, bodyStartLine: line };
	}
	return { bodyStart: 0, bodyStartLine: 0 };
}

function render(links: readonly Link[], headings: readonly Heading[]): string {
	const res: string[] = [];
	for (const link of links) {
		const fragment = link.fragment === undefined ? '' : ` #${JSON.stringify(link.fragment)}`;
		const target = link.kind === 'wiki' ? ` target@${formatRange(link.targetRange)}` : '';
		res.push(
			`${link.kind}${link.embed ? '!' : ''} ${formatRange(link.range)} ${JSON.stringify(link.target)}${fragment}${target}`,
		);
	}
	for (const heading of headings) res.push(`h${heading.level} line ${heading.line} ${JSON.stringify(heading.text)}`);
	return res.join('\n');
}

function formatRange(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function diffLines(expected: string, actual: string): string {
	const expectedLines = new Set(expected.split('\n'));
	const actualLines = new Set(actual.split('\n'));
	const missing = [...expectedLines].filter((line) => !actualLines.has(line)).map((line) => `  oracle only:  ${line}`);
	const extra = [...actualLines].filter((line) => !expectedLines.has(line)).map((line) => `  scanner only: ${line}`);
	return [...missing, ...extra].join('\n') || '  (same lines, different order)';
}

function listNotes(root: string): string[] {
	const res: string[] = [];
	for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const full = path.join(root, entry.name);
		if (entry.isDirectory()) res.push(...listNotes(full));
		else if (entry.name.endsWith('.md')) res.push(full);
	}
	return res.sort();
}
