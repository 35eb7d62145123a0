// The files of a vault in code-point order, kept across requests, with values derived per file
// (search keys) and counts summed over every file (incoming links, link habits, front-matter
// values), all updated only for the files that changed.
//
// VaultIndex has no version number, and `ids()` sorts every time (about 300 ms for 100k files), so
// the list is cached and checked instead: when the size is unchanged and every cached id still
// exists, the set of files is unchanged (a rename removes a cached id; a creation alone grows the
// size). The check visits each file once (a Map lookup), and notices which notes were re-parsed
// (a new entry) or re-resolved (a new `resolutions` array), so only those are derived again.
import type { Resolution } from '../../index/resolve';
import type { FileEntry, VaultIndex } from '../../index/vault';
import type { NoteId } from '../../types';

export interface VaultSnapshot {
	/** Every file, in code-point order of ids. */
	readonly entries: readonly FileEntry[];
	/** A value per file (aligned with `entries`), computed on first use and again when the file changes. */
	perFile<T>(name: string, derive: (entry: FileEntry) => T): readonly T[];
	/** Counts summed over every file, created on first use and kept up to date afterwards. */
	tally(name: string, contribute: (entry: FileEntry) => readonly string[]): ReadonlyMap<string, number>;
}

/** The current snapshot of a vault; cheap when little changed since the last call. */
export function vaultSnapshot(vault: VaultIndex): VaultSnapshot {
	let state = states.get(vault);
	if (!state) {
		state = new SnapshotState();
		states.set(vault, state);
	}
	state.refresh(vault);
	return state;
}

const states = new WeakMap<VaultIndex, SnapshotState>();

class SnapshotState implements VaultSnapshot {
	entries: FileEntry[] = [];
	private ids: NoteId[] = [];
	/** The `resolutions` array of each entry when it was last derived (undefined for attachments). */
	private resolutions: (readonly Resolution[] | undefined)[] = [];
	private readonly derived = new Map<string, { derive: (entry: FileEntry) => unknown; values: unknown[] }>();
	private readonly tallies = new Map<string, Tally>();

	refresh(vault: VaultIndex): void {
		if (this.ids.length !== vault.size || !this.recheck(vault)) this.resync(vault);
	}

	perFile<T>(name: string, derive: (entry: FileEntry) => T): readonly T[] {
		let derived = this.derived.get(name);
		if (!derived) {
			derived = { derive, values: this.entries.map(derive) };
			this.derived.set(name, derived);
		}
		return derived.values as T[];
	}

	tally(name: string, contribute: (entry: FileEntry) => readonly string[]): ReadonlyMap<string, number> {
		let tally = this.tallies.get(name);
		if (!tally) {
			tally = new Tally(contribute);
			for (const entry of this.entries) tally.update(entry.id, entry);
			this.tallies.set(name, tally);
		}
		return tally.counts;
	}

	/** Same set of files: updates changed entries in place. False when a cached id is gone. */
	private recheck(vault: VaultIndex): boolean {
		for (let index = 0; index < this.ids.length; index++) {
			const entry = vault.file(this.ids[index]!);
			if (!entry) return false;
			const resolutions = entry.kind === 'note' ? entry.resolutions : undefined;
			if (entry === this.entries[index] && resolutions === this.resolutions[index]) continue;
			this.resolutions[index] = resolutions;
			if (entry !== this.entries[index]) {
				this.entries[index] = entry;
				for (const derived of this.derived.values()) derived.values[index] = derived.derive(entry);
			}
			for (const tally of this.tallies.values()) tally.update(entry.id, entry);
		}
		return true;
	}

	/** The set of files changed: list them again, and derive again whatever changed. */
	private resync(vault: VaultIndex): void {
		const previous = new Map(this.entries.map((entry, index) => [entry.id, index]));
		const ids = vault.ids();
		const entries = ids.map((id) => vault.file(id)!);
		const resolutions = entries.map((entry) => (entry.kind === 'note' ? entry.resolutions : undefined));
		for (const derived of this.derived.values()) {
			const old = derived.values;
			derived.values = entries.map((entry) => {
				const at = previous.get(entry.id);
				return at !== undefined && this.entries[at] === entry ? old[at] : derived.derive(entry);
			});
		}
		const present = new Set(ids);
		for (const tally of this.tallies.values()) {
			for (const id of this.ids) if (!present.has(id)) tally.update(id, undefined);
			entries.forEach((entry, index) => {
				const at = previous.get(entry.id);
				const same = at !== undefined && this.entries[at] === entry && this.resolutions[at] === resolutions[index];
				if (!same) tally.update(entry.id, entry);
			});
		}
		this.ids = ids;
		this.entries = entries;
		this.resolutions = resolutions;
	}
}

/** Counts summed over every file, each file's part remembered so that it can be taken back. */
class Tally {
	readonly counts = new Map<string, number>();
	private readonly parts = new Map<NoteId, readonly string[]>();

	constructor(private readonly contribute: (entry: FileEntry) => readonly string[]) {}

	update(id: NoteId, entry: FileEntry | undefined): void {
		for (const key of this.parts.get(id) ?? []) this.add(key, -1);
		const part = entry ? this.contribute(entry) : [];
		for (const key of part) this.add(key, 1);
		if (part.length > 0) this.parts.set(id, part);
		else this.parts.delete(id);
	}

	private add(key: string, delta: number): void {
		const next = (this.counts.get(key) ?? 0) + delta;
		if (next > 0) this.counts.set(key, next);
		else this.counts.delete(key);
	}
}
