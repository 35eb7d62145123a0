// Where the block scan stands on the current line, as commonmark.js's parser tracks it: an offset
// and a column (tabs stop at multiples of 4 and may be consumed partially), and the next
// non-space character with the indentation before it.

const TAB = 9;
const SPACE = 32;

/** The line position machinery of the block scanner (`scanBlocks`), which extends it. */
export class LineCursor {
	/** End of the current line's content, before its line break. */
	protected lineEnd = 0;
	protected offset = 0;
	protected column = 0;
	protected nextNonspace = 0;
	protected nextNonspaceColumn = 0;
	/** Columns from `column` to `nextNonspaceColumn`. */
	protected indent = 0;
	/** Nothing but spaces and tabs remain on the line. */
	protected blank = false;

	constructor(protected readonly text: string) {}

	/** Columns from the marker's start to the item's content (CommonMark's 1–4 spaces rule). */
	protected listItemPadding(markerLength: number): number {
		const spacesStartColumn = this.column;
		const spacesStartOffset = this.offset;
		do {
			this.advanceOffset(1, true);
		} while (
			this.column - spacesStartColumn < 5 &&
			isSpaceOrTab(this.text.charCodeAt(this.offset)) &&
			this.offset < this.lineEnd
		);
		const blankItem = this.offset >= this.lineEnd;
		const spacesAfterMarker = this.column - spacesStartColumn;
		if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
			this.column = spacesStartColumn;
			this.offset = spacesStartOffset;
			if (isSpaceOrTab(this.text.charCodeAt(this.offset)) && this.offset < this.lineEnd) this.advanceOffset(1, true);
			return markerLength + 1;
		}
		return markerLength + spacesAfterMarker;
	}

	protected findNextNonspace(): void {
		let index = this.offset;
		let columns = this.column;
		while (index < this.lineEnd) {
			const code = this.text.charCodeAt(index);
			if (code === SPACE) columns++;
			else if (code === TAB) columns += 4 - (columns % 4);
			else break;
			index++;
		}
		this.blank = index >= this.lineEnd;
		this.nextNonspace = index;
		this.nextNonspaceColumn = columns;
		this.indent = columns - this.column;
	}

	protected advanceNextNonspace(): void {
		this.offset = this.nextNonspace;
		this.column = this.nextNonspaceColumn;
	}

	/** Advances by `count` characters, or columns when `columns` (a tab may be consumed partially). */
	protected advanceOffset(count: number, columns: boolean): void {
		while (count > 0 && this.offset < this.lineEnd) {
			if (this.text.charCodeAt(this.offset) === TAB) {
				const toTab = 4 - (this.column % 4);
				if (columns) {
					// A tab may be consumed partially: the column moves, the offset stays on the tab.
					const partial = toTab > count;
					const advance = partial ? count : toTab;
					this.column += advance;
					this.offset += partial ? 0 : 1;
					count -= advance;
				} else {
					this.column += toTab;
					this.offset++;
					count--;
				}
			} else {
				this.offset++;
				this.column++;
				count--;
			}
		}
	}

	protected skipRun(from: number, code: number): number {
		while (from < this.lineEnd && this.text.charCodeAt(from) === code) from++;
		return from;
	}

	protected onlySpacesFrom(from: number): boolean {
		for (let index = from; index < this.lineEnd; index++) if (!isSpaceOrTab(this.text.charCodeAt(index))) return false;
		return true;
	}
}

/** Moves `end` back over spaces and tabs, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
	while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
	return end;
}

/** A space or a tab. */
export function isSpaceOrTab(code: number): boolean {
	return code === SPACE || code === TAB;
}
