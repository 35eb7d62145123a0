// The messages between the summary panel and its webview (media/summary.js), discriminated by
// `type`. media/summary.js is plain JavaScript, so it mirrors these shapes by hand.
import type { SummaryResult } from '../../../protocol';

/** Sent from the extension to the webview. */
export type ToWebviewMessage =
	{ readonly type: 'summary'; readonly summary: SummaryResult } | { readonly type: 'empty'; readonly message: string };

/** Sent from the webview to the extension. */
export type FromWebviewMessage =
	| { readonly type: 'ready' }
	| { readonly type: 'openSource'; readonly href: string }
	| { readonly type: 'openLink'; readonly href: string }
	| { readonly type: 'openNote'; readonly uri: string }
	/** After each render: the text the webview shows, so tests can check it without a DOM. */
	| { readonly type: 'rendered'; readonly uri: string | undefined; readonly text: string };

/** What the webview persists through `setState`, for `WebviewPanelSerializer.deserializeWebviewPanel`. */
export interface SummaryWebviewState {
	readonly uri?: string;
}

/** Labels the webview shows, translated by the extension (the webview has no l10n of its own). */
export interface SummaryLabels {
	readonly date: string;
	readonly author: string;
	readonly source: string;
	readonly topics: string;
	/** `{0}` is the number of linking notes. */
	readonly backlinks: string;
	readonly backlinksOne: string;
	readonly backlinksNone: string;
	readonly noSummary: string;
	readonly noTopics: string;
}

export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
	return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
