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

/**
 * Packs the ranking into one number, so that ranking 100k files sorts numbers: the group (0 first:
 * topic notes in a topics section, then notes, then attachments, or the reverse after `![[`), the
 * match score, the linking note's folder, more incoming links, then the shorter name. Equal keys
 * keep code-point order of ids (the sort is stable). The result stays below 2^40.
 */
function rankKey(group: number, score: number, nearby: boolean, incoming: number, nameLength: number): number {
	const head = (group * 128 + (127 - score)) * 2 + (nearby ? 0 : 1);
	return (head * 2 ** 20 + (2 ** 20 - 1 - Math.min(incoming, 2 ** 20 - 1))) * 256 + Math.min(nameLength, 255);
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
	const matched: number[] = [];
	const keysByIndex = new Float64Array(snapshot.entries.length);
	snapshot.entries.forEach((entry, index) => {
		const keys = allKeys[index]!;
		const score = entry.id === from ? 0 : scoreOf(vault, query, keys, budget);
		if (score === 0) return;
		const group = groupOf(entry, context.embed, options.inTopics && keys.isTopic);
		keysByIndex[index] = rankKey(group, score, folder === keys.folder, incoming.get(entry.id) ?? 0, keys.name.length);
		matched.push(index);
	});
	const shown = best(matched, keysByIndex, options.limit);
	const writer = linkWriter(vault, snapshot, from, options.linkStyle);
	const items = shown.map((index, rank) => {
		const entry = snapshot.entries[index]!;
		const keys = allKeys[index]!;
		const linkText = writer.write(entry.id, !context.embed);
		return toCompletion(entry, keys, rank, context, linkText, pinyinTexts(vault, keys));
	});
	return { items, isIncomplete: matched.length > shown.length || budget.left < 0 };
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

/**
 * The `limit` indices with the lowest keys, in order. Rather than sorting every match (100k in a
 * large vault), the keys alone are sorted natively to find the cut-off, and only what lies below
 * it is sorted as indices.
 */
function best(matched: readonly number[], keysByIndex: Float64Array, limit: number): number[] {
	const byKey = (a: number, b: number) => keysByIndex[a]! - keysByIndex[b]!;
	if (matched.length <= limit) return [...matched].sort(byKey);
	const sortedKeys = Float64Array.from(matched, (index) => keysByIndex[index]!).sort();
	const cutoff = sortedKeys[limit - 1]!;
	return matched
		.filter((index) => keysByIndex[index]! <= cutoff)
		.sort(byKey)
		.slice(0, limit);
}

function toCompletion(
	entry: FileEntry,
	keys: SearchKeys,
	rank: number,
	context: LinkContext,
	linkText: string,
	pinyin: string[],
): Completion {
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
