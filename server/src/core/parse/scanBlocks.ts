// The block half of the scanner: CommonMark + GFM block structure (quotes, list items, fences,
// indented code, HTML blocks, `$$` math, ATX/setext headings, tables, paragraphs), line by line,
// following the commonmark.js reference algorithm. It does not build a tree: it reports excluded
// line ranges, headings and the inline runs that the inline scanner reads afterwards.
import { endsHtmlBlock, htmlBlockKind } from './htmlSyntax';
import type { InlineRun } from './scanInline';
import { isSpaceOrTab, LineCursor, trimEnd } from './lineCursor';
import { parseDefinitions } from './linkSyntax';
import { splitTableRow, tableDelimiterColumns } from './tableSyntax';

/** A heading as offsets: `[start, end)` is its whole source, `[contentStart, contentEnd)` its text. */
export interface HeadingSpan {
	readonly level: number;
	readonly line: number;
	readonly start: number;
	readonly end: number;
	readonly contentStart: number;
	readonly contentEnd: number;
}

/** What the block pass finds. */
export interface BlockScan {
	readonly headings: HeadingSpan[];
	/** Flat `[start, end…]` of code, HTML and math block lines. */
	readonly excluded: number[];
	readonly runs: InlineRun[];
	readonly definitions: Set<string>;
	/** Per line from `bodyStartLine`: 1 when the line is inside a quote, a list item or a table. */
	readonly containerLines: Uint8Array;
}

const enum Kind {
	Document,
	Quote,
	Item,
	Paragraph,
	Fence,
	Indented,
	Html,
	Math,
	Table,
}

interface Block {
	readonly kind: Kind;
	hasChild: boolean;
	/** List item: columns of content indentation. */
	contentIndent: number;
	/** Fence and math: marker character, length, indentation of the opening fence. */
	fenceChar: number;
	fenceLength: number;
	fenceOffset: number;
	htmlKind: number;
	/** Paragraph: flat `[start, end…]` of its lines' content; `lines` the line of each. */
	segments: number[];
	lines: number[];
	lastLineLazy: boolean;
	tableColumns: number;
	/** Paragraph: where a setext heading would start, when not at its first line (see `startSetext`). */
	headingLine: number;
}

const TAB = 9;
const SPACE = 32;
const GREATER_THAN = 62;
const LESS_THAN = 60;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const DOLLAR = 36;
const EQUALS = 61;
const DASH = 45;
const STAR = 42;
const UNDERSCORE = 95;
const PLUS = 43;

/** First characters after which a block may start (besides digits). */
const MAYBE_SPECIAL = new Set([
	HASH,
	BACKTICK,
	TILDE,
	STAR,
	PLUS,
	UNDERSCORE,
	EQUALS,
	LESS_THAN,
	GREATER_THAN,
	DASH,
	DOLLAR,
	124,
	58,
]);

/** Runs the block pass over `text` from line `bodyStartLine` (lineStarts as `LineIndex`). */
export function scanBlocks(text: string, lineStarts: readonly number[], bodyStartLine: number): BlockScan {
	const parser = new BlockParser(text, lineStarts, bodyStartLine);
	return parser.parse();
}

function newBlock(kind: Kind): Block {
	return {
		kind,
		hasChild: false,
		contentIndent: 0,
		fenceChar: 0,
		fenceLength: 0,
		fenceOffset: 0,
		htmlKind: 0,
		segments: [],
		lines: [],
		lastLineLazy: false,
		tableColumns: 0,
		headingLine: -1,
	};
}

class BlockParser extends LineCursor {
	private readonly res: BlockScan;
	private readonly open: Block[] = [newBlock(Kind.Document)];
	private line = 0;
	/** Set by block starts that use up the whole line (headings, breaks, table delimiter rows). */
	private lineConsumed = false;
	/**
	 * micromark's document-level `interrupt`: every container matched and a paragraph or an
	 * indented code block (even across blank lines) is still open, so new list items must be
	 * able to interrupt it, on every nesting level of the line (commonmark.js only checks the first).
	 */
	private interrupting = false;
	/** Where the last thematic-break probe failed on a line (see `startThematicBreak`). */
	private breakProbe = { lineEnd: -1, marker: 0, failedAt: -1 };
	private allClosed = true;
	/** Number of open blocks matched by the current line (unmatched ones close when a block starts). */
	private matched = 1;

