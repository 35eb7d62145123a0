// The diagnostics of one note (SPEC §6): its own problems plus one diagnostic at most per link.
import type { VaultIndex } from '../index/vault';
import { findAnchor, isBlockFragment } from '../index/fragments';
import type { Resolution } from '../index/resolve';
import { formatMessage, type Locale } from '../messages';
import { compareCodePoints, nameKey, noteName } from '../text/paths';
import type { Diagnostic, DiagnosticCode, Link, Message, NoteId, Problem, Severity, SeveritySetting } from '../types';
import { DEFAULT_SEVERITY } from '../types';

/** The diagnostics of a note, sorted by position then code; [] for an unknown or ignored note. */
export function computeDiagnostics(vault: VaultIndex, id: NoteId, locale: Locale = 'en'): Diagnostic[] {
	const entry = vault.note(id);
	if (!entry || entry.ignored) return [];
	const severities = vault.config.config.rules;
	const result: Diagnostic[] = [];
	const pushProblem = (problem: Problem) => {
		const severity = severityOf(severities, problem.code);
		if (severity)
			result.push({
				range: problem.range,
				severity,
				code: problem.code,
				message: formatMessage(problem.message, locale),
			});
	};
	if (entry.skipped) pushProblem(entry.skipped);
	for (const problem of entry.syntax?.problems ?? []) pushProblem(problem);
	const topicTargets = new Map<NoteId, number>();
	entry.syntax?.links.forEach((link, linkIndex) => {
		const found = linkProblem(vault, link, entry.resolutions[linkIndex]!, topicTargets, severities);
		if (!found) return;
		result.push({
			range: link.range,
			severity: found.severity,
			code: found.code,
			message: formatMessage(found.message, locale),
			data: { linkIndex, candidates: entry.resolutions[linkIndex]!.candidates },
		});
	});
	return result.sort(compareDiagnostics);
}

type Severities = Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;

function severityOf(severities: Severities, code: DiagnosticCode): Severity | undefined {
	const setting = severities[code] ?? DEFAULT_SEVERITY[code];
	return setting === 'off' ? undefined : setting;
}

interface Found {
	readonly code: DiagnosticCode;
	readonly severity: Severity;
	readonly message: Message;
}

/**
 * The one diagnostic a link gets: the first applicable code, in the precedence of SPEC §2.5,
 * whose severity is not `off`. `topicTargets` collects the topics listed so far in this note.
 */
function linkProblem(
	vault: VaultIndex,
	link: Link,
	resolution: Resolution,
	topicTargets: Map<NoteId, number>,
	severities: Severities,
): Found | undefined {
	if (resolution.status === 'notVaultLink') return undefined;
	const candidates: [DiagnosticCode, () => Message | undefined][] = [
		['broken-link', () => brokenLink(link, resolution)],
		['ambiguous-link', () => ambiguousLink(link, resolution)],
		['broken-heading', () => brokenFragment(vault, link, resolution)],
		['not-a-topic', () => notATopic(vault, link, resolution)],
		['duplicate-topic', () => duplicateTopic(link, resolution, topicTargets)],
	];
	// Every check runs, so that the topics seen so far are recorded even when a link is reported otherwise.
	const messages = candidates.map(([code, check]) => [code, check()] as const);
	for (const [code, message] of messages) {
		const severity = severityOf(severities, code);
		if (message && severity) return { code, severity, message };
	}
	return undefined;
}

function brokenLink(link: Link, resolution: Resolution): Message | undefined {
	if (resolution.status !== 'broken') return undefined;
	return { id: resolution.outside ? 'brokenLinkOutside' : 'brokenLink', args: { target: link.target } };
}

function ambiguousLink(link: Link, resolution: Resolution): Message | undefined {
	if (resolution.status !== 'ambiguous') return undefined;
	const candidates = resolution.candidates ?? [];
	return {
		id: 'ambiguousLink',
		args: { target: link.target, count: candidates.length, candidates: candidates.join(', ') },
	};
}

function brokenFragment(vault: VaultIndex, link: Link, resolution: Resolution): Message | undefined {
	const fragment = link.fragment;
	if (fragment === undefined || fragment === '' || resolution.target === undefined || !resolution.targetIsNote)
		return undefined;
	const syntax = vault.note(resolution.target)?.syntax;
	// A skipped note's headings are unknown: its fragments are not diagnosed.
	if (!syntax || findAnchor(syntax, fragment)) return undefined;
	const note = noteName(resolution.target);
	return isBlockFragment(fragment)
		? { id: 'brokenBlock', args: { note, fragment: fragment.slice(1) } }
		: { id: 'brokenHeading', args: { note, fragment } };
}

function notATopic(vault: VaultIndex, link: Link, resolution: Resolution): Message | undefined {
	if (!link.inTopics || resolution.target === undefined) return undefined;
	const folder = vault.config.config.topics.folder;
	if (isInFolder(resolution.target, folder)) return undefined;
	return { id: 'notATopic', args: { target: link.target, folder } };
}

function duplicateTopic(link: Link, resolution: Resolution, seen: Map<NoteId, number>): Message | undefined {
	if (!link.inTopics || resolution.target === undefined) return undefined;
	const firstLine = seen.get(resolution.target);
	if (firstLine === undefined) {
		seen.set(resolution.target, link.range.start.line);
		return undefined;
	}
	return { id: 'duplicateTopic', args: { target: link.target, line: firstLine + 1 } };
}

/** Whether a file lies in a folder (subfolders included), names compared as SPEC §1. */
export function isInFolder(id: NoteId, folder: string): boolean {
	const prefix = nameKey(folder.replace(/\/+$/, '')) + '/';
	return prefix === '/' || nameKey(id).startsWith(prefix);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
	return (
		a.range.start.line - b.range.start.line ||
		a.range.start.character - b.range.start.character ||
		compareCodePoints(a.code, b.code)
	);
}
