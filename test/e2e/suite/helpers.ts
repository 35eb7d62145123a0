// Event-driven waits and small lookups shared by the e2e area files.
import * as vscode from 'vscode';

/** The id of the extension under test (package.json publisher.name). */
export const extensionId = 'vault-notes.vault-notes';

/** Diagnostics published by our server carry this source (SPEC §6). */
export const diagnosticSource = 'vault-notes';

/** The diagnostic code as a string, whether VS Code holds it plain or as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	if (code === undefined) return undefined;
	return typeof code === 'object' ? String(code.value) : String(code);
}

/** The first workspace folder: the vault runVsCode.mjs opened. */
export function vaultFolder(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) throw new Error('no workspace folder is open');
	return folder.uri;
}

/**
 * Resolves with the first diagnostic (in any file) that `matches`, checking what is already
 * published and then every `onDidChangeDiagnostics` event; rejects after `timeoutMs` with a
 * summary of what was seen.
 */
export function waitForDiagnostic(
	what: string,
	matches: (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => boolean,
	timeoutMs = 30_000,
): Promise<{ uri: vscode.Uri; diagnostic: vscode.Diagnostic }> {
	return new Promise((resolve, reject) => {
		const find = () => {
			for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
				const diagnostic = diagnostics.find((candidate) => matches(uri, candidate));
				if (diagnostic) return { uri, diagnostic };
			}
			return undefined;
		};
		const finish = (outcome: () => void) => {
			clearTimeout(timer);
			subscription.dispose();
			outcome();
		};
		const subscription = vscode.languages.onDidChangeDiagnostics(() => {
			const found = find();
			if (found) finish(() => resolve(found));
		});
		const timer = setTimeout(() => {
			finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; seen: ${summarize()}`)));
		}, timeoutMs);
		const found = find();
		if (found) finish(() => resolve(found));
	});
}

function summarize(): string {
	const lines = vscode.languages
		.getDiagnostics()
		.flatMap(([uri, diagnostics]) =>
			diagnostics.map(
				(d) =>
					`${vscode.workspace.asRelativePath(uri)} ${d.range.start.line}:${d.range.start.character} ${d.source} ${codeOf(d)}`,
			),
		);
	return lines.length > 0 ? lines.slice(0, 20).join(', ') : 'no diagnostics at all';
}
