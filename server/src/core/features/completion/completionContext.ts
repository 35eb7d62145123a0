// What the text around the cursor asks for: a link target after `[[`, a heading or block after
// `[[Note#` / `[[Note#^`, or a front-matter key or value. Read from the document's current text,
// not from the index, because the link being typed is usually not a link yet (no `]]`).
import { LineIndex } from '../../text/lineIndex';
import type { Position, Range } from '../../types';

export type CompletionContext = LinkContext | FragmentContext | KeyContext | ValueContext;

interface Replace {
	/** What was typed between the start of the edit range and the cursor. */
	readonly query: string;
	readonly range: Range;
}

export interface LinkContext extends Replace {
	readonly kind: 'link';
	readonly embed: boolean;
	/** Appended to the inserted text: `]]` when the link is not followed by `#` or `|`. */
	readonly closing: string;
}

export interface FragmentContext extends Replace {
	readonly kind: 'fragment';
	/** The link's target as typed; '' for `[[#…`. */
	readonly target: string;
	/** `[[Note#^…`: block ids rather than headings. */
	readonly block: boolean;
	readonly closing: string;
}

export interface KeyContext extends Replace {
	readonly kind: 'key';
	/** A `:` already follows the key being typed: insert the bare key. */
	readonly hasColon: boolean;
	/** Top-level keys of the block, except the one on the cursor's line. */
	readonly presentKeys: readonly string[];
}

export interface ValueContext extends Replace {
	readonly kind: 'value';
	readonly key: string;
	/** Nothing separates the value from the `:` yet: prefix the inserted text with a space. */
	readonly needsSpace: boolean;
	/** The user opened a quote: insert the raw text. */
	readonly quoted: boolean;
}

/** The completion context at `position` of `text` (without BOM), or undefined when nothing is offered there. */
export function findCompletionContext(text: string, position: Position): CompletionContext | undefined {
	const lines = new LineIndex(text);
	if (position.line < 0 || position.line >= lines.lineCount) return undefined;
	const lineText = lines.lineText(position.line);
	const character = Math.min(position.character, lineText.length);
	const link = linkContext(lineText, position.line, character);
	if (link) return link;
	if (!inFrontMatter(lines, position.line)) return undefined;
	return frontMatterContext(lines, position.line, character);
}

