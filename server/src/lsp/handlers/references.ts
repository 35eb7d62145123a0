// textDocument/references: backlinks of the note, links to a heading, or links to the same target.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import type { Location as CoreLocation } from '../../core';
import { findReferences } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import type { HandlerContext } from './index';

/**
 * The LSP form of a core answer. A hub's backlinks come back as the same array until a link to
 * the hub changes (findReferences keeps them per incoming-links list): converting its 66k
 * locations again for every request was a fifth of the request. A vault belongs to one session,
 * so the URIs of an answer are always the same.
 */
const converted = new WeakMap<readonly CoreLocation[], Location[]>();

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
	let result = converted.get(found);
	if (!result) converted.set(found, (result = toLsp(session, found)));
	return result;
}

function toLsp(session: VaultSession, found: readonly CoreLocation[]): Location[] {
	// Locations come grouped by note: each note's URI is looked up once.
	let lastId: string | undefined;
	let uri = '';
	return found.map((location) => {
		if (location.id !== lastId) {
			lastId = location.id;
			uri = session.uriOf(location.id);
		}
		return { uri, range: location.range };
	});
}
