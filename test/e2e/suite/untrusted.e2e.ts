// The example vault in Restricted Mode (workspace trust on, folder not trusted): the extension
// runs with limited support — links are checked, but the config's JSON Schemas are not compiled
// (ajv generates code from them), so no front-matter schema problem appears.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticSource, waitForDiagnostic } from './helpers';
import { untrustedTest } from './registry';
import { vaultNotesApi, waitForIndex } from './vaultNotesApi';

const SCHEMA_CODES = new Set(['missing-field', 'missing-front-matter', 'invalid-value']);

untrustedTest('in Restricted Mode the extension activates and checks links', async () => {
	assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
	const api = await vaultNotesApi();
	await waitForIndex(api, 60_000);
	await waitForDiagnostic('a broken-link', (_uri, diagnostic) => codeOf(diagnostic) === 'broken-link');
});

untrustedTest('in Restricted Mode no front-matter schema is checked', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api, 60_000);
	// yaml-syntax comes from parsing, not from a schema: its presence shows every note was checked.
	await waitForDiagnostic('a yaml-syntax', (_uri, diagnostic) => codeOf(diagnostic) === 'yaml-syntax');
	const schemaProblems = vscode.languages
		.getDiagnostics()
		.flatMap(([, list]) => list)
		.filter((diagnostic) => diagnostic.source === diagnosticSource && SCHEMA_CODES.has(codeOf(diagnostic) ?? ''));
	assert.deepEqual(
		schemaProblems.map((d) => d.message),
		[],
	);
});
