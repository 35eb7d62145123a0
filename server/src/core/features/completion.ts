// Completion (SPEC §3, "Writing and navigating notes"): link targets after `[[`/`![[`, headings
// and block ids after `#`/`#^`, front-matter keys and values. The adapter passes the document's
// current text; the vault gives everything else. Never throws on any text or position.
import type { VaultIndex } from '../index/vault';
import { parseNote, stripBom } from '../parse/parseNote';
import type { NoteId, NoteSyntax, Position } from '../types';
import { completeAnchors } from './completion/completeAnchors';
import { completeKeys, completeValues } from './completion/completeFrontMatter';
import { completeTargets } from './completion/completeTargets';
import { findCompletionContext } from './completion/completionContext';
import type { CompletionOptions, CompletionResult } from './completion/completionTypes';
import { EMPTY_RESULT } from './completion/completionTypes';
import { TargetTable } from './completion/targetTable';

export type { Completion, CompletionKind, CompletionOptions, CompletionResult } from './completion/completionTypes';

const DEFAULT_LIMIT = 200;

/**
 * The completions at `position` of note `id`, whose current text is `text`. Link targets are
 * capped at `options.limit` (then `isIncomplete` is set, so that clients ask again as the user types).
 */
export function completeAt(
	vault: VaultIndex,
	id: NoteId,
	text: string,
	position: Position,
	options: CompletionOptions = {},
): CompletionResult {
	const body = stripBom(text);
	const context = findCompletionContext(body, position);
	if (!context) return EMPTY_RESULT;
	const table = TargetTable.of(vault);
	switch (context.kind) {
		case 'link': {
			const inTopics = syntaxOf(vault, id, body).topicSections.some(
				(section) => position.line >= section.startLine && position.line < section.endLine,
			);
			const limit = options.limit ?? DEFAULT_LIMIT;
			return completeTargets(vault, table, id, context, { linkStyle: options.linkStyle ?? 'auto', limit, inTopics });
		}
		case 'fragment':
			return completeAnchors(vault, id, syntaxOf(vault, id, body), context);
		case 'key':
			return completeKeys(vault, table, id, context);
		case 'value':
			return completeValues(vault, table, id, context, localDate((options.now ?? (() => new Date()))()));
	}
}

/**
 * Builds what link completion keeps per vault ahead of the first request, at most `files` files
 * per call, so that a server can do it in slices between other work; true once it is done.
 */
export function prepareCompletion(vault: VaultIndex, files: number): boolean {
	return TargetTable.prepare(vault, files);
}

/**
 * The note's syntax: the index's, which the adapter updates on every change before it asks for
 * completion (so a large note is not parsed again per keystroke); the text's own otherwise.
 */
function syntaxOf(vault: VaultIndex, id: NoteId, text: string): NoteSyntax {
	return vault.note(id)?.syntax ?? parseNote(id, text, vault.config);
}

/** `YYYY-MM-DD` in the local time zone, as the user reads their calendar. */
function localDate(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
