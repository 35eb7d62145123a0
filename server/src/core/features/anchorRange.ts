// Where a link fragment points inside a note, as a range (shared by definition, document links
// and references).
import { findAnchor } from '../index/fragments';
import type { VaultIndex } from '../index/vault';
import type { NoteId, Range } from '../types';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The range a fragment names in a note: the heading's whole line, or the block's line up to
 * the end of its `^id`; the start of the note when there is no fragment or it names nothing.
 */
export function anchorRange(vault: VaultIndex, id: NoteId, fragment: string | undefined): Range {
	const syntax = vault.note(id)?.syntax;
	if (!syntax || fragment === undefined || fragment === '') return START;
	const anchor = findAnchor(syntax, fragment);
	if (!anchor) return START;
	if (anchor.kind === 'heading') return anchor.heading.range;
	return { start: { line: anchor.block.line, character: 0 }, end: anchor.block.range.end };
}
