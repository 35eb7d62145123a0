// The manifest and the code agree on the commands: every id of client/src/commands.ts is
// contributed (with a category) and registered, and nothing is contributed that the code lacks.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../client/src/commands';
import { extensionId } from './helpers';
import { test } from './registry';
import { vaultNotesApi } from './vaultNotesApi';

interface ContributedCommand {
	readonly command: string;
	readonly category?: string;
}

test('every command is contributed with a category and registered', async () => {
	await vaultNotesApi();
	const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as {
		contributes: { commands: ContributedCommand[] };
	};
	const contributed = manifest.contributes.commands;
	assert.deepEqual(contributed.map((command) => command.command).sort(), Object.values(Commands).sort());
	for (const command of contributed) {
		assert.ok(command.category, `${command.command} has no category`);
	}
	const registered = new Set(await vscode.commands.getCommands(true));
	for (const id of Object.values(Commands)) assert.ok(registered.has(id), `${id} is not registered`);
});

test('copy wikilink writes the full-path link of a note', async () => {
	await vaultNotesApi();
	const folder = vscode.workspace.workspaceFolders![0]!.uri;
	const uri = vscode.Uri.joinPath(folder, '00-元语', 'AI.md');
	await vscode.commands.executeCommand(Commands.copyWikilink, { uri: uri.toString() });
	assert.equal(await vscode.env.clipboard.readText(), '[[00-元语/AI]]');
});
