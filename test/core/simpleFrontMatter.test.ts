// The fast path of simpleFrontMatter.ts must answer exactly what the yaml path answers: checked on
// generated blocks (simple ones must take the fast path; near-simple ones may take either) and on
// every note of the sample vault.
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FrontMatterResult } from '../../server/src/core/parse/frontMatter';
import {
	readFrontMatter,
	readFrontMatterSimpleOnly,
	readFrontMatterWithYaml,
} from '../../server/src/core/parse/frontMatter';
import { REPEATED_KEY } from '../../server/src/core/parse/yamlWalk';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const SAMPLE_VAULT = path.resolve(__dirname, '../../../shared/vaults/sample');

type KeyPath = readonly (string | number)[];

/** Everything a result holds, `locate` answered for every path worth asking; compared with toStrictEqual. */
function dump(result: FrontMatterResult, paths: readonly KeyPath[]): unknown {
	const { frontMatter, links, problems, bodyStart, bodyStartLine } = result;
	const located = paths.map((keyPath) => ({ keyPath, location: result.locate(keyPath) }));
	return { frontMatter, links, problems, bodyStart, bodyStartLine, located };
}

/** Every key path of the data, the keys as written (repeats and odd ones too), and paths that miss. */
function keyPathsOf(text: string, result: FrontMatterResult): KeyPath[] {
	const keys = new Set(Object.keys(result.frontMatter?.data ?? {}));
	for (const match of text.matchAll(/^([^\r\n:]*):/gm)) keys.add(match[1]!);
	const paths: KeyPath[] = [[], ['missing'], [REPEATED_KEY], [0]];
	for (const key of keys) {
		paths.push([key], [key, 'x'], [key, '0'], [key, '01'], [key, -1], [key, 0.5], [key, 0, 'x'], [key, 1, 0]);
		for (let index = 0; index <= 4; index++) paths.push([key, index]);
	}
	return paths;
}

/** Expects `fast`, a result read from `text`, to answer what the yaml path answers, on every key path too. */
function expectSameAsYaml(text: string, fast: FrontMatterResult): void {
	const slow = readFrontMatterWithYaml(text, new LineIndex(text));
	const paths = keyPathsOf(text, slow);
	expect(dump(fast, paths), JSON.stringify(text)).toStrictEqual(dump(slow, paths));
}

const EOLS = ['\n', '\r\n', '\r'] as const;

function documentOf(lines: readonly string[], eol: string): string {
	return ['---', ...lines, '---', '正文 [[body]]', ''].join(eol);
}

// Pieces of the simple grammar.
const simpleKey = fc.constantFrom(
	'title',
	'标题',
	'发布日期',
	'tags',
	'a',
	'b b',
	'it’s',
	'x-y',
	'über',
	'😀键',
	'toString',
);
const textPieces = [
	'a',
	'Zürich',
	'你好',
	'😀',
	' ',
	'[[笔记]]',
	'![[图.png|别名]]',
	'[[a#b|c]]',
	'http://x.y/z',
	'-',
	'.',
	',',
];
const simpleText = fc
	.array(fc.constantFrom(...textPieces), { minLength: 1, maxLength: 5 })
	.map((parts) => parts.join(''));
const plainFirst = fc.constantFrom('word', '笔记', '2024-12-02', 'v1.2', 'http://a/b', '见 [[甲]]', '😀', 'x#y', 'a:b');
const plainRest = [
	' 看',
	' [[丙]]',
	'-1',
	', z',
	' ![[x|y]]',
	':x',
	'#',
	' & * ! | > % @ ` ? -',
	' {y} [y] x]',
	` "y" 'y'`,
];
const simplePlain = fc
	.tuple(plainFirst, fc.array(fc.constantFrom(...plainRest), { maxLength: 3 }))
	.map(([first, rest]) => first + rest.join(''));
