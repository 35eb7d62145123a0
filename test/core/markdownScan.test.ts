// The Markdown scanner on small fixtures: each kind of "not a link" (SPEC §2.3), positions
// (CRLF, emoji, CJK), tables, embeds, Markdown links, headings and block ids.
import { expect, test } from 'vitest';
import { scanMarkdown } from '../../server/src/core/parse/markdownScan';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Range } from '../../server/src/core/types';

/**
 * Scans `text` and renders links, headings and block ids one per line. A first line `---` closed
 * by a later `---` is front matter: the body starts on the line after it.
 */
function check(text: string): string {
	const lines = new LineIndex(text);
	const closing =
		lines.lineText(0) === '---'
			? Array.from({ length: lines.lineCount }, (_, line) => line).find(
					(line) => line > 0 && lines.lineText(line) === '---',
				)
			: undefined;
	const bodyStartLine = closing === undefined ? 0 : closing + 1;
	const bodyStart = bodyStartLine < lines.lineCount ? lines.lineStarts[bodyStartLine]! : text.length;
	const scan = scanMarkdown(text, bodyStart, bodyStartLine);
	const res: string[] = [];
	for (const link of scan.links) {
		const fragment = link.fragment === undefined ? '' : ` #${JSON.stringify(link.fragment)}`;
		const label = link.label === undefined ? '' : ` |${JSON.stringify(link.label)}`;
		const embed = link.embed ? '!' : '';
		res.push(
			`${link.kind}${embed} ${at(link.range)} ${JSON.stringify(link.target)}@${at(link.targetRange)}${fragment}${label}`,
		);
	}
	for (const heading of scan.headings)
		res.push(`h${heading.level} ${at(heading.range)} ${JSON.stringify(heading.text)}`);
	for (const block of scan.blockIds) res.push(`^${block.id} ${at(block.range)}`);
	return res.join('\n');
}

