// The summary preview (vaultNotes/summary): a note's facts, its summary section as a safe tree,
// its topics and how many notes link to it. The preview follows live edits, so the section is
// read from the text given (the open editor's), not from the index.
import { resolveLink } from '../index/resolve';
import type { VaultIndex } from '../index/vault';
import { parseNote, stripBom } from '../parse/parseNote';
import { LineIndex } from '../text/lineIndex';
import type { Link, NoteId, NoteSyntax } from '../types';
import { isInFolder } from './diagnostics';
import { noteInfo } from './noteInfo';
import { countShownLinkingNotes } from './shownLinkingNotes';
import type { SummaryLink, SummaryNode } from './summaryTree';
import { summaryTree } from './summaryTree';

export interface Summary {
	readonly id: NoteId;
	readonly title: string;
	/** The first `dateField` present, as written. */
	readonly date: string | undefined;
	readonly author: string | undefined;
	/** The first `sourceField` present when it is an http(s) URL. */
	readonly source: string | undefined;
	/** The first summary section (config `summarySection`); empty when the note has none. */
	readonly summary: readonly SummaryNode[];
	/** The notes its topics section links to that lie in the topics folder, in order, once each. */
	readonly topics: readonly { readonly id: NoteId; readonly title: string }[];
	/** Distinct notes linking to it (itself and ignored notes left out, as in the backlinks view). */
	readonly backlinkCount: number;
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/**
 * The summary of note `id` whose current text is `text`; undefined when the vault has no such
 * note. Title, date, author and source come from the index, which applies every edit at once.
 */
export function buildSummary(vault: VaultIndex, id: NoteId, text: string): Summary | undefined {
	if (vault.note(id) === undefined) return undefined;
	const body = stripBom(text);
	const syntax = parseNote(id, body, vault.config);
	const info = noteInfo(vault, id);
	const source = info.source !== undefined && HTTP_URL.test(info.source) ? info.source : undefined;
	return {
		id,
		title: info.title,
		date: info.date,
		author: info.author,
		source,
		summary: summaryOf(vault, id, body, syntax),
		topics: topicsOf(vault, id, syntax),
		backlinkCount: countShownLinkingNotes(vault, id),
	};
}

function summaryOf(vault: VaultIndex, id: NoteId, text: string, syntax: NoteSyntax): SummaryNode[] {
	const span = syntax.summarySection;
	if (!span) return [];
	const lines = new LineIndex(text);
	const start = lines.offsetAt({ line: span.startLine, character: 0 });
	// A section running to the end of the note ends at the text's end (offsetAt clamps there).
	const end = lines.offsetAt({ line: span.endLine, character: 0 });
	const links: SummaryLink[] = syntax.links
		.filter((link) => link.kind !== 'frontMatter' && within(link, span.startLine, span.endLine))
		.map((link) => ({
			start: lines.offsetAt(link.range.start) - start,
			end: lines.offsetAt(link.range.end) - start,
			target: resolveLink(vault.fileLookup, id, link).target,
			text: displayText(link),
		}));
	return summaryTree(text.slice(start, end), links);
}

function within(link: Link, startLine: number, endLine: number): boolean {
	return link.range.start.line >= startLine && link.range.end.line < endLine;
}

/** What Obsidian shows for a link: its label, else `Note > Heading`, else the target. */
function displayText(link: Link): string {
	if (link.label !== undefined && link.label.trim() !== '') return link.label;
	if (link.fragment === undefined) return link.target;
	return link.target === '' ? link.fragment : `${link.target} > ${link.fragment}`;
}

function topicsOf(vault: VaultIndex, id: NoteId, syntax: NoteSyntax): Summary['topics'] {
	const folder = vault.config.config.topics.folder;
	const seen = new Set<NoteId>();
	for (const link of syntax.links) {
		if (!link.inTopics) continue;
		const resolution = resolveLink(vault.fileLookup, id, link);
		const target = resolution.target;
		if (target !== undefined && resolution.targetIsNote && isInFolder(target, folder)) seen.add(target);
	}
	return [...seen].map((topic) => ({ id: topic, title: noteInfo(vault, topic).title }));
}
