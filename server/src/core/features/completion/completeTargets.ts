// Completion of link targets after `[[` and `![[`: every note and attachment, ranked by how well
// the typed text matches its name, path, title, aliases or pinyin; topic notes first inside a
// topics section; ties broken by the linking note's folder, then incoming links, then shorter
// names, then path order.
//
// A file's rank is its level (group, score, then whether it shares the linking note's folder:
// what depends on the request) and then its static rank (the rest), and the target table keeps
// the files sorted by static rank. So one walk in that order finds the `limit` best without
// scoring and sorting every file: files of one level come in rank order, so once `limit` files
// are at level L or better, a file met later matters only if it can reach a level below L, and
// it is scored only as far as that needs (a file that can only get in with a prefix match is not
// searched for substrings or fuzzy matches). Files whose keys cannot hold such a match are passed
// over on their masks (keyMasks.ts).
import type { FileEntry, VaultIndex } from '../../index/vault';
import { dirname, nameKey } from '../../text/paths';
import type { NoteId } from '../../types';
import type { LinkContext } from './completionContext';
import type { Completion, CompletionResult } from './completionTypes';
import { sortTextOf } from './completionTypes';
import { linkWriter } from './linkText';
import type { LinkStyle } from './linkText';
import { EXACT, FUZZY, PREFIX, SUBSTRING, WORD_START, tierAtLeast } from './matchScore';
import type { FileTexts, SearchKeys } from './searchKeys';
import { MASK_WORDS, NAMES, OTHERS, QueryMasks } from './keyMasks';
import { fileTexts } from './searchKeys';
import type { TargetTable } from './targetTable';
import { ATTACHMENT, NOTE, TOPIC } from './targetTable';

export interface TargetOptions {
	readonly linkStyle: 'auto' | LinkStyle;
	readonly limit: number;
	/** The cursor is inside a topics section (SPEC §3). */
	readonly inTopics: boolean;
}

/**
 * The scores a file can get, best first: a tier of matchScore.ts plus the weight of the key it
 * matched (name 4, title and aliases 3, pinyin 2, path 1), and 1 for everything on an empty query.
 */
const SCORES = [EXACT, PREFIX, WORD_START, SUBSTRING, FUZZY].flatMap((tier) => [4, 3, 2, 1].map((w) => tier + w));
SCORES.push(1);
/** Score → its position in SCORES. */
const SCORE_INDEX = new Int8Array(EXACT + 5).fill(-1);
SCORES.forEach((score, index) => (SCORE_INDEX[score] = index));

/** Level of a file: (group × SCORES.length + score index) × 2 + (not in the linking note's folder). */
const LEVELS = 3 * SCORES.length * 2;
/** Above every score: no score is enough. */
const NO_SCORE = EXACT + 5;

/** The files a link typed at `context` can name, ranked, at most `options.limit` of them. */
export function completeTargets(
	vault: VaultIndex,
	table: TargetTable,
	from: NoteId,
	context: LinkContext,
	options: TargetOptions,
): CompletionResult {
	const limit = Math.max(0, Math.floor(options.limit));
	const { shown, matches } = search(table, nameKey(context.query.trim()), from, context.embed, options.inTopics, limit);
	const writer = linkWriter(vault, table, from, options.linkStyle);
	const items = shown.map((slot, rank) => {
		const entry = vault.file(table.ids[slot]!)!;
		const linkText = writer.write(entry.id, !context.embed);
		return toCompletion(entry, fileTexts(vault, entry), table.keys[slot]!.pinyin, rank, context, linkText);
	});
	return { items, isIncomplete: matches > items.length };
}

