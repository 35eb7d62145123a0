// Globs of the config (`ignore`, `frontMatter[].files`), with picomatch semantics on the
// vault-relative POSIX path (SPEC §1): `*.md` matches at the root only, `**/*.md` everywhere.
import picomatch from 'picomatch/posix';
import type { NoteId } from './types';

/**
 * A matcher that is true when any of `globs` matches. Dot files match too (`gitbook/**` covers
 * `gitbook/.draft.md`), and both sides are compared in NFC because macOS stores NFD names.
 * Throws when a glob cannot be compiled (the config loader reports it).
 */
export function createGlobMatcher(globs: readonly string[]): (id: NoteId) => boolean {
	if (globs.length === 0) return () => false;
	const matchers = globs.map((glob) => picomatch(glob.normalize('NFC'), { dot: true }));
	return (id) => {
		const normalized = id.normalize('NFC');
		return matchers.some((matcher) => matcher(normalized));
	};
}
