// What a file is found by in completion: its name, its path, its title and aliases, and for
// Chinese text the pinyin (full and initials). Keys are derived once per index entry (a re-parsed
// note gets a new entry, see vaultSnapshot.ts); pinyin is computed on demand and cached per
// string, because pinyin-pro costs ~20–60 µs a string.
import { pinyin } from 'pinyin-pro';
import type { FileEntry, VaultIndex } from '../../index/vault';
import { dirname, nameKey, noteName } from '../../text/paths';
import { isInFolder } from '../diagnostics';
import { noteInfo } from '../noteInfo';

export interface SearchKeys {
	/** File name without `.md` (attachments keep their extension), as written. */
	readonly name: string;
	/** The id without `.md`, as written. */
	readonly path: string;
	/** The folder, '' at the root. */
	readonly folder: string;
	/** Front-matter title, when it differs from the name. */
	readonly title: string | undefined;
	readonly aliases: readonly string[];
	/** Comparison keys (NFC, lower case) of name, path, title and aliases. */
	readonly nameKey: string;
	readonly pathKey: string;
	readonly otherKeys: readonly string[];
	/** The texts whose pinyin can match (name, title, aliases with Han characters). */
	readonly hanTexts: readonly string[];
	/** Pinyin of `hanTexts`, filled on demand. */
	readonly pinyin: (PinyinKeys | undefined)[];
	/** In the topics folder (SPEC §3). */
	readonly isTopic: boolean;
}

export interface PinyinKeys {
	/** `rengongzhineng`; other characters kept, lower case. */
	readonly full: string;
	/** `rgzn`. */
	readonly initials: string;
}

const HAN = /\p{Script=Han}/u;

/** The search keys of one file. */
export function searchKeysOf(vault: VaultIndex, entry: FileEntry): SearchKeys {
	const isNote = entry.kind === 'note';
	const name = isNote ? noteName(entry.id) : (entry.id.split('/').pop() ?? entry.id);
	const path = isNote ? entry.id.slice(0, -3) : entry.id;
	const info = isNote ? noteInfo(vault, entry.id) : undefined;
	const title = info && info.title !== name ? info.title : undefined;
	const aliases = info?.aliases ?? [];
	const others = [...(title === undefined ? [] : [title]), ...aliases];
	const hanTexts = [name, ...others].filter((text) => HAN.test(text));
	return {
		name,
		path,
		folder: dirname(entry.id),
		title,
		aliases,
		nameKey: nameKey(name),
		pathKey: nameKey(path),
		otherKeys: others.map(nameKey),
		hanTexts,
		pinyin: hanTexts.map(() => undefined),
		isTopic: isInFolder(entry.id, vault.config.config.topics.folder),
	};
}

/**
 * Pinyin of the `index`th of `keys.hanTexts`, cached on the keys and per vault by text. `budget.left` counts the conversions this request may
 * still do; when it runs out, undefined is returned and the caller marks its list incomplete.
 */
export function pinyinAt(
	vault: VaultIndex,
	keys: SearchKeys,
	index: number,
	budget: { left: number },
): PinyinKeys | undefined {
	const known = keys.pinyin[index];
	if (known) return known;
	const computed = pinyinOf(vault, keys.hanTexts[index]!, budget);
	keys.pinyin[index] = computed;
	return computed;
}

function pinyinOf(vault: VaultIndex, text: string, budget: { left: number }): PinyinKeys | undefined {
	let cache = pinyinCaches.get(vault);
	if (!cache) {
		cache = new Map();
		pinyinCaches.set(vault, cache);
	}
	const cached = cache.get(text);
	if (cached) return cached;
	if (budget.left <= 0) return undefined;
	budget.left--;
	// Titles change as notes are edited: drop the cache rather than let it grow without bound.
	if (cache.size > 4 * vault.size + 1000) cache.clear();
	const keys = convert(text);
	cache.set(text, keys);
	return keys;
}

const pinyinCaches = new WeakMap<VaultIndex, Map<string, PinyinKeys>>();

function convert(text: string): PinyinKeys {
	let full = '';
	let initials = '';
	for (const syllable of pinyin(text, { toneType: 'none', type: 'all' })) {
		if (syllable.isZh && syllable.pinyin !== '') {
			full += syllable.pinyin;
			initials += syllable.pinyin[0];
			continue;
		}
		const other = syllable.origin.toLowerCase();
		full += other;
		initials += other;
	}
	return { full: full.normalize('NFC'), initials: initials.normalize('NFC') };
}
