// Completion of link targets after `[[` and `![[`: every note and attachment, ranked by how well
// the typed text matches its name, path, title, aliases or pinyin; topic notes first inside a
// topics section; ties broken by the linking note's folder, then incoming links, then shorter
// names, then path order.
import type { FileEntry, VaultIndex } from '../../index/vault';
import { dirname, nameKey } from '../../text/paths';
import type { NoteId } from '../../types';
import type { LinkContext } from './completionContext';
import type { Completion, CompletionResult } from './completionTypes';
import { sortTextOf } from './completionTypes';
import { linkWriter } from './linkText';
import type { LinkStyle } from './linkText';
import { EXACT, matchScore } from './matchScore';
import type { SearchKeys } from './searchKeys';
import { pinyinAt, searchKeysOf } from './searchKeys';
import type { VaultSnapshot } from './vaultSnapshot';

export interface TargetOptions {
	readonly linkStyle: 'auto' | LinkStyle;
	readonly limit: number;
	/** The cursor is inside a topics section (SPEC §3). */
	readonly inTopics: boolean;
}

/** Pinyin conversions one request may do; the rest come with the next keystroke (the list is then incomplete). */
const PINYIN_BUDGET = 2000;

interface Candidate {
	readonly entry: FileEntry;
	readonly keys: SearchKeys;
	/** Group, score, folder and incoming links packed in one number (see rankKey); lower comes first. */
	readonly order: number;
	/** Position in code-point order of ids, the last tie-breaker. */
	readonly index: number;
}

/**
 * Packs the ranking into one number, so that sorting 100k candidates compares numbers: the group
 * (0 first: topic notes in a topics section, then notes, then attachments, or the reverse after
 * `![[`), the match score, the linking note's folder, then more incoming links.
 */
function rankKey(group: number, score: number, nearby: boolean, incoming: number): number {
	return (
		((group * 128 + (127 - score)) * 2 + (nearby ? 0 : 1)) * 2 ** 20 + (2 ** 20 - 1 - Math.min(incoming, 2 ** 20 - 1))
	);
}

/** The files a link typed at `context` can name, ranked, at most `options.limit` of them. */
export function completeTargets(
	vault: VaultIndex,
	snapshot: VaultSnapshot,
	from: NoteId,
	context: LinkContext,
	options: TargetOptions,
): CompletionResult {
	const query = nameKey(context.query.trim());
	const budget = { left: PINYIN_BUDGET };
	const incoming = snapshot.tally('incoming', incomingOf);
	const folder = dirname(from);
	const allKeys = snapshot.perFile('searchKeys', (entry) => searchKeysOf(vault, entry));
	const candidates: Candidate[] = [];
	snapshot.entries.forEach((entry, index) => {
		const keys = allKeys[index]!;
		const score = entry.id === from ? 0 : scoreOf(vault, query, keys, budget);
		if (score === 0) return;
		const group = groupOf(entry, context.embed, options.inTopics && keys.isTopic);
		const nearby = folder === keys.folder;
		const order = rankKey(group, score, nearby, incoming.get(entry.id) ?? 0);
		candidates.push({ entry, keys, order, index });
	});
	candidates.sort((a, b) => a.order - b.order || a.keys.name.length - b.keys.name.length || a.index - b.index);
	const shown = candidates.slice(0, options.limit);
	const writer = linkWriter(vault, snapshot, from, options.linkStyle);
	const items = shown.map((candidate, rank) => {
		const linkText = writer.write(candidate.entry.id, !context.embed);
		return toCompletion(candidate, rank, context, linkText, pinyinTexts(vault, candidate.keys));
	});
	return { items, isIncomplete: candidates.length > shown.length || budget.left < 0 };
}

/** The best tier over every key; the name counts most, then title and aliases, then pinyin, then the path. */
function scoreOf(vault: VaultIndex, query: string, keys: SearchKeys, budget: { left: number }): number {
	if (query === '') return 1;
	let best = weighted(matchScore(query, keys.nameKey), 4);
	if (best >= EXACT) return best;
	for (const other of keys.otherKeys) best = Math.max(best, weighted(matchScore(query, other), 3));
	best = Math.max(best, weighted(matchScore(query, keys.pathKey), 1));
	if (!/[a-z]/.test(query)) return best;
	for (let index = 0; index < keys.hanTexts.length; index++) {
		const pinyin = pinyinAt(vault, keys, index, budget);
		if (!pinyin) {
			// Out of budget: the list is not final (see `isIncomplete`).
			budget.left = -1;
			continue;
		}
		best = Math.max(best, weighted(matchScore(query, pinyin.initials), 2), weighted(matchScore(query, pinyin.full), 2));
	}
	return best;
}

function weighted(tier: number, weight: number): number {
	return tier === 0 ? 0 : tier + weight;
}

function groupOf(entry: FileEntry, embed: boolean, isTopic: boolean): number {
	if (isTopic) return 0;
	const isNote = entry.kind === 'note';
	return isNote !== embed ? 1 : 2;
}

function toCompletion(
	candidate: Candidate,
	rank: number,
	context: LinkContext,
	linkText: string,
	pinyin: string[],
): Completion {
	const { entry, keys } = candidate;
	const filter = [keys.name, keys.title, ...keys.aliases, keys.path, ...pinyin].filter((text) => text !== undefined);
	return {
		label: keys.name,
		kind: entry.kind,
		description: keys.folder === '' ? undefined : keys.folder,
		detail: keys.title,
		sortText: sortTextOf(rank),
		filterText: filter.join(' '),
		textEdit: { range: context.range, newText: linkText + context.closing },
		target: entry.id,
	};
}

/** Initials and full pinyin of the Chinese names of a shown file, for clients that filter on their own. */
function pinyinTexts(vault: VaultIndex, keys: SearchKeys): string[] {
	const unlimited = { left: Infinity };
	return keys.hanTexts.flatMap((_, index) => {
		const pinyin = pinyinAt(vault, keys, index, unlimited)!;
		return [pinyin.initials, pinyin.full];
	});
}

/** One note's outgoing links, as the targets they navigate to (for ranking by incoming links). */
function incomingOf(entry: FileEntry): NoteId[] {
	if (entry.kind !== 'note') return [];
	const targets: NoteId[] = [];
	for (const resolution of entry.resolutions) {
		if (resolution.target !== undefined && resolution.target !== entry.id) targets.push(resolution.target);
	}
	return targets;
}
