// "Did you mean": the existing names closest to a name that resolves nowhere.
import { compareCodePoints, nameKey } from '../text/paths';

export interface NamedFile<T extends string> {
	/** The name shown and compared (a note's name without `.md`, an attachment's file name). */
	readonly name: string;
	/** What the name stands for, usually the file's NoteId; it breaks ties between equal names. */
	readonly value: T;
}

export interface CloseName<T extends string> extends NamedFile<T> {
	readonly distance: number;
}

/**
 * The `count` names closest to `wanted` by edit distance (compared as SPEC §1 names), at most
 * half the wanted name's length away; ties by length difference, then code-point order. Each
 * name counts once, with its first value in code-point order, so the answer does not depend on
 * the order of `files`. Names whose length alone puts them beyond the worst distance kept are
 * skipped before any distance is computed, which keeps 100,000 names fast.
 */
export function closestNames<T extends string>(
	wanted: string,
	files: Iterable<NamedFile<T>>,
	count = 3,
): CloseName<T>[] {
	const key = nameKey(wanted);
	const best: CloseName<T>[] = [];
	let limit = Math.floor(key.length / 2);
	for (const file of files) {
		if (Math.abs(file.name.length - key.length) > limit) continue;
		const candidate = nameKey(file.name);
		if (candidate === key) continue;
		const distance = boundedDistance(key, candidate, limit);
		if (distance > limit) continue;
		keep(best, { ...file, distance }, key.length, count);
		if (best.length === count) limit = best[count - 1]!.distance;
	}
	return best;
}

/** Inserts `item` in rank order, merging it with a kept file of the same name. */
function keep<T extends string>(best: CloseName<T>[], item: CloseName<T>, wantedLength: number, count: number): void {
	const itemKey = nameKey(item.name);
	const same = best.findIndex((other) => nameKey(other.name) === itemKey);
	if (same >= 0) {
		if (compareCodePoints(item.value, best[same]!.value) >= 0) return;
		best.splice(same, 1);
	}
	const after = (other: CloseName<T>) =>
		other.distance - item.distance ||
		Math.abs(other.name.length - wantedLength) - Math.abs(item.name.length - wantedLength) ||
		compareCodePoints(other.name, item.name) ||
		compareCodePoints(other.value, item.value);
	let index = best.length;
	while (index > 0 && after(best[index - 1]!) > 0) index--;
	best.splice(index, 0, item);
	if (best.length > count) best.pop();
}

/** Levenshtein distance over UTF-16 units, or `limit + 1` as soon as it must exceed `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
	let previous = new Int32Array(b.length + 1);
	let current = new Int32Array(b.length + 1);
	for (let column = 0; column <= b.length; column++) previous[column] = column;
	for (let row = 1; row <= a.length; row++) {
		current[0] = row;
		let rowMinimum = row;
		const code = a.charCodeAt(row - 1);
		for (let column = 1; column <= b.length; column++) {
			const cost = code === b.charCodeAt(column - 1) ? 0 : 1;
			const value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
			current[column] = value;
			if (value < rowMinimum) rowMinimum = value;
		}
		if (rowMinimum > limit) return limit + 1;
		[previous, current] = [current, previous];
	}
	return previous[b.length]!;
}
