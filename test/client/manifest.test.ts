// The manifest, its translations and the client's strings stay in step: every `%key%` of
// package.json exists in both package.nls files, every vscode.l10n.t string of client/src has a
// Chinese translation, every command id of client/src/commands.ts is contributed with a category.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');

describe('package.json', () => {
	const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]).sort();

	test.each(['package.nls.json', 'package.nls.zh-cn.json'])('%s has every %%key%% and no other', (file) => {
		expect(Object.keys(readJson(file)).sort()).toEqual([...new Set(keys)]);
	});

	test('contributes exactly the command ids of client/src/commands.ts, each with a category', () => {
		const source = readFileSync(path.join(root, 'client/src/commands.ts'), 'utf8');
		const block = source.slice(source.indexOf('export const Commands'), source.indexOf('} as const'));
		const ids = [...block.matchAll(/'(vaultNotes\.[^']+)'/g)].map((match) => match[1]).sort();
		const contributed = manifest.contributes.commands as { command: string; category?: string }[];
		expect(contributed.map((command) => command.command).sort()).toEqual(ids);
		expect(contributed.filter((command) => command.category !== '%category%')).toEqual([]);
	});

	test('every setting has a translated description', () => {
		const properties = manifest.contributes.configuration.properties as Record<string, { description?: string }>;
		for (const [name, property] of Object.entries(properties)) {
			expect(property.description, name).toMatch(/^%.+%$/);
		}
	});
});

describe('l10n', () => {
	test('every vscode.l10n.t string of client/src has a Chinese translation, and nothing else does', () => {
		const strings = new Set<string>();
		for (const file of sourceFiles(path.join(root, 'client/src'))) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(match[1]!);
		}
		const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
		expect(Object.keys(bundle).sort()).toEqual([...strings].sort());
		for (const [english, chinese] of Object.entries(bundle)) {
			const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
			expect(placeholders(chinese), english).toEqual(placeholders(english));
		}
	});
});

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}
