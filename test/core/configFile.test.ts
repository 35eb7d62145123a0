import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { loadConfig } from '../../server/src/core/configFile';
import { CONFIG_SCHEMA } from '../../server/src/core/configSchema';
import type { Range } from '../../server/src/core/types';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Loads `text` as `.vault-notes.json` and renders the problems, the keys that differ from the
 * defaults, and whether each of `ids` is ignored.
 */
function check(text: string | undefined, expected: string, ids: readonly string[] = []): void {
	const loaded = loadConfig(text);
	const out: string[] = [];
	for (const problem of loaded.problems) {
		out.push(`${problem.code} ${r(problem.range)} ${problem.message.args?.['reason']}`);
	}
	if (loaded.config === DEFAULT_CONFIG) out.push('config: defaults');
	else {
		const defaults = DEFAULT_CONFIG as unknown as Record<string, unknown>;
		for (const [key, value] of Object.entries(loaded.config)) {
			if (JSON.stringify(value) !== JSON.stringify(defaults[key])) out.push(`${key} = ${JSON.stringify(value)}`);
		}
	}
	for (const id of ids) out.push(`${id}: ${loaded.isIgnored(id) ? 'ignored' : 'checked'}`);
	expect(out.join('\n')).toBe(expected.trim());
}

function r(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

const sampleVaultConfig = readFileSync(path.join(repoRoot, 'docs/examples/sample-vault.vault-notes.json'), 'utf8');

describe('valid configs', () => {
	test('no file: the defaults', () => check(undefined, 'config: defaults'));
	test('only comments: the defaults', () => check('// 还没有配置\n/* nothing */\n', 'config: defaults'));
	test('the SPEC §5 example', () =>
		check(
			sampleVaultConfig,
			`
ignore = ["gitbook/**","prompts/**"]
frontMatter = [{"files":["**/*.md"],"schema":{"required":["title"],"properties":{"title":{"type":"string","minLength":1}}}},{"files":["01-博客/**"],"schema":{"required":["发布日期"],"properties":{"发布日期":{"type":"string","format":"date"},"原文链接":{"type":"string","format":"uri"}}}}]
rules = {"ambiguous-link":"warning","broken-heading":"off"}
gitbook/a.md: ignored
gitbook/深/b.md: ignored
prompts/x.md: ignored
notes/gitbook/a.md: checked
01-博客/a.md: checked`,
			['gitbook/a.md', 'gitbook/深/b.md', 'prompts/x.md', 'notes/gitbook/a.md', '01-博客/a.md'],
		));
	test('comments, trailing commas, partial topics, $schema', () =>
		check(
			`{
	// 我们的主题目录
	"$schema": "./schemas/vault-notes.schema.json",
	"topics": { "folder": "主题/索引", },
	/* 其余默认 */
	"maxFileSize": 1000,
	"summarySection": "Summary",
}`,
			`
topics = {"folder":"主题/索引","section":"关联主题"}
summarySection = "Summary"
maxFileSize = 1000`,
		));
	test('glob semantics: *.md is the root only, **/*.md everywhere, dot files included, NFC', () =>
		check(
			'{ "ignore": ["*.md", "归档/**/*.md", "Cafe\u0301/**"] }',
			`
ignore = ["*.md","归档/**/*.md","Cafe\u0301/**"]
a.md: ignored
sub/a.md: checked
归档/a.md: ignored
归档/2024/12/b.md: ignored
归档/.草稿.md: ignored
Caf\u00e9/x.md: ignored`,
			['a.md', 'sub/a.md', '归档/a.md', '归档/2024/12/b.md', '归档/.草稿.md', 'Caf\u00e9/x.md'],
		));
});

describe('invalid configs fall back to the defaults', () => {
	test('JSON syntax errors', () =>
		check(
			'{\n  "ignore": ["a/**"\n  "rules": {}\n}',
			`
invalid-config 2:2-2:9 comma expected
config: defaults`,
		));
	test('not an object', () => check('[1, 2]', 'invalid-config 0:0-0:6 (root): must be object\nconfig: defaults'));
	test('unknown keys, at the top and in rules (typos)', () =>
		check(
			'{\n  "ignor": [],\n  "rules": { "broken-lnk": "error" }\n}',
			`
invalid-config 1:2-1:9 ignor: unknown key (expected one of: $schema, ignore, topics, dateField, authorField, sourceField, summarySection, frontMatter, rules, maxFileSize)
invalid-config 2:13-2:25 rules.broken-lnk: unknown key (expected one of: broken-link, broken-heading, ambiguous-link, not-a-topic, duplicate-topic, yaml-syntax, duplicate-key, missing-front-matter, missing-field, invalid-value, invalid-config, file-skipped)
config: defaults`,
		));
	test('a severity that is not one', () =>
		check(
			'{ "rules": { "broken-link": "fatal" } }',
			'invalid-config 0:28-0:35 rules.broken-link: must be one of off, hint, info, warning, error\nconfig: defaults',
		));
	test('topics.folder with a trailing slash', () =>
		check(
			'{ "topics": { "folder": "00-元语/" } }',
			`
invalid-config 0:24-0:32 topics.folder: must be a folder path relative to the vault root, without a leading or trailing "/"
config: defaults`,
		));
	test('maxFileSize must be a positive integer', () =>
		check('{ "maxFileSize": 0 }\n', 'invalid-config 0:17-0:18 maxFileSize: must be >= 1\nconfig: defaults'));
	test('maxFileSize must be an integer', () =>
		check('{ "maxFileSize": 1.5 }', 'invalid-config 0:17-0:20 maxFileSize: must be integer\nconfig: defaults'));
	test('files must be a glob or a list of globs; schema must be an object', () =>
		check(
			'{ "frontMatter": [ { "files": 3, "schema": [] }, { "files": [""], "schema": {} }, { "schema": {} } ] }',
			`
invalid-config 0:30-0:31 frontMatter[0].files: must be string or array
invalid-config 0:43-0:45 frontMatter[0].schema: must be object
invalid-config 0:61-0:63 frontMatter[1].files[0]: must NOT have fewer than 1 characters
invalid-config 0:82-0:98 frontMatter[2]: must have required property 'files'
config: defaults`,
		));
	test('a repeated key', () =>
		check(
			'{ "ignore": [], "ignore": ["x/**"] }',
			'invalid-config 0:16-0:24 "ignore": duplicate key\nconfig: defaults',
		));
	test("a schema that does not compile, on that rule's schema value", () =>
		check(
			'{ "frontMatter": [\n  { "files": "**", "schema": { "type": "object" } },\n  { "files": "**", "schema": { "type": "文本" } }\n] }',
			`
invalid-config 2:29-2:45 frontMatter[1].schema: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf
config: defaults`,
		));
	test('an unknown keyword or format is refused (typos)', () =>
		check(
			'{ "frontMatter": [ { "files": "**", "schema": { "requird": ["title"] } },\n { "files": "**", "schema": { "properties": { "d": { "format": "dat" } } } } ] }',
			`
invalid-config 0:46-0:70 frontMatter[0].schema: strict mode: unknown keyword: "requird"
invalid-config 1:28-1:74 frontMatter[1].schema: unknown format "dat" in schema at path "#/properties/d"
config: defaults`,
		));
	test('a remote $ref is never fetched: it does not compile', () =>
		check(
			'{ "frontMatter": [ { "files": "**", "schema": { "$ref": "https://example.com/schema.json" } } ] }',
			`
invalid-config 0:46-0:91 frontMatter[0].schema: can't resolve reference https://example.com/schema.json from id #
config: defaults`,
		));
	test('a pattern RE2 cannot run (backreference, lookahead)', () =>
		check(
			'{ "frontMatter": [ { "files": "**", "schema": { "properties": { "a": { "pattern": "(x)\\\\1" }, "b": { "pattern": "(?=y)" } } } } ] }',
			`
invalid-config 0:46-0:125 frontMatter[0].schema: pattern "(x)\\1" is not supported (no backreferences or lookaround): error parsing regexp: invalid escape sequence: \`\\1\`
config: defaults`,
		));
	test('a schema nested too deep', () =>
		check(
			`{ "frontMatter": [ { "files": "**", "schema": ${'{ "not": '.repeat(70)}{}${' }'.repeat(70)} } ] }`,
			`
invalid-config 0:46-0:818 frontMatter[0].schema: the schema is nested deeper than 64 levels
config: defaults`,
		));
	test('a schema too large', () =>
		check(
			`{ "frontMatter": [ { "files": "**", "schema": { "enum": [${'"一二三四五六七八九十",'.repeat(100_000)} "x"] } } ] }`,
			`
invalid-config 0:46-0:1300064 frontMatter[0].schema: the schema is larger than 1000000 characters
config: defaults`,
		));
});

test('schemas/vault-notes.schema.json is CONFIG_SCHEMA', () => {
	const written = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/vault-notes.schema.json'), 'utf8')) as unknown;
	expect(written).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});
