// Property: on random vaults without name collisions, renaming (or moving) a note and renaming it
// back leaves every byte of every file as it was, and after each rename every link that resolved
// before still resolves to the same (renamed) file. Edits are applied to an in-memory file map
// and the index is rebuilt from scratch each time.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { NoteId, VaultIndex } from '../../server/src/core';
import { dirname, noteName } from '../../server/src/core';
import { relativePath } from '../../server/src/core/features/linkTargetText';
import { renameNote } from '../../server/src/core/features/rename';
import { applyVaultEdit } from '../support/applyVaultEdit';
import { vaultFromFiles } from '../support/vaultFixture';

const FOLDERS = ['', 'a', '笔记', 'b c', '00-元语', 'a/深 层'];
const NAMES = ['Note', '人工智能', 'my note', 'AI', '甲乙', 'x y z', 'Ω 3', 'zed'];
const STYLES = ['bare', 'bareMd', 'full', 'relative', 'mdRelative', 'mdRoot', 'mdAngled', 'frontMatter'] as const;
type Style = (typeof STYLES)[number];

interface LinkSpec {
	readonly target: number;
	readonly style: Style;
	readonly fragment: boolean;
	readonly label: 'none' | 'word' | 'name';
}

const linkSpec = fc.record({
	target: fc.nat(7),
	style: fc.constantFrom(...STYLES),
	fragment: fc.boolean(),
	label: fc.constantFrom('none', 'word', 'name'),
});

const vaultSpec = fc
	.record({
		names: fc.shuffledSubarray(NAMES, { minLength: 2, maxLength: 5 }),
		folders: fc.array(fc.constantFrom(...FOLDERS), { minLength: 5, maxLength: 5 }),
		links: fc.array(fc.array(linkSpec, { maxLength: 6 }), { minLength: 5, maxLength: 5 }),
		renamed: fc.nat(4),
		newName: fc.constantFrom(...NAMES),
		newFolder: fc.constantFrom(...FOLDERS),
	})
	.filter(
		(spec) => !spec.names.includes(spec.newName) || spec.names[spec.renamed % spec.names.length] === spec.newName,
	);

function buildFiles(spec: { names: string[]; folders: string[]; links: LinkSpec[][] }): Map<NoteId, string> {
	const ids = spec.names.map((name, index) => joinId(spec.folders[index]!, name + '.md'));
	const files = new Map<NoteId, string>();
	ids.forEach((id, index) => {
		const links = spec.links[index]!.map((link) => ({ ...link, target: link.target % ids.length }));
		const front = links
			.filter((link) => link.style === 'frontMatter')
			.map((link) => `  - "${wikilink(link, ids, id)}"`);
		const body = links.filter((link) => link.style !== 'frontMatter').map((link) => `- ${render(link, ids, id)} tail`);
		const header = front.length > 0 ? ['---', 'related:', ...front, '---'] : [];
		files.set(id, [...header, `# Head`, '', ...body, ''].join('\n'));
	});
	return files;
}

function joinId(folder: string, file: string): NoteId {
	return folder === '' ? file : `${folder}/${file}`;
}

function render(link: LinkSpec, ids: readonly NoteId[], source: NoteId): string {
	if (!link.style.startsWith('md')) return wikilink(link, ids, source);
	const targetId = ids[link.target]!;
	const fragment = link.fragment ? '#Head' : '';
	const label = link.label === 'name' ? noteName(targetId) : link.label === 'word' ? 'see' : '';
	if (link.style === 'mdAngled') return `[${label}](<${relativePath(dirname(source), targetId)}>${fragment})`;
	const path = link.style === 'mdRoot' ? '/' + targetId : relativePath(dirname(source), targetId);
	return `[${label}](${path.replace(/ /g, '%20')}${fragment})`;
}

function wikilink(link: LinkSpec, ids: readonly NoteId[], source: NoteId): string {
	const targetId = ids[link.target]!;
	const withoutMd = targetId.slice(0, -3);
	const relative = relativePath(dirname(source), withoutMd);
	const target =
		link.style === 'full'
			? withoutMd
			: link.style === 'relative'
				? relative.startsWith('../')
					? relative
					: './' + relative
				: link.style === 'bareMd'
					? noteName(targetId) + '.md'
					: noteName(targetId);
	const fragment = link.fragment ? '#Head' : '';
	const label = link.label === 'name' ? `|${noteName(targetId)}` : link.label === 'word' ? '|see' : '';
	return `[[${target}${fragment}${label}]]`;
}

function index(files: ReadonlyMap<NoteId, string>): VaultIndex {
	return vaultFromFiles([...files].map(([path, text]) => ({ path, text })));
}

/** Renames `from` to the root path `typed` and checks that every resolved link still resolves. */
function renameAndCheck(
	files: Map<NoteId, string>,
	from: NoteId,
	typed: string,
): { files: Map<NoteId, string>; to: NoteId } {
	const vault = index(files);
	const result = renameNote(vault, from, typed, (id) => files.get(id));
	if (result.kind === 'refused') throw new Error(`refused ${result.message.id} for ${typed}`);
	expect(result.needText).toEqual([]);
	const to = result.edit.renames[0]!.to;
	const next = applyVaultEdit(files, result.edit);
	const after = index(next);
	const map = (id: NoteId) => (id === from ? to : id);
	for (const id of vault.noteIds()) {
		const before = vault.note(id)!;
		const moved = after.note(map(id))!;
		before.resolutions.forEach((resolution, at) => {
			if (resolution.status !== 'resolved') return;
			expect({ id, at, target: moved.resolutions[at]!.target }).toEqual({ id, at, target: map(resolution.target!) });
		});
	}
	return { files: next, to };
}

describe('rename round trip', () => {
	test('rename and rename back restores every byte; links keep resolving', () => {
		fc.assert(
			fc.property(vaultSpec, (spec) => {
				const files = buildFiles(spec);
				const ids = [...files.keys()];
				const from = ids[spec.renamed % ids.length]!;
				const typed = '/' + joinId(spec.newFolder, spec.newName);
				if (joinId(spec.newFolder, spec.newName + '.md') === from) return;
				// A full path to a note at the root is its bare name: moving a note to the root and back
				// cannot tell a full-path link from a bare one (README "Renaming notes").
				const fullLinkTo = spec.links.some((links) =>
					links.some((link) => link.style === 'full' && link.target % ids.length === ids.indexOf(from)),
				);
				if (spec.newFolder === '' && from.includes('/') && fullLinkTo) return;
				const forward = renameAndCheck(files, from, typed);
				const back = renameAndCheck(forward.files, forward.to, '/' + from.slice(0, -3));
				expect(back.to).toBe(from);
				expect([...back.files].sort()).toEqual([...files].sort());
			}),
			{ numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 20261128) },
		);
	});
});
