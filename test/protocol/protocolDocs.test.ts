// docs/protocol.md documents every custom method of protocol/index.ts (STYLE §9).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

function read(relative: string): string {
	return readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');
}

test('every method declared in protocol/index.ts appears in docs/protocol.md', () => {
	const methods = [...read('protocol/index.ts').matchAll(/\bmethod = '([^']+)'/g)].map((match) => match[1]!);
	const docs = read('docs/protocol.md');
	expect(methods.length).toBeGreaterThan(0);
	expect(methods.filter((method) => !docs.includes(`\`${method}\``))).toEqual([]);
});
