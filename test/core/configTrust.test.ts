// In an untrusted workspace the config's JSON Schemas are not compiled, so no front-matter
// problem comes from them; everything else of the config still applies.
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/src/core';
import { LineIndex } from '../../server/src/core';
import { readFrontMatter } from '../../server/src/core/parse/frontMatter';

const CONFIG =
	'{ "ignore": ["drafts/**"], "frontMatter": [{ "files": "**/*.md", "schema": { "required": ["title"] } }] }';
const NOTE = '---\nauthor: x\n---\n';

function codes(trusted: boolean): string[] {
	const loaded = loadConfig(CONFIG, { trusted });
	expect(loaded.isIgnored('drafts/a.md')).toBe(true);
	return loaded.checkFrontMatter('a.md', readFrontMatter(NOTE, new LineIndex(NOTE))).map((problem) => problem.code);
}

describe('workspace trust and schemas', () => {
	test('trusted: schemas are checked', () => expect(codes(true)).toEqual(['missing-field']));
	test('untrusted: schemas are not compiled, the rest of the config applies', () => expect(codes(false)).toEqual([]));
});
