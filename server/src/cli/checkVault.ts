// What `vault-notes check` computes: every checked note's diagnostics, from the same core
// functions the language server uses.
import type { Diagnostic, Locale, NoteId, VaultIndex } from '../core';
import { compareCodePoints, computeDiagnostics } from '../core';

export interface FileDiagnostic {
	/** Vault-relative POSIX path. */
	readonly file: NoteId;
	readonly diagnostic: Diagnostic;
}

/** Diagnostics of every note that is checked, sorted by file (code points), line, character, code. */
export function checkVault(vault: VaultIndex, locale: Locale): FileDiagnostic[] {
	const result: FileDiagnostic[] = [];
	for (const id of vault.noteIds()) {
		for (const diagnostic of computeDiagnostics(vault, id, locale)) result.push({ file: id, diagnostic });
	}
	return result.sort(compareFileDiagnostics);
}

export function compareFileDiagnostics(a: FileDiagnostic, b: FileDiagnostic): number {
	return (
		compareCodePoints(a.file, b.file) ||
		a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
		a.diagnostic.range.start.character - b.diagnostic.range.start.character ||
		compareCodePoints(a.diagnostic.code, b.diagnostic.code)
	);
}

/** The number of notes that are checked (ignored notes are not). */
export function checkedNoteCount(vault: VaultIndex): number {
	return vault.noteIds().filter((id) => !vault.note(id)!.ignored).length;
}
