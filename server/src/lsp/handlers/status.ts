// `vaultNotes/status`: notes indexed and problems found, per vault.
import type { StatusResult } from '../../../../protocol';
import { computeDiagnostics } from '../../core';
import type { ServerState } from '../serverState';

export function onStatus(state: ServerState | undefined): StatusResult {
	if (!state) return { vaults: [] };
	return {
		vaults: state.sessions.map((session) => {
			let errors = 0;
			let warnings = 0;
			for (const id of session.vault.noteIds()) {
				for (const diagnostic of computeDiagnostics(session.vault, id)) {
					if (diagnostic.severity === 'error') errors++;
					else if (diagnostic.severity === 'warning') warnings++;
				}
			}
			return { uri: session.uri, notes: session.vault.noteCount, indexing: session.indexing, errors, warnings };
		}),
	};
}
