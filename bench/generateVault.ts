// Scales a seed vault to N notes with renamed copies: copy k of `01-博客/x/标题.md` is
// `01-博客/x/标题 k.md`, and its links to other copied notes point to their copy k, so the link
// graph of every copy is the seed's graph. Topic notes are not copied: every copy links to the
// same topics, which become hubs with tens of thousands of backlinks. Deterministic, and files are
// written one at a time so a 1 GB vault needs no more memory than the seed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRandom } from './random';
import type { Seed, SeedFile } from './seed';
import { TOPICS_FOLDER } from './seed';

/** Bump when the generated text changes, so cached vaults are regenerated. */
const GENERATOR_VERSION = 3;
export const PENDING_NOTE = 'bench-待建笔记.md';
const PENDING_LINKERS = 500;
const PROBE_BROKEN_TARGET = 'bench-不存在的笔记';

export interface NotePosition {
	readonly id: string;
	readonly line: number;
	readonly character: number;
}

export interface VaultManifest {
	readonly version: number;
	readonly seed: string;
	readonly notes: number;
	readonly bytes: number;
	/** The topic with the most backlinks (distinct linking notes). */
	readonly hub: { readonly id: string; readonly backlinks: number };
	/** The note with the most backlinks that has at most 1,000. */
	readonly mid: { readonly id: string; readonly backlinks: number };
	/** A note that does not exist yet, and the notes whose link to it is broken until it does. */
	readonly pending: { readonly id: string; readonly linkers: readonly string[] };
	/** A note with many links and one truly broken one, opened while the vault is indexed. */
	readonly probe: { readonly id: string; readonly brokenTarget: string };
	/** Notes for the edit and completion measures (never the pending linkers). */
	readonly edit: string;
	readonly completion: string;
	/** Inside a link to the hub, for rename. */
	readonly hubLink: NotePosition;
}

interface LinkSite {
	/** Offsets of the target path inside the note text (what a copy renames). */
	readonly start: number;
	readonly end: number;
	/** Seed id of the note the link resolves to; undefined when broken or a topic. */
	readonly copied: string | undefined;
	/** Seed id of the resolved target, for backlink counts. */
	readonly target: string | undefined;
}

interface SeedNote {
	readonly file: SeedFile;
	readonly index: number;
	readonly copies: number;
	readonly links: readonly LinkSite[];
}

export function manifestPath(root: string): string {
	return root.replace(/\/$/, '') + '.manifest.json';
}

