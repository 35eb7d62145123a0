// Requests that name a vault (`vault?: string` in the protocol) ask one session or all of them.
import { uriToPath } from './convert';
import type { ServerState } from './serverState';
import type { VaultSession } from './vaultSession';

/** The session whose folder URI is `vaultUri` (compared as paths, so URI spellings agree), or every session. */
export function sessionsOf(state: ServerState, vaultUri: string | undefined): VaultSession[] {
	if (vaultUri === undefined) return state.sessions;
	const root = uriToPath(vaultUri);
	return state.sessions.filter((session) => session.root === root);
}
