// Diagnostics reach VS Code's diagnostic collection from the real language server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticSource, vaultFolder, waitForDiagnostic } from './helpers';
import { test } from './registry';

const isBrokenLink = (diagnostic: vscode.Diagnostic) =>
	diagnostic.source === diagnosticSource && codeOf(diagnostic) === 'broken-link';

test('the vault reports a broken-link without opening a note', async () => {
	// vaultNotes.diagnostics.scope defaults to "vault": every note is checked, open or not.
	const { uri } = await waitForDiagnostic('a broken-link anywhere in the vault', (_, d) => isBrokenLink(d));
	console.log(`[e2e]   broken-link in ${vscode.workspace.asRelativePath(uri)}`);
});

test('a new note with a broken wikilink gets broken-link on the whole link', async () => {
	const text = '# E2E 新笔记\n\n这里链接到 [[不存在的笔记]] 吧。\n';
	const uri = vscode.Uri.joinPath(vaultFolder(), 'e2e-broken-link.md');
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	try {
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		const { diagnostic } = await waitForDiagnostic(
			'broken-link in e2e-broken-link.md',
			(candidate, d) => candidate.toString() === uri.toString() && isBrokenLink(d),
		);
		const line = text.split('\n')[2];
		const start = line.indexOf('[[');
		const end = line.indexOf(']]') + 2;
		assert.deepEqual(
			[
				diagnostic.range.start.line,
				diagnostic.range.start.character,
				diagnostic.range.end.line,
				diagnostic.range.end.character,
			],
			[2, start, 2, end],
		);
	} finally {
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await vscode.workspace.fs.delete(uri);
	}
});
