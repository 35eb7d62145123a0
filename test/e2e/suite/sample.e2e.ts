// Tests on a copy of the shared sample vault (517 notes of a real vault, someone else's writing:
// nothing of it is asserted literally, only agreement between the editor and our own tools).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, diagnosticSource, extensionId, vaultFolder } from './helpers';
import { sampleTest } from './registry';
import { vaultNotesApi, waitForIndex, waitUntil } from './vaultNotesApi';

interface CliDiagnostic {
	readonly file: string;
	readonly code: string;
	readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

/** What `vault-notes check` reports for the opened vault (the test may run tools; the extension may not). */
function cliDiagnostics(): CliDiagnostic[] {
	const extension = vscode.extensions.getExtension(extensionId)!;
	const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
	let output: string;
	try {
		output = execFileSync(process.execPath, [cli, 'check', vaultFolder().fsPath, '--format', 'json'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
		});
	} catch (error) {
		// Exit status 1 (errors found) still prints the report.
		output = (error as { stdout?: string }).stdout ?? '';
	}
	return (JSON.parse(output) as { diagnostics: CliDiagnostic[] }).diagnostics;
}

function editorDiagnostics(): string[] {
	const root = vaultFolder().fsPath;
	return vscode.languages
		.getDiagnostics()
		.flatMap(([uri, list]) =>
			list
				.filter((diagnostic) => diagnostic.source === diagnosticSource)
				.map(
					(d) =>
						`${path.relative(root, uri.fsPath).split(path.sep).join('/')} ${d.range.start.line}:${d.range.start.character} ${codeOf(d)}`,
				),
		)
		.sort();
}

sampleTest('on the sample, the Problems panel holds exactly what vault-notes check reports', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api, 60_000);
	const expected = cliDiagnostics()
		.map((d) => `${d.file} ${d.range.start.line}:${d.range.start.character} ${d.code}`)
		.sort();
	assert.ok(
		expected.some((line) => line.endsWith('broken-link')),
		'the sample has broken links',
	);
	await waitUntil(
		'every diagnostic of the sample',
		vscode.languages.onDidChangeDiagnostics,
		() => editorDiagnostics().length >= expected.length,
		60_000,
	);
	assert.deepEqual(editorDiagnostics(), expected);
});

sampleTest('on the sample, the backlinks view of 00-元语/AI.md matches the reference provider', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api, 60_000);
	const uri = vscode.Uri.joinPath(vaultFolder(), '00-元语', 'AI.md');
	await vscode.window.showTextDocument(uri);
	await waitUntil(
		'the backlinks view to follow the editor',
		api.backlinks.onDidChangeNote,
		() => api.backlinks.currentUri?.toString() === uri.toString(),
	);
	let fromView = 0;
	for (const group of await api.backlinks.getChildren()) fromView += (await api.backlinks.getChildren(group)).length;
	const references = await vscode.commands.executeCommand<vscode.Location[]>(
		'vscode.executeReferenceProvider',
		uri,
		new vscode.Position(0, 0),
	);
	const backlinks = references.filter((location) => location.uri.toString() !== uri.toString());
	assert.ok(fromView > 100, `a hub topic has many backlinks (got ${fromView})`);
	assert.equal(fromView, backlinks.length);
});

sampleTest('on the sample, completion after [[ offers topic notes', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api, 60_000);
	const uri = vscode.Uri.joinPath(vaultFolder(), '00-元语', 'e2e-completion.md');
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('## 关联主题\n\n- [[\n'));
	const editor = await vscode.window.showTextDocument(uri);
	const list = await vscode.commands.executeCommand<vscode.CompletionList>(
		'vscode.executeCompletionItemProvider',
		editor.document.uri,
		new vscode.Position(2, 4),
	);
	const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
	assert.ok(labels.includes('AI'), `completion offers the AI topic (got ${labels.slice(0, 10).join(', ')})`);
	await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	await vscode.workspace.fs.delete(uri);
});
