// activate(): start the language client and register views and commands; nothing else.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexChangedParams } from '../../protocol';
import { IndexChangedNotification } from '../../protocol';
import { createClient, isEnabledAnywhere } from './client';
import { Commands, registerCommand, registerNoteCommands } from './commands';
import { SummaryPanel, registerSummarySerializer } from './preview/summaryPanel';
import { StatusBar } from './statusBar';
import { BacklinksView } from './views/backlinksView';
import { registerTimelineFilterCommands } from './views/timelineFilters';
import { TimelineView } from './views/timelineView';
import { TopicsView } from './views/topicsView';

/**
 * What `activate` returns: a small API for the e2e tests (the extension host cannot read a tree
 * view or a webview) and for other extensions.
 */
export interface VaultNotesApi {
	readonly client: LanguageClient | undefined;
	readonly timeline?: Pick<TimelineView, 'getChildren' | 'getTreeItem' | 'setFilter' | 'filter'>;
	readonly backlinks?: Pick<
		BacklinksView,
		'getChildren' | 'getTreeItem' | 'currentUri' | 'onDidUpdate' | 'onDidChangeNote'
	>;
	readonly topics?: Pick<TopicsView, 'getChildren' | 'getTreeItem'>;
	readonly statusBar?: Pick<StatusBar, 'status' | 'text'>;
	/** Fires after each `vaultNotes/indexChanged` has been handled (views refreshed). */
	readonly onDidChangeIndex?: vscode.Event<IndexChangedParams>;
	readonly summaryPanel: {
		readonly current: SummaryPanel | undefined;
		readonly onDidRender: typeof SummaryPanel.onDidRender;
	};
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<VaultNotesApi> {
	const summaryPanel = {
		get current() {
			return SummaryPanel.current;
		},
		onDidRender: SummaryPanel.onDidRender,
	};
	if (!isEnabledAnywhere()) return { client: undefined, summaryPanel };
	client = createClient(context);
	const started = client;
	context.subscriptions.push(started);

	const timeline = new TimelineView(started);
	const backlinks = new BacklinksView(started);
	const topics = new TopicsView(started);
	const statusBar = new StatusBar(started);
	const indexChanged = new vscode.EventEmitter<IndexChangedParams>();
	context.subscriptions.push(timeline, backlinks, topics, statusBar, indexChanged);

	registerNoteCommands(context);
	registerTimelineFilterCommands(context, started, timeline);
	context.subscriptions.push(
		registerCommand(Commands.showSummary, () => {
			SummaryPanel.createOrShow(context.extensionUri, started);
		}),
		registerCommand(Commands.restartServer, () => started.restart()),
		// Front-matter schemas are checked only in trusted workspaces: restart to check them now.
		vscode.workspace.onDidGrantWorkspaceTrust(() => void started.restart()),
		registerCommand(Commands.refreshTimeline, () => timeline.refresh()),
		registerCommand(Commands.refreshBacklinks, () => backlinks.refresh()),
		registerCommand(Commands.refreshTopics, () => topics.refresh()),
		registerSummarySerializer(context.extensionUri, started),
		{ dispose: () => SummaryPanel.current?.dispose() },
		started.onNotification(IndexChangedNotification.type, (params) => {
			timeline.refresh();
			backlinks.refresh();
			topics.refresh();
			SummaryPanel.current?.refresh();
			void statusBar
				.refresh(params.indexing)
				.catch((error: unknown) => started.warn('vaultNotes/status failed', error))
				.finally(() => indexChanged.fire(params));
		}),
	);

	await started.start();

	void statusBar.refresh().catch((error: unknown) => started.warn('vaultNotes/status failed', error));
	return {
		client: started,
		timeline,
		backlinks,
		topics,
		statusBar,
		onDidChangeIndex: indexChanged.event,
		summaryPanel,
	};
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
