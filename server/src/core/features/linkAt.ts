// What stands at a position of a note: a link (with its resolution) or a heading. Shared by
// every feature that starts from the cursor (definition, hover, references, rename, completion).
import type { Resolution } from '../index/resolve';
import type { NoteEntry, VaultIndex } from '../index/vault';
import type { Heading, Link, NoteId, Position, Range } from '../types';

export interface LinkAt {
	readonly entry: NoteEntry;
	readonly link: Link;
	/** Index of the link in `entry.syntax.links` (and `entry.resolutions`). */
	readonly index: number;
	readonly resolution: Resolution;
}

/** The link whose range holds `position` (ends included), or undefined. */
export function linkAt(vault: VaultIndex, id: NoteId, position: Position): LinkAt | undefined {
	const entry = vault.note(id);
	const links = entry?.syntax?.links ?? [];
	for (let index = 0; index < links.length; index++) {
		const link = links[index]!;
		if (contains(link.range, position)) return { entry: entry!, link, index, resolution: entry!.resolutions[index]! };
	}
	return undefined;
}

/** The heading on the line of `position`, or undefined. */
export function headingAt(vault: VaultIndex, id: NoteId, position: Position): Heading | undefined {
	return vault
		.note(id)
		?.syntax?.headings.find(
			(heading) => heading.range.start.line <= position.line && position.line <= heading.range.end.line,
		);
}

export function contains(range: Range, position: Position): boolean {
	return !isBefore(position, range.start) && !isBefore(range.end, position);
}

export function isBefore(a: Position, b: Position): boolean {
	return a.line < b.line || (a.line === b.line && a.character < b.character);
}
