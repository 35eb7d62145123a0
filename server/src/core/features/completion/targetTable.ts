// The files completion offers, kept across requests and updated per changed file.
//
// Every keystroke bumps `VaultIndex.version`, so nothing here is derived per version: the table
// observes the index (`VaultIndex.observe`), collects the ids of the files each `apply` changed,
// and before it answers re-derives only those (their search keys when the entry was replaced,
// their part of the counts when their links were resolved again). A burst of changes larger than
// an eighth of the vault (a load, a reload) is taken in one pass and one sort instead. The first
// build (2–3 s at 100k notes, pinyin above all) can be done ahead, a slice at a time (`prepare`).
//
// Per file (a slot) it keeps the search keys (searchKeys.ts), in typed arrays what the ranking
// and the search need of it besides (group, folder, incoming links, name length, the masks of
// what its keys hold: keyMasks.ts), and the entry and resolutions it was derived from, which the
// index replaces rather than mutates, so that a file's old part of every count can be taken
// back without keeping a copy of it. The live slots are kept sorted in their static rank: more
// incoming links first, then shorter names, then code-point order of ids, the ranking's ties once
// group, score and folder are equal; a search walks them in that order (completeTargets.ts).
//
// Counts summed over every file (incoming links, link habits, front-matter keys and values) are
// tallies: created on first use, then updated with each changed file; link habits, which every
// link completion reads, are counted from the first build on.
import type { Resolution } from '../../index/resolve';
import type { FileEntry, VaultIndex } from '../../index/vault';
import { compareCodePoints, dirname } from '../../text/paths';
import type { NoteId } from '../../types';
import { isInFolder } from '../diagnostics';
import type { PinyinCache } from './pinyin';
import type { SearchKeys } from './searchKeys';
import { MASK_WORDS, writeMasks } from './keyMasks';
import { LINK_HABITS, linkHabitsOf } from './linkText';
import { fileName, fileTexts, searchKeysOf } from './searchKeys';

/** What a slot holds: the ranking groups files fall in. */
export const FREE = 0;
export const TOPIC = 1;
export const NOTE = 2;
export const ATTACHMENT = 3;

/** The ranking counts incoming links and name lengths up to these (as it always did). */
const MAX_INCOMING = 2 ** 20 - 1;
const MAX_NAME_LENGTH = 255;

/** Changes beyond max(this, an eighth of the files) are taken in bulk: update everything, sort once. */
const BULK_CHANGES = 1000;

/** Tallies kept at once (front-matter values are one per key asked for); the least recently used goes. */
const MAX_TALLIES = 32;

/** One file's part of a tally: the keys it counts once each time it lists them. */
export type Contribute = (entry: FileEntry, resolutions: readonly Resolution[]) => readonly string[];

const NO_RESOLUTIONS: readonly Resolution[] = Object.freeze([]);

export class TargetTable {
	/** Slot → id; undefined for a free slot. */
	ids: (NoteId | undefined)[] = [];
	/** Slot → search keys. */
	keys: (SearchKeys | undefined)[] = [];
	/** Slot → TOPIC, NOTE, ATTACHMENT or FREE. */
	kinds = new Uint8Array(0);
	/** Slot → number of its folder (`folderNumber`). */
	folders = new Int32Array(0);
	/** Slot → links from other notes navigating to it. */
	incoming = new Int32Array(0);
	/** Slot → length of its name, up to MAX_NAME_LENGTH. */
	nameLengths = new Uint8Array(0);
	/** Slot × MASK_WORDS → the masks of what its keys hold (keyMasks.ts). */
	masks = new Int32Array(0);
	/** The live slots in static rank, `size` of them. */
	order = new Int32Array(0);
	size = 0;

	/** Slot → the entry and resolutions its data was derived from. */
	private entries: (FileEntry | undefined)[] = [];
	private resolved: (readonly Resolution[] | undefined)[] = [];
	private readonly slots = new Map<NoteId, number>();
	private readonly freeSlots: number[] = [];
	private slotCount = 0;
	private readonly folderNumbers = new Map<string, number>();
	private readonly folderNames: string[] = [];
	private readonly tallies = new Map<string, Tally>();
	private changed = new Set<NoteId>();
	/** While the table is being built: the ids to take in (those of the first build), and how far it got. */
	private building: { readonly ids: readonly NoteId[]; next: number; readonly cache: PinyinCache } | undefined;

	private constructor(private readonly vault: VaultIndex) {
		// Whatever changes from now on is taken in by `refresh`, also files the build takes in later.
		vault.observe((changed) => {
			for (const id of changed) this.changed.add(id);
		});
		this.building = { ids: vault.ids(), next: 0, cache: new Map() };
		this.tallies.set(LINK_HABITS, new Tally(linkHabitsOf));
	}

