// Finds where a value of the parsed front matter stands in the document, by its path in the data
// (`['tags', 2]`), so that schema errors land on the offending value or key.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { Range } from '../types';
import { yamlKeyName } from './yamlWalk';

/** Where a value stands; `keyRange` when the value belongs to a mapping key. */
export interface YamlLocation {
	readonly keyRange?: Range;
	readonly valueRange: Range;
}

/** How node offsets become document ranges (the front-matter reader knows the block's offset). */
export interface YamlRanges {
	nodeRange(node: Node): Range;
	/** The range of a pair's value, empty at the end of the key line when the value is empty. */
	valueRange(pair: Pair): Range;
}

/** Returns `locate(path)` over `root`; lookups in a mapping are indexed once, so many calls stay linear. */
export function createYamlLocator(
	root: Node | null | undefined,
	ranges: YamlRanges,
): (path: readonly (string | number)[]) => YamlLocation | undefined {
	const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
	const pairOf = (map: YAMLMap, name: string): Pair | undefined => {
		let index = indexes.get(map);
		if (!index) {
			index = indexPairs(map);
			indexes.set(map, index);
		}
		return index.get(name);
	};
	return (path) => {
		if (!root) return undefined;
		let location: YamlLocation = { valueRange: ranges.nodeRange(root) };
		let node: unknown = root;
		for (const segment of path) {
			// An alias shows its value elsewhere; the alias itself is the closest place the user sees.
			if (isAlias(node)) return location;
			if (isMap(node)) {
				const pair = pairOf(node, String(segment));
				if (!pair) return undefined;
				const keyRange = isScalar(pair.key) ? ranges.nodeRange(pair.key) : undefined;
				location = { keyRange, valueRange: ranges.valueRange(pair) };
				node = pair.value;
				continue;
			}
			const item = isSeq(node) ? node.items[seqIndex(segment)] : undefined;
			if (!item) return undefined;
			location = { valueRange: ranges.nodeRange(item as Node) };
			node = item;
		}
		return location;
	};
}

function indexPairs(map: YAMLMap): Map<string, Pair> {
	const index = new Map<string, Pair>();
	for (const pair of map.items) {
		const name = yamlKeyName(pair.key);
		if (name !== undefined && !index.has(name)) index.set(name, pair);
	}
	return index;
}

/** The index a path segment names in a sequence: a number, or a string of digits; -1 otherwise. */
export function seqIndex(segment: string | number): number {
	if (typeof segment === 'number') return segment;
	return /^\d+$/.test(segment) ? Number(segment) : -1;
}
