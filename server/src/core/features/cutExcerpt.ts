// Cutting a piece of a note to a length a hover can show.

export interface ExcerptLimits {
	readonly maxLines: number;
	readonly maxChars: number;
}

export const HOVER_LIMITS: ExcerptLimits = { maxLines: 12, maxChars: 600 };

const SENTENCE_END = /[。！？；.!?;]/g;

/**
 * The first lines of `lines` within the limits, blank lines at both ends dropped. The cut falls
 * on a paragraph or line boundary, and `…` marks it. A first line too long on its own (a CJK
 * paragraph is often one line) is cut after its last sentence that fits, else at the limit.
 */
export function cutExcerpt(lines: readonly string[], limits: ExcerptLimits = HOVER_LIMITS): string {
	const content = trimBlankLines(lines);
	const kept: string[] = [];
	let chars = 0;
	for (const line of content) {
		if (kept.length >= limits.maxLines || chars + line.length > limits.maxChars) break;
		kept.push(line);
		chars += line.length + 1;
	}
	if (kept.length === content.length) return kept.join('\n');
	if (kept.length === 0) return cutLine(content[0]!, limits.maxChars) + '…';
	// Prefer ending at a paragraph: drop a trailing partial paragraph when an earlier one exists.
	const lastBlank = kept.lastIndexOf('');
	const paragraphs = lastBlank > 0 && lastBlank >= kept.length / 2 ? kept.slice(0, lastBlank) : kept;
	return trimBlankLines(paragraphs).join('\n') + '\n\n…';
}

function trimBlankLines(lines: readonly string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]!.trim() === '') start++;
	while (end > start && lines[end - 1]!.trim() === '') end--;
	return lines.slice(start, end).map((line) => (line.trim() === '' ? '' : line));
}

function cutLine(line: string, maxChars: number): string {
	const head = line.slice(0, maxChars);
	let cut = -1;
	for (const match of head.matchAll(SENTENCE_END)) cut = match.index + 1;
	if (cut > maxChars / 3) return head.slice(0, cut);
	// Do not split a surrogate pair (emoji) in two.
	const last = head.charCodeAt(head.length - 1);
	return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}
