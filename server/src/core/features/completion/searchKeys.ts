// What a file is found by in completion, and what its completion item shows. The texts (name,
// path, folder, title, aliases) are read from the index when an item is shown; the keys (the
// comparison keys of name, path, title and aliases, and the pinyin of Chinese names) are derived
// once per index entry and kept in the target table (targetTable.ts), with masks of what they
// hold (keyMasks.ts) so that most files are ruled out without looking at a string.
import type { FileEntry, VaultIndex } from '../../index/vault';
import { dirname, nameKey, noteName } from '../../text/paths';
import { noteInfo } from '../noteInfo';
import type { PinyinCache } from './pinyin';
import { pinyinOf } from './pinyin';

export interface FileTexts {
	/** File name without `.md` (attachments keep their extension), as written. */
	readonly name: string;
	/** The id without `.md`, as written. */
	readonly path: string;
	/** The folder, '' at the root. */
	readonly folder: string;
	/** Front-matter title, when it differs from the name. */
	readonly title: string | undefined;
	readonly aliases: readonly string[];
}

export interface SearchKeys {
	/** Comparison keys (NFC, lower case) of the name and of the path. */
	readonly name: string;
	readonly path: string;
	/** Comparison keys of the title and the aliases. */
	readonly others: readonly string[];
	/** Initials, then full pinyin, of each of name, title and aliases that has Han characters. */
	readonly pinyin: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const NONE: readonly string[] = Object.freeze([]);

/** File name without `.md`; attachments keep their extension. */
export function fileName(entry: FileEntry): string {
	return entry.kind === 'note' ? noteName(entry.id) : (entry.id.split('/').pop() ?? entry.id);
}

/** The texts of one file, as the index has it now. */
export function fileTexts(vault: VaultIndex, entry: FileEntry): FileTexts {
	const isNote = entry.kind === 'note';
	const name = fileName(entry);
	const info = isNote ? noteInfo(vault, entry.id) : undefined;
	return {
		name,
		path: isNote ? entry.id.slice(0, -3) : entry.id,
		folder: dirname(entry.id),
		title: info && info.title !== name ? info.title : undefined,
		aliases: info?.aliases ?? NONE,
	};
}

/** The search keys of a file's texts; `cache` shares pinyin conversions between files. */
export function searchKeysOf(texts: FileTexts, cache?: PinyinCache): SearchKeys {
	const others = texts.title === undefined ? texts.aliases : [texts.title, ...texts.aliases];
	const path = nameKey(texts.path);
	// Keys are kept for every file: one found inside a key already kept (the name at the end of
	// the path, often the title too, a title's pinyin inside the name's) is kept as a slice of it.
	const kept = [path];
	const share = (key: string) => {
		for (const other of kept) {
			const at = other.indexOf(key);
			if (at >= 0) return other.slice(at, at + key.length);
		}
		kept.push(key);
		return key;
	};
	const name = share(nameKey(texts.name));
	const otherKeys = others.length === 0 ? NONE : others.map((other) => share(nameKey(other)));
	const pinyin: string[] = [];
	for (const text of [texts.name, ...others]) {
		if (!HAN.test(text)) continue;
		const keys = pinyinOf(text, cache);
		pinyin.push(share(keys.initials), share(keys.full));
	}
	// `slice`: an array grown by `push` keeps room for more; the copy is just long enough.
	return { name, path, others: otherKeys, pinyin: pinyin.length === 0 ? NONE : pinyin.slice() };
}
