// The edits that rename and quick-fix features hand back: plain data the adapter turns into an
// LSP WorkspaceEdit. Text edits address files as they are *before* any file operation runs.
import type { NoteId, TextEdit } from '../types';

/** The text edits of one existing file, in its state before the edit. */
export interface FileEdits {
	readonly id: NoteId;
	readonly edits: readonly TextEdit[];
}

/** One file renamed or moved (also a folder's file, one entry per file). */
export interface FileMove {
	readonly from: NoteId;
	readonly to: NoteId;
}

/** A new file and its whole content. */
export interface FileCreation {
	readonly id: NoteId;
	readonly text: string;
}

/**
 * A change to the vault: text edits first (on the files' current ids), then the renames, then
 * the creations. Never names a path outside the vault or an invisible one.
 */
export interface VaultEdit {
	readonly changes: readonly FileEdits[];
	readonly renames: readonly FileMove[];
	readonly creations: readonly FileCreation[];
}

/** An edit with nothing in it. */
export const EMPTY_VAULT_EDIT: VaultEdit = Object.freeze({ changes: [], renames: [], creations: [] });
