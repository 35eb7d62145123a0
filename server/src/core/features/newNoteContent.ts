// The note a "create the missing note" quick fix makes for a broken link: where it goes and what
// it holds. A bare name goes next to the linking note (or to the vault root, by setting); a path
// goes to that path. Content comes from `.vault-notes/templates/<top folder>.md` when the caller
// found one, else the default topic template in the topics folder, else the required fields.
import { parseNote } from '../parse/parseNote';
import type { VaultIndex } from '../index/vault';
import { planLookup } from '../index/resolve';
import { dirname, isInvisiblePath, isMarkdownPath, joinPath, nameKey, noteName } from '../text/paths';
import type { Link, NoteId } from '../types';
import { isInFolder } from './diagnostics';
import type { FileCreation } from './vaultEdit';

export interface NewNoteOptions {
	/** Where a bare name's note goes (the `vaultNotes.newNoteLocation` setting). */
	readonly newNoteLocation: 'nextToNote' | 'root';
	/** Template texts by top-level folder name, as read from `.vault-notes/templates/<folder>.md`. */
	readonly templates: ReadonlyMap<string, string>;
	/** Today, `YYYY-MM-DD`, for `{{date}}`. */
	readonly date: string;
}

// Windows-safe names: a link naming one of these cannot get its note (the fix would not be reached).
const FORBIDDEN = /[:*?"<>|\\\u0000-\u001f\u007f]/;

/** The note to create for a broken link of `sourceId`, or undefined when none can be made. */
export function newNoteContent(
	vault: VaultIndex,
	sourceId: NoteId,
	link: Link,
	options: NewNoteOptions,
): FileCreation | undefined {
	const id = newNoteId(sourceId, link, options.newNoteLocation);
	if (id === undefined || isInvisiblePath(id) || FORBIDDEN.test(id)) return undefined;
	if (id.split('/').some((segment) => segment.trim() === '' || segment !== segment.trim())) return undefined;
	if (vault.ids().some((existing) => nameKey(existing) === nameKey(id))) return undefined;
	return { id, text: contentFor(vault, id, options) };
}

function newNoteId(sourceId: NoteId, link: Link, location: NewNoteOptions['newNoteLocation']): NoteId | undefined {
	const plan = planLookup(sourceId, link);
	if (plan.outside || link.target === '') return undefined;
	if (link.kind === 'markdown') {
		const path = link.target.startsWith('/') ? joinPath('', link.target) : joinPath(dirname(sourceId), link.target);
		return path !== undefined && isMarkdownPath(path) ? path : undefined;
	}
	// An embed of something with another extension (`![[图.png]]`) wants an attachment, not a note.
	if (/\.[A-Za-z0-9]{1,5}$/.test(link.target) && !isMarkdownPath(link.target)) return undefined;
	const name = isMarkdownPath(link.target) ? link.target.slice(0, -3) : link.target;
	const relative = name.startsWith('./') || name.startsWith('../');
	const base = relative || (!name.includes('/') && location === 'nextToNote') ? dirname(sourceId) : '';
	const path = joinPath(base, name);
	return path === undefined || path === '' ? undefined : path + '.md';
}

function contentFor(vault: VaultIndex, id: NoteId, options: NewNoteOptions): string {
	const title = noteName(id);
	const template = id.includes('/') ? options.templates.get(id.slice(0, id.indexOf('/'))) : undefined;
	if (template !== undefined) return template.replace(/\{\{title\}\}/g, title).replace(/\{\{date\}\}/g, options.date);
	const config = vault.config.config;
	if (isInFolder(id, config.topics.folder)) {
		return `---\ntitle: ${yamlScalar(title)}\n---\n\n## 定义\n\n## ${config.topics.section}\n`;
	}
	const fields = requiredFields(vault, id);
	return fields.length === 0 ? '' : frontMatterBlock(fields, title, '\n');
}

/** The fields the config's schemas require of a note at `id` (none when no rule matches). */
export function requiredFields(vault: VaultIndex, id: NoteId): string[] {
	const problem = parseNote(id, '', vault.config).problems.find((found) => found.code === 'missing-front-matter');
	const fields = problem?.message.args?.['fields'];
	return typeof fields === 'string' && fields !== '' ? fields.split(', ') : [];
}

/** A front-matter block: `title` gets the note's name, every other field an empty value to fill in. */
export function frontMatterBlock(fields: readonly string[], title: string, eol: string): string {
	const lines = fields.map((field) => (field === 'title' ? `title: ${yamlScalar(title)}` : `${field}: `));
	return ['---', ...lines, '---', ''].join(eol);
}

/** A YAML plain scalar when safe, else double-quoted. */
export function yamlScalar(value: string): string {
	const plain =
		/^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/.test(value) &&
		value === value.trim() &&
		!/^(true|false|null|~|[-+.\d])/i.test(value);
	return plain ? value : JSON.stringify(value);
}
