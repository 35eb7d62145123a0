// How well a query matches a text, in tiers: exact > prefix > word start > substring > fuzzy
// (the query's characters in order). Both sides are comparison keys (NFC, lower case).

export const EXACT = 50;
export const PREFIX = 40;
const WORD_START = 30;
const SUBSTRING = 20;
const FUZZY = 10;

/** Word separators of file names and titles, ASCII and CJK punctuation. */
const SEPARATORS = new Set([' ', '/', '-', '_', '.', '(', ')', '：', '，', '、', '（', '）', '—', '·', '|', ':']);

/** The tier of the match, 0 when the query does not match. The empty query matches everything with 1. */
export function matchScore(query: string, text: string): number {
	if (query === '') return 1;
	if (text === query) return EXACT;
	if (text.startsWith(query)) return PREFIX;
	const at = text.indexOf(query);
	if (at > 0) return atWordStart(text, query, at) ? WORD_START : SUBSTRING;
	return isSubsequence(query, text) ? FUZZY : 0;
}

function atWordStart(text: string, query: string, from: number): boolean {
	for (let at = from; at >= 0; at = text.indexOf(query, at + 1)) {
		if (SEPARATORS.has(text[at - 1]!)) return true;
	}
	return false;
}

function isSubsequence(query: string, text: string): boolean {
	if (query.length > text.length) return false;
	let found = 0;
	for (let index = 0; index < text.length && found < query.length; index++) {
		if (text[index] === query[found]) found++;
	}
	return found === query.length;
}
