// The inline half of the Markdown scanner: code spans, math, autolinks, raw HTML and link brackets
// over one run of inline content (a paragraph, a heading, a table cell), left to right as
// CommonMark does it. It only reports what the scanner needs: excluded ranges and inline links.
import { skipGfmAutolinkLiteral } from './autolinkLiteral';
import { AUTOLINK, INLINE_HTML } from './htmlSyntax';
import { normalizeLabel, parseLinkDestination, parseLinkLabelEnd, parseLinkTitle, skipWhitespace } from './linkSyntax';

/**
 * Inline content `text[from, to)`; index `i` of `text` is document offset `base + i`. `text` is
 * the document itself (`base` 0) or a copy of a quoted paragraph with its `>` markers blanked.
 */
export interface InlineRun {
	readonly text: string;
	readonly base: number;
	readonly from: number;
	readonly to: number;
}

/** An inline link or image `[label](destination)`, as document offsets. */
export interface InlineLink {
	readonly start: number;
	readonly end: number;
	readonly embed: boolean;
	readonly labelStart: number;
	readonly labelEnd: number;
	/** The raw destination, inside `<>` when angled. */
	readonly destinationStart: number;
	readonly destinationEnd: number;
}

/** Where the scanner collects what inline runs hold (document offsets). */
export interface InlineSink {
	/** Flat `[start, end, start, end…]` of code spans, math and raw HTML. */
	readonly excluded: number[];
	readonly links: InlineLink[];
}

interface Opener {
	readonly start: number;
	readonly image: boolean;
	active: boolean;
}

const BANG = 33;
const DOLLAR = 36;
const DOT = 46;
const COLON = 58;
const LESS_THAN = 60;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const BACKTICK = 96;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

/** Characters at which something may start; everything else is skipped in a tight loop. */
const SPECIAL = new Uint8Array(128);
for (const code of [BANG, DOLLAR, DOT, COLON, LESS_THAN, OPEN_BRACKET, BACKSLASH, CLOSE_BRACKET, BACKTICK])
	SPECIAL[code] = 1;

/** Scans one inline run and appends its excluded ranges and inline links to `sink`. */
export function scanInline(run: InlineRun, definitions: ReadonlySet<string>, sink: InlineSink): void {
	const first = nextSpecial(run.text, run.from, run.to);
	// Most runs are plain prose: no scanner state is allocated for them.
	if (first < run.to) new InlineScanner(run, definitions, sink).scan(first);
}

function nextSpecial(text: string, pos: number, to: number): number {
	while (pos < to) {
		const code = text.charCodeAt(pos);
		if (code < 128 && SPECIAL[code] === 1) return pos;
		pos++;
	}
	return to;
}

class InlineScanner {
	private readonly openers: Opener[] = [];
	/** Links found in this run, as indices into `run.text`. */
	private readonly links: InlineLink[] = [];
	/** Start of the text no construct consumed yet (a literal autolink may not reach back past it). */
	private plainFrom: number;
	/** Per marker and run length: the index from which no closer exists (avoids quadratic rescans). */
	// Created on first use: most runs hold no code span, math or comment at all.
	private noCloserFrom: Map<number, number> | undefined;

	constructor(
		private readonly run: InlineRun,
		private readonly definitions: ReadonlySet<string>,
		private readonly sink: InlineSink,
	) {
		this.plainFrom = run.from;
	}

	scan(from: number): void {
		const { text, to, base } = this.run;
		let pos = from;
		while (pos < to) {
			const code = text.charCodeAt(pos);
			if (code >= 128 || SPECIAL[code] === 0) {
				pos++;
				continue;
			}
			pos = this.step(code, pos);
		}
		for (const link of this.links) {
			this.sink.links.push({
				start: link.start + base,
				end: link.end + base,
				embed: link.embed,
				labelStart: link.labelStart + base,
				labelEnd: link.labelEnd + base,
				destinationStart: link.destinationStart + base,
				destinationEnd: link.destinationEnd + base,
			});
		}
	}

