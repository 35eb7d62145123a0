// Shared by rename, willRenameFiles and code actions: core VaultEdits → LSP WorkspaceEdits, note
// texts gathered for the synchronous core (open editor first, then disk), refusals as errors.
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import {
	CreateFile,
	LSPErrorCodes,
	MessageType,
	RenameFile,
	ResponseError,
	ShowMessageNotification,
} from 'vscode-languageserver';
import type { EditMessage, NoteId, VaultEdit } from '../../core';
import { formatEditMessage } from '../../core';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import { mapLimited } from '../../workspace/mapLimited';

/** A refusal the client shows to the user (rename, prepareRename). */
export function refusal(state: ServerState, message: EditMessage): ResponseError<void> {
	return new ResponseError(LSPErrorCodes.RequestFailed, formatEditMessage(message, state.locale));
}

/** Whether the client applies `documentChanges` with the given resource operation. */
export function supportsResourceOperation(state: ServerState, kind: 'create' | 'rename'): boolean {
	const workspaceEdit = state.capabilities.workspace?.workspaceEdit;
	return workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes(kind);
}

/**
 * The WorkspaceEdit of a VaultEdit: text edits (versioned for open documents), then renames, then
 * creations (an empty file, then its content). Plain `changes` when the client has no documentChanges.
 */
export function toWorkspaceEdit(state: ServerState, session: VaultSession, edit: VaultEdit): WorkspaceEdit {
	const documentChanges = state.capabilities.workspace?.workspaceEdit?.documentChanges === true;
	if (!documentChanges && edit.renames.length === 0 && edit.creations.length === 0) {
		return { changes: Object.fromEntries(edit.changes.map((change) => [session.uriOf(change.id), [...change.edits]])) };
	}
	const textEdits: TextDocumentEdit[] = edit.changes.map((change) => {
		const uri = session.uriOf(change.id);
		const version = state.documents.get(uri)?.version ?? null;
		return { textDocument: { uri, version }, edits: [...change.edits] };
	});
	const renames = edit.renames.map((move) =>
		RenameFile.create(session.uriOf(move.from), session.uriOf(move.to), { overwrite: false, ignoreIfExists: false }),
	);
	const creations = edit.creations.flatMap((creation) => {
		const uri = session.uriOf(creation.id);
		const start = { line: 0, character: 0 };
		const fill: TextDocumentEdit = {
			textDocument: { uri, version: null },
			edits: [{ range: { start, end: start }, newText: creation.text }],
		};
		return [CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }), fill];
	});
	return { documentChanges: [...textEdits, ...renames, ...creations] };
}

/** Notes read at the same time while preparing an edit. */
const READ_CONCURRENCY = 64;

/**
 * Runs a core computation that may ask for more note texts (`needText`): gathers `preload` first,
 * then whatever it asked for, and runs it again once. Notes still without text stay in `needText`.
 */
export async function computeWithTexts<R extends object>(
	state: ServerState,
	session: VaultSession,
	preload: readonly NoteId[],
	compute: (textOf: (id: NoteId) => string | undefined) => R,
): Promise<R> {
	const texts = new Map<NoteId, string | undefined>();
	const load = async (ids: readonly NoteId[]) => {
		const missing = [...new Set(ids)].filter((id) => !texts.has(id));
		const read = await mapLimited(missing, READ_CONCURRENCY, (id) => state.textOf(session, id));
		missing.forEach((id, index) => texts.set(id, read[index]));
	};
	await load(preload);
	const first = compute((id) => texts.get(id));
	const needText = 'needText' in first ? (first.needText as readonly NoteId[]) : [];
	if (needText.length === 0) return first;
	await load(needText);
	return compute((id) => texts.get(id));
}

/** Tells the user which notes could not be updated (skipped, not UTF-8, changed meanwhile). */
export function warnUnread(state: ServerState, unread: readonly NoteId[]): void {
	if (unread.length === 0) return;
	const notes = unread.length > 10 ? `${unread.slice(0, 10).join(', ')}, …` : unread.join(', ');
	// A notification, not window.showWarningMessage (a request that waits for the user).
	const message = formatEditMessage({ id: 'skippedNotes', args: { notes } }, state.locale);
	void state.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
