import { describe, expect, test } from 'vitest';
import { readFrontMatter } from '../../server/src/core/parse/frontMatter';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Range } from '../../server/src/core/types';

/** Reads `text` and renders everything the reader returns (plus `locate` of each path) as compact text. */
function check(text: string, expected: string, locatePaths: readonly (readonly (string | number)[])[] = []): void {
	const result = readFrontMatter(text, new LineIndex(text));
	const out: string[] = [];
	const frontMatter = result.frontMatter;
	if (frontMatter) {
		out.push(`span ${frontMatter.span.startLine}-${frontMatter.span.endLine} data ${JSON.stringify(frontMatter.data)}`);
		for (const field of frontMatter.fields)
			out.push(`field ${field.key} ${r(field.keyRange)} = ${r(field.valueRange)}`);
	} else out.push('no front matter');
	out.push(`body ${result.bodyStart} line ${result.bodyStartLine}`);
	for (const link of result.links) {
		const parts = [`link ${r(link.range)} ${link.embed ? '!' : ''}${link.target} @${r(link.targetRange)}`];
		if (link.fragment !== undefined) parts.push(`#${link.fragment}`);
		if (link.label !== undefined) parts.push(`|${link.label}`);
		out.push(parts.join(' '));
	}
	for (const problem of result.problems) {
		const args = problem.message.args ? ` ${JSON.stringify(problem.message.args)}` : '';
		out.push(`${problem.code} ${r(problem.range)} ${problem.message.id}${args}`);
	}
	for (const path of locatePaths) {
		const location = result.locate(path);
		const rendered = location
			? `${location.keyRange ? r(location.keyRange) : '-'} = ${r(location.valueRange)}`
			: 'undefined';
		out.push(`locate ${JSON.stringify(path)} ${rendered}`);
	}
	expect(out.join('\n')).toBe(expected.trim());
}

