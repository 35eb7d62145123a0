// The plain, LSP-shaped results of completion. The adapter maps `kind` to the protocol's
// CompletionItemKind; everything else is copied as is.
import type { NoteId, TextEdit } from '../../types';

/** What a completion offers; the adapter maps it to an LSP CompletionItemKind. */
export type CompletionKind = 'note' | 'attachment' | 'heading' | 'block' | 'key' | 'value' | 'date';

export interface Completion {
	readonly label: string;
	readonly kind: CompletionKind;
	/** Shown next to the label (LSP `labelDetails.description`): the folder of a file. */
	readonly description?: string;
	/** One line shown in the details pane: a note's title, a key's type. */
	readonly detail?: string;
	/** Markdown shown in the details pane: a key's schema description. */
	readonly documentation?: string;
	/** Rank as text (`0000`, `0001`…): clients sort on it. */
	readonly sortText: string;
	/** What the client filters on: name, title, aliases, pinyin. */
	readonly filterText: string;
	/** Replaces from the start of what was typed to the cursor (and an auto-closed `]]`). */
	readonly textEdit: TextEdit;
	/** The file a note or attachment completion inserts a link to. */
	readonly target?: NoteId;
}

export interface CompletionResult {
	readonly items: readonly Completion[];
	/** More would match than were returned, or the ranking is not final: ask again as the user types. */
	readonly isIncomplete: boolean;
}

export interface CompletionOptions {
	/** How inserted links are written (setting `vaultNotes.links.style`); `auto` follows the vault. */
	readonly linkStyle?: 'auto' | 'full' | 'shortest';
	/** At most this many note and attachment completions (default 200). */
	readonly limit?: number;
	/** The clock that gives "today" for date values (default: the system clock). */
	readonly now?: () => Date;
}

export const EMPTY_RESULT: CompletionResult = Object.freeze({ items: [], isIncomplete: false });

/** A rank as sortable text. */
export function sortTextOf(rank: number): string {
	return String(rank).padStart(5, '0');
}
