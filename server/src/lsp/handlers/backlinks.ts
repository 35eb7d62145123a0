// `vaultNotes/backlinks`: the links to a note, grouped by linking note, each with its line.
import type { CancellationToken } from 'vscode-languageserver';
import type { BacklinkGroup as ProtocolGroup, BacklinksParams, BacklinksResult } from '../../../../protocol';
import { BacklinksRequest } from '../../../../protocol';
import type { BacklinkGroup } from '../../core';
import { LineIndex, listBacklinks, stripBom } from '../../core';
import { lineContext } from '../lineContext';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import { guard } from '../guard';
import type { HandlerContext } from './index';

/**
 * Groups beyond this get no line text: reading thousands of notes for a hub would keep the view
 * waiting, and nobody reads that far before narrowing the search.
 */
export const BACKLINK_CONTEXT_LIMIT = 500;
/** Notes read at once while collecting context. */
const READ_BATCH = 32;

/** Answers `BacklinksRequest` (wrapped in a guard: a failure is logged and answered with an empty result). */
export function registerBacklinks(context: HandlerContext): void {
	context.connection.onRequest(
		BacklinksRequest.type,
		guard(context.logger, BacklinksRequest.method, { groups: [] }, (params, token) =>
			onBacklinks(context.state(), params, token),
		),
	);
}

export async function onBacklinks(
	state: ServerState | undefined,
	params: BacklinksParams,
	token?: CancellationToken,
): Promise<BacklinksResult> {
	const located = state?.locate(params.uri);
	if (!state || !located) return { groups: [] };
	const { session } = located;
	const groups = listBacklinks(session.vault, located.id);
	const res: ProtocolGroup[] = [];
	for (let start = 0; start < groups.length; start += READ_BATCH) {
		// A cancelled request stops reading notes; the client drops the answer anyway.
		const reading = !token?.isCancellationRequested;
		const batch = groups.slice(start, start + READ_BATCH).map((group, offset) => {
			const withContext = reading && start + offset < BACKLINK_CONTEXT_LIMIT;
			return toProtocol(state, session, group, withContext);
		});
		res.push(...(await Promise.all(batch)));
	}
	return { groups: res };
}

async function toProtocol(
	state: ServerState,
	session: VaultSession,
	group: BacklinkGroup,
	withContext: boolean,
): Promise<ProtocolGroup> {
	const text = withContext ? await state.textOf(session, group.id) : undefined;
	// Positions are counted after a BOM (SPEC §1), so the line text must be too.
	const lines = text === undefined ? undefined : new LineIndex(stripBom(text));
	return {
		uri: session.uriOf(group.id),
		title: group.title,
		links: group.ranges.map((range) => ({
			range,
			...(lines ? lineContext(lines, range) : { context: '', contextStart: 0, contextEnd: 0 }),
		})),
	};
}
