// `vaultNotes/summary`: the summary preview's data, from the note's current text (open editor first).
import type { SummaryNode as ProtocolNode, SummaryParams, SummaryResult } from '../../../../protocol';
import { SummaryRequest } from '../../../../protocol';
import type { SummaryNode } from '../../core';
import { buildSummary } from '../../core';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import { guard } from '../guard';
import type { HandlerContext } from './index';

/** Answers `SummaryRequest` (wrapped in a guard: a failure is logged and answered with an empty result). */
export function registerSummary(context: HandlerContext): void {
	context.connection.onRequest(
		SummaryRequest.type,
		guard(context.logger, SummaryRequest.method, null, (params) => onSummary(context.state(), params)),
	);
}

export async function onSummary(state: ServerState | undefined, params: SummaryParams): Promise<SummaryResult | null> {
	const located = state?.locate(params.uri);
	if (!state || !located) return null;
	const { session, id } = located;
	const text = await state.textOf(session, id);
	const summary = text === undefined ? undefined : buildSummary(session.vault, id, text);
	if (!summary) return null;
	return {
		uri: session.uriOf(id),
		title: summary.title,
		date: summary.date,
		author: summary.author,
		source: summary.source,
		summary: summary.summary.map((node) => toProtocolNode(session, node)),
		topics: summary.topics.map((topic) => ({ uri: session.uriOf(topic.id), title: topic.title })),
		backlinkCount: summary.backlinkCount,
	};
}

/** Vault links become links to the file's URI; the rest of the tree already has the protocol's shape. */
function toProtocolNode(session: VaultSession, node: SummaryNode): ProtocolNode {
	if (node.type === 'vaultLink') {
		return {
			type: 'link',
			href: session.uriOf(node.target),
			children: node.children.map((c) => toProtocolNode(session, c)),
		};
	}
	if (!('children' in node)) return node;
	return { ...node, children: node.children.map((child) => toProtocolNode(session, child)) } as ProtocolNode;
}
