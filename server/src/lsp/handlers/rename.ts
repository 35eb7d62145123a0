// textDocument/prepareRename and textDocument/rename: a note (from a link to it) or a heading.
// Also binds workspace/willRenameFiles, which shares the record of our own pending renames.
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import type { ResponseError } from 'vscode-languageserver';
import { prepareRename, renameHeading, renameNote } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
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
			? await computeWithTexts(state, session, [prepared.target, ...vault.linkingNotes(prepared.target)], (textOf) =>
					renameNote(vault, prepared.target, params.newName, textOf),
				)
			: await computeWithTexts(state, session, [prepared.note, ...vault.linkingNotes(prepared.note)], (textOf) =>
					renameHeading(vault, prepared.note, prepared.line, params.newName, textOf),
				);
	if (result.kind === 'refused') return refusal(state, result.message);
	warnUnread(state, [...result.unread, ...result.needText]);
	for (const move of result.edit.renames) pending.add(session.uriOf(move.from), session.uriOf(move.to));
	return toWorkspaceEdit(state, session, result.edit);
}
