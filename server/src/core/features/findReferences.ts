// References and backlinks: the links of the vault that lead to a note, a heading, a block or
// the target of the link under the cursor. Only the links to the target are visited
// (`VaultIndex.incomingLinks`), so the cost follows the number of backlinks, not the vault's size.
import type { Anchor } from '../index/fragments';
import { findAnchor } from '../index/fragments';
import type { IncomingNote, VaultIndex } from '../index/vault';
import { headingKey } from '../text/headingKey';
import { compareCodePoints } from '../text/paths';
import type { Location, NoteId, Position, Range } from '../types';
import { anchorRange } from './anchorRange';
import { contains, headingAt, isBefore, linkAt } from './linkAt';

/** What the references are asked for. */
interface Subject {
	readonly target: NoteId;
	/** The heading or block the links must name; undefined: any link to the target. */
	readonly anchor: Anchor | undefined;
	/** For a fragment that names nothing: the links with the same fragment key. */
	readonly fragmentKey: string | undefined;
	readonly declaration: Range;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Every link of one `incomingLinks` list (the note's backlinks, asked again and again for a hub).
 * The index makes a new list whenever a link to the target changes, so this never goes stale.
 */
const allLinksOf = new WeakMap<readonly IncomingNote[], readonly Location[]>();

/**
 * On a link: every link of the vault to the same target (and, for a fragment link, the same
 * heading or block). On a heading or a block marker: the links naming it. Anywhere else: the
 * backlinks of the note, front-matter links included. Notes matched by the config's `ignore`
 * are left out, as in the backlinks view. `includeDeclaration` adds the note, heading or block
 * itself. Sorted by note (code points), then position; nothing on a broken link.
 */
export function findReferences(
	vault: VaultIndex,
	id: NoteId,
	position: Position,
	includeDeclaration: boolean,
): readonly Location[] {
	const subject = subjectAt(vault, id, position);
	if (!subject) return [];
	// Already sorted: linking notes come in code-point order, each note's links in source order.
	const found = linksTo(vault, subject);
	if (!includeDeclaration) return found;
	const result = [...found];
	insertSorted(result, { id: subject.target, range: subject.declaration });
	return result;
}

function subjectAt(vault: VaultIndex, id: NoteId, position: Position): Subject | undefined {
	const at = linkAt(vault, id, position);
	if (at) {
		const target = at.resolution.target;
		return target === undefined ? undefined : fragmentSubject(vault, target, at.link.fragment);
	}
	const heading = headingAt(vault, id, position);
	if (heading) return anchorSubject(id, { kind: 'heading', heading }, heading.range);
	const block = vault.note(id)?.syntax?.blockIds.find((candidate) => contains(candidate.range, position));
	if (block) return anchorSubject(id, { kind: 'block', block }, anchorRange(vault, id, `^${block.id}`));
	return vault.file(id) ? anchorSubject(id, undefined, START) : undefined;
}

function anchorSubject(target: NoteId, anchor: Anchor | undefined, declaration: Range): Subject {
	return { target, anchor, fragmentKey: undefined, declaration };
}

function fragmentSubject(vault: VaultIndex, target: NoteId, fragment: string | undefined): Subject {
	if (fragment === undefined || fragment === '') return anchorSubject(target, undefined, START);
	const syntax = vault.note(target)?.syntax;
	const anchor = syntax ? findAnchor(syntax, fragment) : undefined;
	// A fragment that names nothing still finds the links that name the same missing heading.
	const fragmentKey = anchor ? undefined : fragmentKeyOf(fragment);
	return { target, anchor, fragmentKey, declaration: anchorRange(vault, target, fragment) };
}

/** The links to `subject.target` in the notes linking to it, sorted by note, then position. */
function linksTo(vault: VaultIndex, subject: Subject): readonly Location[] {
	const incoming = vault.incomingLinks(subject.target);
	if (!subject.anchor && subject.fragmentKey === undefined) {
		let all = allLinksOf.get(incoming);
		if (!all) allLinksOf.set(incoming, (all = linksMatching(incoming, () => true)));
		return all;
	}
	const syntax = vault.note(subject.target)?.syntax;
	// Many backlinks repeat a few fragments: match each distinct fragment once.
	const matches = new Map<string, boolean>();
	return linksMatching(incoming, (fragment) => {
		if (fragment === undefined || fragment === '') return false;
		let match = matches.get(fragment);
		if (match === undefined) {
			match = subject.anchor
				? sameAnchor(syntax ? findAnchor(syntax, fragment) : undefined, subject.anchor)
				: fragmentKeyOf(fragment) === subject.fragmentKey;
			matches.set(fragment, match);
		}
		return match;
	});
}

function linksMatching(
	incoming: readonly IncomingNote[],
	fragmentMatches: (fragment: string | undefined) => boolean,
): Location[] {
	const result: Location[] = [];
	for (const { entry, links } of incoming) {
		// Notes matched by the config's `ignore` are not shown (SPEC §1).
		if (entry.ignored) continue;
		const noteLinks = entry.syntax!.links;
		for (const index of links) {
			const link = noteLinks[index]!;
			if (fragmentMatches(link.fragment)) result.push({ id: entry.id, range: link.range });
		}
	}
	return result;
}

function sameAnchor(found: Anchor | undefined, wanted: Anchor): boolean {
	if (!found) return false;
	if (found.kind === 'heading') return wanted.kind === 'heading' && found.heading === wanted.heading;
	return wanted.kind === 'block' && found.block === wanted.block;
}

function fragmentKeyOf(fragment: string): string {
	return fragment.startsWith('^') ? fragment.trim().toLowerCase() : fragment.split('#').map(headingKey).join('#');
}

function compareLocations(a: Location, b: Location): number {
	if (a.id !== b.id) return compareCodePoints(a.id, b.id);
	if (isBefore(a.range.start, b.range.start)) return -1;
	return isBefore(b.range.start, a.range.start) ? 1 : 0;
}

function insertSorted(locations: Location[], location: Location): void {
	let low = 0;
	let high = locations.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (compareLocations(locations[middle]!, location) <= 0) low = middle + 1;
		else high = middle;
	}
	locations.splice(low, 0, location);
}