	constructor(
		text: string,
		private readonly lineStarts: readonly number[],
		private readonly bodyStartLine: number,
	) {
		super(text);
		const lineCount = Math.max(0, lineStarts.length - bodyStartLine);
		this.res = {
			headings: [],
			excluded: [],
			runs: [],
			definitions: new Set(),
			containerLines: new Uint8Array(lineCount),
		};
	}

	parse(): BlockScan {
		for (let line = this.bodyStartLine; line < this.lineStarts.length; line++) {
			this.line = line;
			this.lineEnd = this.contentEnd(line);
			this.incorporateLine();
			this.markContainerLine();
		}
		while (this.open.length > 1) this.finalizeTip();
		return this.res;
	}

	private contentEnd(line: number): number {
		const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
		let end = next;
		if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
		if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	private incorporateLine(): void {
		this.offset = this.lineStarts[this.line]!;
		this.column = 0;
		this.lineConsumed = false;
		let matched = 1;
		for (; matched < this.open.length; matched++) {
			this.findNextNonspace();
			const outcome = this.continueBlock(this.open[matched]!);
			if (outcome === 2) return;
			if (outcome === 1) break;
		}
		this.matched = matched;
		this.allClosed = matched === this.open.length;
		const containersMatched = this.allClosed || !canContain(this.open[matched]!.kind);
		const tipKind = this.tip().kind;
		this.interrupting = containersMatched && (tipKind === Kind.Paragraph || tipKind === Kind.Indented);
		let container = this.open[matched - 1]!;
		let matchedLeaf = isCodeLike(container.kind);
		while (!matchedLeaf) {
			this.findNextNonspace();
			const first = this.text.charCodeAt(this.nextNonspace);
			const maybeSpecial = MAYBE_SPECIAL.has(first) || (first >= 48 && first <= 57);
			if (this.indent < 4 && !maybeSpecial) {
				this.advanceNextNonspace();
				break;
			}
			const started = this.tryBlockStarts(container);
			if (started === 0) {
				this.advanceNextNonspace();
				break;
			}
			container = this.tip();
			matchedLeaf = started === 2;
		}
		this.addText(container);
	}

	/** What remains of the line after block starts: a lazy line, a leaf's line or a new paragraph. */
	private addText(container: Block): void {
		if (this.lineConsumed) return;
		const tip = this.tip();
		if (!this.allClosed && !this.blank && tip.kind === Kind.Paragraph) {
			this.addParagraphLine(tip, true);
			return;
		}
		this.closeUnmatchedBlocks();
		const kind = container.kind;
		if (isCodeLike(kind)) {
			this.excludeRest();
			if (
				kind === Kind.Html &&
				container.htmlKind <= 5 &&
				endsHtmlBlock(this.text, this.offset, this.lineEnd, container.htmlKind)
			) {
				this.finalizeTip();
			}
		} else if (kind === Kind.Paragraph) {
			this.addParagraphLine(container, false);
		} else if (kind === Kind.Table) {
			this.addTableRow(this.offset, this.lineEnd);
		} else if (this.offset < this.lineEnd && !this.blank) {
			this.addChild(Kind.Paragraph);
			this.advanceNextNonspace();
			this.addParagraphLine(this.tip(), false);
		}
	}

	/** 0: matched, 1: not matched, 2: the line is fully handled (a closing fence). */
	private continueBlock(block: Block): number {
		switch (block.kind) {
			case Kind.Quote:
				if (this.indent >= 4 || this.text.charCodeAt(this.nextNonspace) !== GREATER_THAN) return 1;
				this.advanceNextNonspace();
				this.advanceOffset(1, false);
				if (isSpaceOrTab(this.text.charCodeAt(this.offset)) && this.offset < this.lineEnd) this.advanceOffset(1, true);
				return 0;
			case Kind.Item:
				if (this.blank) {
					if (!block.hasChild) return 1;
					this.advanceNextNonspace();
					return 0;
				}
				if (this.indent < block.contentIndent) return 1;
				this.advanceOffset(block.contentIndent, true);
				return 0;
			case Kind.Fence:
			case Kind.Math:
				return this.continueFence(block);
			case Kind.Indented:
				if (this.indent >= 4) this.advanceOffset(4, true);
				else if (this.blank) this.advanceNextNonspace();
				else return 1;
				return 0;
			case Kind.Html:
				return this.blank && block.htmlKind >= 6 ? 1 : 0;
			case Kind.Paragraph:
			case Kind.Table:
				return this.blank ? 1 : 0;
			default:
				return 0;
		}
	}

	private continueFence(block: Block): number {
		if (this.indent < 4 && this.text.charCodeAt(this.nextNonspace) === block.fenceChar) {
			const runEnd = this.skipRun(this.nextNonspace, block.fenceChar);
			if (runEnd - this.nextNonspace >= block.fenceLength && this.onlySpacesFrom(runEnd)) {
				this.res.excluded.push(this.nextNonspace, this.lineEnd);
				this.finalizeTip();
				return 2;
			}
		}
		for (
			let skip = block.fenceOffset;
			skip > 0 && isSpaceOrTab(this.text.charCodeAt(this.offset)) && this.offset < this.lineEnd;
			skip--
		) {
			this.advanceOffset(1, true);
		}
		return 0;
	}

	/** Tries each block start in CommonMark's order: 0 none, 1 a container opened, 2 a leaf opened. */
	private tryBlockStarts(container: Block): number {
		const indented = this.indent >= 4;
		const first = this.text.charCodeAt(this.nextNonspace);
		if (!indented) {
			if (first === GREATER_THAN) return this.startQuote();
			if (first === HASH && this.startAtxHeading()) return 2;
			if ((first === BACKTICK || first === TILDE || first === DOLLAR) && this.startFence(first)) return 2;
			if (first === LESS_THAN && this.startHtml(container)) return 2;
			if (container.kind === Kind.Paragraph && (first === EQUALS || first === DASH) && this.startSetext(container))
				return 2;
			if ((first === STAR || first === DASH || first === UNDERSCORE) && this.startThematicBreak(first)) return 2;
			if (this.startListItem()) return 1;
			if (container.kind === Kind.Paragraph && this.startTable(container)) return 2;
		} else if (this.tip().kind !== Kind.Paragraph && !this.blank) {
			// Indented code cannot interrupt a paragraph (a lazy line stays in it).
			this.advanceOffset(4, true);
			this.closeUnmatchedBlocks();
			this.addChild(Kind.Indented);
			return 2;
		}
		return 0;
	}

	private startQuote(): number {
		this.advanceNextNonspace();
		this.advanceOffset(1, false);
		if (isSpaceOrTab(this.text.charCodeAt(this.offset)) && this.offset < this.lineEnd) this.advanceOffset(1, true);
		this.closeUnmatchedBlocks();
		this.addChild(Kind.Quote);
		return 1;
	}

	private startAtxHeading(): boolean {
		const start = this.nextNonspace;
		const marksEnd = this.skipRun(start, HASH);
		const level = marksEnd - start;
		const after = this.text.charCodeAt(marksEnd);
		if (level > 6 || (marksEnd < this.lineEnd && !isSpaceOrTab(after))) return false;
		this.closeUnmatchedBlocks();
		this.closeLeaves();
		const [contentStart, contentEnd] = atxContent(this.text, marksEnd, this.lineEnd);
		this.res.headings.push({
			level,
			line: this.line,
			start: this.lineStarts[this.line]!,
			end: this.lineEnd,
			contentStart,
			contentEnd,
		});
		if (contentEnd > contentStart) this.res.runs.push({ text: this.text, base: 0, from: contentStart, to: contentEnd });
		this.lineConsumed = true;
		return true;
	}

	/** A code fence (3+ backticks or tildes) or a math fence (2+ dollars); backtick/dollar info may not hold its marker. */
	private startFence(marker: number): boolean {
		const start = this.nextNonspace;
		const runEnd = this.skipRun(start, marker);
		if (runEnd - start < (marker === DOLLAR ? 2 : 3)) return false;
		if (marker !== TILDE && this.text.slice(runEnd, this.lineEnd).includes(String.fromCharCode(marker))) return false;
		this.closeUnmatchedBlocks();
		const block = this.addChild(marker === DOLLAR ? Kind.Math : Kind.Fence);
		block.fenceChar = marker;
		block.fenceLength = runEnd - start;
		block.fenceOffset = this.indent;
		this.advanceNextNonspace();
		return true;
	}

	private startHtml(container: Block): boolean {
		const lazyParagraph = !this.allClosed && !this.blank && this.tip().kind === Kind.Paragraph;
		const mayBeKind7 = container.kind !== Kind.Paragraph && !lazyParagraph;
		const kind = htmlBlockKind(this.text, this.nextNonspace, this.lineEnd, mayBeKind7);
		if (kind === 0) return false;
		this.closeUnmatchedBlocks();
		this.addChild(Kind.Html).htmlKind = kind;
		return true;
	}

	private startSetext(paragraph: Block): boolean {
		const marker = this.text.charCodeAt(this.nextNonspace);
		if (!this.onlySpacesFrom(this.skipRun(this.nextNonspace, marker))) return false;
		this.closeUnmatchedBlocks();
		const run = this.paragraphRun(paragraph);
		if (run.from >= run.to) {
			// Only definitions so far: the underline becomes text, and micromark starts any later
			// setext heading of this paragraph there rather than at the definitions.
			paragraph.headingLine = this.line;
			return false;
		}
		const segments = paragraph.segments;
		const contentStart = run.base + run.from;
		// remark starts the heading at the paragraph, link reference definitions included.
		const firstLine = paragraph.headingLine >= 0 ? paragraph.headingLine : paragraph.lines[0]!;
		this.res.headings.push({
			level: marker === EQUALS ? 1 : 2,
			line: firstLine,
			start: this.lineStarts[firstLine]!,
			end: this.lineEnd,
			contentStart,
			contentEnd: trimEnd(this.text, contentStart, segments[segments.length - 1]!),
		});
		this.res.runs.push(run);
		this.open.pop();
		this.lineConsumed = true;
		return true;
	}

	private startThematicBreak(marker: number): boolean {
		// `- - - … x` probes the rest of the line once per list marker: remember where the last
		// probe of this line failed, so that later probes before that point fail at once.
		const probe = this.breakProbe;
		if (probe.lineEnd === this.lineEnd && probe.marker === marker && this.nextNonspace <= probe.failedAt) return false;
		let count = 0;
		for (let index = this.nextNonspace; index < this.lineEnd; index++) {
			const code = this.text.charCodeAt(index);
			if (code === marker) count++;
			else if (!isSpaceOrTab(code)) {
				this.breakProbe = { lineEnd: this.lineEnd, marker, failedAt: index };
				return false;
			}
		}
		if (count < 3) return false;
		this.closeUnmatchedBlocks();
		this.closeLeaves();
		this.lineConsumed = true;
		return true;
	}

	private startListItem(): boolean {
		if (this.indent >= 4) return false;
		const markerStart = this.nextNonspace;
		const first = this.text.charCodeAt(markerStart);
		let markerEnd = markerStart + 1;
		if (first === DASH || first === PLUS || first === STAR) {
			// A bullet.
		} else if (first >= 48 && first <= 57) {
			while (markerEnd < this.lineEnd && markerEnd - markerStart < 9 && isDigit(this.text.charCodeAt(markerEnd)))
				markerEnd++;
			const delimiter = this.text.charCodeAt(markerEnd);
			if (delimiter !== 46 && delimiter !== 41) return false;
			if (this.interrupting && this.text.slice(markerStart, markerEnd) !== '1') return false;
			markerEnd++;
		} else {
			return false;
		}
		if (markerEnd < this.lineEnd && !isSpaceOrTab(this.text.charCodeAt(markerEnd))) return false;
		if (this.interrupting && this.onlySpacesFrom(markerEnd)) return false;
		const markerOffset = this.indent;
		this.advanceNextNonspace();
		this.advanceOffset(markerEnd - markerStart, true);
		const contentIndent = markerOffset + this.listItemPadding(markerEnd - markerStart);
		this.closeUnmatchedBlocks();
		this.addChild(Kind.Item).contentIndent = contentIndent;
		return true;
	}

	/** GFM: a delimiter row under a one-line header (the paragraph's last line) turns it into a table. */
	private startTable(paragraph: Block): boolean {
		if (paragraph.lastLineLazy) return false;
		const columns = tableDelimiterColumns(this.text, this.nextNonspace, this.lineEnd);
		if (columns === 0) return false;
		const segments = paragraph.segments;
		const headerStart = segments[segments.length - 2]!;
		const headerEnd = segments[segments.length - 1]!;
		if (splitTableRow(this.text, headerStart, headerEnd).length / 2 !== columns) return false;
		// A link reference definition is not a paragraph line: it cannot head a table.
		const content = this.paragraphRun(paragraph);
		if (content.base + content.from > headerStart) return false;
		this.closeUnmatchedBlocks();
		segments.length -= 2;
		paragraph.lines.length -= 1;
		this.finalizeTip();
		this.addChild(Kind.Table).tableColumns = columns;
		this.addTableRow(headerStart, headerEnd);
		this.lineConsumed = true;
		return true;
	}

	private addTableRow(start: number, end: number): void {
		const cells = splitTableRow(this.text, start, end);
		for (let index = 0; index < cells.length; index += 2) {
			const cellStart = cells[index]!;
			const cellEnd = cells[index + 1]!;
			if (cellStart < cellEnd) this.res.runs.push({ text: this.text, base: 0, from: cellStart, to: cellEnd });
		}
	}

	private addParagraphLine(paragraph: Block, lazy: boolean): void {
		paragraph.segments.push(this.offset, this.lineEnd);
		paragraph.lines.push(this.line);
		paragraph.lastLineLazy = lazy;
	}

	private excludeRest(): void {
		if (this.offset < this.lineEnd) this.res.excluded.push(this.offset, this.lineEnd);
	}

	private addChild(kind: Kind): Block {
		while (!canContain(this.tip().kind)) this.finalizeTip();
		this.tip().hasChild = true;
		const block = newBlock(kind);
		this.open.push(block);
		return block;
	}

	/** Closes open leaves, as adding a one-line leaf (a heading, a break) to the container does. */
	private closeLeaves(): void {
		while (!canContain(this.tip().kind)) this.finalizeTip();
		this.tip().hasChild = true;
	}

	private closeUnmatchedBlocks(): void {
		if (this.allClosed) return;
		while (this.open.length > this.matched) this.finalizeTip();
		this.allClosed = true;
	}

	private finalizeTip(): void {
		const block = this.open.pop()!;
		if (this.matched > this.open.length) this.matched = this.open.length;
		if (block.kind !== Kind.Paragraph || block.segments.length === 0) return;
		const run = this.paragraphRun(block);
		if (run.from < run.to) this.res.runs.push(run);
	}

	/** The paragraph's inline content after its link reference definitions. */
	private paragraphRun(paragraph: Block): InlineRun {
		const segments = paragraph.segments;
		const run = contentRun(this.text, segments);
		const from = parseDefinitions(run.text, run.from, run.to, this.res.definitions);
		return { text: run.text, base: run.base, from, to: run.to };
	}

	private markContainerLine(): void {
		for (const block of this.open) {
			if (block.kind === Kind.Quote || block.kind === Kind.Item || block.kind === Kind.Table) {
				this.res.containerLines[this.line - this.bodyStartLine] = 1;
				return;
			}
		}
	}

	private tip(): Block {
		return this.open[this.open.length - 1]!;
	}
}

/** A paragraph's lines as one inline run; quote markers between lines are blanked in a same-length copy. */
function contentRun(text: string, segments: readonly number[]): InlineRun {
	const from = segments[0]!;
	const to = segments[segments.length - 1]!;
	let clean = true;
	for (let index = 1; index + 1 < segments.length && clean; index += 2) {
		for (let gap = segments[index]!; gap < segments[index + 1]!; gap++) {
			const code = text.charCodeAt(gap);
			if (code !== SPACE && code !== TAB && code !== 10 && code !== 13) {
				clean = false;
				break;
			}
		}
	}
	if (clean) return { text, base: 0, from, to };
	// Blank the gaps: the copy keeps the lengths, so an index maps back by adding `from`.
	let copy = '';
	for (let index = 0; index < segments.length; index += 2) {
		copy += text.slice(segments[index], segments[index + 1]);
		if (index + 2 < segments.length)
			copy += text.slice(segments[index + 1], segments[index + 2]).replace(/[^\r\n]/g, ' ');
	}
	return { text: copy, base: from, from: 0, to: to - from };
}

/** An ATX heading's text: after the marks' spaces, without a closing `#` sequence and trailing spaces. */
function atxContent(text: string, marksEnd: number, lineEnd: number): [number, number] {
	let start = marksEnd;
	while (start < lineEnd && isSpaceOrTab(text.charCodeAt(start))) start++;
	let end = trimEnd(text, start, lineEnd);
	let hashes = end;
	while (hashes > start && text.charCodeAt(hashes - 1) === HASH) hashes--;
	if (hashes < end && (hashes === start || isSpaceOrTab(text.charCodeAt(hashes - 1))))
		end = trimEnd(text, start, hashes);
	return [start, end];
}

function isCodeLike(kind: Kind): boolean {
	return kind === Kind.Fence || kind === Kind.Indented || kind === Kind.Html || kind === Kind.Math;
}

function canContain(kind: Kind): boolean {
	return kind === Kind.Document || kind === Kind.Quote || kind === Kind.Item;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}
