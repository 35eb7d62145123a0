// Topics: the topic notes with how many notes link to them; expanding a topic lists its notes.
// Both levels come from `vaultNotes/topics`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TopicItem } from '../../../protocol';
import { TopicsRequest } from '../../../protocol';
import { countText } from './timelineView';

export interface TopicElement extends TopicItem {
	readonly kind: 'topic' | 'note';
}

export class TopicsView implements vscode.TreeDataProvider<TopicElement>, vscode.Disposable {
	static readonly viewId = 'vaultNotes.topics';

	private readonly changeEmitter = new vscode.EventEmitter<TopicElement | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<TopicElement>;

	constructor(private readonly client: LanguageClient) {
		this.treeView = vscode.window.createTreeView(TopicsView.viewId, { treeDataProvider: this, showCollapseAll: true });
	}

	refresh(): void {
		this.changeEmitter.fire(undefined);
	}

	async getChildren(element?: TopicElement): Promise<TopicElement[]> {
		if (element?.kind === 'note') return [];
		const res = await this.client.sendRequest(TopicsRequest.type, { topic: element?.uri });
		const kind = element ? 'note' : 'topic';
		if (!element) this.treeView.message = res.items.length === 0 ? vscode.l10n.t('No topic notes found.') : undefined;
		return res.items.map((item) => ({ ...item, kind }));
	}

	getTreeItem(element: TopicElement): vscode.TreeItem {
		const uri = vscode.Uri.parse(element.uri);
		const isTopic = element.kind === 'topic';
		const state =
			isTopic && element.count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
		const item = new vscode.TreeItem(element.title, state);
		// No `id`: ids must be unique in the whole tree, and a note can sit under two topics.
		item.description = isTopic ? countText(element.count) : undefined;
		item.tooltip = vscode.workspace.asRelativePath(uri, true);
		item.resourceUri = uri;
		item.iconPath = isTopic ? new vscode.ThemeIcon('tag') : vscode.ThemeIcon.File;
		item.contextValue = element.kind;
		item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
		return item;
	}

	dispose(): void {
		this.treeView.dispose();
		this.changeEmitter.dispose();
	}
}
