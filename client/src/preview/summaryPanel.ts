// The summary preview: one webview beside the editor that follows the active note and its live
// edits. The server computes the data (`vaultNotes/summary`); media/summary.js renders it with DOM
// text nodes. Shaped like webview-sample: a singleton with createOrShow/revive and a serializer.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SummaryResult } from '../../../protocol';
import { SummaryRequest } from '../../../protocol';
import type { FromWebviewMessage, SummaryLabels, SummaryWebviewState, ToWebviewMessage } from './summaryMessages';
import { isFromWebviewMessage } from './summaryMessages';

/** Typing pauses this long before the preview asks the server again. */
const EDIT_DEBOUNCE_MS = 250;

/** What the panel last rendered, as the webview reported it back. */
export interface RenderedSummary {
	readonly uri: string | undefined;
	readonly text: string;
}

export class SummaryPanel implements vscode.Disposable {
	static readonly viewType = 'vaultNotes.summary';
	private static currentPanel: SummaryPanel | undefined;
	private static readonly renderEmitter = new vscode.EventEmitter<RenderedSummary>();
	/** Fires each time the webview finished rendering a message (tests wait on it). */
	static readonly onDidRender = SummaryPanel.renderEmitter.event;

	private readonly disposables: vscode.Disposable[] = [];
	private noteUri: vscode.Uri | undefined;
	private lastMessageSent: ToWebviewMessage | undefined;
	private lastRendered: RenderedSummary | undefined;
	private editTimer: ReturnType<typeof setTimeout> | undefined;
	private requestSequence = 0;

	static get current(): SummaryPanel | undefined {
		return SummaryPanel.currentPanel;
	}

	/** Shows the panel beside the editor (creating it when needed) and points it at the active note. */
	static createOrShow(extensionUri: vscode.Uri, client: LanguageClient): SummaryPanel {
		const existing = SummaryPanel.currentPanel;
		if (existing) {
			existing.panel.reveal(vscode.ViewColumn.Beside, true);
			existing.followEditor(vscode.window.activeTextEditor);
			return existing;
		}
		const panel = vscode.window.createWebviewPanel(
			SummaryPanel.viewType,
			vscode.l10n.t('Note Summary'),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			webviewOptions(extensionUri),
		);
		return new SummaryPanel(panel, extensionUri, client, undefined);
	}

	/** Restores a panel VS Code kept across a reload (see registerSummarySerializer). */
	static revive(
		panel: vscode.WebviewPanel,
		extensionUri: vscode.Uri,
		client: LanguageClient,
		state: SummaryWebviewState | undefined,
	): SummaryPanel {
		return new SummaryPanel(panel, extensionUri, client, state);
	}