	/** The table of a vault, up to date with it; built on first use. */
	static of(vault: VaultIndex): TargetTable {
		const table = TargetTable.existing(vault);
		table.build(Infinity);
		table.refresh();
		return table;
	}

	/**
	 * Builds the table of a vault ahead of its first use, at most `files` files per call (the
	 * server calls it between other work); true once it is built.
	 */
	static prepare(vault: VaultIndex, files: number): boolean {
		return TargetTable.existing(vault).build(files);
	}

	private static existing(vault: VaultIndex): TargetTable {
		let table = tables.get(vault);
		if (!table) {
			table = new TargetTable(vault);
			tables.set(vault, table);
		}
		return table;
	}

	slotOf(id: NoteId): number | undefined {
		return this.slots.get(id);
	}

	/** The number `folders` uses for a folder, -1 when no file is in it. */
	folderNumber(folder: string): number {
		return this.folderNumbers.get(folder) ?? -1;
	}

	/** Counts summed over every file, created on first use and kept up to date afterwards. */
	tally(name: string, contribute: Contribute): ReadonlyMap<string, number> {
		let tally = this.tallies.get(name);
		if (tally) {
			// Re-inserted: the Map's order is the order of last use.
			this.tallies.delete(name);
		} else {
			tally = new Tally(contribute);
			for (let slot = 0; slot < this.slotCount; slot++) {
				const entry = this.entries[slot];
				if (entry) tally.add(entry, this.resolved[slot]!, 1);
			}
			if (this.tallies.size >= MAX_TALLIES) this.tallies.delete(this.tallies.keys().next().value!);
		}
		this.tallies.set(name, tally);
		return tally.counts;
	}

	/** A deterministic text of everything the table holds, to compare it with one built from scratch. */
	dump(): string {
		const lines: string[] = [];
		for (let position = 0; position < this.size; position++) {
			const slot = this.order[position]!;
			const facts = [
				this.ids[slot],
				['free', 'topic', 'note', 'attachment'][this.kinds[slot]!],
				`folder '${this.folderNames[this.folders[slot]!]}'`,
				`incoming ${this.incoming[slot]}`,
				`length ${this.nameLengths[slot]}`,
				`masks ${this.masks.subarray(slot * MASK_WORDS, (slot + 1) * MASK_WORDS).join(',')}`,
				JSON.stringify(this.keys[slot]),
			];
			lines.push(facts.join(' '));
		}
		for (const name of [...this.tallies.keys()].sort()) {
			const counts = [...this.tallies.get(name)!.counts].sort((a, b) => compareCodePoints(a[0], b[0]));
			lines.push(`${name}: ${counts.map(([key, count]) => `${key}×${count}`).join(', ')}`);
		}
		return lines.join('\n');
	}

	/** Takes in up to `files` more files of the first build; true once it is done. */
	private build(files: number): boolean {
		const building = this.building;
		if (!building) return true;
		const end = Math.min(building.ids.length, building.next + files);
		for (; building.next < end; building.next++) {
			const id = building.ids[building.next]!;
			// Deleted since the build began: `refresh` will find nothing to take back.
			const entry = this.vault.file(id);
			if (entry) this.takeIn(id, entry, building.cache);
		}
		if (building.next < building.ids.length) return false;
		this.building = undefined;
		// Files created since the build began: in now, so that links to them count below.
		let inIdOrder = true;
		for (const id of this.changed) {
			const entry = this.slots.has(id) ? undefined : this.vault.file(id);
			if (!entry) continue;
			this.takeIn(id, entry, building.cache);
			inIdOrder = false;
		}
		for (let slot = 0; slot < this.slotCount; slot++) {
			const entry = this.entries[slot]!;
			for (const target of targetsOf(entry, this.resolved[slot]!)) {
				const targetSlot = this.slots.get(target);
				if (targetSlot !== undefined) this.incoming[targetSlot]!++;
			}
		}
		// The ids came in code-point order, so slot numbers follow it: no ids to compare.
		this.sortOrder(inIdOrder ? (a, b) => a - b : (a, b) => compareCodePoints(this.ids[a]!, this.ids[b]!));
		// Now, while every link counted above goes to a file that exists: a file deleted since a
		// note was taken in got no count from it, and must not lose one if it comes back later.
		this.refresh();
		return true;
	}

	/** A file of the first build: its slot, and its part of the tallies kept from the start. */
	private takeIn(id: NoteId, entry: FileEntry, cache: PinyinCache): void {
		const slot = this.allocate(id, entry);
		this.derive(slot, entry, cache);
		for (const tally of this.tallies.values()) tally.add(entry, this.resolved[slot]!, 1);
	}

