// workspace/willRenameFiles: files or folders renamed or moved in the explorer. Returns the link
// edits (applied before the move) as `vaultNotes.links.updateOnMove` says: always, never, or after
// asking "Update N links in M notes?". Renames that our own rename edit contains are skipped.
import type { RenameFilesParams, WorkspaceEdit } from 'vscode-languageserver';
import type { FileMove, NoteId } from '../../core';
import { formatEditMessage, updateLinksForMoves } from '../../core';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import type { PendingRenames } from './pendingRenames';
import { computeWithTexts, toWorkspaceEdit, warnUnread } from './workspaceEdits';

export async function onWillRenameFiles(
	state: ServerState | undefined,
	params: RenameFilesParams,
	pending: PendingRenames,
): Promise<WorkspaceEdit | null> {
	if (!state) return null;
	const files = params.files.filter((file) => !pending.consume(file.oldUri, file.newUri));
	const movesBySession = new Map<VaultSession, FileMove[]>();
	for (const file of files) {
		const from = state.locate(file.oldUri);
		const to = state.locate(file.newUri);
		// A move out of the vault (or into an invisible folder) leaves links broken: nothing to rewrite.
		if (!from || !to || from.session !== to.session) continue;
		const moves = movesOf(from.session, from.id, to.id);
		movesBySession.set(from.session, [...(movesBySession.get(from.session) ?? []), ...moves]);
	}
	// One workspace edit per request: with several vaults, the first that has edits answers.
	for (const [session, moves] of movesBySession) {
		const edit = await linkEdits(state, session, moves);
		if (edit) return edit;
	}
	return null;
}

/** One move per file: the file itself, or every file under a moved folder. */
function movesOf(session: VaultSession, from: NoteId, to: NoteId): FileMove[] {
	if (session.vault.file(from)) return [{ from, to }];
	const prefix = from + '/';
	return session.vault
		.ids()
		.filter((id) => id.startsWith(prefix))
		.map((id) => ({ from: id, to: to + id.slice(from.length) }));
}

async function linkEdits(
	state: ServerState,
	session: VaultSession,
	moves: readonly FileMove[],
): Promise<WorkspaceEdit | null> {
	const setting = state.settingsOf(session).links.updateOnMove;
	if (setting === 'never' || moves.length === 0) return null;
	const vault = session.vault;
	const preload = moves.flatMap((move) => [move.from, ...vault.linkingNotes(move.from)]).filter((id) => vault.note(id));
	const update = await computeWithTexts(state, session, preload, (textOf) => updateLinksForMoves(vault, moves, textOf));
	if (update.linkCount === 0) return null;
	if (setting === 'prompt' && !(await confirm(state, update.linkCount, update.changes.length))) return null;
	// Only when links are being updated: moving a picture must not warn about every skipped note.
	warnUnread(state, [...update.unread, ...update.needText]);
	return toWorkspaceEdit(state, session, { changes: update.changes, renames: [], creations: [] });
}

async function confirm(state: ServerState, links: number, notes: number): Promise<boolean> {
	const text = (id: 'yes' | 'no' | 'updateLinksPrompt') =>
		formatEditMessage({ id, args: { links, notes } }, state.locale);
	const answer = await state.connection.window.showInformationMessage(
		text('updateLinksPrompt'),
		{ title: text('yes') },
		{ title: text('no') },
	);
	return answer?.title === text('yes');
}
