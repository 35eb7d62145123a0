// The LanguageClient of Vault Notes: where the server module is, which documents it serves,
// and which settings it sees.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

export const CLIENT_ID = 'vaultNotes';
export const CLIENT_NAME = 'Vault Notes';

export function createClient(context: ExtensionContext): LanguageClient {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ scheme: 'file', language: 'markdown' }],
		synchronize: { configurationSection: 'vaultNotes' },
		diagnosticCollectionName: 'vault-notes',
		// The server keeps its index cache in the extension's storage, never in the vault.
		// In Restricted Mode the server does not compile the config's JSON Schemas (ajv generates code).
		// A function, so that a restart after the user trusts the workspace sends the new value.
		initializationOptions: () => ({
			cacheFolder: path.join(context.globalStorageUri.fsPath, 'index-cache'),
			trusted: workspace.isTrusted,
		}),
	};
	return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Whether Vault Notes is enabled for at least one workspace folder. */
export function isEnabledAnywhere(): boolean {
	const folders = workspace.workspaceFolders ?? [];
	return folders.some((folder) => workspace.getConfiguration('vaultNotes', folder.uri).get<boolean>('enable', true));
}
