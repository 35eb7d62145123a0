// textDocument/definition: where the link under the cursor leads.
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver';
import { findDefinition } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';
import { toLspLocation } from './toLspLocation';

export function registerDefinition({ connection, logger, state }: HandlerContext): void {
	connection.onDefinition(guard(logger, 'definition', null, (params, token) => onDefinition(state(), params, token)));
}

export function onDefinition(
	state: ServerState | undefined,
	params: DefinitionParams,
	token: CancellationToken,
): Location[] | null {
	const located = state?.locate(params.textDocument.uri);
	if (!located || token.isCancellationRequested) return null;
	const { session, id } = located;
	return findDefinition(session.vault, id, params.position).map((location) => toLspLocation(session, location));
}
