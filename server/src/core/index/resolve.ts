// Link resolution, exactly as SPEC §2.5. Ambiguity is data, not an exception.
import { compareCodePoints, dirname, isMarkdownPath, joinPath, nameKey } from '../text/paths';
import type { Link, NoteId } from '../types';
import type { FileKind, FileNames } from './lookup';

export type ResolutionStatus = 'resolved' | 'ambiguous' | 'broken' | 'notVaultLink';

export interface Resolution {
	readonly status: ResolutionStatus;
	/** Where the link navigates: the single candidate, or the preferred one of several. */
	readonly target: NoteId | undefined;
	/** Whether `target` is a note (it may be an attachment). */
	readonly targetIsNote: boolean;
	/** Every candidate, in code-point order, when the link is ambiguous. */
	readonly candidates: readonly NoteId[] | undefined;
	/** The link's target leaves the vault root (`[[../../x]]`). */
	readonly outside: boolean;
}

/** How a link looks its target up; `key` is also the index's key for re-resolution. */
export interface LookupPlan {
	/** 'path': from the root only (relative links, Markdown links); 'name': path, then tails. */
	readonly mode: 'path' | 'name';
	/** The normalized key (NFC, lower case), or undefined for a same-note link or a path outside the vault. */
	readonly key: string | undefined;
	readonly outside: boolean;
	/** Markdown links name a file exactly: no `.md` is added. */
	readonly exact: boolean;
}

/** Decides how a link from `sourceId` looks up its target. */
export function planLookup(sourceId: NoteId, link: Link): LookupPlan {
	const target = link.target;
	if (target === '') return { mode: 'path', key: undefined, outside: false, exact: false };
	if (link.kind === 'markdown') {
		const path = target.startsWith('/') ? joinPath('', target) : joinPath(dirname(sourceId), target);
		return pathPlan(path, true);
	}
	if (target.startsWith('./') || target.startsWith('../')) return pathPlan(joinPath(dirname(sourceId), target), false);
	return { mode: 'name', key: nameKey(target), outside: false, exact: false };
}

function pathPlan(path: string | undefined, exact: boolean): LookupPlan {
	if (path === undefined) return { mode: 'path', key: undefined, outside: true, exact };
	return { mode: 'path', key: nameKey(path), outside: false, exact };
}

const SELF: Omit<Resolution, 'target'> = {
	status: 'resolved',
	targetIsNote: true,
	candidates: undefined,
	outside: false,
};

/** Resolves one link of `sourceId` against the vault's files. */
export function resolveLink(
	lookup: FileNames,
	sourceId: NoteId,
	link: Link,
	plan = planLookup(sourceId, link),
): Resolution {
	if (link.target === '') return { ...SELF, target: sourceId };
	if (plan.key === undefined) return broken(plan.outside);
	const found = findCandidates(lookup, plan);
	if (!found) {
		// A Markdown link that names no vault file and does not end with `.md` is not a vault link.
		const isVaultLink = link.kind !== 'markdown' || isMarkdownPath(plan.key);
		return isVaultLink ? broken(false) : { ...broken(false), status: 'notVaultLink' };
	}
	const { ids, kind } = found;
	const targetIsNote = kind === 'note';
	if (ids.length === 1)
		return { status: 'resolved', target: ids[0], targetIsNote, candidates: undefined, outside: false };
	const folder = nameKey(dirname(sourceId));
	const local = ids.filter((id) => nameKey(dirname(id)) === folder);
	if (local.length === 1)
		return { status: 'resolved', target: local[0], targetIsNote, candidates: undefined, outside: false };
	return { status: 'ambiguous', target: preferred(ids), targetIsNote, candidates: ids, outside: false };
}

function broken(outside: boolean): Resolution {
	return { status: 'broken', target: undefined, targetIsNote: false, candidates: undefined, outside };
}

interface Found {
	readonly ids: readonly NoteId[];
	readonly kind: FileKind;
}

/** SPEC §2.5 steps 1–4: the first step and variant that finds anything wins. */
function findCandidates(lookup: FileNames, plan: LookupPlan): Found | undefined {
	const key = plan.key!;
	if (plan.mode === 'path' && plan.exact) {
		const kind: FileKind = isMarkdownPath(key) ? 'note' : 'attachment';
		const ids = lookup.byPath(key, kind);
		return ids.length > 0 ? { ids, kind } : undefined;
	}
	const byPath = (k: string, kind: FileKind) => lookup.byPath(k, kind);
	const byTail = (k: string, kind: FileKind) => lookup.byTail(k, kind);
	if (plan.mode === 'path' || key.includes('/')) {
		const atRoot = tryVariants(key, byPath);
		if (atRoot || plan.mode === 'path') return atRoot;
	}
	return tryVariants(key, byTail);
}

function tryVariants(key: string, find: (key: string, kind: FileKind) => readonly NoteId[]): Found | undefined {
	const asNote = find(key + '.md', 'note');
	if (asNote.length > 0) return { ids: asNote, kind: 'note' };
	if (isMarkdownPath(key)) {
		const named = find(key, 'note');
		if (named.length > 0) return { ids: named, kind: 'note' };
	}
	const attachment = find(key, 'attachment');
	if (attachment.length > 0) return { ids: attachment, kind: 'attachment' };
	return undefined;
}

/** The candidate an ambiguous link navigates to: fewest segments, then shortest, then code-point order. */
function preferred(ids: readonly NoteId[]): NoteId {
	return [...ids].sort((a, b) => segments(a) - segments(b) || a.length - b.length || compareCodePoints(a, b))[0]!;
}

function segments(id: NoteId): number {
	let count = 1;
	for (let index = 0; index < id.length; index++) if (id.charCodeAt(index) === 47) count++;
	return count;
}
