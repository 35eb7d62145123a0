// Completion and rename through VS Code's own command API, as other extensions and the editor use them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { vaultFolder } from './helpers';
import { test } from './registry';
import { vaultNotesApi, waitForIndex } from './vaultNotesApi';

test('completion after [[ offers the notes of the vault', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const text = '# 补全\n\n参见 [[\n';
	const uri = vscode.Uri.joinPath(vaultFolder(), 'e2e-completion.md');
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	try {
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		const list = await vscode.commands.executeCommand<vscode.CompletionList>(
			'vscode.executeCompletionItemProvider',
			uri,
			new vscode.Position(2, '参见 [['.length),
		);
		const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
		for (const expected of ['知识管理', 'AI']) {
			assert.ok(
				labels.some((label) => label.includes(expected)),
				`no completion for ${expected}: ${labels.join(', ')}`,
			);
		}
	} finally {
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await vscode.workspace.fs.delete(uri);
	}
});

// Runs last among the note-reading tests: it renames a note of the run's copy of the vault.
test('renaming a note from a link rewrites every link to it', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const uri = vscode.Uri.joinPath(vaultFolder(), '00-元语/AI.md');
	const document = await vscode.workspace.openTextDocument(uri);
	const line = document.getText().split('\n').indexOf('- [[00-元语/Rust]]');
	assert.ok(line >= 0, 'AI.md links to 00-元语/Rust');
	const position = new vscode.Position(line, '- [[00-元语/R'.length);
	const references = await vscode.commands.executeCommand<vscode.Location[]>(
		'vscode.executeReferenceProvider',
		uri,
		position,
	);
	// The reference provider adds the note itself (an empty range at its start): only links count here.
	const linking = new Set(
		references.filter((location) => !location.range.isEmpty).map((location) => location.uri.toString()),
	);

	const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
		'vscode.executeDocumentRenameProvider',
		uri,
		position,
		'Rust 语言',
	);
	assert.ok(edit, 'rename returned an edit');
	const edited = edit.entries().filter(([, edits]) => edits.some((textEdit) => textEdit.newText.includes('Rust 语言')));
	assert.deepEqual(edited.map(([target]) => target.toString()).sort(), [...linking].sort());
	assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applied');

	const renamed = vscode.Uri.joinPath(vaultFolder(), '00-元语/Rust 语言.md');
	await vscode.workspace.fs.stat(renamed);
	assert.ok(document.getText().includes('[[00-元语/Rust 语言]]'), document.getText());
	await vscode.workspace.saveAll(false);
});
