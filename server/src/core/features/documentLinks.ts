// The clickable links of a note (textDocument/documentLink).
import type { VaultIndex } from '../index/vault';
import type { NoteId, Position, Range } from '../types';
import { anchorRange } from './anchorRange';

export interface NoteLink {
	/** The whole link, `!` and brackets included. */
	readonly range: Range;
	/** The note or attachment it opens. */
	readonly target: NoteId;
	/** Where to put the cursor in the target: the heading or block it names; undefined for the note itself. */
	readonly position: Position | undefined;
}

/**
 * The links of a note that a click can follow: those that resolve to one file.
 * Broken links are left out, so that a click never creates a file silently. Ambiguous links are
 * left out too: go to definition lists their candidates, and VS Code runs both the document link
 * and the definition on a Ctrl+click over the same range (microsoft/vscode#147447), which would
 * open one candidate and show the list at the same time.
 */
export function documentLinks(vault: VaultIndex, id: NoteId): NoteLink[] {
	const entry = vault.note(id);
	const links = entry?.syntax?.links ?? [];
	const result: NoteLink[] = [];
	links.forEach((link, index) => {
		const resolution = entry!.resolutions[index];
		if (resolution?.status !== 'resolved' || resolution.target === undefined) return;
		const hasFragment = link.fragment !== undefined && link.fragment !== '';
		const position = hasFragment ? anchorRange(vault, resolution.target, link.fragment).start : undefined;
		result.push({ range: link.range, target: resolution.target, position });
	});
	return result;
}
