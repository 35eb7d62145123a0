// The three output formats of `vault-notes check` (SPEC §8).
import type { Severity } from '../core';
import { DIAGNOSTIC_CODES } from '../core';
import type { FileDiagnostic } from './checkVault';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface Results {
	/** Absolute path of the vault root. */
	readonly root: string;
	/** Notes checked. */
	readonly files: number;
	readonly diagnostics: readonly FileDiagnostic[];
}

export function formatResults(format: OutputFormat, results: Results): string {
	if (format === 'json') return formatJson(results);
	if (format === 'sarif') return formatSarif(results);
	return formatText(results);
}

/** `path:line:col  severity  message  code`, 1-based, then a summary line. */
export function formatText(results: Results): string {
	const lines = results.diagnostics.map(({ file, diagnostic }) => {
		const { line, character } = diagnostic.range.start;
		return `${file}:${line + 1}:${character + 1}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.code}`;
	});
	lines.push(summaryLine(results));
	return lines.join('\n') + '\n';
}

export function summaryLine(results: Results): string {
	const counts = countBySeverity(results);
	const total = results.diagnostics.length;
	const parts = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints`;
	return `${total} problem${total === 1 ? '' : 's'} (${parts}) in ${results.files} notes`;
}

export function countBySeverity(results: Results): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
	for (const { diagnostic } of results.diagnostics) counts[diagnostic.severity]++;
	return counts;
}

function formatJson(results: Results): string {
	const diagnostics = results.diagnostics.map(({ file, diagnostic }) => ({
		file,
		range: diagnostic.range,
		severity: diagnostic.severity,
		code: diagnostic.code,
		message: diagnostic.message,
	}));
	return JSON.stringify({ version: 1, root: results.root, files: results.files, diagnostics }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0; columns are UTF-16 code units, as declared by `columnKind`. */
function formatSarif(results: Results): string {
	const rootUri = 'file://' + encodeURI(results.root.endsWith('/') ? results.root : results.root + '/');
	const sarif = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'vault-notes',
						informationUri: 'https://example.invalid/vault-notes',
						rules: DIAGNOSTIC_CODES.map((code) => ({ id: code, name: code })),
					},
				},
				originalUriBaseIds: { VAULTROOT: { uri: rootUri } },
				columnKind: 'utf16CodeUnits',
				results: results.diagnostics.map(({ file, diagnostic }) => ({
					ruleId: diagnostic.code,
					ruleIndex: DIAGNOSTIC_CODES.indexOf(diagnostic.code),
					level: SARIF_LEVEL[diagnostic.severity],
					message: { text: diagnostic.message },
					locations: [
						{
							physicalLocation: {
								artifactLocation: { uri: encodeURI(file), uriBaseId: 'VAULTROOT' },
								region: {
									startLine: diagnostic.range.start.line + 1,
									startColumn: diagnostic.range.start.character + 1,
									endLine: diagnostic.range.end.line + 1,
									endColumn: diagnostic.range.end.character + 1,
								},
							},
						},
					],
				})),
			},
		],
	};
	return JSON.stringify(sarif, null, 2) + '\n';
}
