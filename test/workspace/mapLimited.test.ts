// mapLimited keeps order and never runs more than `limit` calls at once.
import { describe, expect, test } from 'vitest';
import { mapLimited } from '../../server/src/workspace/mapLimited';

describe('mapLimited', () => {
	test.each([
		[0, 3],
		[1, 3],
		[10, 3],
		[10, 64],
	])('%i items, limit %i', async (count, limit) => {
		let running = 0;
		let most = 0;
		const items = Array.from({ length: count }, (_, index) => index);
		const results = await mapLimited(items, limit, async (item) => {
			running++;
			most = Math.max(most, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return item * 2;
		});
		expect(results).toEqual(items.map((item) => item * 2));
		expect(most).toBeLessThanOrEqual(limit);
	});
});
