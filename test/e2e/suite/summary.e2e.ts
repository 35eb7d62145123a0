// The summary preview: the webview reports the text it rendered back to the extension (message
// `rendered`), which the API exposes, so these checks see what the user sees.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { vaultFolder } from './helpers';
import { test } from './registry';
import type { StartedApi } from './vaultNotesApi';
import { vaultNotesApi, waitForIndex, waitUntil } from './vaultNotesApi';

const NOTE = '01-博客/林晓/笔记的三层结构.md';

test('the summary preview opens beside a note and shows its summary, topics and metadata', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const uri = vscode.Uri.joinPath(vaultFolder(), NOTE);
	const document = await vscode.workspace.openTextDocument(uri);
	await vscode.window.showTextDocument(document);
	const summaryLine = summaryTextOf(document.getText());

	await vscode.commands.executeCommand('vaultNotes.showSummary');
	const text = await renderedText(api, uri, (shown) => shown.includes(summaryLine));
	for (const expected of ['笔记的三层结构', '2025-03-15', '林晓', '知识管理', '写作']) {
		assert.ok(text.includes(expected), `“${expected}” missing from the preview: ${text}`);
	}
	const message = api.summaryPanel.current?.lastMessage;
	assert.equal(message?.type, 'summary');
	assert.equal(message.type === 'summary' && message.summary.source, 'https://example.com/lin-xiao/three-layers');
});

test('the summary preview follows live edits of the note', async () => {
	const api = await vaultNotesApi();
	const uri = vscode.Uri.joinPath(vaultFolder(), NOTE);
	const document = await vscode.workspace.openTextDocument(uri);
	const editor = await vscode.window.showTextDocument(document);
	const summaryLine = summaryTextOf(document.getText());
	const line = document.getText().split('\n').indexOf(summaryLine);
	const added = '（端到端测试追加的一句）';
	try {
		await editor.edit((edit) => edit.insert(new vscode.Position(line, summaryLine.length), added));
		await renderedText(api, uri, (shown) => shown.includes(added));
	} finally {
		await vscode.commands.executeCommand('workbench.action.files.revert');
	}
	await renderedText(api, uri, (shown) => !shown.includes(added) && shown.includes(summaryLine));
});

/** The last plain line of the note's `## 摘要` section: what the preview must show. */
function summaryTextOf(text: string): string {
	const lines = text.split('\n');
	const start = lines.indexOf('## 摘要');
	const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
	const plain = lines.slice(start + 1, end).filter((line) => line.trim() !== '' && !/[*_[`]/.test(line));
	assert.ok(plain.length > 0, 'the note has a plain summary line');
	return plain[plain.length - 1]!;
}

async function renderedText(api: StartedApi, uri: vscode.Uri, matches: (text: string) => boolean): Promise<string> {
	const shown = () => {
		const rendered = api.summaryPanel.current?.rendered;
		const sameNote = rendered?.uri !== undefined && vscode.Uri.parse(rendered.uri).toString() === uri.toString();
		return rendered && sameNote && matches(rendered.text) ? rendered.text : undefined;
	};
	await waitUntil('the summary preview to render', api.summaryPanel.onDidRender, () => shown() !== undefined);
	return shown()!;
}