function at(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

test('fenced code blocks hold no links, unclosed ones run to the end of their container', () => {
	expect(check('```js [[info]]\n[[a]]\n```\n[[b]]\n\n> ~~~\n> [[c]]\n\n[[d]]')).toMatchInlineSnapshot(`
		"wiki 3:0-3:5 "b"@3:2-3:3
		wiki 8:0-8:5 "d"@8:2-8:3"
	`);
});

test('indented code holds no links but cannot interrupt a paragraph', () => {
	expect(check('    [[a]]\n\ntext\n    [[b]]\n\n- item\n\n      [[c]]')).toMatchInlineSnapshot(
		`"wiki 3:4-3:9 "b"@3:6-3:7"`,
	);
});

test('code spans: same-length closers, across lines, unmatched runs are literal', () => {
	expect(check('`[[a]]` ``x ` [[b]]`` [[c]]\n`one\n[[d]]` `[[e]]')).toMatchInlineSnapshot(`
		"wiki 0:22-0:27 "c"@0:24-0:25
		wiki 2:8-2:13 "e"@2:10-2:11"
	`);
});

test('HTML blocks hold no links; a tag alone cannot interrupt a paragraph', () => {
	expect(check('<div>\n[[a]]\n</div>\n\n<!--\n[[b]]\n-->\n[[c]]\n\ntext\n<custom-tag>\n[[d]]')).toMatchInlineSnapshot(`
		"wiki 7:0-7:5 "c"@7:2-7:3
		wiki 11:0-11:5 "d"@11:2-11:3"
	`);
});

test('inline HTML: the tag is excluded, the text between tags is not', () => {
	expect(check('<span>[[a]]</span> <a title="[[b]]">x</a> <!-- [[c]] --> <not a tag [[d]]>')).toMatchInlineSnapshot(`
		"wiki 0:6-0:11 "a"@0:8-0:9
		wiki 0:68-0:73 "d"@0:70-0:71"
	`);
});

test('Obsidian comments, inline and across lines; an unclosed %% is literal', () => {
	expect(check('%%[[a]]%% [[b]]\n%%\n# Hidden [[c]]\n%%\n[[d]] %% [[e]]')).toMatchInlineSnapshot(`
		"wiki 4:0-4:5 "d"@4:2-4:3
		wiki 4:9-4:14 "e"@4:11-4:12"
	`);
});

test('math blocks and inline math; an escaped dollar opens nothing', () => {
	expect(check('$$\n[[a]]\n$$\ncosts $20 and $30 [[b]]\n$[[c]]$ \\$[[d]]')).toMatchInlineSnapshot(`
		"wiki 3:18-3:23 "b"@3:20-3:21
		wiki 4:10-4:15 "d"@4:12-4:13"
	`);
});

test('CRLF line endings', () => {
	expect(check('# 标题 [[a]]\r\n\r\n```\r\n[[b]]\r\n```\r\ntext [[c|别名]] ^id-1\r\n')).toMatchInlineSnapshot(`
		"wiki 0:5-0:10 "a"@0:7-0:8
		wiki 5:5-5:13 "c"@5:7-5:8 |"别名"
		h1 0:0-0:10 "标题 [[a]]"
		^id-1 5:14-5:19"
	`);
});

test('UTF-16 columns after emoji and CJK text', () => {
	expect(check('🎉 [[a]] 中文[[笔记#小节]] 👨‍👩‍👧[t](b.md)')).toMatchInlineSnapshot(`
		"wiki 0:3-0:8 "a"@0:5-0:6
		wiki 0:11-0:20 "笔记"@0:13-0:15 #"小节"
		markdown 0:29-0:38 "b.md"@0:33-0:37 |"t""
	`);
});

test('tables: cells are inline content, \\| stays in the wikilink', () => {
	expect(check('| 名称 | link |\n| --- | :-: |\n| [[x\\|y]] | [t](a.md) `[[z]]` |\nplain row [[w]]'))
		.toMatchInlineSnapshot(`
		"wiki 2:2-2:10 "x"@2:4-2:5 |"y"
		markdown 2:13-2:22 "a.md"@2:17-2:21 |"t"
		wiki 3:10-3:15 "w"@3:12-3:13"
	`);
});

test('embeds', () => {
	expect(check('![[图片.png]] ![alt](img/p.png "title") [![logo](logo.png)](home.md)')).toMatchInlineSnapshot(`
		"wiki! 0:0-0:11 "图片.png"@0:3-0:9
		markdown! 0:12-0:37 "img/p.png"@0:19-0:28 |"alt"
		markdown 0:38-0:66 "home.md"@0:58-0:65 |"![logo](logo.png)"
		markdown! 0:39-0:56 "logo.png"@0:47-0:55 |"logo""
	`);
});

test('Markdown links: angle brackets, percent-encoding, fragments, schemes, references', () => {
	expect(
		check(
			'[a](<my note.md>) [b](%E4%B8%AD%E6%96%87.md#Sec%20One) [c](https://x.md) [d](#frag)\n' +
				'[e](a\\_b.md) [f]() [g][ref] [out [in](in.md)](out.md)\n\n[ref]: ref.md',
		),
	).toMatchInlineSnapshot(`
		"markdown 0:0-0:17 "my note.md"@0:5-0:15 |"a"
		markdown 0:18-0:54 "中文.md"@0:22-0:43 #"Sec One" |"b"
		markdown 1:0-1:12 "a_b.md"@1:4-1:11 |"e"
		markdown 1:33-1:44 "in.md"@1:38-1:43 |"in""
	`);
});

test('headings: ATX, closing marks, setext, in quotes and lists, empty', () => {
	expect(check('# Use `x` ##\n\n多行\n标题\n===\n\n> ## 引用 #\n\n- Item\n  ---\n\n#\n\n#not')).toMatchInlineSnapshot(`
		"h1 0:0-0:12 "Use \`x\`"
		h1 2:0-4:3 "多行\\n标题"
		h2 6:0-6:9 "引用"
		h2 8:0-9:5 "Item"
		h1 11:0-11:1 """
	`);
});

test('block ids: at a line end, alone after a list, never in code', () => {
	expect(check('text ^abc\n\n- item\n^def\n\n^alone\n\n`x ^no`\n```\nline ^no2\n```\n> quote\n^q-1'))
		.toMatchInlineSnapshot(`
		"^abc 0:5-0:9
		^def 3:0-3:4
		^q-1 12:0-12:4"
	`);
});

test('front matter is skipped, even when the body is empty', () => {
	expect(check('---\ntitle: "[[x]]"\n# not a heading\n---\n# Real [[y]]\n')).toMatchInlineSnapshot(`
		"wiki 4:7-4:12 "y"@4:9-4:10
		h1 4:0-4:12 "Real [[y]]""
	`);
	expect(check('---\nrelated: "[[x]]"\n---')).toMatchInlineSnapshot(`""`);
});

test('never throws, whatever the offsets', () => {
	expect(scanMarkdown('[[a]]', 99, 7)).toMatchInlineSnapshot(`
		{
		  "blockIds": [],
		  "headings": [],
		  "links": [],
		}
	`);
});
