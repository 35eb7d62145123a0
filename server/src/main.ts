// Language server entry: `vault-notes-server --stdio` (or `--node-ipc`, `--socket=N`), for any LSP client.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { buildIdOf, defaultCacheFolder, nodeIndexCache } from './node/nodeIndexCache';
import { nodeFileSystem } from './node/nodeFileSystem';
import { createWorkerNoteReader } from './node/workerNoteReader';

if (process.argv.includes('--version')) {
	process.stdout.write('vault-notes-server 0.1.0\n');
	process.exit(0);
}
// createConnection reads the transport (--stdio, --node-ipc, --socket) from the command line.
const connection = createConnection(ProposedFeatures.all);
// A client that goes away without `exit` (killed, crashed) must not leave the server running.
if (process.argv.includes('--stdio')) process.stdin.on('end', () => process.exit(0));
connection.onExit(() => process.exit(0));
// Output to the client still queued (stdio): background work waits while a large answer leaves.
const outputPending = () => process.stdout.writableLength > 0;
startServer(connection, nodeFileSystem, {
	indexCache: (initializationOptions) => {
		const options = (initializationOptions ?? {}) as { cacheFolder?: unknown; indexCache?: unknown };
		// Clients may turn the cache off, or put it in their own storage folder (VS Code's globalStorage).
		if (options.indexCache === false || process.env.VAULT_NOTES_NO_CACHE) return undefined;
		const folder = typeof options.cacheFolder === 'string' ? options.cacheFolder : defaultCacheFolder();
		return nodeIndexCache(folder, buildIdOf(__filename), outputPending);
	},
	noteReader: (config) => createWorkerNoteReader(config),
	outputPending,
});
