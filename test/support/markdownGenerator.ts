// A seeded generator of Markdown documents that mix every construct the scanner must tell apart
// (SPEC §2.3): nested quotes and lists with fences and indented code inside, lazy lines, HTML
// blocks of each kind, inline HTML, comments, `%%`, code spans, math, tables, setext headings,
// links of every form, emoji and CJK text, CRLF. Our own text, deterministic for a given index.

/** A small, fast, seeded PRNG (mulberry32). */
class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let value = this.state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	}

	int(max: number): number {
		return Math.floor(this.next() * max);
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}
}

const WORDS = [
	'笔记',
	'今天读了一本书',
	'alpha',
	'note',
	'想法',
	'🎉',
	'👨‍👩‍👧',
	'data',
	'中文 text',
	'review',
	'归档',
	'*强调*',
	'**bold**',
	'~~删~~',
	'_x_',
];

const INLINE: readonly string[] = [
	// Wikilinks.
	'[[目标笔记]]',
	'[[Note#Heading|别名]]',
	'![[图片.png]]',
	'[[#^block-1]]',
	'[[ spaced name ]]',
	'[[a [[inner]]',
	'[[文件夹/子笔记#小节]]',
	'[[a\\|b]]',
	// Markdown links.
	'[文本](a/b.md)',
	'[t](<with space.md>)',
	'![alt](img.png "title")',
	'[web](https://example.com/x.md)',
	'[sec](note.md#Sec%20One)',
	'[中](%E4%B8%AD%E6%96%87.md)',
	'[esc](a\\_b.md)',
	'[empty]()',
	'[frag](#only)',
	'[outer [inner](in.md) end](out.md)',
	'![pic [in](alt.md)](p.png)',
	'[![logo](logo.png)](home.md)',
	'[ref link][ref]',
	'[ref]',
	'[multi\nline](ml.md)',
	'[t](a.md\n"title on next line")',
	'[bad](a b.md)',
	'[paren](a(b).md)',
	'[mail](mailto:x@y.z)',
	'[dots](../up/note.md)',
	'[amp](a&amp;b.md)',
	// Code spans.
	'`code [[x]]`',
	'``a`b [[y]]``',
	'` `` `',
	'`unmatched',
	'`spans\nlines [[z]]`',
	'```three```',
	// Math.
	'$x^2 [[m]]$',
	'$$y [[mm]]$$',
	'costs $20 and $30',
	'\\$5 [[cash]]',
	'$a\nb$',
	// Inline HTML.
	'<span>[[inside span]]</span>',
	'<a title="[[t]]" href="x">',
	'<!-- [[commented]] -->',
	'<?pi [[p]] ?>',
	'<!DOCTYPE x [[d]]>',
	'<![CDATA[ [[cd]] ]]>',
	'<b\nclass="[[multi]]">',
	'<not a tag [[n]]>',
	// Autolinks.
	'<https://x.com/[[auto]]>',
	'<me@example.com>',
	'https://a.com/$x$',
	'see www.b.org/`q`',
	'http://c.de/[[lit]]',
	// Obsidian comments.
	'%%hidden [[h]]%%',
	'%%',
	// Escapes.
	'\\[[esc]]',
	'\\`not code`',
	'\\<span>[[e]]',
	'`\\`',
];

interface Context {
	readonly random: Random;
	readonly depth: number;
}

/** The document for `index`: the same text every run. */
export function generateDocument(index: number): string {
	const random = new Random(index * 7919 + 17);
	const lines: string[] = [];
	if (random.chance(0.2)) lines.push('---', 'title: 生成的笔记', '---');
	const blockCount = 2 + random.int(8);
	for (let block = 0; block < blockCount; block++) {
		lines.push(...generateBlock({ random, depth: 0 }));
		if (random.chance(0.8)) lines.push('');
	}
	const ending = random.pick(['\n', '\n', '\n', '\r\n', '\r\n', '\r']);
	return lines.join('\n').replace(/\n/g, ending);
}

function generateBlock(context: Context): string[] {
	const { random, depth } = context;
	const kinds = depth < 3 ? BLOCKS : BLOCKS.filter((block) => !block.container);
	return random.pick(kinds).make(context);
}

interface BlockMaker {
	readonly container?: boolean;
	readonly make: (context: Context) => string[];
}

const BLOCKS: readonly BlockMaker[] = [
	{ make: (context) => paragraph(context) },
	{ make: (context) => paragraph(context) },
	{ make: (context) => paragraph(context) },
	{
		make: ({ random }) => [
			`${'#'.repeat(1 + random.int(7))} ${inlineLine(random)}${random.pick(['', ' ##', ' #', '  '])}`,
		],
	},
	{ make: (context) => [...paragraph(context), context.random.pick(['===', '---', '  ==  '])] },
	{ make: ({ random }) => fence(random) },
	{ make: ({ random }) => ['', `    ${inlineLine(random)}`, `\t${inlineLine(random)}`, ''] },
	{ make: ({ random }) => mathBlock(random) },
	{ make: ({ random }) => htmlBlock(random) },
	{ make: ({ random }) => [random.pick(['***', '- - -', '___', ' * * *'])] },
	{ make: ({ random }) => table(random) },
	{
		make: ({ random }) => [
			`[ref]: ${random.pick(['/url', '<a b.md>', 'ref.md "标题"'])}`,
			...(random.chance(0.5) ? [`[other]: x.md`] : []),
		],
	},
	{ make: ({ random }) => [`${inlineLine(random)} ^${random.pick(['abc', 'id-1', 'X9'])}`] },
	{ container: true, make: (context) => blockQuote(context) },
	{ container: true, make: (context) => listItem(context) },
	{ container: true, make: (context) => listItem(context) },
];

