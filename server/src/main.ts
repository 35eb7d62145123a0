// Language server entry: `vault-notes-server --stdio` (or `--node-ipc`, `--socket=N`), for any LSP client.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { nodeFileSystem } from './node/nodeFileSystem';

if (process.argv.includes('--version')) {
	process.stdout.write('vault-notes-server 0.1.0\n');
	process.exit(0);
}
// createConnection reads the transport (--stdio, --node-ipc, --socket) from the command line.
const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodeFileSystem);