/** Reuses a vault generated before with the same seed and size. */
export function ensureVault(seed: Seed, notes: number, root: string, log: (line: string) => void): VaultManifest {
	const file = manifestPath(root);
	if (fs.existsSync(file)) {
		const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as VaultManifest;
		if (manifest.version === GENERATOR_VERSION && manifest.seed === seed.name && manifest.notes === notes) {
			fs.rmSync(path.join(root, manifest.pending.id), { force: true });
			return manifest;
		}
	}
	log(`generating ${notes} notes into ${root}`);
	const started = performance.now();
	fs.rmSync(root, { recursive: true, force: true });
	const manifest = generateVault(seed, notes, root);
	fs.writeFileSync(file, JSON.stringify(manifest, null, '\t') + '\n');
	log(
		`generated ${manifest.notes} notes (${(manifest.bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
	return manifest;
}

export function generateVault(seed: Seed, total: number, root: string): VaultManifest {
	const notes = seed.files.filter((file) => file.text !== undefined);
	const topics = notes.filter((file) => isTopic(file.id));
	const others = notes.filter((file) => !isTopic(file.id));
	const base = Math.floor(Math.max(0, total - topics.length) / others.length);
	const extra = Math.max(0, total - topics.length) - base * others.length;
	const lookup = new SeedLookup(notes.map((file) => file.id));
	const seedNotes = new Map<string, SeedNote>();
	for (const file of notes) {
		const index = others.indexOf(file);
		const copies = isTopic(file.id) ? 1 : base + (index < extra ? 1 : 0);
		seedNotes.set(file.id, { file, index, copies, links: linkSites(file, lookup) });
	}
	const plan = planSpecialNotes([...seedNotes.values()]);
	const writer = new VaultWriter(root);
	for (const file of seed.files) if (file.text === undefined) writer.copy(file.id, file.source!);
	const backlinks = new Map<string, number>();
	let hubLink: NotePosition | undefined;
	const maxCopies = Math.max(...[...seedNotes.values()].map((note) => note.copies));
	for (let copy = 0; copy < maxCopies; copy++) {
		for (const note of seedNotes.values()) {
			if (copy >= note.copies) continue;
			const id = copyId(note.file.id, copy);
			const rendered = renderCopy(note, copy, seedNotes);
			let text = rendered.text;
			if (plan.linkers.has(id)) text = insertAfterFrontMatter(text, `见 [[${PENDING_NOTE.replace(/\.md$/, '')}]]。`);
			if (id === plan.probe) text = insertAfterFrontMatter(text, `另见 [[${PROBE_BROKEN_TARGET}]]。`);
			for (const target of new Set(note.links.map((link) => link.target))) {
				if (target === undefined) continue;
				const targetId = copyId(target, copy < seedNotes.get(target)!.copies ? copy : 0);
				backlinks.set(targetId, (backlinks.get(targetId) ?? 0) + 1);
			}
			if (copy === 1 && !hubLink && !plan.linkers.has(id))
				hubLink = linkPosition(id, text, rendered.starts, note, plan.hub);
			writer.note(id, text);
		}
	}
	const ranked = [...backlinks].filter(([id]) => isTopic(id)).sort((a, b) => b[1] - a[1]);
	const mid = ranked.find(([, count]) => count <= 1000) ?? ranked[0] ?? [plan.hub, 0];
	return {
		version: GENERATOR_VERSION,
		seed: seed.name,
		notes: writer.notes,
		bytes: writer.bytes,
		hub: { id: plan.hub, backlinks: backlinks.get(plan.hub) ?? 0 },
		mid: { id: mid[0], backlinks: mid[1] },
		pending: { id: PENDING_NOTE, linkers: [...plan.linkers].sort() },
		probe: { id: plan.probe, brokenTarget: PROBE_BROKEN_TARGET },
		edit: plan.edit,
		completion: plan.completion,
		hubLink: hubLink ?? { id: plan.edit, line: 0, character: 0 },
	};
}

/** Where the first link of `note` to `hub` is in its rendered text (inside the brackets). */
function linkPosition(
	id: string,
	text: string,
	starts: readonly number[],
	note: SeedNote,
	hub: string,
): NotePosition | undefined {
	const index = note.links.findIndex((link) => link.target === hub);
	if (index < 0) return undefined;
	const before = text.slice(0, starts[index]! + 1).split('\n');
	return { id, line: before.length - 1, character: before[before.length - 1]!.length };
}

function isTopic(id: string): boolean {
	return id.startsWith(TOPICS_FOLDER + '/');
}

export function copyId(id: string, copy: number): string {
	return copy === 0 ? id : id.replace(/\.md$/i, ` ${copy}.md`);
}

/** Finds `[[target#fragment|label]]` and `[text](path.md)` links and what they resolve to in the seed. */
function linkSites(file: SeedFile, lookup: SeedLookup): LinkSite[] {
	const text = file.text!;
	const sites: LinkSite[] = [];
	for (const match of text.matchAll(/\[\[([^\n]*?)\]\]/g)) {
		const inner = match[1]!;
		// The target ends at `#` or at the first `|` (written `\|` inside tables).
		const cut = inner.search(/\\?\||#/);
		const raw = cut < 0 ? inner : inner.slice(0, cut);
		const target = lookup.resolve(file.id, raw.trim());
		const start = match.index + 2 + (raw.length - raw.trimStart().length);
		sites.push(site(start, start + raw.trim().length, target));
	}
	for (const match of text.matchAll(/\]\(<?([^)<>\s]+?\.md)(#[^)>]*)?>?\)/gi)) {
		if (/^[a-z][a-z0-9+.-]*:/i.test(match[1]!)) continue;
		const decoded = safeDecode(match[1]!);
		const target = lookup.resolve(file.id, decoded.startsWith('/') ? decoded.slice(1) : relativeTo(file.id, decoded));
		const start = match.index + match[0].indexOf(match[1]!);
		sites.push(site(start, start + match[1]!.length, target));
	}
	return sites.sort((a, b) => a.start - b.start);
}

function site(start: number, end: number, target: string | undefined): LinkSite {
	return { start, end, target, copied: target !== undefined && !isTopic(target) ? target : undefined };
}

function relativeTo(from: string, target: string): string {
	return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * The seed text with every link to a copied note renamed to its copy of the same number, and
 * where each link's target starts in the result.
 */
function renderCopy(note: SeedNote, copy: number, notes: ReadonlyMap<string, SeedNote>) {
	const text = note.file.text!;
	let result = '';
	let at = 0;
	const starts: number[] = [];
	for (const link of note.links) {
		starts.push(result.length + link.start - at);
		if (link.start < at) continue;
		if (link.copied === undefined || copy === 0 || copy >= notes.get(link.copied)!.copies) continue;
		const raw = text.slice(link.start, link.end);
		// A Markdown link's URL cannot hold a bare space.
		const suffix =
			text.startsWith('](', link.start - 2) || text.startsWith('](<', link.start - 3) ? `%20${copy}` : ` ${copy}`;
		result +=
			text.slice(at, link.start) + (/\.md$/i.test(raw) ? raw.slice(0, -3) + suffix + raw.slice(-3) : raw + suffix);
		at = link.end;
	}
	return { text: result + text.slice(at), starts };
}

function insertAfterFrontMatter(text: string, line: string): string {
	const close = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
	const at = close < 0 ? 0 : close + 5;
	return text.slice(0, at) + `\n${line}\n\n` + text.slice(at);
}

interface SpecialNotes {
	readonly hub: string;
	readonly linkers: ReadonlySet<string>;
	readonly probe: string;
	readonly edit: string;
	readonly completion: string;
}

function planSpecialNotes(notes: readonly SeedNote[]): SpecialNotes {
	const random = createRandom(20261128);
	const copied = notes.filter((note) => note.copies > 0 && !isTopic(note.file.id));
	const byLinks = [...copied].sort((a, b) => linkCount(b) - linkCount(a) || (a.file.id < b.file.id ? -1 : 1));
	// The probe is in the last copy, which the server reads last.
	const probeNote = byLinks[0]!;
	const probe = copyId(probeNote.file.id, probeNote.copies - 1);
	const quiet = byLinks[byLinks.length - 1]!;
	const edit = copyId(quiet.file.id, Math.min(1, quiet.copies - 1));
	const completion = copyId(quiet.file.id, Math.min(2, quiet.copies - 1));
	const candidates = copied.flatMap((note) =>
		Array.from({ length: note.copies }, (_, copy) => copyId(note.file.id, copy)),
	);
	const linkers = new Set<string>();
	const wanted = Math.min(PENDING_LINKERS, candidates.length - 3);
	while (linkers.size < wanted) {
		const id = candidates[random.int(candidates.length)]!;
		if (id !== probe && id !== edit && id !== completion) linkers.add(id);
	}
	return { hub: hubTopic(notes), linkers, probe, edit, completion };
}

/** The topic linked by the most notes once every copy is written. */
function hubTopic(notes: readonly SeedNote[]): string {
	const counts = new Map<string, number>();
	for (const note of notes) {
		for (const target of new Set(note.links.map((link) => link.target))) {
			if (target !== undefined && isTopic(target)) counts.set(target, (counts.get(target) ?? 0) + note.copies);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? notes[0]!.file.id;
}

function linkCount(note: SeedNote): number {
	return note.links.filter((link) => link.copied !== undefined).length;
}

/** Seed-side resolution (SPEC §2.5, enough to tell which note a link names). */
class SeedLookup {
	private readonly byPath = new Map<string, string>();
	private readonly byName = new Map<string, string[]>();

	constructor(private readonly ids: readonly string[]) {
		for (const id of ids) {
			const key = keyOf(id.replace(/\.md$/i, ''));
			this.byPath.set(key, id);
			const name = key.slice(key.lastIndexOf('/') + 1);
			this.byName.set(name, [...(this.byName.get(name) ?? []), id]);
		}
	}

	resolve(from: string, rawTarget: string): string | undefined {
		if (rawTarget === '') return undefined;
		const target = keyOf(rawTarget.replace(/\.md$/i, ''));
		if (target.startsWith('./') || target.startsWith('../')) return this.byPath.get(keyOf(relativeTo(from, target)));
		if (target.includes('/')) {
			const exact = this.byPath.get(target);
			if (exact) return exact;
			return this.ids.find((id) => keyOf(id.replace(/\.md$/i, '')).endsWith('/' + target));
		}
		const candidates = this.byName.get(target) ?? [];
		const sameFolder = candidates.find((id) => path.posix.dirname(id) === path.posix.dirname(from));
		return sameFolder ?? candidates[0];
	}
}

function keyOf(value: string): string {
	return value.normalize('NFC').toLowerCase();
}

class VaultWriter {
	notes = 0;
	bytes = 0;
	private readonly folders = new Set<string>();

	constructor(private readonly root: string) {}

	note(id: string, text: string): void {
		const file = this.prepare(id);
		const bytes = Buffer.from(text, 'utf8');
		fs.writeFileSync(file, bytes);
		this.notes++;
		this.bytes += bytes.length;
	}

	copy(id: string, source: string): void {
		fs.copyFileSync(source, this.prepare(id));
	}

	private prepare(id: string): string {
		const file = path.join(this.root, id);
		const folder = path.dirname(file);
		if (!this.folders.has(folder)) {
			fs.mkdirSync(folder, { recursive: true });
			this.folders.add(folder);
		}
		return file;
	}
}
