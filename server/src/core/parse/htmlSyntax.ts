// CommonMark's HTML grammar (spec 0.31 §4.6 HTML blocks, §6.6 autolinks, §6.8 raw HTML), as sticky
// regular expressions: the scanner only tries them at a `<`, so they never run over ordinary text.

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE_NAME = '[a-zA-Z_:][a-zA-Z0-9_.:-]*';
const ATTRIBUTE_VALUE = '(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*")';
const ATTRIBUTE = `(?:\\s+${ATTRIBUTE_NAME}(?:\\s*=\\s*${ATTRIBUTE_VALUE})?)`;
const OPEN_TAG = `<${TAG_NAME}${ATTRIBUTE}*\\s*/?>`;
const CLOSE_TAG = `</${TAG_NAME}\\s*>`;
const COMMENT = '<!-->|<!--->|<!--[\\s\\S]*?-->';
const PROCESSING_INSTRUCTION = '<\\?[\\s\\S]*?\\?>';
const DECLARATION = '<![A-Za-z][^>]*>';
const CDATA = '<!\\[CDATA\\[[\\s\\S]*?\\]\\]>';

/** Inline raw HTML at `lastIndex`: a tag, comment, processing instruction, declaration or CDATA. */
export const INLINE_HTML = new RegExp(
	`(?:${OPEN_TAG}|${CLOSE_TAG}|${COMMENT}|${PROCESSING_INSTRUCTION}|${DECLARATION}|${CDATA})`,
	'y',
);

/** A URI autolink `<scheme:…>` or an email autolink `<a@b.c>` at `lastIndex`. */
export const AUTOLINK = new RegExp(
	'<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\\x00-\\x20]*' +
		"|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>",
	'y',
);

const BLOCK_NAMES =
	'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
	'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
	'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/** Start conditions of the seven HTML block kinds, tried in order at the first non-space `<` of a line. */
const HTML_BLOCK_OPEN: readonly RegExp[] = [
	/<(?:script|pre|textarea|style)(?:[ \t]|>|$)/iy,
	/<!--/y,
	/<\?/y,
	/<![A-Za-z]/y,
	/<!\[CDATA\[/y,
	new RegExp(`</?(?:${BLOCK_NAMES})(?:[ \\t]|/?>|$)`, 'iy'),
	new RegExp(`(?:${OPEN_TAG}|${CLOSE_TAG})[ \\t]*$`, 'y'),
];

/** End conditions of kinds 1–5 (searched anywhere in a line); kinds 6 and 7 end at a blank line. */
const HTML_BLOCK_CLOSE: readonly (RegExp | undefined)[] = [
	/<\/(?:script|pre|textarea|style)>/i,
	/-->/,
	/\?>/,
	/>/,
	/\]\]>/,
	undefined,
	undefined,
];

/**
 * The HTML block kind (1–7) that starts at `text[start]` (a `<`) on a line ending at `lineEnd`,
 * or 0. Kind 7 is only accepted when `mayBeKind7` (it cannot interrupt a paragraph).
 */
export function htmlBlockKind(text: string, start: number, lineEnd: number, mayBeKind7: boolean): number {
	const line = text.slice(start, lineEnd);
	for (let kind = 1; kind <= 7; kind++) {
		if (kind === 7 && !mayBeKind7) return 0;
		const pattern = HTML_BLOCK_OPEN[kind - 1]!;
		pattern.lastIndex = 0;
		if (pattern.test(line)) return kind;
	}
	return 0;
}

/** Whether a line (`text[start, lineEnd)`) meets the end condition of an HTML block of `kind`. */
export function endsHtmlBlock(text: string, start: number, lineEnd: number, kind: number): boolean {
	const pattern = HTML_BLOCK_CLOSE[kind - 1];
	return pattern !== undefined && pattern.test(text.slice(start, lineEnd));
}
