// Views derive summaries of the whole vault (timeline buckets, topic counts). Deriving them again
// for every request would cost O(n log n) per tree expansion at 100k notes, so they are cached
// per index state: the index's identity (a reload makes a new index) plus its `version`.
import type { VaultIndex } from './vault';

interface Slot {
	version: number;
	readonly values: Map<string, unknown>;
}

const slots = new WeakMap<VaultIndex, Slot>();

/** Entries kept per index state; enough for a few filter combinations of each view. */
const MAX_ENTRIES = 16;

/**
 * The value of `compute()` for this index state and `key`, computed at most once per state.
 * `key` must name everything the value depends on besides the index (the view and its filters).
 */
export function cachedPerVersion<T>(vault: VaultIndex, key: string, compute: () => T): T {
	let slot = slots.get(vault);
	if (!slot || slot.version !== vault.version) {
		slot = { version: vault.version, values: new Map() };
		slots.set(vault, slot);
	}
	if (slot.values.has(key)) {
		// Re-inserted, so the Map's insertion order is the order of last use.
		const hit = slot.values.get(key) as T;
		slot.values.delete(key);
		slot.values.set(key, hit);
		return hit;
	}
	const value = compute();
	// Least recently used out: a filter the user stopped using goes before the views in use.
	if (slot.values.size >= MAX_ENTRIES) slot.values.delete(slot.values.keys().next().value!);
	slot.values.set(key, value);
	return value;
}
