// The feature handlers (one file per request) and the capabilities they add.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../guard';
import type { ServerState } from '../serverState';
import { registerBacklinks } from './backlinks';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { registerCodeActions } from './codeActions';
import { registerDefinition } from './definition';
import { registerDocumentLinks } from './documentLinks';
import { registerDocumentSymbols } from './documentSymbols';
import { registerHover } from './hover';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerSummary } from './summary';
import { registerTimeline } from './timeline';
import { registerTopics } from './topics';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** Everything a feature handler needs; handlers convert, call the core, and convert back. */
export interface HandlerContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly logger: Logger;
	/** Undefined before `initialize`. */
	readonly state: () => ServerState | undefined;
	/** Whether output to the client is still queued (see ServerOptions.outputPending). */
	readonly outputPending: () => boolean;
}

type Registration = (context: HandlerContext) => void;

const registrations: Registration[] = [
	registerTimeline,
	registerBacklinks,
	registerTopics,
	registerSummary,
	registerDefinition,
	registerDocumentLinks,
	registerReferences,
	registerHover,
	registerDocumentSymbols,
	registerWorkspaceSymbols,
	registerRename,
	registerCodeActions,
	registerCompletion,
];

/** The static capabilities of every feature handler (Neovim 0.7 needs them static). */
export function featureCapabilities(): ServerCapabilities {
	return {
		definitionProvider: true,
		documentLinkProvider: { resolveProvider: false },
		referencesProvider: true,
		hoverProvider: true,
		documentSymbolProvider: true,
		workspaceSymbolProvider: true,
		renameProvider: { prepareProvider: true },
		codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
		completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
		// Every file and folder: notes, attachments and folders holding them (links follow the move).
		workspace: { fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] } } },
	};
}

export function registerFeatureHandlers(context: HandlerContext): void {
	for (const register of registrations) register(context);
}
