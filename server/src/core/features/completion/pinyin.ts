// Pinyin of Chinese names for completion: `人工智能` → full `rengongzhineng`, initials `rgzn`;
// other characters are kept, in lower case.
//
// pinyin-pro's `type: 'all'` answers one object per character with a dozen fields, about 50 µs
// for a title; `type: 'array'` gives the same readings as bare strings in about 5 µs, which is
// what makes precomputing the pinyin of every name of a 100k-note vault affordable. A character
// pinyin-pro does not read comes back as itself, so a reading equal to its character is "other
// text", exactly the characters `type: 'all'` marks as not Chinese (or without a reading);
// `test/core/completionPinyin.test.ts` holds `pinyinOf` equal to the `type: 'all'` conversion of
// the whole text. Should the array ever not line up with the characters, `type: 'all'` answers.
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
	/** `rengongzhineng`; other characters kept, lower case. */
	readonly full: string;
	/** `rgzn`. */
	readonly initials: string;
}

/** Conversions of runs of Han characters, shared by the files derived in one go (names and titles repeat words). */
export type PinyinCache = Map<string, PinyinKeys>;

/** A run cache holds at most this many runs; then it starts over. */
const MAX_CACHED_RUNS = 50_000;

const HAN_RUN = /\p{Script=Han}+/gu;
const ASCII = /^[\0-\x7f]*$/;

/**
 * Full pinyin and initials of `text`, both NFC. pinyin-pro reads no character outside the Han
 * script (checked over every code point), and reads each run of Han characters alone just as
 * inside the text, so runs are converted one by one, through `cache` when given.
 */
export function pinyinOf(text: string, cache?: PinyinCache): PinyinKeys {
	// Joined once rather than appended to: these strings are kept for every file, and appending
	// builds a tree of string pieces that takes several times the memory of the flat string.
	const full: string[] = [];
	const initials: string[] = [];
	let from = 0;
	for (const run of text.matchAll(HAN_RUN)) {
		const other = lowerCase(text.slice(from, run.index));
		const keys = runPinyin(run[0], cache);
		full.push(other, keys.full);
		initials.push(other, keys.initials);
		from = run.index + run[0].length;
	}
	const rest = lowerCase(text.slice(from));
	full.push(rest);
	initials.push(rest);
	return { full: full.join('').normalize('NFC'), initials: initials.join('').normalize('NFC') };
}

/** Lower case one character at a time, as the syllables are (a final `Σ` stays `σ`). */
function lowerCase(text: string): string {
	if (ASCII.test(text)) return text.toLowerCase();
	let lower = '';
	for (const character of text) lower += character.toLowerCase();
	return lower;
}

/** The pinyin of one run of Han characters, not normalized yet. */
function runPinyin(run: string, cache: PinyinCache | undefined): PinyinKeys {
	const cached = cache?.get(run);
	if (cached) return cached;
	const keys = readRun(run);
	if (cache) {
		if (cache.size >= MAX_CACHED_RUNS) cache.clear();
		cache.set(run, keys);
	}
	return keys;
}

function readRun(run: string): PinyinKeys {
	const characters = Array.from(run);
	const readings = pinyin(run, { toneType: 'none', type: 'array' });
	if (readings.length !== characters.length) return bySyllables(run);
	const full: string[] = [];
	const initials: string[] = [];
	for (let index = 0; index < characters.length; index++) {
		const character = characters[index]!;
		const reading = readings[index]!;
		if (reading !== '' && reading !== character) {
			full.push(reading);
			initials.push(reading[0]!);
			continue;
		}
		// A Han character pinyin-pro has no reading for stays as it is.
		const other = character.toLowerCase();
		full.push(other);
		initials.push(other);
	}
	return { full: full.join(''), initials: initials.join('') };
}

/** The reference conversion, one syllable object per character: what `pinyinOf` must equal. */
export function pinyinBySyllables(text: string): PinyinKeys {
	const keys = bySyllables(text);
	return { full: keys.full.normalize('NFC'), initials: keys.initials.normalize('NFC') };
}

function bySyllables(text: string): PinyinKeys {
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
	return { full, initials };
}