function r(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

describe('blocks and fences', () => {
	test('no block', () =>
		check(
			'# 标题\n正文',
			`
no front matter
body 0 line 0`,
		));
	test('a block that does not start on the first line is body', () =>
		check(
			'\n---\na: 1\n---\n',
			`
no front matter
body 0 line 0`,
		));
	test('empty block is an empty mapping', () =>
		check(
			'---\n---\n正文',
			`
span 0-2 data {}
body 8 line 2`,
		));
	test('comments only is an empty mapping, fences with trailing blanks', () =>
		check(
			'--- \t\n# 注释\n---  \nbody',
			`
span 0-3 data {}
body 17 line 3`,
		));
	test('closing fence at the end of the file', () =>
		check(
			'---\ntitle: 笔记\n---',
			`
span 0-3 data {"title":"笔记"}
field title 1:0-1:5 = 1:7-1:9
body 17 line 3`,
		));
	test('unclosed block: one yaml-syntax on line 0, the whole file is body', () =>
		check(
			'---\ntitle: "[[A]]"\n正文',
			`
no front matter
body 0 line 0
yaml-syntax 0:0-0:3 yamlUnclosed`,
		));
	test('an empty last line is no closing fence', () =>
		check(
			'---\na: 1\n',
			`
no front matter
body 0 line 0
yaml-syntax 0:0-0:3 yamlUnclosed`,
		));
	test('a fence ends at a lone CR; the closing fence may end the file', () =>
		check(
			'--- \ra: 1\r---\t',
			`
span 0-3 data {"a":1}
field a 1:0-1:1 = 1:3-1:4
body 14 line 3`,
		));
	test('four dashes do not open a block', () =>
		check(
			'----\na: 1\n---\n',
			`
no front matter
body 0 line 0`,
		));
	test('CRLF line ends', () =>
		check(
			'---\r\ntitle: 你好\r\ndate: 2024-12-02\r\n---\r\n正文',
			`
span 0-4 data {"title":"你好","date":"2024-12-02"}
field title 1:0-1:5 = 1:7-1:9
field date 2:0-2:4 = 2:6-2:16
body 39 line 4`,
		));
	test('lone CR line ends', () =>
		check(
			'---\rtitle: 你好\rtags:\r  - a\r---\rbody',
			`
span 0-5 data {"title":"你好","tags":["a"]}
field title 1:0-1:5 = 1:7-1:9
field tags 2:0-2:4 = 3:2-3:5
body 30 line 5`,
		));
});

describe('values', () => {
	test('dates stay strings, quoted or not; numbers and booleans are typed', () =>
		check(
			'---\n发布日期: 2024-12-02\ncreated: "2024-12-03"\ncount: 3\ndraft: false\nnothing: ~\n---\n',
			`
span 0-7 data {"发布日期":"2024-12-02","created":"2024-12-03","count":3,"draft":false,"nothing":null}
field 发布日期 1:0-1:4 = 1:6-1:16
field created 2:0-2:7 = 2:9-2:21
field count 3:0-3:5 = 3:7-3:8
field draft 4:0-4:5 = 4:7-4:12
field nothing 5:0-5:7 = 5:9-5:10
body 80 line 7`,
		));
	test('explicit YAML 1.1 tags do not turn values into Dates', () =>
		check(
			'---\nd: !!timestamp 2024-01-01\n---\n',
			`
span 0-3 data {"d":"2024-01-01"}
field d 1:0-1:1 = 1:15-1:25
body 34 line 3`,
		));
	test('empty values: end of the key line, or after the colon before a comment', () =>
		check(
			'---\na:\nb:   \nc: # 空\nd:\n  - x\n---\n',
			`
span 0-7 data {"a":null,"b":null,"c":null,"d":["x"]}
field a 1:0-1:1 = 1:2-1:2
field b 2:0-2:1 = 2:5-2:5
field c 3:0-3:1 = 3:2-3:2
field d 4:0-4:1 = 5:2-5:5
body 33 line 7`,
		));
	test('a block that is not a mapping', () =>
		check(
			'---\n- 甲\n- 乙\n---\n',
			`
span 0-4 data undefined
body 16 line 4
invalid-value 1:0-2:3 notAMapping`,
		));
	test('a scalar block is not a mapping', () =>
		check(
			'---\n只是一句话\n---\n',
			`
span 0-3 data undefined
body 14 line 3
invalid-value 1:0-1:5 notAMapping`,
		));
	test('locate values, items, nested keys, empty values and aliases', () =>
		check(
			'---\ntags:\n  - 甲\n  - 乙\nauthor:\n  name: 张三\nempty:\nbase: &b 1\ncopy: *b\n---\n',
			`
span 0-10 data {"tags":["甲","乙"],"author":{"name":"张三"},"empty":null,"base":1,"copy":1}
field tags 1:0-1:4 = 2:2-3:5
field author 4:0-4:6 = 5:2-5:10
field empty 6:0-6:5 = 6:6-6:6
field base 7:0-7:4 = 7:9-7:10
field copy 8:0-8:4 = 8:6-8:8
body 72 line 10
locate [] - = 1:0-8:8
locate ["tags",1] - = 3:4-3:5
locate ["tags","0"] - = 2:4-2:5
locate ["author","name"] 5:2-5:6 = 5:8-5:10
locate ["empty"] 6:0-6:5 = 6:6-6:6
locate ["copy","deeper"] 8:0-8:4 = 8:6-8:8
locate ["missing"] undefined
locate ["tags",5] undefined`,
			[[], ['tags', 1], ['tags', '0'], ['author', 'name'], ['empty'], ['copy', 'deeper'], ['missing'], ['tags', 5]],
		));
});

describe('duplicate keys and syntax errors', () => {
	test('a repeated key: duplicate-key on the repeat, the data keeps the first value', () =>
		check(
			'---\ntitle: 一\ntitle: 二\n---\n',
			`
span 0-4 data {"title":"一"}
field title 1:0-1:5 = 1:7-1:8
body 26 line 4
duplicate-key 2:0-2:5 duplicateKey {"key":"title"}`,
		));
	test('repeated keys in nested mappings and flow mappings', () =>
		check(
			'---\nauthor:\n  name: 甲\n  name: 乙\nlist:\n  - {a: 1, a: 2}\n---\n',
			`
span 0-7 data {"author":{"name":"甲"},"list":[{"a":1}]}
field author 1:0-1:6 = 2:2-3:9
field list 4:0-4:4 = 5:2-5:16
body 59 line 7
duplicate-key 3:2-3:6 duplicateKey {"key":"name"}
duplicate-key 5:11-5:12 duplicateKey {"key":"a"}`,
		));
	test('an alias may point into the value of a repeated key', () =>
		check(
			'---\na: 1\na: &x 2\nb: *x\n---\n',
			`
span 0-5 data {"a":1,"b":2}
field a 1:0-1:1 = 1:3-1:4
field b 3:0-3:1 = 3:3-3:5
body 27 line 5
duplicate-key 2:0-2:1 duplicateKey {"key":"a"}`,
		));
	test('yaml-syntax at the parser position, data undefined, links still found', () =>
		check(
			'---\nrelated: "[[甲]]"\ntitle: [未闭合\n---\n',
			`
span 0-4 data undefined
field related 1:0-1:7 = 1:9-1:16
field title 2:0-2:5 = 2:7-2:11
body 37 line 4
link 1:10-1:15 甲 @1:12-1:13
yaml-syntax 3:0-3:1 yamlSyntax {"reason":"Flow sequence in block collection must be sufficiently indented and end with a ]"}`,
		));
	test('bad indentation', () =>
		check(
			'---\na: 1\n  b: 2\n---\n',
			`
span 0-4 data undefined
field a 1:0-1:1 = 1:3-2:6
body 20 line 4
yaml-syntax 1:3-1:4 yamlSyntax {"reason":"Nested mappings are not allowed in compact mappings"}
yaml-syntax 1:3-2:3 yamlSyntax {"reason":"Implicit keys need to be on a single line"}`,
		));
	test('an alias to an unknown anchor', () =>
		check(
			'---\na: *无\n---\n',
			`
span 0-3 data undefined
field a 1:0-1:1 = 1:3-1:5
body 14 line 3
yaml-syntax 1:3-1:5 yamlSyntax {"reason":"Unresolved alias (the anchor must be set before the alias): 无"}`,
		));
});

describe('links in strings', () => {
	test('quoted, plain, list items and nested strings; CJK and emoji shift UTF-16 columns', () =>
		check(
			[
				'---',
				'related: "[[笔记甲]]"',
				"single: '见 [[乙#小节|别名]]'",
				'plain: 😀 看 [[丙]] 和 ![[图.png]]',
				'list:',
				'  - "[[丁]]"',
				'  - 无链接',
				'nested:',
				'  deeper: ["[[戊]]"]',
				'block: |',
				'  第一行 [[己]]',
				'[[键]]: 键不是链接',
				'---',
			].join('\n'),
			`
span 0-13 data {"related":"[[笔记甲]]","single":"见 [[乙#小节|别名]]","plain":"😀 看 [[丙]] 和 ![[图.png]]","list":["[[丁]]","无链接"],"nested":{"deeper":["[[戊]]"]},"block":"第一行 [[己]]\\n","[ [ 键 ] ]":"键不是链接"}
field related 1:0-1:7 = 1:9-1:18
field single 2:0-2:6 = 2:8-2:23
field plain 3:0-3:5 = 3:7-3:30
field list 4:0-4:4 = 5:2-6:7
field nested 7:0-7:6 = 8:2-8:19
field block 9:0-9:5 = 9:7-10:11
body 169 line 13
link 1:10-1:17 笔记甲 @1:12-1:15
link 2:11-2:22 乙 @2:13-2:14 #小节 |别名
link 3:12-3:17 丙 @3:14-3:15
link 3:20-3:30 !图.png @3:23-3:28
link 5:5-5:10 丁 @5:7-5:8
link 8:12-8:17 戊 @8:14-8:15
link 10:6-10:11 己 @10:8-10:9`,
		));
	test('an unquoted [[Note]] is a nested list, not a link', () =>
		check(
			'---\nrelated: [[笔记]]\n---\n',
			`
span 0-3 data {"related":[["笔记"]]}
field related 1:0-1:7 = 1:9-1:15
body 24 line 3`,
		));
	test('links with escapes inside are skipped, links beside escapes are kept', () =>
		check(
			"---\na: \"[[A\\u0042]] [[C]] \\t\"\nb: '[[it''s]] [[D]]'\n---\n",
			`
span 0-4 data {"a":"[[AB]] [[C]] \\t","b":"[[it's]] [[D]]"}
field a 1:0-1:1 = 1:3-1:25
field b 2:0-2:1 = 2:3-2:20
body 55 line 4
link 1:16-1:21 C @1:18-1:19
link 2:14-2:19 D @2:16-2:17`,
		));
});

describe('hostile input', () => {
	test('a billion laughs is refused, not expanded', () => {
		const lines = ['---', 'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]'];
		for (let level = 1; level < 9; level++) {
			const prev = String.fromCharCode(96 + level);
			const name = String.fromCharCode(97 + level);
			lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
		}
		lines.push('---', '');
		const start = performance.now();
		check(
			lines.join('\n'),
			`
span 0-11 data undefined
field a 1:0-1:1 = 1:6-1:43
field b 2:0-2:1 = 2:6-2:34
field c 3:0-3:1 = 3:6-3:34
field d 4:0-4:1 = 4:6-4:34
field e 5:0-5:1 = 5:6-5:34
field f 6:0-6:1 = 6:6-6:34
field g 7:0-7:1 = 7:6-7:34
field h 8:0-8:1 = 8:6-8:34
field i 9:0-9:1 = 9:6-9:34
body 332 line 11
yaml-syntax 2:7-2:9 yamlSyntax {"reason":"Excessive alias count indicates a resource exhaustion attack"}`,
		);
		expect(performance.now() - start).toBeLessThan(1000);
	});
	test('deep nesting never throws', () => {
		const text = `---\na: ${'['.repeat(20_000)}\n---\n`;
		const result = readFrontMatter(text, new LineIndex(text));
		expect(result.problems.map((problem) => problem.code)).toContain('yaml-syntax');
		expect(result.frontMatter?.data).toBeUndefined();
	});
	test('10,000 keys stay linear', () => {
		const body = Array.from({ length: 10_000 }, (_, index) => `键${index}: "[[笔记${index}]]"`).join('\n');
		const text = `---\n${body}\n键0: 重复\n---\n`;
		const start = performance.now();
		const result = readFrontMatter(text, new LineIndex(text));
		const elapsed = performance.now() - start;
		expect(result.frontMatter?.fields.length).toBe(10_000);
		expect(result.links.length).toBe(10_000);
		expect(result.problems.map((problem) => `${problem.code} ${r(problem.range)}`)).toEqual([
			'duplicate-key 10001:0-10001:2',
		]);
		expect(result.locate(['键9999'])?.valueRange).toEqual(result.frontMatter?.fields[9999]?.valueRange);
		expect(elapsed).toBeLessThan(2000);
	});
});

describe('keys that are JavaScript names', () => {
	test('a `__proto__` key stays a key of the data, through parsing and detaching', async () => {
		const { parseNote, loadConfig } = await import('../../server/src/core');
		for (const text of ['---\n__proto__: 1\ntitle: x\n---\n', '---\n__proto__:\n  polluted: true\ntitle: x\n---\n']) {
			const data = parseNote('a.md', text, loadConfig(undefined)).frontMatter!.data!;
			expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
			expect(Object.keys(data)).toEqual(['__proto__', 'title']);
			expect((data as { polluted?: unknown }).polluted).toBeUndefined();
		}
	});
});
