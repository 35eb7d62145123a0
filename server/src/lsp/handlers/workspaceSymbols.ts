// workspace/symbol: notes by title and alias in every vault; topics as namespaces.
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function registerWorkspaceSymbols({ connection, logger, state }: HandlerContext): void {
	connection.onWorkspaceSymbol(
		guard(logger, 'workspaceSymbol', null, (params, token) => onWorkspaceSymbols(state(), params, token)),
	);
}

export function onWorkspaceSymbols(
	state: ServerState | undefined,
	params: WorkspaceSymbolParams,
	token: CancellationToken,
): SymbolInformation[] | null {
	if (!state) return null;
	const result: SymbolInformation[] = [];
	for (const session of state.sessions) {
		if (token.isCancellationRequested) return null;
		for (const symbol of workspaceSymbols(session.vault, params.query)) {
			const kind = symbol.kind === 'topic' ? SymbolKind.Namespace : SymbolKind.File;
			result.push({
				name: symbol.name,
				kind,
				location: { uri: session.uriOf(symbol.id), range: START },
				containerName: symbol.container,
			});
		}
	}
	return result.slice(0, MAX_WORKSPACE_SYMBOLS);
}
