// `vaultNotes/status`: notes indexed and problems found, per vault. The client asks after every
// index change, so the counts come from what was published, never from recomputing the vault.
import type { StatusResult } from '../../../../protocol';
import type { ServerState } from '../serverState';

export function onStatus(state: ServerState | undefined): StatusResult {
	if (!state) return { vaults: [] };
	return {
		vaults: state.sessions.map((session) => ({
			uri: session.uri,
			notes: session.vault.noteCount,
			indexing: session.indexing,
			...state.publisher.problemCounts(session),
		})),
	};
}
