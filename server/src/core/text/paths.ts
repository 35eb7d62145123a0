// Vault-relative POSIX paths and the name comparison rule of SPEC §1.
// NoteIds are never normalized; comparison keys are.
import type { NoteId } from '../types';

/** The comparison key of a name or path: NFC, then lower case (macOS stores NFD names). */
export function nameKey(name: string): string {
	return name.normalize('NFC').toLowerCase();
}

export function isMarkdownPath(path: string): boolean {
	return path.length > 3 && path.slice(-3).toLowerCase() === '.md';
}

/** Folder of a path, '' at the root. */
export function dirname(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash);
}

/** Last segment of a path. */
export function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** A note's name: its file name without `.md`. */
export function noteName(id: NoteId): string {
	const name = basename(id);
	return isMarkdownPath(name) ? name.slice(0, -3) : name;
}

/**
 * Invisible files (SPEC §1): anything under a folder or file whose name starts with `.`,
 * or under `node_modules`. They are never read and nothing in them resolves.
 */
export function isInvisiblePath(path: string): boolean {
	for (const segment of path.split('/')) {
		if (segment.startsWith('.') || segment === 'node_modules') return true;
	}
	return false;
}

/**
 * Joins `relative` to the folder `base` and resolves `.` and `..` segments.
 * Returns undefined when the path leaves the vault root.
 */
export function joinPath(base: string, relative: string): string | undefined {
	const segments = base === '' ? [] : base.split('/');
	for (const segment of relative.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') {
			if (segments.length === 0) return undefined;
			segments.pop();
			continue;
		}
		segments.push(segment);
	}
	return segments.join('/');
}

/** Every trailing run of segments of a path, longest first: `a/b/c.md` → `a/b/c.md`, `b/c.md`, `c.md`. */
export function pathTails(path: string): string[] {
	const tails = [path];
	let slash = path.indexOf('/');
	while (slash >= 0) {
		tails.push(path.slice(slash + 1));
		slash = path.indexOf('/', slash + 1);
	}
	return tails;
}

/** Code-point order, the order of every sorted list of ids the core returns. */
export function compareCodePoints(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	for (let index = 0; index < length; index++) {
		let left = a.charCodeAt(index);
		let right = b.charCodeAt(index);
		if (left === right) continue;
		// UTF-16 order differs from code-point order only between surrogates (U+D800–DFFF) and
		// U+E000–FFFF: move the surrogates above that range before comparing.
		if (left >= 0xd800 && right >= 0xd800) {
			left = left >= 0xe000 ? left - 0x800 : left + 0x2000;
			right = right >= 0xe000 ? right - 0x800 : right + 0x2000;
		}
		return left - right;
	}
	return a.length - b.length;
}
