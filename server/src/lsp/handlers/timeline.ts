// `vaultNotes/timeline`: one level of the year → month → note tree. With several vaults and no
// `vault` param, the levels of every vault are merged (same group ids add up).
import type { TimelineGroup, TimelineNote, TimelineParams, TimelineResult } from '../../../../protocol';
import { TimelineRequest } from '../../../../protocol';
import type { TimelineFilter, TimelineItem } from '../../core';
import { buildTimeline, compareCodePoints } from '../../core';
import type { ServerState } from '../serverState';
import { sessionsOf } from '../sessionsOf';
import type { VaultSession } from '../vaultSession';
import { guard } from '../guard';
import type { HandlerContext } from './index';

/** Answers `TimelineRequest` (wrapped in a guard: a failure is logged and answered with an empty result). */
export function registerTimeline(context: HandlerContext): void {
	context.connection.onRequest(
		TimelineRequest.type,
		guard(context.logger, TimelineRequest.method, { items: [] }, (params) => onTimeline(context.state(), params)),
	);
}

export function onTimeline(state: ServerState | undefined, params: TimelineParams): TimelineResult {
	if (!state) return { items: [] };
	const levels = sessionsOf(state, params.vault).flatMap((session) => {
		const filter = filterFor(state, session, params);
		if (!filter) return [];
		return [buildTimeline(session.vault, { parent: params.parent, filter }).map((item) => toProtocol(session, item))];
	});
	return { items: levels.length === 1 ? levels[0]!.map(({ item }) => item) : merge(levels.flat()) };
}

/** The core filter for one vault; undefined when the topic filter names a note of another vault. */
function filterFor(state: ServerState, session: VaultSession, params: TimelineParams): TimelineFilter | undefined {
	const { folder, topic, author } = params.filter ?? {};
	if (topic === undefined) return { folder, author };
	const located = state.locate(topic);
	return located?.session === session ? { folder, author, topic: located.id } : undefined;
}

interface Converted {
	readonly item: TimelineGroup | TimelineNote;
	/** What orders notes across vaults: the core's date key. */
	readonly sortKey: string;
}

function toProtocol(session: VaultSession, item: TimelineItem): Converted {
	if (item.kind === 'group') return { item, sortKey: '' };
	const { title, date, author, sortKey } = item;
	return { item: { kind: 'note', uri: session.uriOf(item.id), title, date, author }, sortKey };
}

/** One level from several vaults: groups newest first with `noDate` last, notes as the core orders them. */
function merge(items: readonly Converted[]): (TimelineGroup | TimelineNote)[] {
	const groups = new Map<string, TimelineGroup>();
	const notes: { readonly note: TimelineNote; readonly sortKey: string }[] = [];
	for (const { item, sortKey } of items) {
		if (item.kind === 'note') notes.push({ note: item, sortKey });
		else groups.set(item.id, { ...item, count: (groups.get(item.id)?.count ?? 0) + item.count });
	}
	const sortedGroups = [...groups.values()].sort(
		(a, b) => Number(a.id === 'noDate') - Number(b.id === 'noDate') || compareCodePoints(b.id, a.id),
	);
	notes.sort(
		(a, b) =>
			compareCodePoints(b.sortKey, a.sortKey) ||
			compareCodePoints(a.note.title, b.note.title) ||
			compareCodePoints(a.note.uri, b.note.uri),
	);
	return [...sortedGroups, ...notes.map(({ note }) => note)];
}