function inlineLine(random: Random): string {
	const parts: string[] = [];
	const count = 1 + random.int(4);
	for (let index = 0; index < count; index++)
		parts.push(random.chance(0.55) ? random.pick(INLINE) : random.pick(WORDS));
	return parts.join(random.pick([' ', ' ', '', '，']));
}

function paragraph({ random }: Context): string[] {
	const lines: string[] = [];
	const count = 1 + random.int(3);
	for (let index = 0; index < count; index++) lines.push(...inlineLine(random).split('\n'));
	return lines;
}

function fence(random: Random): string[] {
	const marker = random.pick(['```', '~~~', '````', '~~~~']);
	const indent = random.pick(['', ' ', '   ']);
	const body = [`[[in fence]] ${random.pick(WORDS)}`, '`x` $y$ <span>'];
	const close = random.chance(0.85) ? [indent + marker] : [];
	return [`${indent}${marker}${random.pick(['', 'js', ' ts [[info]]'])}`, ...body, ...close];
}

function mathBlock(random: Random): string[] {
	const open = random.pick(['$$', '$$$', '$$ meta']);
	const close = random.chance(0.85) ? [open.startsWith('$$$') ? '$$$' : '$$'] : [];
	return [open, '\\frac{1}{2} [[in math]]', ...close];
}

function htmlBlock(random: Random): string[] {
	const kind = random.int(7) + 1;
	switch (kind) {
		case 1:
			return ['<script>', 'let a = "[[s]]";', '</script> [[after script]]'];
		case 2:
			return ['<!--', '[[in comment]]', '-->'];
		case 3:
			return ['<?php', '[[pi]]', '?>'];
		case 4:
			return ['<!DOCTYPE html [[dt]]>'];
		case 5:
			return ['<![CDATA[', '[[cdata]]', ']]>'];
		case 6:
			return ['<div>', `[[in div]] ${inlineLine(random)}`, '', `[[after div]]`];
		default:
			return ['', '<custom-tag data-x="1">', '[[in custom]]', ''];
	}
}

function table(random: Random): string[] {
	const lines = ['| 名称 | link |', random.pick(['| --- | :-: |', '|-|-|', ' --- | --- ']), '| a | [[x\\|y]] |'];
	if (random.chance(0.5)) lines.push(`| \`c|d\` | ${random.pick(INLINE).replace(/\n/g, ' ')} |`);
	if (random.chance(0.3)) lines.push('plain row [[row]]');
	if (random.chance(0.3)) lines.push('^tbl-id');
	return lines;
}

function blockQuote(context: Context): string[] {
	const { random } = context;
	const inner = children(context);
	const lines = inner.map((line) => (line === '' && random.chance(0.3) ? '>' : `> ${line}`));
	if (random.chance(0.3)) lines.push(`lazy ${inlineLine(random).split('\n')[0]}`);
	if (random.chance(0.2)) lines.push('^quote-id');
	return lines;
}

function listItem(context: Context): string[] {
	const { random } = context;
	const marker = random.pick(['- ', '* ', '1. ', '2) ', '-   ', '10. ', '-\t']);
	const width = marker === '-\t' ? 4 : marker.length;
	const inner = children(context);
	const lines = inner.map((line, index) => (index === 0 ? marker + line : line === '' ? '' : ' '.repeat(width) + line));
	if (random.chance(0.3)) lines.push(`lazy line ${random.pick(WORDS)}`);
	if (random.chance(0.3))
		lines.push(...listItem({ random, depth: context.depth + 1 }).map((line) => (random.chance(0.5) ? line : line)));
	return lines;
}

function children(context: Context): string[] {
	const { random } = context;
	const lines: string[] = [];
	const count = 1 + random.int(3);
	for (let index = 0; index < count; index++) {
		lines.push(...generateBlock({ random, depth: context.depth + 1 }));
		if (index + 1 < count && random.chance(0.6)) lines.push('');
	}
	return lines;
}

/** Pieces for token soup: the characters and sequences that decide what Markdown means. */
const SOUP: readonly string[] = [
	'[',
	']',
	'(',
	')',
	'!',
	'`',
	'$',
	'<',
	'>',
	'\\',
	'|',
	'%',
	'#',
	'-',
	'*',
	' ',
	' ',
	'\t',
	'\n',
	'\n',
	'a',
	'中',
	'🎉',
	':',
	'/',
	'"',
	'=',
	'~',
	'1.',
	'^',
	'http://',
	'.md',
	'[[',
	']]',
	'<!--',
	'-->',
	'    ',
	'\n> ',
	'\n- ',
	'\n1) ',
	'\n```',
	'\n$$',
	'|---|',
	'\n===',
	'\n---',
	'<div>',
	'<span>',
	'\r\n',
	'[x]: y.md',
	'](',
	'www.',
	'\n\n',
];

/** Random token soup for `index` (deterministic): finds what hand-shaped documents do not. */
export function generateSoup(index: number): string {
	const random = new Random(index * 104729 + 3);
	let res = '';
	const count = 5 + random.int(120);
	for (let piece = 0; piece < count; piece++) res += random.pick(SOUP);
	return res;
}
