// Fuzz and property tests (seeded fast-check): parsing never throws on any string or any bytes,
// every diagnostic range lies inside its document, and incremental updates equal a from-scratch
// build over random operation sequences with hostile names and content.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Change, Range } from '../../server/src/core';
import { VaultIndex, computeDiagnostics, loadConfig, parseNote, stripBom } from '../../server/src/core';
import { decodeNote } from '../../server/src/workspace/readNote';
import type { FileMap } from '../support/incremental';
import { assertIncrementalMatchesScratch } from '../support/incremental';

const SEED = 20261128;
const CONFIG = loadConfig(
	JSON.stringify({
		frontMatter: [
			{
				files: '**/*.md',
				schema: {
					required: ['title'],
					properties: { title: { type: 'string', minLength: 1 }, date: { type: 'string', format: 'date' } },
				},
			},
		],
	}),
);

/** Pieces that matter to the scanner and the front-matter reader, plus hostile code units. */
const TOKENS = [
	'[[',
	']]',
	'|',
	'\\|',
	'#',
	'^',
	'^id',
	'!',
	'[',
	']',
	'(',
	')',
	'<',
	'>',
	'`',
	'```',
	'~~~',
	'*',
	'_',
	'\\',
	'%%',
	'$',
	'$$',
	'<!--',
	'-->',
	'<div>',
	'</div>',
	'---',
	'- ',
	'1. ',
	'> ',
	'    ',
	'\t',
	' ',
	'\n',
	'\r',
	'\r\n',
	'\ufeff',
	'\u0000',
	'\u001b',
	'\u200b',
	'\ud800',
	'\udc00',
	'\ud83d\ude00',
	'é',
	'e\u0301',
	'中',
	'关联主题',
	'title: ',
	'date: 2024-02-30',
	'"[[a]]"',
	': ',
	'&a ',
	'*a',
	'{',
	'}',
	'a',
	'b',
	'x y',
	'.md',
	'http://x',
	'%20',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });
const hostileText = fc.oneof(
	tokenText,
	anyCodeUnits,
	fc.string({ unit: 'binary' }),
	fc.tuple(tokenText, tokenText).map(([front, body]) => `---\n${front}\n---\n${body}`),
);

describe('parsing never throws', () => {
	test('parseNote on arbitrary strings (unicode, lone surrogates, CR, BOM, control characters)', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				parseNote('a.md', text, CONFIG);
			}),
			{ numRuns: 500, seed: SEED },
		);
	});

	test('decodeNote then parseNote on arbitrary bytes', () => {
		const bytes = fc.oneof(
			fc.uint8Array({ maxLength: 300 }),
			tokenText.map((text) => {
				const encoded = new TextEncoder().encode(text);
				// Cut somewhere, as a truncated read would, possibly inside a UTF-8 sequence.
				return encoded.slice(0, Math.max(0, encoded.length - (encoded.length % 3)));
			}),
		);
		fc.assert(
			fc.property(bytes, (input) => {
				const change = decodeNote('a.md', input, 5_000_000);
				if (change.kind === 'note') parseNote('a.md', change.text, CONFIG);
				else expect(change.kind).toBe('skipped');
			}),
			{ numRuns: 500, seed: SEED },
		);
	});
});

describe('diagnostic ranges', () => {
	test('every diagnostic range lies inside its document', () => {
		const vaultArb = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'x y', '中', 'sub/a', 'sub/c'), hostileText), {
			minLength: 1,
			maxLength: 5,
		});
		fc.assert(
			fc.property(vaultArb, (notes) => {
				const texts = new Map(notes.map(([name, text]) => [`${name}.md`, text]));
				const vault = new VaultIndex(CONFIG);
				vault.apply([...texts].map(([id, text]): Change => ({ kind: 'note', id, text })));
				for (const [id, text] of texts) {
					const lines = stripBom(text).split(/\r\n|\r|\n/);
					for (const diagnostic of computeDiagnostics(vault, id)) {
						const where = `${id} ${diagnostic.code} ${JSON.stringify(diagnostic.range)} in ${JSON.stringify(text)}`;
						expect(isInside(diagnostic.range, lines), where).toBe(true);
					}
				}
			}),
			{ numRuns: 300, seed: SEED },
		);
	});
});

