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
import { mapLimited } from '../../workspace/mapLimited';

/**
 * Groups beyond this get no line text: reading thousands of notes for a hub would keep the view
 * waiting, and nobody reads that far before narrowing the search.
 */
export const BACKLINK_CONTEXT_LIMIT = 500;
/** Notes read at the same time while collecting context. */
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
	const kept = answers.get(groups);
	if (kept) return kept;
	let cancelled = false;
	const head = await mapLimited(groups.slice(0, BACKLINK_CONTEXT_LIMIT), READ_BATCH, async (group) => {
		// A cancelled request stops reading notes; the client drops the answer anyway.
		cancelled ||= token?.isCancellationRequested === true;
		return toProtocol(session, group, cancelled ? undefined : await state.textOf(session, group.id));
	});
	const tail = groups.slice(BACKLINK_CONTEXT_LIMIT).map((group) => toProtocol(session, group, undefined));
	const answer = { groups: tail.length === 0 ? head : [...head, ...tail] };
	if (!cancelled) answers.set(groups, answer);
	return answer;
}

/**
 * The answer for one `listBacklinks` result. The index lists the backlinks again whenever a link
 * to the note changes, and a linking note edited in an editor or on disk is re-resolved, so the
 * line texts read for a list are those its ranges were parsed from: a hub's view, refreshed after
 * every index change elsewhere, is neither read from disk nor converted again.
 */
const answers = new WeakMap<readonly BacklinkGroup[], BacklinksResult>();

function toProtocol(session: VaultSession, group: BacklinkGroup, text: string | undefined): ProtocolGroup {
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