/** The best `limit` slots in rank order, and how many files match (exactly up to `limit` + 1, then at least that). */
function search(
	table: TargetTable,
	query: string,
	from: NoteId,
	embed: boolean,
	inTopics: boolean,
	limit: number,
): { shown: number[]; matches: number } {
	const groupOf = new Int8Array(4);
	groupOf[TOPIC] = inTopics ? 0 : embed ? 2 : 1;
	groupOf[NOTE] = embed ? 2 : 1;
	groupOf[ATTACHMENT] = embed ? 1 : 2;
	const fromSlot = table.slotOf(from) ?? -1;
	const fromFolder = table.folderNumber(dirname(from));
	const queryMasks = query === '' ? undefined : new QueryMasks(query);
	// Pinyin is only matched by queries with Latin letters.
	const latin = /[a-z]/.test(query);
	// The weight of the lightest key of each kind: what the tier a file needs there is measured against.
	const othersWeight = latin ? 2 : 1;
	const { order, kinds, folders, masks, keys, size } = table;
	const counts = new Int32Array(LEVELS);
	/** Matches met, as (slot, level) pairs in walk order. */
	let found: number[] = [];
	let matches = 0;
	/** Files must get below this level to be among the best (LEVELS until `limit` + 1 files matched). */
	let cut = LEVELS;
	/** By group × 2 + far: the least score that gets below the cut, NO_SCORE when none does. */
	const leastScore = new Int32Array(6);
	const setCut = (level: number) => {
		cut = level;
		for (let group = 0; group < 3; group++) {
			for (let far = 0; far < 2; far++) {
				// The worst score index that still gets below the cut with this group and folder.
				const worst = ((cut - far + 1) >> 1) - 1 - group * SCORES.length;
				leastScore[group * 2 + far] = worst < 0 ? NO_SCORE : SCORES[Math.min(worst, SCORES.length - 1)]!;
			}
		}
	};
	setCut(LEVELS);
	for (let position = 0; position < size; position++) {
		const slot = order[position]!;
		const groupFar = groupOf[kinds[slot]!]! * 2 + (folders[slot] === fromFolder ? 0 : 1);
		const least = leastScore[groupFar]!;
		if (least === NO_SCORE || slot === fromSlot) continue;
		let score = 1;
		if (queryMasks) {
			const at = slot * MASK_WORDS;
			const inNames = queryMasks.holds(masks, at + NAMES, least - 4);
			const inOthers = queryMasks.holds(masks, at + OTHERS, least - othersWeight);
			if (!inNames && !inOthers) continue;
			score = scoreOf(keys[slot]!, query, latin, least, inNames, inOthers);
		}
		if (score < least) continue;
		const level = ((groupFar >> 1) * SCORES.length + SCORE_INDEX[score]!) * 2 + (groupFar & 1);
		found.push(slot, level);
		counts[level]!++;
		matches++;
		if (matches <= limit) continue;
		setCut(cutOf(counts, limit));
		// Matches at the cut's level or worse will not be shown: drop them now and then.
		if (found.length > 8 * limit + 1024) found = found.filter((_, index) => found[index | 1]! <= cut);
	}
	const ranked: number[] = [];
	for (let index = 0; index < found.length; index += 2) ranked.push(index);
	// Stable: within a level, walk order is rank order.
	ranked.sort((a, b) => found[a + 1]! - found[b + 1]!);
	return { shown: ranked.slice(0, limit).map((index) => found[index]!), matches };
}

/** The level the `limit`-th best match met so far is at. */
function cutOf(counts: Int32Array, limit: number): number {
	let total = 0;
	for (let level = 0; level < LEVELS; level++) {
		total += counts[level]!;
		if (total >= limit) return level;
	}
	return LEVELS;
}

/**
 * The best weighted tier over every key, when it is at least `least` (else something less). The
 * name counts most, then title and aliases, then pinyin (for queries with Latin letters), then the
 * path; each key is only asked for a tier that would improve on what the file already has, and
 * the keys of a kind whose masks rule out such a tier are not asked at all.
 */
function scoreOf(
	keys: SearchKeys,
	query: string,
	latin: boolean,
	least: number,
	inNames: boolean,
	inOthers: boolean,
): number {
	let best = 0;
	if (inNames) {
		best = weighted(tierAtLeast(query, keys.name, least - 4), 4, best);
		if (best >= EXACT + 4) return best;
		const others = keys.others;
		for (let index = 0; index < others.length; index++)
			best = weighted(tierAtLeast(query, others[index]!, Math.max(least, best + 1) - 3), 3, best);
	}
	if (!inOthers) return best;
	if (latin) {
		const pinyin = keys.pinyin;
		for (let index = 0; index < pinyin.length; index++)
			best = weighted(tierAtLeast(query, pinyin[index]!, Math.max(least, best + 1) - 2), 2, best);
	}
	return weighted(tierAtLeast(query, keys.path, Math.max(least, best + 1) - 1), 1, best);
}

/** `tier` + `weight` when the key matched (it then beats `best`), else `best`. */
function weighted(tier: number, weight: number, best: number): number {
	return tier === 0 ? best : tier + weight;
}

function toCompletion(
	entry: FileEntry,
	texts: FileTexts,
	pinyin: readonly string[],
	rank: number,
	context: LinkContext,
	linkText: string,
): Completion {
	// Pinyin too, for clients that filter on their own.
	const filter = [texts.name, texts.title, ...texts.aliases, texts.path, ...pinyin].filter(
		(text) => text !== undefined,
	);
	return {
		label: texts.name,
		kind: entry.kind,
		description: texts.folder === '' ? undefined : texts.folder,
		detail: texts.title,
		sortText: sortTextOf(rank),
		filterText: filter.join(' '),
		textEdit: { range: context.range, newText: linkText + context.closing },
		target: entry.id,
	};
}
