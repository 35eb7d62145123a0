// Completion after `[[Note#` (headings of that note) and `[[Note#^` (its block ids); `[[#` and
// `[[#^` offer the current note's own. The note is found as the link would resolve.
import { resolveLink } from '../../index/resolve';
import type { VaultIndex } from '../../index/vault';
import { headingKey } from '../../text/headingKey';
import type { NoteId, NoteSyntax } from '../../types';
import type { FragmentContext } from './completionContext';
import type { Completion, CompletionResult } from './completionTypes';
import { EMPTY_RESULT, sortTextOf } from './completionTypes';
import { hypotheticalLink } from './linkText';
import { matchScore } from './matchScore';

/** Headings or block ids for a fragment typed at `context`; `current` is the syntax of the note being edited. */
export function completeAnchors(
	vault: VaultIndex,
	from: NoteId,
	current: NoteSyntax,
	context: FragmentContext,
): CompletionResult {
	const syntax = context.target === '' ? current : targetSyntax(vault, from, context.target);
	if (!syntax) return EMPTY_RESULT;
	const texts = context.block ? syntax.blockIds.map((block) => block.id) : uniqueHeadings(syntax);
	const query = headingKey(context.query);
	const matching = texts
		.map((text, order) => ({ text, order, score: matchScore(query, headingKey(text)) }))
		.filter((candidate) => candidate.score > 0)
		.sort((a, b) => b.score - a.score || a.order - b.order);
	const items = matching.map(({ text }, rank): Completion => ({
		label: context.block ? `^${text}` : text,
		kind: context.block ? 'block' : 'heading',
		sortText: sortTextOf(rank),
		filterText: text,
		textEdit: { range: context.range, newText: text + context.closing },
	}));
	return { items, isIncomplete: false };
}

function targetSyntax(vault: VaultIndex, from: NoteId, target: string): NoteSyntax | undefined {
	const resolution = resolveLink(vault.fileLookup, from, hypotheticalLink(target));
	if (resolution.target === undefined || !resolution.targetIsNote) return undefined;
	return vault.note(resolution.target)?.syntax;
}

/**
 * Heading texts as a link can name them: without `# | ^ [ ]`, which would break the link (the
 * fragment rule ignores them anyway), each heading once (the first of equal headings wins). A
 * trailing `^id` stays as `id`: the fragment rule compares the heading's raw text.
 */
function uniqueHeadings(syntax: NoteSyntax): string[] {
	const seen = new Set<string>();
	const texts: string[] = [];
	for (const heading of syntax.headings) {
		const text = heading.text
			.replace(/[#|^[\]]/g, '')
			.replace(/\s+/g, ' ')
			.trim();
		const key = headingKey(text);
		if (text === '' || seen.has(key)) continue;
		seen.add(key);
		texts.push(text);
	}
	return texts;
}
