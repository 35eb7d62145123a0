// The extension is found and activates in the real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId } from './helpers';
import { test } from './registry';

test('the extension activates', async () => {
	const extension = vscode.extensions.getExtension(extensionId);
	assert.ok(extension, `extension ${extensionId} is not loaded`);
	await extension.activate();
	assert.equal(extension.isActive, true);
});
