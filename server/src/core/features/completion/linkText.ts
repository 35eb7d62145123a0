// How an inserted link names its target: the full path from the vault root (`[[00-元语/AI]]`)
// or the shortest trailing path that still resolves to it from the linking note (`[[AI]]`).
// `auto` follows what the vault's resolved wikilinks mostly do; full-path vaults may also label
// links into some folders (`[[01-博客/作者/标题|标题]]`), which is followed per top folder.
import type { Resolution } from '../../index/resolve';
import { resolveLink } from '../../index/resolve';
import type { FileEntry, VaultIndex } from '../../index/vault';
import { isMarkdownPath, nameKey, noteName, pathTails } from '../../text/paths';
import type { Link, NoteId } from '../../types';
import type { TargetTable } from './targetTable';

export type LinkStyle = 'full' | 'shortest';

export interface LinkWriter {
	readonly style: LinkStyle;
	/** The text between `[[` and `]]` (or `#`/`|`) for a link from `from` to `target`. */
	write(target: NoteId, withLabel: boolean): string;
}

/** The tally of link habits (`linkHabitsOf`), which the target table keeps from its first build on. */
export const LINK_HABITS = 'linkHabits';

/** A writer for links from `from`, in the style the setting asks for (or the vault's, for `auto`). */
export function linkWriter(
	vault: VaultIndex,
	table: TargetTable,
	from: NoteId,
	setting: 'auto' | LinkStyle,
): LinkWriter {
	const habits = table.tally(LINK_HABITS, linkHabitsOf);
	const style =
		setting !== 'auto' ? setting : (habits.get('full') ?? 0) > (habits.get('shortest') ?? 0) ? 'full' : 'shortest';
	return {
		style,
		write(target, withLabel) {
			const path = isMarkdownPath(target) ? target.slice(0, -3) : target;
			if (style === 'shortest') return shortestPath(vault, from, target, path);
			const labelled =
				withLabel &&
				(habits.get(`labelled:${topFolder(target)}`) ?? 0) > (habits.get(`plain:${topFolder(target)}`) ?? 0);
			return labelled ? `${path}|${noteName(target)}` : path;
		},
	};
}

/** The shortest trailing part of `path` that resolves to `target` from `from`; the full path otherwise. */
function shortestPath(vault: VaultIndex, from: NoteId, target: NoteId, path: string): string {
	const tails = pathTails(path);
	for (let index = tails.length - 1; index > 0; index--) {
		const resolution = resolveLink(vault.fileLookup, from, hypotheticalLink(tails[index]!));
		if (resolution.status === 'resolved' && resolution.target === target) return tails[index]!;
	}
	return path;
}

/** A wikilink that is not in any note, to ask how a target would resolve. */
export function hypotheticalLink(target: string): Link {
	const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	return {
		kind: 'wiki',
		embed: false,
		range: nowhere,
		target,
		targetRange: nowhere,
		fragment: undefined,
		label: undefined,
		inTopics: false,
	};
}

function topFolder(id: NoteId): string {
	const slash = id.indexOf('/');
	return slash < 0 ? '' : nameKey(id.slice(0, slash));
}

/**
 * One note's votes (with the resolutions they were counted with): a resolved wikilink into a subfolder written as the whole path votes `full`,
 * one written shorter votes `shortest` (links to root files say nothing, both styles agree);
 * full-path links also vote whether links into that top folder carry a label.
 */
export function linkHabitsOf(entry: FileEntry, resolutions: readonly Resolution[]): string[] {
	if (entry.kind !== 'note' || !entry.syntax) return [];
	const votes: string[] = [];
	entry.syntax.links.forEach((link, index) => {
		const resolution = resolutions[index];
		const target = resolution?.target;
		if (link.kind === 'markdown' || resolution?.status !== 'resolved' || target === undefined || !target.includes('/'))
			return;
		if (link.target.startsWith('./') || link.target.startsWith('../')) return;
		const written = nameKey(link.target).replace(/\.md$/, '');
		const full = nameKey(isMarkdownPath(target) ? target.slice(0, -3) : target);
		if (written !== full) {
			votes.push('shortest');
			return;
		}
		votes.push('full', `${link.label === undefined ? 'plain' : 'labelled'}:${topFolder(target)}`);
	});
	return votes;
}
