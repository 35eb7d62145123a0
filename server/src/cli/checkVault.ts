// What `vault-notes check` computes: every checked note's diagnostics, from the same core
// functions the language server uses.
import type { Diagnostic, Locale, NoteId, VaultIndex } from '../core';
import { compareCodePoints, computeDiagnostics } from '../core';

export interface FileDiagnostic {
	/** Vault-relative POSIX path. */
	readonly file: NoteId;
	readonly diagnostic: Diagnostic;
}

/**
 * Diagnostics of every note that is checked, sorted by file (code points), line, character, code.
 * `known` holds diagnostics computed while the vault loaded (DiagnosticsDuringLoad): only notes
 * without an entry are computed here.
 */
export function checkVault(
	vault: VaultIndex,
	locale: Locale,
	known?: ReadonlyMap<NoteId, readonly Diagnostic[]>,
): FileDiagnostic[] {
	const result: FileDiagnostic[] = [];
	for (const id of vault.noteIds()) {
		const diagnostics = known?.get(id) ?? computeDiagnostics(vault, id, locale);
		for (const diagnostic of diagnostics) result.push({ file: id, diagnostic });
	}
	return result.sort(compareFileDiagnostics);
}

/**
 * Computes diagnostics batch by batch while a vault loads, in the time the main thread would
 * otherwise wait for the parse workers. `apply` reports every note whose diagnostics may have
 * changed (the incremental invariant), so recomputing the touched notes of each batch ends with
 * exactly what computing every note after the load gives.
 */
export class DiagnosticsDuringLoad {
	private readonly byNote = new Map<NoteId, readonly Diagnostic[]>();

	constructor(
		private readonly vault: VaultIndex,
		private readonly locale: Locale,
	) {}

	get known(): ReadonlyMap<NoteId, readonly Diagnostic[]> {
		return this.byNote;
	}

	onBatch(touched: readonly NoteId[]): void {
		for (const id of touched) {
			if (this.vault.note(id)) this.byNote.set(id, computeDiagnostics(this.vault, id, this.locale));
			else this.byNote.delete(id);
		}
	}
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
