// Core types ⇄ LSP types, and URIs ⇄ absolute paths. Core ranges are already LSP-shaped;
// severities and codes need mapping.
import { URI } from 'vscode-uri';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core';

export const DIAGNOSTIC_SOURCE = 'vault-notes';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
	return {
		range: diagnostic.range,
		severity: SEVERITY[diagnostic.severity],
		code: diagnostic.code,
		source: DIAGNOSTIC_SOURCE,
		message: diagnostic.message,
		...(diagnostic.data ? { data: diagnostic.data } : {}),
	};
}

/** The absolute path of a `file:` URI, or undefined for other schemes (untitled, git…). */
export function uriToPath(uri: string): string | undefined {
	const parsed = URI.parse(uri);
	return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function pathToUri(absolutePath: string): string {
	return URI.file(absolutePath).toString();
}
