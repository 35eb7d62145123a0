// Notes Timeline: year → month → note, newest first. Every level comes from the server
// (`vaultNotes/timeline` with `parent`), one request per expanded group; the client only renders.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TimelineFilter, TimelineGroup, TimelineNote, TimelineParams } from '../../../protocol';
import { TimelineRequest } from '../../../protocol';
import { ContextKeys } from '../commands';

export type TimelineElement = TimelineGroup | TimelineNote;

/** The active filter and the text the view's description shows for it. */
export interface ActiveTimelineFilter {
	readonly filter: TimelineFilter;
	/** The vault the filter belongs to (a folder filter is vault-relative). */
	readonly vault?: string;
	/** What each condition shows in the view's description, in the order they were chosen. */
	readonly labels: readonly (readonly [keyof TimelineFilter, string])[];
	readonly description: string;
}

export const NO_DATE_LABEL = 'noDate';

export class TimelineView implements vscode.TreeDataProvider<TimelineElement>, vscode.Disposable {
	static readonly viewId = 'vaultNotes.timeline';

	private readonly changeEmitter = new vscode.EventEmitter<TimelineElement | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<TimelineElement>;
	private activeFilter: ActiveTimelineFilter | undefined;

	constructor(private readonly client: LanguageClient) {
		this.treeView = vscode.window.createTreeView(TimelineView.viewId, {
			treeDataProvider: this,
			showCollapseAll: true,
		});
	}

	get filter(): ActiveTimelineFilter | undefined {
		return this.activeFilter;
	}

	/** Sets (or clears, with `undefined`) the filter; the description and context key follow it. */
	setFilter(filter: ActiveTimelineFilter | undefined): void {
		this.activeFilter = filter;
		this.treeView.description = filter?.description;
		void vscode.commands.executeCommand('setContext', ContextKeys.timelineFiltered, filter !== undefined);
		this.refresh();
	}

	refresh(): void {
		this.changeEmitter.fire(undefined);
	}

	async getChildren(element?: TimelineElement): Promise<TimelineElement[]> {
		if (element && element.kind === 'note') return [];
		const res = await this.request({ parent: element?.id });
		if (!element && res.length === 0) {
			this.treeView.message = this.activeFilter
				? vscode.l10n.t('No notes match the filter.')
				: vscode.l10n.t('No notes indexed yet.');
		} else if (!element) {
			this.treeView.message = undefined;
		}
		return res;
	}

	/** One level of the timeline with the active filter (used by the filter pickers too). */
	async request(params: Pick<TimelineParams, 'parent'>, filter = this.activeFilter): Promise<TimelineElement[]> {
		const res = await this.client.sendRequest(TimelineRequest.type, {
			parent: params.parent,
			vault: filter?.vault,
			filter: filter?.filter,
		});
		return [...res.items];
	}

	getTreeItem(element: TimelineElement): vscode.TreeItem {
		return element.kind === 'group' ? groupItem(element) : noteItem(element);
	}

	dispose(): void {
		this.treeView.dispose();
		this.changeEmitter.dispose();
	}
}

function groupItem(group: TimelineGroup): vscode.TreeItem {
	const isYear = /^\d{4}$/.test(group.label);
	const label = group.label === NO_DATE_LABEL ? vscode.l10n.t('No date') : group.label;
	// Years open by default so the newest notes are one click away; months stay closed.
	const state = isYear ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
	const item = new vscode.TreeItem(label, state);
	item.id = `group:${group.id}`;
	item.description = countText(group.count);
	item.contextValue = 'group';
	item.iconPath = new vscode.ThemeIcon(group.label === NO_DATE_LABEL ? 'question' : 'calendar');
	return item;
}

function noteItem(note: TimelineNote): vscode.TreeItem {
	const uri = vscode.Uri.parse(note.uri);
	const item = new vscode.TreeItem(note.title, vscode.TreeItemCollapsibleState.None);
	item.id = `note:${note.uri}`;
	item.description = [note.date, note.author].filter((part) => part).join(' · ');
	item.tooltip = vscode.workspace.asRelativePath(uri, true);
	item.resourceUri = uri;
	item.iconPath = vscode.ThemeIcon.File;
	item.contextValue = 'note';
	item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
	return item;
}

/** "1 note" / "{0} notes", for group descriptions. */
export function countText(count: number): string {
	return count === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', count);
}
