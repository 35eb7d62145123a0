// Hover on a link: a preview of its target (title, date, author, summary or heading section),
// or, for a link that resolves nowhere, what was looked for and the closest existing names.
// The adapter reads the target's text (an open editor's or the disk's) and passes it in, so the
// core stays synchronous and free of IO.
import type { Anchor } from '../index/fragments';
import { findAnchor } from '../index/fragments';
import type { Resolution } from '../index/resolve';
import type { VaultIndex } from '../index/vault';
import type { Locale } from '../messages';
import { formatMessage } from '../messages';
import { stripBom } from '../parse/parseNote';
import { basename, dirname, isMarkdownPath, joinPath, noteName } from '../text/paths';
import type { Link, NoteId, NoteSyntax, Position, Range } from '../types';
import type { NamedFile } from './closestNames';
import { closestNames } from './closestNames';
import { cutExcerpt } from './cutExcerpt';
import { linkAt } from './linkAt';
import { noteInfo } from './noteInfo';

export interface HoverContent {
	/** The whole link. */
	readonly range: Range;
	readonly markdown: string;
}

/**
 * The hover of the link at `position`, as Markdown; undefined when there is no vault link there.
 * `targetText` is the text of the note the link navigates to (undefined: no preview).
 */
export function hoverLink(
	vault: VaultIndex,
	id: NoteId,
	position: Position,
	targetText: string | undefined,
	locale: Locale = 'en',
): HoverContent | undefined {
	const at = linkAt(vault, id, position);
	if (!at || at.resolution.status === 'notVaultLink') return undefined;
	const { link, resolution } = at;
	const parts =
		resolution.target === undefined
			? brokenParts(vault, id, link, resolution, locale)
			: [
					...ambiguousParts(link, resolution, locale),
					...targetParts(vault, resolution.target, link.fragment, targetText, locale),
				];
	return { range: link.range, markdown: parts.join('\n\n') };
}

const TEXTS = {
	en: {
		lookName: 'Looked for a note `{name}.md` in any folder, then an attachment named `{name}`.',
		lookPath: 'Looked for `{path}` from the vault root, then any path ending with `/{path}`.',
		lookFile: 'Looked for the file `{path}`.',
		closest: 'Closest names:',
		noneClose: 'No similar name in the vault.',
		attachment: 'Attachment',
		opens: 'opens',
	},
	'zh-cn': {
		lookName: '查找了任意文件夹中的笔记 `{name}.md`，以及名为 `{name}` 的附件。',
		lookPath: '查找了从仓库根目录开始的 `{path}`，以及以 `/{path}` 结尾的路径。',
		lookFile: '查找了文件 `{path}`。',
		closest: '最接近的名称：',
		noneClose: '仓库中没有相近的名称。',
		attachment: '附件',
		opens: '跳转目标',
	},
} as const;

function text(locale: Locale, key: keyof (typeof TEXTS)['en'], args: Record<string, string> = {}): string {
	return TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}

/** Title, date, author and path of the target, then its summary, heading section or block. */
function targetParts(
	vault: VaultIndex,
	target: NoteId,
	fragment: string | undefined,
	targetText: string | undefined,
	locale: Locale,
): string[] {
	if (!vault.note(target)) return [`${text(locale, 'attachment')}: ${code(target)}`];
	const info = noteInfo(vault, target);
	const syntax = vault.note(target)?.syntax;
	const anchor = syntax && fragment ? findAnchor(syntax, fragment) : undefined;
	const title = anchor?.kind === 'heading' ? `${info.title} › ${anchor.heading.text}` : info.title;
	const facts = [info.date, info.author].filter((fact): fact is string => fact !== undefined).map(escapeMarkdown);
	const parts = [`**${escapeMarkdown(title)}**`, [...facts, code(target)].join(' · ')];
	if (syntax && fragment && !anchor) parts.push(`*${escapeMarkdown(missingAnchor(target, fragment, locale))}*`);
	const excerpt = syntax && targetText !== undefined ? cutExcerpt(excerptLines(syntax, anchor, targetText)) : '';
	if (excerpt !== '') parts.push('---', excerpt);
	return parts;
}

/** The lines a preview shows: the heading's section, the block's line, the summary section, or the body. */
function excerptLines(syntax: NoteSyntax, anchor: Anchor | undefined, targetText: string): string[] {
	// Block markers (`^id`) are addresses, not content.
	const lines = stripBom(targetText)
		.split(/\r\n|\r|\n/)
		.map((line) => line.replace(/\s+\^[A-Za-z0-9-]+\s*$|^\^[A-Za-z0-9-]+\s*$/, ''));
	if (anchor?.kind === 'block') return [lines[anchor.block.line] ?? ''];
	if (anchor?.kind === 'heading') {
		const heading = anchor.heading;
		const next = syntax.headings.find((other) => other.line > heading.line && other.level <= heading.level);
		return lines.slice(heading.range.end.line + 1, next ? next.line : lines.length);
	}
	if (syntax.summarySection) return lines.slice(syntax.summarySection.startLine, syntax.summarySection.endLine);
	return lines.slice(bodyStart(syntax, lines));
}