	/** Takes in the files changed since the last request. */
	private refresh(): void {
		if (this.changed.size === 0) return;
		const changed = this.changed;
		this.changed = new Set();
		const bulk = changed.size > Math.max(BULK_CHANGES, this.size >> 3);
		const deltas = new Map<NoteId, number>();
		const cache: PinyinCache = new Map();
		for (const id of changed) this.update(id, deltas, bulk, cache);
		for (const [target, delta] of deltas) {
			const slot = delta === 0 ? undefined : this.slots.get(target);
			if (slot === undefined) continue;
			if (!bulk) this.unlink(slot);
			this.incoming[slot]! += delta;
			if (!bulk) this.link(slot);
		}
		if (bulk) this.sortOrder((a, b) => compareCodePoints(this.ids[a]!, this.ids[b]!));
	}

	/** Brings one file's slot in line with the index; changes of incoming links go to `deltas`. */
	private update(id: NoteId, deltas: Map<NoteId, number>, bulk: boolean, cache: PinyinCache): void {
		const entry = this.vault.file(id);
		const resolutions = entry?.kind === 'note' ? entry.resolutions : NO_RESOLUTIONS;
		let slot = this.slots.get(id);
		if (slot === undefined) {
			if (!entry) return;
			slot = this.allocate(id, entry);
			if (!bulk) this.link(slot);
		} else {
			const old = this.entries[slot]!;
			const oldResolutions = this.resolved[slot]!;
			if (old === entry && oldResolutions === resolutions) return;
			this.count(old, oldResolutions, -1, deltas);
			if (!entry) {
				if (!bulk) this.unlink(slot);
				this.release(slot);
				return;
			}
		}
		this.derive(slot, entry, cache);
		this.count(entry, resolutions, 1, deltas);
	}

	/** The slot's keys from `entry` (again only when the entry was replaced), and the resolutions it was derived with. */
	private derive(slot: number, entry: FileEntry, cache: PinyinCache): void {
		if (this.entries[slot] !== entry) {
			const keys = searchKeysOf(fileTexts(this.vault, entry), cache);
			this.keys[slot] = keys;
			writeMasks(keys, this.masks, slot * MASK_WORDS);
			this.entries[slot] = entry;
		}
		this.resolved[slot] = entry.kind === 'note' ? entry.resolutions : NO_RESOLUTIONS;
	}

	/** Adds (`sign` 1) or takes back (-1) one file's part of the incoming links and of every tally. */
	private count(entry: FileEntry, resolutions: readonly Resolution[], sign: 1 | -1, deltas: Map<NoteId, number>): void {
		for (const target of targetsOf(entry, resolutions)) deltas.set(target, (deltas.get(target) ?? 0) + sign);
		for (const tally of this.tallies.values()) tally.add(entry, resolutions, sign);
	}

	private allocate(id: NoteId, entry: FileEntry): number {
		let slot = this.freeSlots.pop();
		if (slot === undefined) {
			slot = this.slotCount++;
			// The first build knows how many files there are; later growth is by half.
			const wanted = this.building ? this.building.ids.length + 1024 : Math.floor(this.kinds.length * 1.5);
			if (slot >= this.kinds.length) this.grow(Math.max(1024, wanted, slot + 1));
		}
		this.slots.set(id, slot);
		this.ids[slot] = id;
		this.kinds[slot] =
			entry.kind === 'attachment' ? ATTACHMENT : isInFolder(id, this.vault.config.config.topics.folder) ? TOPIC : NOTE;
		this.folders[slot] = this.folderNumberOf(dirname(id));
		this.nameLengths[slot] = Math.min(fileName(entry).length, MAX_NAME_LENGTH);
		this.incoming[slot] = 0;
		return slot;
	}

	private release(slot: number): void {
		this.slots.delete(this.ids[slot]!);
		this.ids[slot] = undefined;
		this.keys[slot] = undefined;
		this.entries[slot] = undefined;
		this.resolved[slot] = undefined;
		this.kinds[slot] = FREE;
		this.incoming[slot] = 0;
		this.freeSlots.push(slot);
	}

	private grow(capacity: number): void {
		const grown = <T extends Uint8Array | Int32Array>(array: T, make: (length: number) => T): T => {
			const next = make(capacity);
			next.set(array);
			return next;
		};
		this.kinds = grown(this.kinds, (length) => new Uint8Array(length));
		this.folders = grown(this.folders, (length) => new Int32Array(length));
		this.incoming = grown(this.incoming, (length) => new Int32Array(length));
		this.nameLengths = grown(this.nameLengths, (length) => new Uint8Array(length));
		this.masks = grown(this.masks, (length) => new Int32Array(length * MASK_WORDS));
		this.order = grown(this.order, (length) => new Int32Array(length));
	}

	private folderNumberOf(folder: string): number {
		let number = this.folderNumbers.get(folder);
		if (number === undefined) {
			number = this.folderNames.length;
			this.folderNumbers.set(folder, number);
			this.folderNames.push(folder);
		}
		return number;
	}

