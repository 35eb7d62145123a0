// textDocument/completion: link targets after `[[`, headings and blocks after `#`/`#^`,
// front-matter keys and values. The document's current text goes to the core as is.
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import type { Completion, CompletionKind } from '../../core';
import { completeAt } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

/** `[[` is two characters: `[` triggers, and the core answers nothing after a single one. */
export const COMPLETION_TRIGGERS = ['[', '#', '^', ':'];

export function registerCompletion({ connection, logger, state }: HandlerContext): void {
	connection.onCompletion(guard(logger, 'completion', null, (params, token) => onCompletion(state(), params, token)));
}

export async function onCompletion(
	state: ServerState | undefined,
	params: CompletionParams,
	token: CancellationToken,
): Promise<CompletionList | null> {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const { session, id } = located;
	const text = state.documents.get(params.textDocument.uri)?.getText() ?? (await state.textOf(session, id));
	if (text === undefined || token.isCancellationRequested) return null;
	const linkStyle = state.settingsOf(session).links.style;
	const result = completeAt(session.vault, id, text, params.position, { linkStyle });
	return { isIncomplete: result.isIncomplete, items: result.items.map(toCompletionItem) };
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
	note: CompletionItemKind.File,
	attachment: CompletionItemKind.File,
	heading: CompletionItemKind.Reference,
	block: CompletionItemKind.Reference,
	key: CompletionItemKind.Property,
	value: CompletionItemKind.Value,
	date: CompletionItemKind.Constant,
};

function toCompletionItem(completion: Completion): CompletionItem {
	return {
		label: completion.label,
		kind: KINDS[completion.kind],
		...(completion.description === undefined ? {} : { labelDetails: { description: completion.description } }),
		...(completion.detail === undefined ? {} : { detail: completion.detail }),
		...(completion.documentation === undefined
			? {}
			: { documentation: { kind: MarkupKind.Markdown, value: completion.documentation } }),
		sortText: completion.sortText,
		filterText: completion.filterText,
		textEdit: completion.textEdit,
	};
}
