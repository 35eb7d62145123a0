// Masks of what a file's search keys hold, so that a search passes over most files without
// looking at a string. A query matches a key in some tier only if the key holds what that tier
// needs: every character of the query (substring, fuzzy), its first character at a word start
// and its first two characters starting a word (word start), the same at the start of the key and
// a key at least as long (prefix), a key exactly as long (exact). Each mask may say yes wrongly
// (bits are shared), never no wrongly; matchScore.ts decides.
//
// MASK_WORDS numbers per file: GROUP_WORDS for the keys that weigh most (name, title, aliases),
// then as many for the others (pinyin, path), each group being:
//   0–2   characters anywhere: one bit per letter a–z and six shared by the other ASCII
//         characters; one bit per digit and 22 shared by every other code unit (Han above all);
//         32 more for the other code units, hashed differently (a second hash halves the files
//         a Chinese query cannot rule out);
//   3, 4  the first two numbers again for characters that start a word (the key's first, or one
//         after a separator);
//   5, 6  the first two characters of each word, hashed twice;
//   7     the first character and the first two characters of each key, hashed;
//   8     the lengths of the keys, one bit each (31 and longer share the last).
import type { SearchKeys } from './searchKeys';
import { EXACT, PREFIX, SEPARATORS, SUBSTRING, WORD_START } from './matchScore';

const GROUP_WORDS = 9;
export const MASK_WORDS = 2 * GROUP_WORDS;
/** Offsets of the two groups in a file's masks. */
export const NAMES = 0;
export const OTHERS = GROUP_WORDS;

const WORD_STARTS = 3;
const WORD_PAIRS = 5;
const KEY_STARTS = 7;
const LENGTHS = 8;

/** Writes the masks of `keys` at `at` in `masks`. */
export function writeMasks(keys: SearchKeys, masks: Int32Array, at: number): void {
	masks.fill(0, at, at + MASK_WORDS);
	addKey(keys.name, masks, at + NAMES);
	for (const key of keys.others) addKey(key, masks, at + NAMES);
	addKey(keys.path, masks, at + OTHERS);
	for (const key of keys.pinyin) addKey(key, masks, at + OTHERS);
}

function addKey(key: string, masks: Int32Array, at: number): void {
	let wordStart = true;
	for (let index = 0; index < key.length; index++) {
		const code = key.charCodeAt(index);
		const word = wordOf(code);
		const bit = bitOf(code);
		masks[at + word]! |= bit;
		if (code >= 128) masks[at + 2]! |= secondBit(code);
		if (wordStart) {
			masks[at + WORD_STARTS + word]! |= bit;
			if (index + 1 < key.length) {
				const next = key.charCodeAt(index + 1);
				masks[at + WORD_PAIRS]! |= pairBit(code, next);
				masks[at + WORD_PAIRS + 1]! |= secondPairBit(code, next);
			}
		}
		wordStart = IS_SEPARATOR[code] === 1;
	}
	if (key.length > 0) masks[at + KEY_STARTS]! |= keyStartBits(key);
	masks[at + LENGTHS]! |= 1 << Math.min(key.length, 31);
}

/** What a query needs of the masks. */
export class QueryMasks {
	private readonly anywhere = new Int32Array(3);
	private readonly first = new Int32Array(2);
	private readonly firstPair: number;
	private readonly secondPair: number;
	private readonly keyStart: number;
	private readonly length: number;

	/** `query` is a non-empty comparison key. */
	constructor(query: string) {
		for (let index = 0; index < query.length; index++) {
			const code = query.charCodeAt(index);
			this.anywhere[wordOf(code)]! |= bitOf(code);
			if (code >= 128) this.anywhere[2]! |= secondBit(code);
		}
		const code = query.charCodeAt(0);
		this.first[wordOf(code)] = bitOf(code);
		this.firstPair = query.length > 1 ? pairBit(code, query.charCodeAt(1)) : 0;
		this.secondPair = query.length > 1 ? secondPairBit(code, query.charCodeAt(1)) : 0;
		this.keyStart = keyStartBits(query);
		this.length = Math.min(query.length, 31);
	}

	/** Whether keys with the masks at `at` can match the query with a tier of at least `tier`. */
	holds(masks: Int32Array, at: number, tier: number): boolean {
		if (tier > WORD_START) {
			if (tier > EXACT || (masks[at + KEY_STARTS]! & this.keyStart) !== this.keyStart) return false;
			const lengths = masks[at + LENGTHS]!;
			return tier > PREFIX ? (lengths & (1 << this.length)) !== 0 : lengths >>> this.length !== 0;
		}
		if (tier > SUBSTRING) {
			return (
				masks[at + LENGTHS]! >>> this.length !== 0 &&
				(masks[at + WORD_STARTS]! & this.first[0]!) === this.first[0] &&
				(masks[at + WORD_STARTS + 1]! & this.first[1]!) === this.first[1] &&
				(masks[at + WORD_PAIRS]! & this.firstPair) === this.firstPair &&
				(masks[at + WORD_PAIRS + 1]! & this.secondPair) === this.secondPair
			);
		}
		return (
			(masks[at]! & this.anywhere[0]!) === this.anywhere[0] &&
			(masks[at + 1]! & this.anywhere[1]!) === this.anywhere[1] &&
			(masks[at + 2]! & this.anywhere[2]!) === this.anywhere[2]
		);
	}
}

function wordOf(code: number): number {
	return code < 128 && (code < 48 || code > 57) ? 0 : 1;
}

function bitOf(code: number): number {
	if (code >= 97 && code <= 122) return 1 << (code - 97);
	if (code >= 48 && code <= 57) return 1 << (code - 48);
	if (code < 128) return 1 << (26 + (code % 6));
	return 1 << (10 + ((Math.imul(code, 0x9e3779b1) >>> 16) % 22));
}

function secondBit(code: number): number {
	return 1 << (Math.imul(code, 0x85ebca6b) >>> 27);
}

function pairBit(first: number, second: number): number {
	return 1 << (Math.imul(Math.imul(first, 0x9e3779b1) ^ second, 0x85ebca6b) >>> 27);
}

function secondPairBit(first: number, second: number): number {
	return 1 << (Math.imul(Math.imul(second, 0xcc9e2d51) ^ first, 0x1b873593) >>> 27);
}

/** The first character of a non-empty text, and its first two, hashed into one number. */
function keyStartBits(text: string): number {
	const first = text.charCodeAt(0);
	const single = 1 << (Math.imul(first, 0xc2b2ae35) >>> 27);
	return text.length > 1 ? single | pairBit(first, text.charCodeAt(1)) : single;
}

/** Code unit → 1 for the word separators of matchScore.ts. */
const IS_SEPARATOR = new Uint8Array(0x10000);
for (const separator of SEPARATORS) IS_SEPARATOR[separator.charCodeAt(0)] = 1;
