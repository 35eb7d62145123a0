// Backlinks: the links to the note in the active editor, grouped by linking note. It follows
// `window.onDidChangeActiveTextEditor` and asks the server (`vaultNotes/backlinks`).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { BacklinkGroup, BacklinkOccurrence, BacklinksResult } from '../../../protocol';
import { BacklinksRequest } from '../../../protocol';

export type BacklinkElement =
	| { readonly kind: 'group'; readonly group: BacklinkGroup; readonly uri: string }
	| { readonly kind: 'link'; readonly group: BacklinkGroup; readonly link: BacklinkOccurrence };

export class BacklinksView implements vscode.TreeDataProvider<BacklinkElement>, vscode.Disposable {
	static readonly viewId = 'vaultNotes.backlinks';

	private readonly changeEmitter = new vscode.EventEmitter<BacklinkElement | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly updateEmitter = new vscode.EventEmitter<BacklinksResult>();
	/** Fires after the view fetched the backlinks of a new note (tests wait on it). */
	readonly onDidUpdate = this.updateEmitter.event;
	private readonly noteEmitter = new vscode.EventEmitter<vscode.Uri>();
	/** Fires when the view starts following another note. */
	readonly onDidChangeNote = this.noteEmitter.event;
	private readonly treeView: vscode.TreeView<BacklinkElement>;
	private readonly disposables: vscode.Disposable[] = [];
	private noteUri: vscode.Uri | undefined;
	private pending: Promise<BacklinksResult> | undefined;

	constructor(private readonly client: LanguageClient) {
		this.treeView = vscode.window.createTreeView(BacklinksView.viewId, { treeDataProvider: this });
		this.disposables.push(
			this.treeView,
			this.changeEmitter,
			this.updateEmitter,
			this.noteEmitter,
			vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
		);
		this.follow(vscode.window.activeTextEditor);
	}

	/** The note whose backlinks are shown. */
	get currentUri(): vscode.Uri | undefined {
		return this.noteUri;
	}

	refresh(): void {
		this.pending = undefined;
		this.changeEmitter.fire(undefined);
	}

	async getChildren(element?: BacklinkElement): Promise<BacklinkElement[]> {
		if (element?.kind === 'link') return [];
		if (element?.kind === 'group') {
			return element.group.links.map((link) => ({ kind: 'link', group: element.group, link }));
		}
		const res = await this.fetch();
		return res.groups.map((group) => ({ kind: 'group', group, uri: group.uri }));
	}

	getTreeItem(element: BacklinkElement): vscode.TreeItem {
		return element.kind === 'group' ? groupItem(element.group) : linkItem(element.group, element.link);
	}

	dispose(): void {
		vscode.Disposable.from(...this.disposables).dispose();
	}

	/** Shows the backlinks of the note in `editor`; other editors (output, settings) keep the last note. */
	private follow(editor: vscode.TextEditor | undefined): void {
		const document = editor?.document;
		if (!document || document.languageId !== 'markdown' || document.uri.scheme !== 'file') {
			if (!this.noteUri) this.treeView.message = vscode.l10n.t('Open a note to see the notes linking to it.');
			return;
		}
		if (this.noteUri?.toString() === document.uri.toString()) return;
		this.noteUri = document.uri;
		this.refresh();
		this.noteEmitter.fire(document.uri);
	}

	/** One request per shown note, shared by the root and the view description. */
	private fetch(): Promise<BacklinksResult> {
		const uri = this.noteUri;
		if (!uri) return Promise.resolve({ groups: [] });
		this.pending ??= this.client.sendRequest(BacklinksRequest.type, { uri: uri.toString() }).then((res) => {
			// A reply for a note the user already left is dropped: the newer request renders instead.
			if (this.noteUri?.toString() !== uri.toString()) return res;
			this.describe(uri, res);
			this.updateEmitter.fire(res);
			return res;
		});
		return this.pending;
	}

	private describe(uri: vscode.Uri, res: BacklinksResult): void {
		const links = res.groups.reduce((sum, group) => sum + group.links.length, 0);
		this.treeView.description = vscode.workspace.asRelativePath(uri, false).replace(/\.md$/i, '');
		this.treeView.message = links === 0 ? vscode.l10n.t('No notes link here.') : undefined;
	}
}

function groupItem(group: BacklinkGroup): vscode.TreeItem {
	const uri = vscode.Uri.parse(group.uri);
	const item = new vscode.TreeItem(group.title, vscode.TreeItemCollapsibleState.Expanded);
	item.id = `group:${group.uri}`;
	item.description = String(group.links.length);
	item.tooltip = vscode.workspace.asRelativePath(uri, true);
	item.resourceUri = uri;
	item.iconPath = vscode.ThemeIcon.File;
	item.contextValue = 'note';
	item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
	return item;
}

function linkItem(group: BacklinkGroup, link: BacklinkOccurrence): vscode.TreeItem {
	const uri = vscode.Uri.parse(group.uri);
	const label: vscode.TreeItemLabel = { label: link.context, highlights: [[link.contextStart, link.contextEnd]] };
	const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
	item.id = `link:${group.uri}:${link.range.start.line}:${link.range.start.character}`;
	item.description = `${link.range.start.line + 1}:${link.range.start.character + 1}`;
	item.contextValue = 'link';
	const selection = new vscode.Range(
		link.range.start.line,
		link.range.start.character,
		link.range.end.line,
		link.range.end.character,
	);
	item.command = {
		command: 'vscode.open',
		title: vscode.l10n.t('Go to Link'),
		arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions],
	};
	return item;
}
