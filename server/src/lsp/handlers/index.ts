// The feature handlers (one file per request) and the capabilities they add.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../guard';
import type { ServerState } from '../serverState';

/** Everything a feature handler needs; handlers convert, call the core, and convert back. */
export interface HandlerContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly logger: Logger;
	/** Undefined before `initialize`. */
	readonly state: () => ServerState | undefined;
}

type Registration = (context: HandlerContext) => void;

const registrations: Registration[] = [];

/** The static capabilities of every feature handler (Neovim 0.7 needs them static). */
export function featureCapabilities(): ServerCapabilities {
	return {};
}

export function registerFeatureHandlers(context: HandlerContext): void {
	for (const register of registrations) register(context);
}
