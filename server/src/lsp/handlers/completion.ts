// textDocument/completion: link targets after `[[`, headings and blocks after `#`/`#^`,
// front-matter keys and values. The document's current text goes to the core as is.
//
// Link completion keeps a table per vault (core/features/completion/targetTable.ts) whose first
// build takes seconds in a 100k-note vault: it is built ahead, a slice per turn of the event loop,
// once a note is opened or edited after indexing, rather than on the first `[[`.
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import type { Completion, CompletionKind, VaultIndex } from '../../core';
import { completeAt, prepareCompletion } from '../../core';
import type { Logger } from '../guard';
import { guard, guardVoid } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

/** `[[` is two characters: `[` triggers, and the core answers nothing after a single one. */
export const COMPLETION_TRIGGERS = ['[', '#', '^', ':'];

/**
 * Files taken into the table per turn of the event loop while it is built ahead (about 2 ms of
 * work): a request that arrives meanwhile waits for one slice per turn it spends in the server.
 */
export const WARM_UP_FILES = 100;
/** How long the warm-up waits before looking again while output is queued. */
const OUTPUT_PENDING_WAIT_MS = 5;

export function registerCompletion({ connection, documents, logger, state, outputPending }: HandlerContext): void {
	connection.onCompletion(guard(logger, 'completion', null, (params, token) => onCompletion(state(), params, token)));
	const warmUp = guardVoid(logger, 'completion warm-up', (event: { document: { uri: string } }) =>
		warmUpCompletion(state(), event.document.uri, logger, outputPending),
	);
	documents.onDidOpen(warmUp);
	documents.onDidChangeContent(warmUp);
}

/** Indexes whose completion table is built or being built. */
const warmed = new WeakSet<VaultIndex>();

/** Starts building the completion table of the vault of `uri`, unless it is indexing or already started. */
export function warmUpCompletion(
	state: ServerState | undefined,
	uri: string,
	logger: Logger,
	outputPending: () => boolean = () => false,
): void {
	const session = state?.locate(uri)?.session;
	if (!session || session.indexing || !session.filesKnown || warmed.has(session.vault)) return;
	const vault = session.vault;
	warmed.add(vault);
	const step = guardVoid(logger, 'completion warm-up', () => {
		// A reload replaced the index: the new one is warmed up on its own.
		if (session.vault !== vault) return;
		// An answer still leaving the pipe (26 MB of hub references) would wait for every slice.
		if (outputPending()) setTimeout(step, OUTPUT_PENDING_WAIT_MS);
		else if (!prepareCompletion(vault, WARM_UP_FILES)) setImmediate(step);
	});
	setImmediate(step);
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
