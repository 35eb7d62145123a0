// Promise.all with a bound on how many calls run at once: reading 66,000 notes for a hub rename,
// or a storm of file events, must not open 66,000 files at the same time (EMFILE, memory).

/** Maps `items` through `fn`, at most `limit` calls at a time; results keep the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
