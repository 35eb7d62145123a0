// `vaultNotes/topics`: the topic notes with their member counts, or the member notes of one topic.
import type { TopicItem, TopicsParams, TopicsResult } from '../../../../protocol';
import { TopicsRequest } from '../../../../protocol';
import { compareCodePoints, listTopics } from '../../core';
import type { ServerState } from '../serverState';
import { sessionsOf } from '../sessionsOf';
import { guard } from '../guard';
import type { HandlerContext } from './index';

/** Answers `TopicsRequest` (wrapped in a guard: a failure is logged and answered with an empty result). */
export function registerTopics(context: HandlerContext): void {
	context.connection.onRequest(
		TopicsRequest.type,
		guard(context.logger, TopicsRequest.method, { items: [] }, (params) => onTopics(context.state(), params)),
	);
}

export function onTopics(state: ServerState | undefined, params: TopicsParams): TopicsResult {
	if (!state) return { items: [] };
	if (params.topic !== undefined) {
		const located = state.locate(params.topic);
		if (!located) return { items: [] };
		const members = listTopics(located.session.vault, { topic: located.id });
		return {
			items: members.map((item) => ({ uri: located.session.uriOf(item.id), title: item.title, count: item.count })),
		};
	}
	const items: TopicItem[] = sessionsOf(state, params.vault).flatMap((session) =>
		listTopics(session.vault, {}).map((item) => ({
			uri: session.uriOf(item.id),
			title: item.title,
			count: item.count,
		})),
	);
	// Several vaults: one list, still most linked first (each vault's list already is).
	if (state.sessions.length > 1) items.sort((a, b) => b.count - a.count || compareCodePoints(a.title, b.title));
	return { items };
}