/** The first line after the front matter, and after a leading `# Title` (the hover shows the title already). */
function bodyStart(syntax: NoteSyntax, lines: readonly string[]): number {
	let start = syntax.frontMatter ? syntax.frontMatter.span.endLine : 0;
	while (start < lines.length && lines[start]!.trim() === '') start++;
	const first = syntax.headings[0];
	return first?.level === 1 && first.line === start ? first.range.end.line + 1 : start;
}

function missingAnchor(target: NoteId, fragment: string, locale: Locale): string {
	const note = noteName(target);
	return fragment.startsWith('^')
		? formatMessage({ id: 'brokenBlock', args: { note, fragment: fragment.slice(1) } }, locale)
		: formatMessage({ id: 'brokenHeading', args: { note, fragment } }, locale);
}

/** For an ambiguous link: every candidate, the one it opens marked. */
function ambiguousParts(link: Link, resolution: Resolution, locale: Locale): string[] {
	const candidates = resolution.candidates;
	if (resolution.status !== 'ambiguous' || !candidates) return [];
	const message = formatMessage(
		{ id: 'ambiguousLink', args: { target: link.target, count: candidates.length, candidates: '' } },
		locale,
	);
	const list = candidates.map(
		(candidate) => `- ${code(candidate)}${candidate === resolution.target ? ` (${text(locale, 'opens')})` : ''}`,
	);
	return [`*${escapeMarkdown(message.replace(/[:：]\s*$/, ''))}*`, list.join('\n'), '---'];
}

/** For a broken link: what was looked for, and the closest existing names. */
function brokenParts(vault: VaultIndex, id: NoteId, link: Link, resolution: Resolution, locale: Locale): string[] {
	const messageId = resolution.outside ? 'brokenLinkOutside' : 'brokenLink';
	const parts = [`**${escapeMarkdown(formatMessage({ id: messageId, args: { target: link.target } }, locale))}**`];
	if (resolution.outside) return parts;
	parts.push(lookupText(id, link, locale));
	const wanted = noteName(basename(link.target));
	const close = closestNames(wanted, namedFiles(vault, looksLikeAttachment(link.target)));
	if (close.length === 0) return [...parts, text(locale, 'noneClose')];
	const list = close.map((file) => `- ${escapeMarkdown(file.name)} · ${code(file.value)}`);
	return [...parts, `${text(locale, 'closest')}\n${list.join('\n')}`];
}

function lookupText(id: NoteId, link: Link, locale: Locale): string {
	const target = link.target;
	if (link.kind === 'markdown') {
		const path = target.startsWith('/') ? joinPath('', target) : joinPath(dirname(id), target);
		return text(locale, 'lookFile', { path: path ?? target });
	}
	const name = isMarkdownPath(target) ? target.slice(0, -3) : target;
	if (target.startsWith('./') || target.startsWith('../'))
		return text(locale, 'lookFile', { path: `${joinPath(dirname(id), name) ?? name}.md` });
	if (target.includes('/')) return text(locale, 'lookPath', { path: `${name}.md` });
	return text(locale, 'lookName', { name });
}

/** A name with an extension other than `.md` (`图.pgn`) is compared with attachments, others with notes. */
function looksLikeAttachment(target: string): boolean {
	return /\.[A-Za-z0-9]{1,5}$/.test(target) && !isMarkdownPath(target);
}

/** Notes by name, or attachments by file name; in no particular order (closestNames does not depend on it). */
function* namedFiles(vault: VaultIndex, attachments: boolean): Iterable<NamedFile<NoteId>> {
	if (!attachments) {
		for (const entry of vault.notes()) yield { name: noteName(entry.id), value: entry.id };
		return;
	}
	for (const fileId of vault.ids()) if (!isMarkdownPath(fileId)) yield { name: basename(fileId), value: fileId };
}

/**
 * Backslash-escapes the characters that Markdown would read as inline markup. Kept minimal:
 * clients that show hovers as plain text (Neovim) display every escape.
 */
function escapeMarkdown(value: string): string {
	return value.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** An inline code span that holds any text, backticks included. */
function code(value: string): string {
	const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length));
	const fence = '`'.repeat(longest + 1);
	return longest > 0 ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}
