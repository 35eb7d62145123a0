// The text a link's target should have once files moved, in the link's own style: a bare name
// stays a name, a full path a full path, a partial path a partial path, a relative path is
// recomputed from the linking note's folder, `.md` is kept when it was written. Markdown links
// keep `/`-rooted or relative form, a `./` prefix, `<…>` and their percent-encoding habit.
import { basename, dirname, isMarkdownPath, nameKey } from '../text/paths';
import type { Link, NoteId } from '../types';

/** The facts a link's new target text depends on. */
export interface TargetMove {
	/** The target before and after the move. */
	readonly before: NoteId;
	readonly after: NoteId;
	/** The linking note before and after the move (itself moved or not). */
	readonly sourceBefore: NoteId;
	readonly sourceAfter: NoteId;
	/** The raw target text of a Markdown link (between `(`/`<` and `#`); undefined for wikilinks. */
	readonly rawDestination?: string;
	/** A Markdown link written `<…>`. */
	readonly angled?: boolean;
}

/**
 * Candidate target texts, the preferred first, then longer (more path segments) fallbacks for
 * a wikilink whose short form would not be unique. The caller keeps the first that resolves.
 */
export function targetCandidates(link: Link, move: TargetMove): string[] {
	if (link.kind === 'markdown') return [markdownTarget(move)];
	const raw = link.target;
	const isNote = isMarkdownPath(move.after);
	const suffix = isNote ? writtenSuffix(raw, move.before) : '';
	const pathAfter = isNote ? move.after.slice(0, -3) : move.after;
	if (raw.startsWith('./') || raw.startsWith('../'))
		return [relativeTarget(dirname(move.sourceAfter), pathAfter) + suffix];
	const segments = pathAfter.split('/');
	const wasFullPath = nameKey(stripSuffix(raw, suffix)) === nameKey(isNote ? move.before.slice(0, -3) : move.before);
	const written = raw.includes('/') ? raw.split('/').length : 1;
	const first = raw.includes('/') && wasFullPath ? segments.length : Math.min(written, segments.length);
	const res: string[] = [];
	for (let count = first; count <= segments.length; count++) res.push(segments.slice(-count).join('/') + suffix);
	return res;
}

/** `.md` as written in the link (any case), when the link names the note with it. */
function writtenSuffix(raw: string, before: NoteId): string {
	if (!isMarkdownPath(raw)) return '';
	const withoutSuffix = nameKey(basename(raw).slice(0, -3));
	return withoutSuffix === nameKey(basename(before).slice(0, -3)) ? raw.slice(-3) : '';
}

function stripSuffix(raw: string, suffix: string): string {
	return suffix === '' ? raw : raw.slice(0, -suffix.length);
}

/** A relative path from a folder, always starting with `./` or `../` (a wikilink's relative form). */
function relativeTarget(fromFolder: string, to: string): string {
	const relative = relativePath(fromFolder, to);
	return relative.startsWith('../') ? relative : './' + relative;
}

/** The path of `to` relative to the folder `fromFolder` (both vault-relative). */
export function relativePath(fromFolder: string, to: string): string {
	const from = fromFolder === '' ? [] : fromFolder.split('/');
	const target = to.split('/');
	let common = 0;
	while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
	return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

type Encoding = 'angled' | 'full' | 'spaces' | 'plain';

/** A Markdown destination for the moved target, touching only the last segment when no folder changed. */
function markdownTarget(move: TargetMove): string {
	const raw = move.rawDestination ?? '';
	const encoding: Encoding = move.angled
		? 'angled'
		: /%[89a-f][0-9a-f]/i.test(raw)
			? 'full'
			: /%[0-9a-f]{2}/i.test(raw)
				? 'spaces'
				: 'plain';
	const sameFolders =
		dirname(move.before) === dirname(move.after) && dirname(move.sourceBefore) === dirname(move.sourceAfter);
	const lastSlash = raw.lastIndexOf('/');
	// Only the file name changed (no folder did): keep the rest of the destination as written.
	if (sameFolders) {
		return raw.slice(0, lastSlash + 1) + encodePath(basename(move.after), encoding);
	}
	if (raw.startsWith('/')) return '/' + encodePath(move.after, encoding);
	const relative = relativePath(dirname(move.sourceAfter), move.after);
	const prefixed = raw.startsWith('./') && !relative.startsWith('../') ? './' + relative : relative;
	return encodePath(prefixed, encoding);
}

/** Encodes a path as the original destination did; characters a destination cannot hold are always encoded. */
function encodePath(path: string, encoding: Encoding): string {
	if (encoding === 'angled') return path.replace(/[<>\n\r]/g, (char) => percent(char));
	if (encoding === 'full') return encodeURI(path).replace(/[#?()<>]/g, (char) => percent(char));
	return path.replace(/[ \t#<>]/g, (char) => percent(char));
}

function percent(char: string): string {
	return '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}