const simpleQuoted = fc.oneof(
	simpleText.map((value) => `"${value.replace(/"/g, '')}"`),
	simpleText.map((value) => `'${value}'`),
	fc.constantFrom('""', "''", "'it''s [[乙]]'", "'[[it''s]] [[D]]'", '"a: b # c"', '"2024-12-02"'),
);
const simpleValue = fc.oneof(simplePlain, simpleQuoted);
const trailing = fc.constantFrom('', '', ' ', '   ');

interface SimpleEntry {
	readonly key: string;
	readonly value: string | undefined;
	readonly items: readonly string[];
	readonly indent: string;
	readonly tail: string;
	readonly blankAfter: boolean;
}

const simpleEntry: fc.Arbitrary<SimpleEntry> = fc.record({
	key: simpleKey,
	value: fc.option(simpleValue, { nil: undefined, freq: 3 }),
	items: fc.array(simpleValue, { maxLength: 3 }),
	indent: fc.constantFrom('', '  ', '    '),
	tail: trailing,
	blankAfter: fc.boolean(),
});

function simpleLines(entries: readonly SimpleEntry[]): string[] {
	const lines: string[] = [];
	for (const entry of entries) {
		lines.push(entry.value === undefined ? `${entry.key}:${entry.tail}` : `${entry.key}: ${entry.value}${entry.tail}`);
		if (entry.value === undefined) for (const item of entry.items) lines.push(`${entry.indent}- ${item}${entry.tail}`);
		if (entry.blankAfter) lines.push(entry.tail);
	}
	return lines;
}

const simpleDocument = fc
	.tuple(fc.array(simpleEntry, { minLength: 1, maxLength: 8 }), fc.constantFrom(...EOLS), fc.boolean())
	.map(([entries, eol, blankFirst]) => documentOf([...(blankFirst ? [''] : []), ...simpleLines(entries)], eol));

