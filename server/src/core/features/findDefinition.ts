// Go to definition on a link: the target note, the heading or the block line it names.
import type { VaultIndex } from '../index/vault';
import type { Location, NoteId, Position } from '../types';
import { anchorRange } from './anchorRange';
import { linkAt } from './linkAt';

/**
 * Where the link at `position` leads: the note (at 0:0), the heading's range, or the line of a
 * block; an attachment at 0:0. A broken link (or no link) gives nothing.
 * An ambiguous link gives every candidate, the one it navigates to first: the choice is the
 * user's to make, and a client shows the list (VS Code's peek, Neovim's quickfix).
 */
export function findDefinition(vault: VaultIndex, id: NoteId, position: Position): Location[] {
	const at = linkAt(vault, id, position);
	const target = at?.resolution.target;
	if (!at || target === undefined) return [];
	const candidates = at.resolution.candidates ?? [target];
	const ordered = [target, ...candidates.filter((candidate) => candidate !== target)];
	return ordered.map((candidate) => ({ id: candidate, range: anchorRange(vault, candidate, at.link.fragment) }));
}