	/** Handles the special character at `pos`; returns where scanning resumes. */
	private step(code: number, pos: number): number {
		const { text, to } = this.run;
		switch (code) {
			case BACKSLASH:
				return pos + 1 < to && isAsciiPunctuation(text.charCodeAt(pos + 1)) ? pos + 2 : pos + 1;
			case BACKTICK:
			case DOLLAR:
				return this.codeOrMath(code, pos);
			case LESS_THAN:
				return this.angle(pos);
			case BANG:
				if (pos + 1 >= to || text.charCodeAt(pos + 1) !== OPEN_BRACKET) return pos + 1;
				this.openers.push({ start: pos, image: true, active: true });
				return pos + 2;
			case OPEN_BRACKET:
				this.openers.push({ start: pos, image: false, active: true });
				return pos + 1;
			case CLOSE_BRACKET:
				return this.closeBracket(pos);
			default:
				return this.literalAutolink(code, pos);
		}
	}

	/** A code span (backticks) or inline math (dollars): the closer is a run of exactly the same length. */
	private codeOrMath(code: number, pos: number): number {
		const { text, to } = this.run;
		let runEnd = pos;
		while (runEnd < to && text.charCodeAt(runEnd) === code) runEnd++;
		const length = runEnd - pos;
		const key = code * 4096 + Math.min(length, 4095);
		this.noCloserFrom ??= new Map();
		const hopeless = this.noCloserFrom.get(key);
		if (hopeless !== undefined && hopeless <= runEnd) return runEnd;
		const char = code === BACKTICK ? '`' : '$';
		let search = runEnd;
		for (;;) {
			const next = text.indexOf(char, search);
			if (next < 0 || next >= to) {
				this.noCloserFrom.set(key, runEnd);
				return runEnd;
			}
			let closeEnd = next;
			while (closeEnd < to && text.charCodeAt(closeEnd) === code) closeEnd++;
			if (closeEnd - next === length) return this.consume(pos, closeEnd, true);
			search = closeEnd;
		}
	}

	/** `<`: an autolink (plain text for us) or raw HTML (excluded); otherwise a literal `<`. */
	private angle(pos: number): number {
		const { text, to } = this.run;
		if (!this.mayClose(pos)) return pos + 1;
		AUTOLINK.lastIndex = pos;
		if (AUTOLINK.test(text) && AUTOLINK.lastIndex <= to) return this.consume(pos, AUTOLINK.lastIndex, false);
		INLINE_HTML.lastIndex = pos;
		if (INLINE_HTML.test(text) && INLINE_HTML.lastIndex <= to) return this.consume(pos, INLINE_HTML.lastIndex, true);
		return pos + 1;
	}

	/**
	 * Whether the comment, processing instruction, CDATA or declaration at `pos` has its closer in the
	 * run. The lazy patterns would otherwise rescan to the end of the document from every opener.
	 */
	private mayClose(pos: number): boolean {
		const text = this.run.text;
		const closer = text.startsWith('<!--', pos)
			? '-->'
			: text.startsWith('<?', pos)
				? '?>'
				: text.startsWith('<![CDATA[', pos)
					? ']]>'
					: text.startsWith('<!', pos)
						? '>'
						: '';
		if (closer === '') return true;
		this.closers ??= new Map();
		const known = this.closers.get(closer);
		if (known !== undefined && known >= pos + 2) return known < this.run.to;
		const next = text.indexOf(closer, pos + 2);
		const found = next < 0 || next >= this.run.to ? this.run.to : next;
		this.closers.set(closer, found);
		return found < this.run.to;
	}

	/** Per closer (`-->`, `?>`, `]]>`, `>`): where it next occurs, or `run.to` when it does not. */
	private closers: Map<string, number> | undefined;

