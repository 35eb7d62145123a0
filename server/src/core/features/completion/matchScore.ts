// How well a query matches a text, in tiers: exact > prefix > word start > substring > fuzzy
// (the query's characters in order). Both sides are comparison keys (NFC, lower case).

export const EXACT = 50;
export const PREFIX = 40;
export const WORD_START = 30;
export const SUBSTRING = 20;
export const FUZZY = 10;

/** Word separators of file names and titles, ASCII and CJK punctuation. */
export const SEPARATORS: ReadonlySet<string> = new Set([
	' ',
	'/',
	'-',
	'_',
	'.',
	'(',
	')',
	'：',
	'，',
	'、',
	'（',
	'）',
	'—',
	'·',
	'|',
	':',
]);

/** The tier of the match, 0 when the query does not match. The empty query matches everything with 1. */
export function matchScore(query: string, text: string): number {
	return query === '' ? 1 : tierAtLeast(query, text, FUZZY);
}

/**
 * The tier of the match of a non-empty query when it is at least `least`, else 0: a search that
 * only wants better matches than it has does not look for the worse ones (substrings, fuzzy),
 * and one `indexOf` answers for exact, prefix and substring at once.
 */
export function tierAtLeast(query: string, text: string, least: number): number {
	if (least > WORD_START) {
		if (least > EXACT || !text.startsWith(query)) return 0;
		if (text.length === query.length) return EXACT;
		return least > PREFIX ? 0 : PREFIX;
	}
	const at = text.indexOf(query);
	if (at === 0) return text.length === query.length ? EXACT : PREFIX;
	if (at > 0) {
		if (atWordStart(text, query, at)) return WORD_START;
		return least > SUBSTRING ? 0 : SUBSTRING;
	}
	// One character in order is that character somewhere: not there, then.
	if (least > FUZZY || query.length === 1) return 0;
	return isSubsequence(query, text) ? FUZZY : 0;
}

function atWordStart(text: string, query: string, from: number): boolean {
	for (let at = from; at >= 0; at = text.indexOf(query, at + 1)) {
		if (SEPARATORS.has(text[at - 1]!)) return true;
	}
	return false;
}

/** The query's code units in order; each found with `indexOf`, the earliest, which is never worse. */
function isSubsequence(query: string, text: string): boolean {
	if (query.length > text.length) return false;
	let at = -1;
	for (let index = 0; index < query.length; index++) {
		at = text.indexOf(query[index]!, at + 1);
		if (at < 0) return false;
	}
	return true;
}
