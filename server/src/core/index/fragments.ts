// Matching a link fragment against a note's headings and block ids (SPEC §2.5 point 6).
import { headingKey } from '../text/headingKey';
import type { BlockId, Heading, NoteSyntax } from '../types';

export type Anchor =
	{ readonly kind: 'heading'; readonly heading: Heading } | { readonly kind: 'block'; readonly block: BlockId };

/** Whether a fragment names a block (`^id`) rather than a heading. */
export function isBlockFragment(fragment: string): boolean {
	return fragment.startsWith('^');
}

/**
 * The heading or block a fragment names, or undefined. `H1#H2` is an H2 anywhere under H1;
 * the first matching heading wins. Block ids compare without case.
 */
export function findAnchor(syntax: NoteSyntax, fragment: string): Anchor | undefined {
	if (isBlockFragment(fragment)) {
		const id = fragment.slice(1).trim().toLowerCase();
		const block = syntax.blockIds.find((candidate) => candidate.id.toLowerCase() === id);
		return block ? { kind: 'block', block } : undefined;
	}
	const parts = fragment
		.split('#')
		.map(headingKey)
		.filter((part) => part !== '');
	if (parts.length === 0) return undefined;
	const heading = findNested(syntax.headings, 0, syntax.headings.length, parts);
	return heading ? { kind: 'heading', heading } : undefined;
}

/** Finds `parts` as a chain of nested headings within `headings[from, to)`. */
function findNested(
	headings: readonly Heading[],
	from: number,
	to: number,
	parts: readonly string[],
): Heading | undefined {
	for (let index = from; index < to; index++) {
		const heading = headings[index]!;
		if (headingKey(heading.text) !== parts[0]) continue;
		if (parts.length === 1) return heading;
		let end = index + 1;
		while (end < to && headings[end]!.level > heading.level) end++;
		const inner = findNested(headings, index + 1, end, parts.slice(1));
		if (inner) return inner;
	}
	return undefined;
}