function isInside(range: Range, lines: readonly string[]): boolean {
	const { start, end } = range;
	const positionInside = (position: Range['start']) =>
		position.line >= 0 &&
		position.line < lines.length &&
		position.character >= 0 &&
		position.character <= lines[position.line]!.length;
	const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
	return positionInside(start) && positionInside(end) && ordered;
}

// Names that collide under the comparison rule (case, NFC/NFD), hold spaces, dots and CJK, and
// sit in folders, so links resolve, break, turn ambiguous and come back.
const NOTE_NAMES = [
	'a',
	'A',
	'sub/a',
	'Sub/A',
	'é',
	'e\u0301',
	'x y',
	'sub/x y',
	'v1.2',
	'dots.in.name',
	'中文',
	'sub/中文',
	'deep/er/a',
	'lazy.nvim：x',
	'00-元语/AI',
];
const ATTACHMENTS = ['pic.png', 'sub/pic.png', 'a.png', 'doc.pdf', 'x y.png'];
const TARGETS = [
	'a',
	'A',
	'é',
	'e\u0301',
	'É',
	'x y',
	'X Y',
	'v1.2',
	'dots.in.name',
	'dots.in.name.md',
	'中文',
	'sub/a',
	'SUB/A',
	'er/a',
	'./a',
	'../a',
	'../../a',
	'./sub/a',
	'a#H',
	'a#^k',
	'a#H#I',
	'#H',
	'pic.png',
	'a.png',
	'doc.pdf',
	'AI',
	'lazy.nvim：x',
	'nowhere',
];
const LINE_ARB = fc.oneof(
	fc.constantFrom(...TARGETS).map((target) => `[[${target}]]`),
	fc.constantFrom(...TARGETS).map((target) => `![[${target}]]`),
	fc
		.constantFrom('a.md', '<x y.md>', 'x%20y.md', '../a.md#H', 'sub/pic.png', '/sub/a.md', 'v1.2.md')
		.map((url) => `[t](${url})`),
	fc.constantFrom(
		'# H',
		'## I',
		'text ^k',
		'## 关联主题',
		'```',
		'%%',
		'<!--',
		'-->',
		'$$',
		'> [[a]]',
		'| [[a\\|l]] |',
	),
);
const BODY_ARB = fc
	.tuple(
		fc.option(fc.constantFrom(...TARGETS), { nil: undefined }),
		fc.array(LINE_ARB, { maxLength: 6 }),
		fc.constantFrom('\n', '\r\n', '\r'),
	)
	.map(([frontLink, lines, newline]) => {
		const front = frontLink === undefined ? [] : ['---', `related: "[[${frontLink}]]"`, `list:`, `  - "[[a]]"`, '---'];
		return [...front, ...lines].join(newline);
	});
const CHANGE_ARB: fc.Arbitrary<Change> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.tuple(fc.constantFrom(...NOTE_NAMES), BODY_ARB).map(([name, text]) => noteChange(name, text)),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom(...NOTE_NAMES).map((name): Change => ({ kind: 'deleted', id: `${name}.md` })),
	},
	{ weight: 1, arbitrary: fc.constantFrom(...ATTACHMENTS).map((id): Change => ({ kind: 'attachment', id })) },
	{ weight: 1, arbitrary: fc.constantFrom(...ATTACHMENTS).map((id): Change => ({ kind: 'deleted', id })) },
);

function noteChange(name: string, text: string): Change {
	return { kind: 'note', id: `${name}.md`, text };
}

describe('incremental equals from scratch with hostile names and content', () => {
	test('random operation sequences', () => {
		const initialArb = fc.array(fc.tuple(fc.constantFrom(...NOTE_NAMES), BODY_ARB), { maxLength: 5 });
		fc.assert(
			fc.property(
				initialArb,
				fc.array(fc.array(CHANGE_ARB, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
				(initial, steps) => {
					const files: FileMap = new Map(initial.map(([name, text]) => [`${name}.md`, text]));
					assertIncrementalMatchesScratch(files, steps);
				},
			),
			{ numRuns: 200, seed: SEED },
		);
	});
});
