// Every command id of Vault Notes, typed once. package.json declares the same ids; tests keep the
// two lists equal (test/client/manifest.test.ts) and check each id is registered (commands.e2e.ts).
import * as vscode from 'vscode';

export const Commands = {
	showSummary: 'vaultNotes.showSummary',
	restartServer: 'vaultNotes.restartServer',
	refreshTimeline: 'vaultNotes.timeline.refresh',
	filterTimelineByFolder: 'vaultNotes.timeline.filterByFolder',
	filterTimelineByTopic: 'vaultNotes.timeline.filterByTopic',
	filterTimelineByAuthor: 'vaultNotes.timeline.filterByAuthor',
	clearTimelineFilter: 'vaultNotes.timeline.clearFilter',
	refreshBacklinks: 'vaultNotes.backlinks.refresh',
	refreshTopics: 'vaultNotes.topics.refresh',
	showTopicInTimeline: 'vaultNotes.topics.showInTimeline',
	revealInExplorer: 'vaultNotes.revealInExplorer',
	copyWikilink: 'vaultNotes.copyWikilink',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Context keys set by the extension, for `when` clauses in package.json. */
export const ContextKeys = {
	timelineFiltered: 'vaultNotes.timelineFiltered',
} as const;

/** Registers `handler` under a typed id and returns the registration (callers push it into subscriptions). */
export function registerCommand(
	id: CommandId,
	handler: (...args: never[]) => unknown,
	thisArg?: unknown,
): vscode.Disposable {
	return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown, thisArg);
}

/** Anything a tree item or an editor can hand to a note command. */
export interface HasUri {
	readonly uri: string;
}

/** The note a command acts on: its tree element, or the active editor's document when run from the palette. */
export function noteUriOf(element: HasUri | vscode.Uri | undefined): vscode.Uri | undefined {
	if (element instanceof vscode.Uri) return element;
	if (element && typeof element.uri === 'string') return vscode.Uri.parse(element.uri);
	return vscode.window.activeTextEditor?.document.uri;
}

/** The full-path wikilink of a note: `[[folder/name]]`, relative to its workspace folder, without `.md`. */
export function wikilinkOf(uri: vscode.Uri): string {
	const relative = vscode.workspace.asRelativePath(uri, false).replace(/\.md$/i, '');
	return `[[${relative}]]`;
}

/** Registers the commands that act on one note (tree context menus and the palette). */
export function registerNoteCommands(context: vscode.ExtensionContext): void {
	context.subscriptions.push(
		registerCommand(Commands.revealInExplorer, async (element?: HasUri | vscode.Uri) => {
			const uri = noteUriOf(element);
			if (uri) await vscode.commands.executeCommand('revealInExplorer', uri);
		}),
		registerCommand(Commands.copyWikilink, async (element?: HasUri | vscode.Uri) => {
			const uri = noteUriOf(element);
			if (!uri) return;
			const link = wikilinkOf(uri);
			await vscode.env.clipboard.writeText(link);
			void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', link), 3000);
		}),
	);
}
