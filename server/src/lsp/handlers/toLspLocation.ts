// Core locations (NoteId + range) → LSP locations (URI + range), for the navigation handlers.
import type { Location as LspLocation } from 'vscode-languageserver';
import type { Location } from '../../core';
import type { VaultSession } from '../vaultSession';

export function toLspLocation(session: VaultSession, location: Location): LspLocation {
	return { uri: session.uriOf(location.id), range: location.range };
}