	/** Static rank: more incoming links, shorter name, then code-point order of ids. */
	private compare(a: number, b: number): number {
		return (
			Math.min(this.incoming[b]!, MAX_INCOMING) - Math.min(this.incoming[a]!, MAX_INCOMING) ||
			this.nameLengths[a]! - this.nameLengths[b]! ||
			compareCodePoints(this.ids[a]!, this.ids[b]!)
		);
	}

	/** Every live slot, sorted; `byId` orders two slots as their ids. */
	private sortOrder(byId: (a: number, b: number) => number): void {
		let size = 0;
		for (let slot = 0; slot < this.slotCount; slot++) if (this.kinds[slot] !== FREE) this.order[size++] = slot;
		this.size = size;
		const incoming = this.incoming;
		const nameLengths = this.nameLengths;
		this.order
			.subarray(0, size)
			.sort(
				(a, b) =>
					Math.min(incoming[b]!, MAX_INCOMING) - Math.min(incoming[a]!, MAX_INCOMING) ||
					nameLengths[a]! - nameLengths[b]! ||
					byId(a, b),
			);
		this.renumber();
	}

	/**
	 * Moves every slot to its position in `order`, so that a search reads the slots' data from
	 * start to end: walking 100k files in any other order costs about a cache miss each. Later
	 * changes only move the few slots they touch.
	 */
	private renumber(): void {
		const size = this.size;
		const ids: (NoteId | undefined)[] = new Array<NoteId | undefined>(size);
		const keys: (SearchKeys | undefined)[] = new Array<SearchKeys | undefined>(size);
		const entries: (FileEntry | undefined)[] = new Array<FileEntry | undefined>(size);
		const resolved: (readonly Resolution[] | undefined)[] = new Array<readonly Resolution[] | undefined>(size);
		const kinds = new Uint8Array(this.kinds.length);
		const folders = new Int32Array(this.folders.length);
		const incoming = new Int32Array(this.incoming.length);
		const nameLengths = new Uint8Array(this.nameLengths.length);
		const masks = new Int32Array(this.masks.length);
		for (let position = 0; position < size; position++) {
			const slot = this.order[position]!;
			ids[position] = this.ids[slot];
			keys[position] = this.keys[slot];
			entries[position] = this.entries[slot];
			resolved[position] = this.resolved[slot];
			kinds[position] = this.kinds[slot]!;
			folders[position] = this.folders[slot]!;
			incoming[position] = this.incoming[slot]!;
			nameLengths[position] = this.nameLengths[slot]!;
			for (let word = 0; word < MASK_WORDS; word++)
				masks[position * MASK_WORDS + word] = this.masks[slot * MASK_WORDS + word]!;
			this.slots.set(ids[position]!, position);
			this.order[position] = position;
		}
		this.ids = ids;
		this.keys = keys;
		this.entries = entries;
		this.resolved = resolved;
		this.kinds = kinds;
		this.folders = folders;
		this.incoming = incoming;
		this.nameLengths = nameLengths;
		this.masks = masks;
		this.slotCount = size;
		this.freeSlots.length = 0;
	}

	/** The position of `slot` in `order` (where it goes, if it is not there). */
	private positionOf(slot: number): number {
		let low = 0;
		let high = this.size;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.compare(this.order[middle]!, slot) < 0) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	private link(slot: number): void {
		const at = this.positionOf(slot);
		this.order.copyWithin(at + 1, at, this.size);
		this.order[at] = slot;
		this.size++;
	}

	private unlink(slot: number): void {
		let at = this.positionOf(slot);
		// Never expected (the property test holds the order equal to a fresh sort); a slow but right answer then.
		if (this.order[at] !== slot) at = this.order.subarray(0, this.size).indexOf(slot);
		if (at < 0) return;
		this.order.copyWithin(at, at + 1, this.size);
		this.size--;
	}
}

const tables = new WeakMap<VaultIndex, TargetTable>();

/** The files a note's links navigate to, once per link (links to itself left out). */
function targetsOf(entry: FileEntry, resolutions: readonly Resolution[]): NoteId[] {
	const targets: NoteId[] = [];
	for (const resolution of resolutions) {
		if (resolution.target !== undefined && resolution.target !== entry.id) targets.push(resolution.target);
	}
	return targets;
}

/** Counts summed over every file; a file's part is computed again to be taken back. */
class Tally {
	readonly counts = new Map<string, number>();

	constructor(private readonly contribute: Contribute) {}

	add(entry: FileEntry, resolutions: readonly Resolution[], sign: 1 | -1): void {
		for (const key of this.contribute(entry, resolutions)) {
			const next = (this.counts.get(key) ?? 0) + sign;
			if (next > 0) this.counts.set(key, next);
			else this.counts.delete(key);
		}
	}
}
