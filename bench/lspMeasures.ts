// Pieces both servers' measures share: the initialize handshake of a VS Code-like client,
// positions in note text, and counting what a response holds.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { LspClient } from './lspClient';
import { round } from './stats';

export interface Skipped {
	readonly skipped: string;
}

export function skipped(reason: string): Skipped {
	return { skipped: reason };
}

export function isSkipped(value: unknown): value is Skipped {
	return typeof value === 'object' && value !== null && 'skipped' in value;
}

/** Capabilities as VS Code declares them for what the benchmark uses. */
const CAPABILITIES = {
	window: { workDoneProgress: true },
	workspace: {
		workspaceFolders: true,
		didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
		workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
		diagnostics: { refreshSupport: true },
	},
	textDocument: {
		synchronization: { dynamicRegistration: true, didSave: true },
		publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
		completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true }, contextSupport: true },
		references: {},
		rename: { prepareSupport: true },
		diagnostic: { dynamicRegistration: true, relatedDocumentSupport: true },
	},
};

/** Sends `initialize` and returns its latency (the caller sends `initialized` when it is ready to time). */
export async function initialize(client: LspClient, root: string, initializationOptions: unknown): Promise<number> {
	const uri = URI.file(root).toString();
	const started = performance.now();
	await client.request(
		'initialize',
		{
			processId: process.pid,
			rootUri: uri,
			workspaceFolders: [{ uri, name: path.basename(root) }],
			capabilities: CAPABILITIES,
			initializationOptions,
			locale: 'en',
		},
		60_000,
	);
	return round(performance.now() - started);
}

/** A position on a plain body line: no link, heading or block marker (a note's backlinks are asked there). */
export function plainPosition(text: string): { line: number; character: number } {
	const lines = text.split(/\r?\n/);
	let start = 0;
	if (lines[0] === '---') {
		const close = lines.indexOf('---', 1);
		start = close < 0 ? 0 : close + 1;
	}
	for (let line = start; line < lines.length; line++) {
		const value = lines[line]!;
		if (value.trim().length > 2 && !/^\s*([#>|`$-]|\d+\.)/.test(value) && !/[[\]^`$<%]/.test(value))
			return { line, character: 1 };
	}
	return { line: start, character: 0 };
}

/** The LSP position (UTF-16) of an offset in `text`. */
export function linePosition(text: string, offset: number): { line: number; character: number } {
	const before = text.slice(0, offset);
	const line = before.split('\n').length - 1;
	return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function countLocations(result: unknown): number {
	return Array.isArray(result) ? result.length : 0;
}

interface EditLike {
	readonly changes?: Record<string, readonly unknown[]>;
	readonly documentChanges?: readonly { readonly edits?: readonly unknown[]; readonly kind?: string }[];
}

/** Text edits and the distinct files they touch (file operations count as one edit each). */
export function countWorkspaceEdit(result: unknown): { edits: number; files: number } {
	const edit = (result ?? {}) as EditLike;
	let edits = 0;
	let files = 0;
	for (const list of Object.values(edit.changes ?? {})) {
		edits += list.length;
		files++;
	}
	for (const change of edit.documentChanges ?? []) {
		edits += change.edits?.length ?? 1;
		files++;
	}
	return { edits, files };
}