	private literalAutolink(code: number, pos: number): number {
		// Literal autolinks cannot start inside an unclosed link text (micromark's `previousUnbalanced`).
		if (this.openers.length > 0) return pos + 1;
		const end = skipGfmAutolinkLiteral(this.run.text, pos, code === COLON, this.plainFrom, this.run.to);
		return end < 0 ? pos + 1 : this.consume(pos, end, false);
	}

	private consume(start: number, end: number, excluded: boolean): number {
		if (excluded) this.sink.excluded.push(start + this.run.base, end + this.run.base);
		this.plainFrom = end;
		return end;
	}

	/** `]`: closes the innermost opener as an inline link, a reference link, or nothing. */
	private closeBracket(pos: number): number {
		const opener = this.openers.pop();
		if (!opener || !opener.active) return pos + 1;
		const inline = this.inlineLinkTail(opener, pos);
		const end = inline >= 0 ? inline : this.referenceTail(opener, pos);
		if (end < 0) return pos + 1;
		// An image's description is plain alt text in mdast: links inside it are no nodes.
		if (opener.image)
			while (this.links.length > 0 && this.links[this.links.length - 1]!.start > opener.start) this.links.pop();
		// Links may not contain links: earlier `[` openers die (image openers stay).
		else for (const earlier of this.openers) if (!earlier.image) earlier.active = false;
		if (inline >= 0) this.links.push(this.pendingLink!);
		this.plainFrom = end;
		return end;
	}

	private pendingLink: InlineLink | undefined;

	/** `(destination "title")` right after the `]` at `pos`: returns the link's end or -1. */
	private inlineLinkTail(opener: Opener, pos: number): number {
		const { text, to } = this.run;
		if (pos + 1 >= to || text.charCodeAt(pos + 1) !== OPEN_PAREN) return -1;
		const destinationFrom = skipWhitespace(text, pos + 2, to);
		let destination = { start: destinationFrom, end: destinationFrom, next: destinationFrom };
		if (text.charCodeAt(destinationFrom) !== CLOSE_PAREN) {
			const parsed = parseLinkDestination(text, destinationFrom, to);
			if (!parsed) return -1;
			destination = parsed;
		}
		let close = skipWhitespace(text, destination.next, to);
		if (close > destination.next && close < to && text.charCodeAt(close) !== CLOSE_PAREN) {
			const titleEnd = parseLinkTitle(text, close, to);
			if (titleEnd < 0) return -1;
			close = skipWhitespace(text, titleEnd, to);
		}
		if (close >= to || text.charCodeAt(close) !== CLOSE_PAREN) return -1;
		this.pendingLink = {
			start: opener.start,
			end: close + 1,
			embed: opener.image,
			labelStart: opener.start + (opener.image ? 2 : 1),
			labelEnd: pos,
			destinationStart: destination.start,
			destinationEnd: destination.end,
		};
		return close + 1;
	}

	/** `[label]`, `[]` or nothing after the `]`, naming a definition: returns the end or -1. */
	private referenceTail(opener: Opener, pos: number): number {
		if (this.definitions.size === 0) return -1;
		const { text, to } = this.run;
		const textStart = opener.start + (opener.image ? 2 : 1);
		const labelEnd = text.charCodeAt(pos + 1) === OPEN_BRACKET ? parseLinkLabelEnd(text, pos + 1, to) : -1;
		if (labelEnd > pos + 3)
			return this.definitions.has(normalizeLabel(text.slice(pos + 2, labelEnd - 1))) ? labelEnd : -1;
		if (!this.definitions.has(normalizeLabel(text.slice(textStart, pos)))) return -1;
		return labelEnd === pos + 3 ? labelEnd : pos + 1;
	}
}

function isAsciiPunctuation(code: number): boolean {
	return (
		(code >= 33 && code <= 47) ||
		(code >= 58 && code <= 64) ||
		(code >= 91 && code <= 96) ||
		(code >= 123 && code <= 126)
	);
}
