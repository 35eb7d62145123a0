// Entry point of the e2e suite (extensionTestsPath): VS Code loads the bundle out/e2e/suite.js
// built by test/e2e/runVsCode.mjs and awaits `run()`; a rejection makes the run exit non-zero.
// Add an area by writing test/e2e/suite/<area>.e2e.ts and importing it below (order = run order).
import './activation.e2e';
import './diagnostics.e2e';
import './views.e2e';
import './summary.e2e';
import './commands.e2e';
import './languageFeatures.e2e';
import './sample.e2e';
import './untrusted.e2e';
import * as vscode from 'vscode';
import { vaultFolder } from './helpers';
import { runAll } from './registry';

export async function run(): Promise<void> {
	// The example vault has a folder of deliberate mistakes; any other vault is a copy of the sample.
	const marker = vscode.Uri.joinPath(vaultFolder(), '01-博客', '示例错误');
	const isExample = await vscode.workspace.fs.stat(marker).then(
		() => true,
		() => false,
	);
	if (!vscode.workspace.isTrusted) return runAll('untrusted');
	return runAll(isExample ? 'example' : 'sample');
}
