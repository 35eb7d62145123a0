// textDocument/prepareRename and textDocument/rename: a note (from a link to it) or a heading.
// Also binds workspace/willRenameFiles, which shares the record of our own pending renames.
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import type { ResponseError } from 'vscode-languageserver';
import type { FileEdits, NoteId, RenameResult, VaultIndex } from '../../core';
import { notesAffectedByMoves, prepareRename, renameHeading, renamedPath, updateLinksForMoves } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import type { HandlerContext } from './index';
import { PendingRenames } from './pendingRenames';
import { onWillRenameFiles } from './willRenameFiles';
import { computeWithTexts, refusal, supportsResourceOperation, toWorkspaceEdit, warnUnread } from './workspaceEdits';

export function registerRename({ connection, logger, state }: HandlerContext): void {
	const pending = new PendingRenames();
	connection.onPrepareRename(guard(logger, 'prepareRename', null, (params) => onPrepareRename(state(), params)));
	connection.onRenameRequest(guard(logger, 'rename', null, (params) => onRename(state(), params, pending)));
	connection.workspace.onWillRenameFiles(
		guard(logger, 'willRenameFiles', null, (params) => onWillRenameFiles(state(), params, pending)),
	);
}

export function onPrepareRename(
	state: ServerState | undefined,
	params: PrepareRenameParams,
): { range: Range; placeholder: string } | ResponseError<void> | null {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const prepared = prepareRename(located.session.vault, located.id, params.position);
	if (prepared.kind === 'refused') return refusal(state, prepared.message);
	if (prepared.kind === 'note' && !supportsResourceOperation(state, 'rename')) {
		return refusal(state, { id: 'noResourceOperations' });
	}
	return { range: prepared.range, placeholder: prepared.placeholder };
}

export async function onRename(
	state: ServerState | undefined,
	params: RenameParams,
	pending: PendingRenames,
): Promise<WorkspaceEdit | ResponseError<void> | null> {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const { session, id } = located;
	if (session.indexing) return refusal(state, { id: 'indexing' });
	const prepared = prepareRename(session.vault, id, params.position);
	if (prepared.kind === 'refused') return refusal(state, prepared.message);
	if (prepared.kind === 'note' && !supportsResourceOperation(state, 'rename')) {
		return refusal(state, { id: 'noResourceOperations' });
	}
	const vault = session.vault;
	const result =
		prepared.kind === 'note'
			? await renameNoteInSlices(state, session, vault, prepared.target, params.newName)
			: await computeWithTexts(state, session, [prepared.note, ...vault.linkingNotes(prepared.note)], (textOf) =>
					renameHeading(vault, prepared.note, prepared.line, params.newName, textOf),
				);
	if (result.kind === 'refused') return refusal(state, result.message);
	warnUnread(state, [...result.unread, ...result.needText]);
	for (const move of result.edit.renames) pending.add(session.uriOf(move.from), session.uriOf(move.to));
	return toWorkspaceEdit(state, session, result.edit);
}

/** Notes whose texts are held at once while a note rename's link edits are computed. */
const RENAME_SLICE = 500;

/**
 * `renameNote`, a slice of the affected notes at a time: the texts of a hub's 66k linking notes,
 * all held until the edits were computed, were about half a gigabyte of strings (at 100k notes,
 * garbage collection took 3.5 s of the rename's 15.7 s of CPU). The note and the notes linking to
 * it are read first, as before; others only when the core asks (Markdown links). The index may
 * change between slices: every note's edits are still checked against the text just read (a note
 * changed meanwhile is reported, not edited wrongly).
 */
async function renameNoteInSlices(
	state: ServerState,
	session: VaultSession,
	vault: VaultIndex,
	target: NoteId,
	typed: string,
): Promise<RenameResult> {
	const to = renamedPath(vault, target, typed);
	if (typeof to !== 'string') return { kind: 'refused', message: to };
	const moves = [{ from: target, to }];
	const linking = new Set([target, ...vault.incomingLinks(target).map(({ entry }) => entry.id)]);
	const notes = notesAffectedByMoves(vault, moves);
	const changes: FileEdits[] = [];
	const unread: NoteId[] = [];
	const needText: NoteId[] = [];
	let linkCount = 0;
	for (let start = 0; start < notes.length; start += RENAME_SLICE) {
		const slice = notes.slice(start, start + RENAME_SLICE);
		const preload = slice.filter((id) => linking.has(id));
		const update = await computeWithTexts(state, session, preload, (textOf) =>
			updateLinksForMoves(vault, moves, textOf, slice),
		);
		changes.push(...update.changes);
		unread.push(...update.unread);
		needText.push(...update.needText);
		linkCount += update.linkCount;
	}
	return { kind: 'edit', edit: { changes, renames: moves, creations: [] }, linkCount, unread, needText };
}