// Near-simple pieces: each looks like the simple grammar but may hold what changes its YAML meaning.
const typedKeys = ['true', 'False', '1', '0x1F', '~', 'null', '.5', '<<', '__proto__', '...x', '... x', '.x'];
const indicatorKeys = [
	'-a',
	'?a',
	'"q"',
	"'q'",
	'&a',
	'!t',
	'%k',
	'@k',
	'`k`',
	'[k]',
	'{k}',
	'#k',
	',k',
	'|k',
	'>k',
	'*k',
];
const innerKeys = [
	'a b',
	'a#b',
	'a #b',
	'a[1]',
	'a ',
	'k\u3000',
	'k\u00a0',
	'a"b',
	"a'b",
	'a!b',
	'a&b',
	'a*b',
	'a|b',
	'a>b',
];
const moreInnerKeys = ['a%b', 'a@b', 'a`b', 'a?b', 'a - b', 'a,b', 'a]', 'k'.repeat(1020), 'k'.repeat(1030)];
const oddKey = fc.constantFrom(...typedKeys, ...indicatorKeys, ...innerKeys, ...moreInnerKeys);
const booleansAndNulls = ['true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'yes', 'no', 'on', 'y'];
const nulls = ['null', 'Null', 'NULL', 'nUll', '~', '~x', 'null x'];
const integers = [
	'0',
	'-0',
	'+0',
	'007',
	'12',
	'-12',
	'+12',
	'12345678901234567890',
	'1_000',
	'1,2',
	'1:2',
	'12:30:00',
];
const radixIntegers = ['0x1F', '0X1F', '0xg', '0x', '0o17', '0o8', '0o', '017', '-0x1', '+0o7'];
const floats = ['1.5', '-1.5', '1.', '.5', '1.50', '1e3', '1E-3', '-.5e+2', '1e', '.', '.e1', '1.2.3'];
const specialFloats = ['.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '-.nan', 'inf', 'NaN', '.Nan', '.iNf'];
const dates = ['2024-12-02', '2024-12-02T10:00:00Z', '2024-12-02 10:00', '2024-2-30'];
const dashes = ['-', '-x', '--', '---', '- x', '-- x', '-5', '-.inf', '...', '... x'];
const indicatorsFirst = ['?', '? x', '?x', ':', ':x', '#', '[a]', '[[a]]', '{a: 1}', '&a x', '*a', '!x y', '!!str 1'];
const moreIndicatorsFirst = ['|', '>', '|-', '%x', '@x', '`x`', ',x', ']x', '}x'];
const quotes = ["'a", '"a', "'a'b'", '"a"b"', '"a\\"b"', '"\\u0041[[A]]"', "'[[it''s]]'", '"x"y', "'x' #", '"x" # c'];
const comments = ['a #b', 'a#b', 'x # c', 'a: b', 'a:', 'a :b', 'a:\u3000b'];
const oddCharacters = [
	'a\tb',
	'\u3000x\u3000',
	'\u00a0',
	'a\\b',
	'x\ud800y',
	'x\udc00',
	'\u0085',
	'a\u2028b',
	'a\u0000',
];
const typedValues = [
	...booleansAndNulls,
	...nulls,
	...integers,
	...radixIntegers,
	...floats,
	...specialFloats,
	...dates,
];
const oddValues = [...dashes, ...indicatorsFirst, ...moreIndicatorsFirst, ...quotes, ...comments, ...oddCharacters];
const oddValue = fc.oneof(fc.constantFrom(...typedValues), fc.constantFrom(...oddValues), simpleValue);
const anyKey = fc.oneof({ weight: 3, arbitrary: simpleKey }, { weight: 1, arbitrary: oddKey });
const separator = fc.constantFrom(': ', ': ', ':', ':  ', ' : ', ':\t');
const itemIndent = fc.constantFrom('', '  ', ' ', '    ', '\t');
const oddLines = ['', '   ', '# 注释', '  # c', '  continued', '...', '--- x', 'key: |', '  text', '? k', ': v', '\t'];
const nearSimpleLine = fc.oneof(
	{ weight: 6, arbitrary: fc.tuple(anyKey, separator, oddValue, trailing).map((parts) => parts.join('')) },
	{ weight: 2, arbitrary: fc.tuple(anyKey, fc.constantFrom(':', ': ', ':   ')).map((parts) => parts.join('')) },
	{
		weight: 3,
		arbitrary: fc
			.tuple(itemIndent, fc.constantFrom('- ', '-  ', '-', '- - '), oddValue, trailing)
			.map((parts) => parts.join('')),
	},
	{ weight: 1, arbitrary: fc.constantFrom(...oddLines) },
);
/** A simple block with one to three lines replaced by, or followed by, near-simple lines. */
const nearSimpleDocument = fc
	.tuple(
		fc.array(simpleEntry, { minLength: 1, maxLength: 6 }),
		fc.array(fc.tuple(fc.nat(), fc.boolean(), nearSimpleLine), { minLength: 1, maxLength: 3 }),
		fc.constantFrom(...EOLS),
	)
	.map(([entries, edits, eol]) => {
		const lines = simpleLines(entries);
		for (const [at, replace, line] of edits) lines.splice(at % (lines.length + 1), replace ? 1 : 0, line);
		return documentOf(lines, eol);
	});

describe('the fast path equals the yaml path', () => {
	test('simple blocks take the fast path and answer what yaml answers', () => {
		fc.assert(
			fc.property(simpleDocument, (text) => {
				const fast = readFrontMatterSimpleOnly(text, new LineIndex(text));
				expect(fast, JSON.stringify(text)).toBeDefined();
				expectSameAsYaml(text, fast!);
			}),
			{ numRuns: 1000, seed: 20261128 },
		);
	}, 120_000);

	test('near-simple blocks: the fast path answers what yaml answers or declines', () => {
		let taken = 0;
		let declined = 0;
		fc.assert(
			fc.property(nearSimpleDocument, (text) => {
				const fast = readFrontMatterSimpleOnly(text, new LineIndex(text));
				if (fast === undefined) declined++;
				else taken++;
				expectSameAsYaml(text, readFrontMatter(text, new LineIndex(text)));
			}),
			{ numRuns: 2000, seed: 20261129 },
		);
		console.info(`near-simple blocks: ${taken} took the fast path, ${declined} fell back`);
		// Both outcomes must be common, or the property proves little about one of them.
		expect(taken).toBeGreaterThan(200);
		expect(declined).toBeGreaterThan(200);
	}, 120_000);

	test('every odd key, value and item alone in a simple block', () => {
		const oddKeys = [...typedKeys, ...indicatorKeys, ...innerKeys, ...moreInnerKeys];
		const lines = [
			...oddKeys.flatMap((key) => [`${key}: x`, `${key}:`]),
			...[...typedValues, ...oddValues].flatMap((value) => [`k: ${value}`, `k:\n  - ${value}`, `k:\n- ${value}  `]),
			...oddLines,
		];
		for (const eol of EOLS) {
			for (const line of lines) {
				const text = documentOf(['title: "[[甲]]"', ...line.split('\n'), 'tags:', '  - 乙'], eol);
				expectSameAsYaml(text, readFrontMatter(text, new LineIndex(text)));
			}
		}
	});

	test.each([
		['duplicate keys, the repeat empty', '---\na: 1\nb:\na:\n---\n'],
		['duplicate keys, blank first line', '---\n  \na: 见 [[x]]\na: "[[y]]"\n---\n'],
		['a blank line between a key and its items', '---\ntags:\n\n  - a\n   \n  - b\n---\n'],
		['a list at column 0, then a key', '---\ntags:\n- "[[甲]]"\n- 乙\n\nnext: 3\n---\n'],
		['__proto__ is an own property', '---\n__proto__: x\ntoString: y\n---\n'],
		['numbers as yaml reads them', '---\na: 0o17\nb: 0x1F\nc: -.inf\nd: 1e3\ne: 12345678901234567890\nf: -0\n---\n'],
		['trailing spaces and CRLF', '---\r\na:   \r\nb: "x"  \r\nc: d  \r\n---\r\n'],
	])('%s', (_name, text) => {
		const fast = readFrontMatterSimpleOnly(text, new LineIndex(text));
		expect(fast).toBeDefined();
		expectSameAsYaml(text, fast!);
	});

	test.each([
		['a comment', '---\na: 1 # c\n---\n'],
		['an anchor', '---\na: &x 1\n---\n'],
		['a flow sequence', '---\na: [1, 2]\n---\n'],
		['a nested mapping', '---\na:\n  b: 1\n---\n'],
		['a multi-line plain scalar', '---\na: b\n  c\n---\n'],
		['an escape', '---\na: "\\t"\n---\n'],
		['a tab', '---\na:\tb\n---\n'],
		['a boolean key', '---\ntrue: b\n---\n'],
		['an empty block', '---\n---\n'],
		['an empty list item', '---\na:\n  -\n---\n'],
	])('declines %s', (_name, text) => {
		expect(readFrontMatterSimpleOnly(text, new LineIndex(text))).toBeUndefined();
		expectSameAsYaml(text, readFrontMatter(text, new LineIndex(text)));
	});
});

test('every note of the sample vault: the fast path equals the yaml path', () => {
	if (!existsSync(SAMPLE_VAULT)) {
		console.warn(`${SAMPLE_VAULT}: sample vault absent: only the generated blocks were checked`);
		return;
	}
	let blocks = 0;
	let fast = 0;
	for (const file of listMarkdown(SAMPLE_VAULT)) {
		const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
		const simple = readFrontMatterSimpleOnly(text, new LineIndex(text));
		if (simple?.frontMatter) fast++;
		if (readFrontMatterWithYaml(text, new LineIndex(text)).frontMatter) blocks++;
		expectSameAsYaml(text, readFrontMatter(text, new LineIndex(text)));
	}
	console.info(`sample vault: ${fast} of ${blocks} front-matter blocks took the fast path`);
	expect(blocks).toBeGreaterThan(100);
	// The sample's front matter is simple; a drop here means the fast path started declining real notes.
	expect(fast / blocks).toBeGreaterThan(0.95);
});

function listMarkdown(root: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && entry.name.endsWith('.md')) files.push(path.join(entry.parentPath, entry.name));
	}
	return files.sort();
}
