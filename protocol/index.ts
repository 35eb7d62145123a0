// The custom part of the protocol between the Vault Notes server and its clients. Every method
// is documented in docs/protocol.md (a test checks that each one appears there).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Parameters of `vaultNotes/indexChanged`. */
export interface IndexChangedParams {
	/** The URI of the vault (workspace folder) whose index changed. */
	readonly vault: string;
	/** Notes indexed in that vault. */
	readonly notes: number;
	/** Whether the vault is still being indexed. */
	readonly indexing: boolean;
}

/**
 * Sent from the server to the client after a vault's index changed (debounced), so views can
 * refresh without polling.
 */
export namespace IndexChangedNotification {
	export const method = 'vaultNotes/indexChanged' as const;
	export const type = new NotificationType<IndexChangedParams>(method);
}

/** Result of `vaultNotes/status`. */
export interface StatusResult {
	readonly vaults: readonly VaultStatus[];
}

export interface VaultStatus {
	readonly uri: string;
	readonly notes: number;
	readonly indexing: boolean;
	readonly errors: number;
	readonly warnings: number;
}

/** Sent from the client to the server to ask how many notes are indexed and problems found, per vault. */
export namespace StatusRequest {
	export const method = 'vaultNotes/status' as const;
	export const type = new RequestType<void, StatusResult, void>(method);
}

/** A position in a note, LSP-shaped. */
export interface NoteRange {
	readonly start: { readonly line: number; readonly character: number };
	readonly end: { readonly line: number; readonly character: number };
}

/** Filters of the timeline view; all optional, combined with AND. */
export interface TimelineFilter {
	/** A vault-relative folder: only notes under it. */
	readonly folder?: string;
	/** The URI of a topic note: only notes whose topics section links to it. */
	readonly topic?: string;
	/** Only notes whose author field equals this (both trimmed, case-sensitive). */
	readonly author?: string;
}

export interface TimelineParams {
	/** The vault (workspace folder URI); every vault when absent. */
	readonly vault?: string;
	/** The group to expand (`TimelineGroup.id`); the top level (years, then "No date") when absent. */
	readonly parent?: string;
	readonly filter?: TimelineFilter;
}

export interface TimelineGroup {
	readonly kind: 'group';
	/** Opaque id to pass back as `parent` (today `year:2024`, `month:2024-12` or `noDate`). */
	readonly id: string;
	/** `2024`, `2024-12`, or `noDate`. */
	readonly label: string;
	readonly count: number;
}

export interface TimelineNote {
	readonly kind: 'note';
	readonly uri: string;
	readonly title: string;
	/** `YYYY-MM-DD` when the date field could be read; otherwise the value as written (in the `noDate` group). */
	readonly date: string | undefined;
	readonly author: string | undefined;
}

export interface TimelineResult {
	/** Groups newest first; notes newest first, then by title. */
	readonly items: readonly (TimelineGroup | TimelineNote)[];
}

/** Sent from the client to the server to get one level of the timeline tree (children are produced lazily). */
export namespace TimelineRequest {
	export const method = 'vaultNotes/timeline' as const;
	export const type = new RequestType<TimelineParams, TimelineResult, void>(method);
}

export interface BacklinksParams {
	/** The note whose backlinks are wanted. */
	readonly uri: string;
}

export interface BacklinkOccurrence {
	readonly range: NoteRange;
	/**
	 * The text of the line around the link (trimmed to about 120 characters, cuts marked `…`).
	 * Empty for groups after the first 500: a hub's backlinks stay fast.
	 */
	readonly context: string;
	/** Where the link starts inside `context` (UTF-16), for highlighting. */
	readonly contextStart: number;
	readonly contextEnd: number;
}

export interface BacklinkGroup {
	readonly uri: string;
	readonly title: string;
	readonly links: readonly BacklinkOccurrence[];
}

export interface BacklinksResult {
	readonly groups: readonly BacklinkGroup[];
}

/** Sent from the client to the server to list the links to a note, grouped by linking note. */
export namespace BacklinksRequest {
	export const method = 'vaultNotes/backlinks' as const;
	export const type = new RequestType<BacklinksParams, BacklinksResult, void>(method);
}

export interface TopicsParams {
	readonly vault?: string;
	/** A topic note's URI: list the notes linking to it instead of the topics. */
	readonly topic?: string;
}

export interface TopicItem {
	readonly uri: string;
	readonly title: string;
	/**
	 * Topics: distinct notes whose topics section links to this topic.
	 * Notes of a topic: distinct notes linking to that note (any link).
	 */
	readonly count: number;
}

export interface TopicsResult {
	/** Topics (most linked first), or the notes of `topic` (by title). */
	readonly items: readonly TopicItem[];
}

/** Sent from the client to the server to list the topic notes with their backlink counts, or the notes of one topic. */
export namespace TopicsRequest {
	export const method = 'vaultNotes/topics' as const;
	export const type = new RequestType<TopicsParams, TopicsResult, void>(method);
}

/** A small, safe Markdown tree for the summary preview: the webview renders it with DOM text nodes. */
export type SummaryNode =
	| { readonly type: 'text'; readonly value: string }
	| { readonly type: 'code'; readonly value: string }
	| { readonly type: 'break' }
	| { readonly type: 'link'; readonly href: string; readonly children: readonly SummaryNode[] }
	| {
			readonly type: 'paragraph' | 'strong' | 'emphasis' | 'delete' | 'list' | 'listItem' | 'blockquote' | 'heading';
			readonly ordered?: boolean;
			readonly depth?: number;
			readonly children: readonly SummaryNode[];
	  }
	| { readonly type: 'codeBlock'; readonly value: string; readonly lang?: string };

export interface SummaryParams {
	readonly uri: string;
}

export interface SummaryResult {
	readonly uri: string;
	readonly title: string;
	readonly date: string | undefined;
	readonly author: string | undefined;
	/** The source URL (config `sourceField`), only when it is http(s). */
	readonly source: string | undefined;
	/** The summary section as a tree; empty when the note has none. */
	readonly summary: readonly SummaryNode[];
	readonly topics: readonly { readonly uri: string; readonly title: string }[];
	readonly backlinkCount: number;
}

/** Sent from the client to the server to get the data of the summary preview of a note (live text included). */
export namespace SummaryRequest {
	export const method = 'vaultNotes/summary' as const;
	export const type = new RequestType<SummaryParams, SummaryResult | null, void>(method);
}