	private constructor(
		private readonly panel: vscode.WebviewPanel,
		private readonly extensionUri: vscode.Uri,
		private readonly client: LanguageClient,
		state: SummaryWebviewState | undefined,
	) {
		SummaryPanel.currentPanel = this;
		panel.webview.options = webviewOptions(extensionUri);
		panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'vaultNotes.svg');
		panel.webview.html = this.html();
		this.noteUri = state?.uri ? vscode.Uri.parse(state.uri) : undefined;
		this.disposables.push(
			panel.onDidDispose(() => this.dispose()),
			panel.webview.onDidReceiveMessage((message: unknown) => {
				if (isFromWebviewMessage(message)) void this.onMessage(message);
			}),
			vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
			vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event.document)),
		);
		this.followEditor(vscode.window.activeTextEditor);
	}

	/** The note shown. */
	get uri(): vscode.Uri | undefined {
		return this.noteUri;
	}

	/** The last message sent to the webview. */
	get lastMessage(): ToWebviewMessage | undefined {
		return this.lastMessageSent;
	}

	/** What the webview last reported it shows. */
	get rendered(): RenderedSummary | undefined {
		return this.lastRendered;
	}

	/** Asks the server again (the index changed: topics or backlink counts may have moved). */
	refresh(): void {
		void this.update();
	}

	dispose(): void {
		if (SummaryPanel.currentPanel === this) SummaryPanel.currentPanel = undefined;
		clearTimeout(this.editTimer);
		this.panel.dispose();
		vscode.Disposable.from(...this.disposables).dispose();
		this.disposables.length = 0;
	}

	private followEditor(editor: vscode.TextEditor | undefined): void {
		const document = editor?.document;
		// Focus moving to the panel itself, the output or a settings editor keeps the last note.
		if (!document || document.languageId !== 'markdown' || document.uri.scheme !== 'file') return;
		if (this.noteUri?.toString() === document.uri.toString() && this.lastMessageSent) return;
		this.noteUri = document.uri;
		void this.update();
	}

	private onEdit(document: vscode.TextDocument): void {
		if (document.uri.toString() !== this.noteUri?.toString()) return;
		clearTimeout(this.editTimer);
		this.editTimer = setTimeout(() => void this.update(), EDIT_DEBOUNCE_MS);
	}

	private async update(): Promise<void> {
		const uri = this.noteUri;
		if (!uri) {
			await this.post({ type: 'empty', message: vscode.l10n.t('Open a note to see its summary.') });
			return;
		}
		const sequence = ++this.requestSequence;
		let res: SummaryResult | null;
		try {
			res = await this.client.sendRequest(SummaryRequest.type, { uri: uri.toString() });
		} catch (error) {
			res = null;
			this.client.warn(`vaultNotes/summary failed for ${uri.toString()}`, error);
		}
		// Typing or switching notes while the server answered: only the newest answer renders.
		if (sequence !== this.requestSequence) return;
		if (!res) {
			await this.post({ type: 'empty', message: vscode.l10n.t('This file is not a note of an open vault.') });
			return;
		}
		this.panel.title = vscode.l10n.t('Summary: {0}', res.title);
		await this.post({ type: 'summary', summary: res });
	}

	private async post(message: ToWebviewMessage): Promise<void> {
		this.lastMessageSent = message;
		await this.panel.webview.postMessage(message);
	}

	private async onMessage(message: FromWebviewMessage): Promise<void> {
		switch (message.type) {
			case 'ready':
				// The webview (re)loaded and lost what it showed: send the current state again.
				if (this.lastMessageSent) await this.panel.webview.postMessage(this.lastMessageSent);
				else await this.update();
				return;
			case 'openSource':
				await openExternalHref(message.href);
				return;
			case 'openLink':
				await openLinkHref(message.href);
				return;
			case 'openNote':
				await openNoteHref(message.uri);
				return;
			case 'rendered':
				this.lastRendered = { uri: message.uri, text: message.text };
				SummaryPanel.renderEmitter.fire(this.lastRendered);
				return;
		}
	}

	private html(): string {
		const webview = this.panel.webview;
		const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file));
		const nonce = createNonce();
		const csp = [
			`default-src 'none'`,
			`style-src ${webview.cspSource}`,
			`script-src 'nonce-${nonce}'`,
			`img-src ${webview.cspSource} https:`,
		].join('; ');
		const labels: SummaryLabels = {
			date: vscode.l10n.t('Date'),
			author: vscode.l10n.t('Author'),
			source: vscode.l10n.t('Open source'),
			topics: vscode.l10n.t('Topics'),
			backlinks: vscode.l10n.t('{0} notes link here'),
			backlinksOne: vscode.l10n.t('1 note links here'),
			backlinksNone: vscode.l10n.t('No notes link here.'),
			noSummary: vscode.l10n.t('This note has no summary section.'),
			noTopics: vscode.l10n.t('No topics'),
		};
		return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language)}">
<head>
	<meta charset="UTF-8">
	<meta http-equiv="Content-Security-Policy" content="${csp}">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<link href="${media('summary.css')}" rel="stylesheet">
	<title>${escapeAttribute(vscode.l10n.t('Note Summary'))}</title>
</head>
<body data-labels="${escapeAttribute(JSON.stringify(labels))}">
	<main id="root"></main>
	<script nonce="${nonce}" src="${media('summary.js')}"></script>
</body>
</html>`;
	}
}

/** Registers the serializer that revives the panel after a window reload. */
export function registerSummarySerializer(extensionUri: vscode.Uri, client: LanguageClient): vscode.Disposable {
	return vscode.window.registerWebviewPanelSerializer(SummaryPanel.viewType, {
		async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
			SummaryPanel.revive(panel, extensionUri, client, (state ?? undefined) as SummaryWebviewState | undefined);
		},
	});
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
	return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** Only web pages leave the editor: other schemes (file:, command:, javascript:) are refused. */
async function openExternalHref(href: string): Promise<void> {
	const uri = parseHref(href);
	if (uri && (uri.scheme === 'http' || uri.scheme === 'https')) await vscode.env.openExternal(uri);
}

/** A link inside the summary: web pages open in the browser, notes (file: URIs) in the editor. */
async function openLinkHref(href: string): Promise<void> {
	if (parseHref(href)?.scheme === 'file') await openNoteHref(href);
	else await openExternalHref(href);
}

/** Only notes open in the editor: `vscode.open` would also run a `command:` URI. */
async function openNoteHref(href: string): Promise<void> {
	const uri = parseHref(href);
	if (uri?.scheme === 'file') await vscode.commands.executeCommand('vscode.open', uri);
}

function parseHref(href: string): vscode.Uri | undefined {
	try {
		return vscode.Uri.parse(href, true);
	} catch {
		return undefined;
	}
}

function createNonce(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from({ length: 32 }, () => alphabet.charAt(Math.floor(Math.random() * alphabet.length))).join('');
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
