// (id, text) → NoteSyntax: front matter, body links, headings, block ids, sections, problems.
// Never throws: every problem becomes a Problem and the rest of the note is still read.
import type { LoadedConfig } from '../configFile';
import { headingKey } from '../text/headingKey';
import { LineIndex, countLines } from '../text/lineIndex';
import type { Heading, LineSpan, Link, NoteId, NoteSyntax } from '../types';
import { detachStrings } from './detachStrings';
import { readFrontMatter } from './frontMatter';
import { scanMarkdown } from './markdownScan';

const BOM = 0xfeff;

/** Removes a leading byte-order mark: positions are counted after it (SPEC §1). */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

export function parseNote(id: NoteId, rawText: string, loaded: LoadedConfig): NoteSyntax {
	const text = stripBom(rawText);
	const lines = new LineIndex(text);
	const front = readFrontMatter(text, lines);
	const body = scanMarkdown(text, front.bodyStart, front.bodyStartLine);
	const lineCount = countLines(text);
	const topicSections = sectionsNamed(body.headings, loaded.config.topics.section, lineCount);
	const summarySection = sectionsNamed(body.headings, loaded.config.summarySection, lineCount)[0];
	const links = [...front.links, ...body.links].map((link) => markTopics(link, topicSections));
	return detachStrings({
		frontMatter: front.frontMatter,
		headings: body.headings,
		blockIds: body.blockIds,
		links,
		topicSections,
		summarySection,
		problems: [...front.problems, ...loaded.checkFrontMatter(id, front)],
		lineCount,
	});
}

/** The sections under every heading named `name`: to the next heading of the same or a higher level. */
export function sectionsNamed(headings: readonly Heading[], name: string, lineCount: number): LineSpan[] {
	const wanted = headingKey(name);
	const sections: LineSpan[] = [];
	headings.forEach((heading, index) => {
		if (headingKey(heading.text) !== wanted) return;
		const next = headings.slice(index + 1).find((other) => other.level <= heading.level);
		sections.push({ startLine: heading.range.end.line + 1, endLine: next ? next.line : lineCount });
	});
	return sections;
}

function markTopics(link: Link, sections: readonly LineSpan[]): Link {
	if (link.kind === 'frontMatter') return link;
	const line = link.range.start.line;
	const inTopics = sections.some((section) => line >= section.startLine && line < section.endLine);
	return inTopics ? { ...link, inTopics } : link;
}
