// textDocument/references: backlinks of the note, links to a heading, or links to the same target.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { findReferences } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

export function registerReferences({ connection, logger, state }: HandlerContext): void {
	connection.onReferences(guard(logger, 'references', null, (params, token) => onReferences(state(), params, token)));
}

export function onReferences(
	state: ServerState | undefined,
	params: ReferenceParams,
	token: CancellationToken,
): Location[] | null {
	const located = state?.locate(params.textDocument.uri);
	if (!located || token.isCancellationRequested) return null;
	const { session, id } = located;
	const found = findReferences(session.vault, id, params.position, params.context.includeDeclaration);
	if (token.isCancellationRequested) return null;
	// A hub note has tens of thousands of backlinks from fewer notes: build each note's URI once.
	const uris = new Map<string, string>();
	return found.map((location) => {
		let uri = uris.get(location.id);
		if (uri === undefined) uris.set(location.id, (uri = session.uriOf(location.id)));
		return { uri, range: location.range };
	});
}
