// GFM table rows as micromark-extension-gfm-table reads them: cells split at unescaped `|`
// (inside code spans too), an optional pipe at either end, and the delimiter row `| :-- | --: |`.

const TAB = 9;
const SPACE = 32;
const PIPE = 124;
const BACKSLASH = 92;
const DASH = 45;
const COLON = 58;

/** The cells of the row `text[start, end)` as flat `[cellStart, cellEnd…]`, each trimmed. */
export function splitTableRow(text: string, start: number, end: number): number[] {
	const res: number[] = [];
	let from = skipSpaces(text, start, end);
	end = trimEnd(text, from, end);
	if (from < end && text.charCodeAt(from) === PIPE) from++;
	let cellStart = from;
	for (let index = from; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code === BACKSLASH) {
			index++;
			continue;
		}
		if (code !== PIPE) continue;
		pushCell(text, cellStart, index, res);
		cellStart = index + 1;
	}
	if (cellStart < end) pushCell(text, cellStart, end, res);
	return res;
}

/** The number of columns when `text[start, end)` is a delimiter row, else 0. */
export function tableDelimiterColumns(text: string, start: number, end: number): number {
	const cells = splitTableRow(text, start, end);
	if (cells.length === 0) return 0;
	for (let index = 0; index < cells.length; index += 2) {
		if (!isDelimiterCell(text, cells[index]!, cells[index + 1]!)) return 0;
	}
	return cells.length / 2;
}

function isDelimiterCell(text: string, start: number, end: number): boolean {
	if (start < end && text.charCodeAt(start) === COLON) start++;
	if (end > start && text.charCodeAt(end - 1) === COLON) end--;
	if (start >= end) return false;
	for (let index = start; index < end; index++) if (text.charCodeAt(index) !== DASH) return false;
	return true;
}

function pushCell(text: string, start: number, end: number, res: number[]): void {
	const cellStart = skipSpaces(text, start, end);
	res.push(cellStart, trimEnd(text, cellStart, end));
}

function skipSpaces(text: string, pos: number, end: number): number {
	while (pos < end && isSpaceOrTab(text.charCodeAt(pos))) pos++;
	return pos;
}

function trimEnd(text: string, start: number, end: number): number {
	while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
	return end;
}

function isSpaceOrTab(code: number): boolean {
	return code === SPACE || code === TAB;
}