/** Characters that end the part of a link being completed. */
const WORD_TAIL = /^[^[\]|#^]*/;

function linkContext(lineText: string, line: number, character: number): LinkContext | FragmentContext | undefined {
	const before = lineText.slice(0, character);
	const open = before.lastIndexOf('[[');
	if (open < 0) return undefined;
	const inner = before.slice(open + 2);
	// Past the target and fragment (a label), or after a closed link: nothing to complete.
	if (inner.includes(']]') || inner.includes('|')) return undefined;
	const hash = inner.indexOf('#');
	const { end, closing } = tailOf(lineText.slice(character), character);
	const rangeFrom = (start: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
	if (hash < 0) {
		const embed = before[open - 1] === '!';
		return { kind: 'link', embed, query: inner, range: rangeFrom(open + 2), closing };
	}
	const fragment = inner.slice(hash + 1);
	const block = fragment.startsWith('^');
	// `[[Note#H1#H2`: complete the last part.
	const start = block ? open + 3 + hash + 1 : open + 2 + inner.lastIndexOf('#') + 1;
	const query = before.slice(start);
	return { kind: 'fragment', target: inner.slice(0, hash).trim(), block, query, range: rangeFrom(start), closing };
}

/**
 * How far the edit reaches after the cursor. With an auto-closed `]]` right after the rest of the
 * word, the edit takes it in and the completion puts it back; before `#` or `|` the rest of the
 * word is replaced; otherwise nothing after the cursor is touched and `]]` is added.
 */
function tailOf(after: string, character: number): { end: number; closing: string } {
	const tail = WORD_TAIL.exec(after)![0];
	const rest = after.slice(tail.length);
	if (rest.startsWith(']]')) return { end: character + tail.length + 2, closing: ']]' };
	if (rest.startsWith('|') || rest.startsWith('#')) return { end: character + tail.length, closing: '' };
	return { end: character, closing: ']]' };
}

/**
 * Whether a line lies inside the front matter: after an opening `---` on line 0, before the
 * closing `---`. A block still being written (not closed yet) runs to its first blank line.
 */
function inFrontMatter(lines: LineIndex, line: number): boolean {
	if (line === 0 || lines.lineText(0).trimEnd() !== '---') return false;
	for (let index = 1; index < lines.lineCount; index++) {
		const text = lines.lineText(index);
		if (text.trimEnd() === '---') return line < index;
		if (index <= line && text.trim() === '' && !isClosedAfter(lines, index)) return false;
	}
	return true;
}

/** Whether a closing fence follows: then a blank line is just a blank line inside the block. */
function isClosedAfter(lines: LineIndex, from: number): boolean {
	for (let index = from; index < lines.lineCount; index++) if (lines.lineText(index).trimEnd() === '---') return true;
	return false;
}

/** `key:` at the start of a line (a top-level key). */
const KEY_LINE = /^([^\s:#\-'"[{][^:]*?)\s*:(?=\s|$)/;
const LIST_ITEM = /^(\s*-\s+)/;

function frontMatterContext(lines: LineIndex, line: number, character: number): KeyContext | ValueContext | undefined {
	const lineText = lines.lineText(line);
	const before = lineText.slice(0, character);
	const keyLine = KEY_LINE.exec(lineText);
	if (keyLine && character >= keyLine[0].length)
		return valueContext(lineText, line, character, keyLine[1]!, keyLine[0].length);
	const item = LIST_ITEM.exec(lineText);
	if (item && character >= item[1]!.length) {
		const key = ownerKey(lines, line);
		return key === undefined ? undefined : valueContext(lineText, line, character, key, item[1]!.length);
	}
	if (!/^([^\s:#\-'"[{][^:]*)?$/.test(before)) return undefined;
	const keyEnd = before.length + /^[^:]*/.exec(lineText.slice(character))![0].trimEnd().length;
	return {
		kind: 'key',
		query: before,
		range: { start: { line, character: 0 }, end: { line, character: keyEnd } },
		hasColon: lineText.slice(keyEnd).trimStart().startsWith(':'),
		presentKeys: presentKeys(lines, line),
	};
}

function valueContext(
	lineText: string,
	line: number,
	character: number,
	key: string,
	valueStart: number,
): ValueContext {
	const spaces = /^\s*/.exec(lineText.slice(valueStart))![0].length;
	let start = Math.min(valueStart + spaces, character);
	let end = Math.max(character, lineText.trimEnd().length);
	const quote = lineText[start];
	// A quote the cursor stands after was opened by the user: the value goes inside it.
	const quoted = start < character && (quote === '"' || quote === "'");
	if (quoted) {
		start++;
		if (end > start && lineText[end - 1] === quote && end - 1 >= character) end--;
	}
	const needsSpace = spaces === 0 && lineText[valueStart - 1] === ':';
	return {
		kind: 'value',
		key,
		query: lineText.slice(start, character),
		range: { start: { line, character: start }, end: { line, character: end } },
		needsSpace,
		quoted,
	};
}

/** The key a list item belongs to: the nearest top-level `key:` above it. */
function ownerKey(lines: LineIndex, line: number): string | undefined {
	for (let index = line - 1; index > 0; index--) {
		const text = lines.lineText(index);
		if (LIST_ITEM.test(text) || /^\s/.test(text)) continue;
		return KEY_LINE.exec(text)?.[1];
	}
	return undefined;
}

function presentKeys(lines: LineIndex, line: number): string[] {
	const keys: string[] = [];
	for (let index = 1; index < lines.lineCount; index++) {
		const text = lines.lineText(index);
		if (text.trimEnd() === '---') break;
		const key = index === line ? undefined : KEY_LINE.exec(text)?.[1];
		if (key !== undefined) keys.push(key);
	}
	return keys;
}
