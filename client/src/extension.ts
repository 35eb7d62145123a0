// activate(): start the language client and register views and commands; nothing else.
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, isEnabledAnywhere } from './client';

/** What `activate` returns: a small API for tests and other extensions. */
export interface VaultNotesApi {
	readonly client: LanguageClient | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<VaultNotesApi> {
	if (!isEnabledAnywhere()) return { client: undefined };
	client = createClient(context);
	context.subscriptions.push(client);
	await client.start();
	return { client };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
