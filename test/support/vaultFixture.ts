// Builds a VaultIndex from a fixture: `.md` files are notes, `.vault-notes.json` is the config,
// every other file is an attachment.
import type { Change, Diagnostic, Range } from '../../server/src/core';
import { CONFIG_FILE_NAME, VaultIndex, computeDiagnostics, isMarkdownPath, loadConfig } from '../../server/src/core';
import type { Fixture, FixtureFile } from './fixture';
import { parseFixture } from './fixture';

export function vaultFromFiles(files: readonly FixtureFile[]): VaultIndex {
	const configFile = files.find((file) => file.path === CONFIG_FILE_NAME);
	const vault = new VaultIndex(loadConfig(configFile?.text));
	vault.apply(files.filter((file) => file !== configFile).map(changeFor));
	return vault;
}

export function vaultFromFixture(source: string): { vault: VaultIndex; fixture: Fixture } {
	const fixture = parseFixture(source);
	return { vault: vaultFromFiles(fixture.files), fixture };
}

export function changeFor(file: FixtureFile): Change {
	return isMarkdownPath(file.path)
		? { kind: 'note', id: file.path, text: file.text }
		: { kind: 'attachment', id: file.path };
}

export function renderRange(range: Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function renderDiagnostics(id: string, diagnostics: readonly Diagnostic[]): string[] {
	return diagnostics.map((diagnostic) => `${id} ${renderRange(diagnostic.range)} ${diagnostic.code}`);
}

/** Every diagnostic of every note, one line each, in path order. */
export function renderVaultDiagnostics(vault: VaultIndex): string {
	return vault
		.noteIds()
		.flatMap((id) => renderDiagnostics(id, computeDiagnostics(vault, id)))
		.join('\n');
}
