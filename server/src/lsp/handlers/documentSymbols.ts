// textDocument/documentSymbol: front-matter keys under "Front matter", and the headings.
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { NoteSymbol, NoteSymbolKind } from '../../core';
import { documentSymbols } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

const KINDS: Record<NoteSymbolKind, SymbolKind> = {
	frontMatter: SymbolKind.Module,
	field: SymbolKind.Property,
	// As VS Code's own Markdown outline shows headings.
	heading: SymbolKind.String,
};

export function registerDocumentSymbols({ connection, logger, state }: HandlerContext): void {
	connection.onDocumentSymbol(
		guard(logger, 'documentSymbol', null, (params, token) => onDocumentSymbols(state(), params, token)),
	);
}

export async function onDocumentSymbols(
	state: ServerState | undefined,
	params: DocumentSymbolParams,
	token: CancellationToken,
): Promise<DocumentSymbol[] | null> {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const text = await state.textOf(located.session, located.id);
	if (text === undefined || token.isCancellationRequested) return null;
	// Clients without a Markdown server of their own (Neovim, Helix) get the headings too; VS Code
	// already outlines them, and a second copy would only crowd the outline.
	const headings = !state.clientHasMarkdownOutline;
	return documentSymbols(located.session.vault, located.id, text, { headings }).map(toLspSymbol);
}

function toLspSymbol(symbol: NoteSymbol): DocumentSymbol {
	return {
		name: symbol.name,
		...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
		kind: KINDS[symbol.kind],
		range: symbol.range,
		selectionRange: symbol.selectionRange,
		children: symbol.children.map(toLspSymbol),
	};
}
