// A failing handler is logged and answered with an empty result; it never takes the server down.
import { describe, expect, test } from 'vitest';
import { guard } from '../../server/src/lsp/guard';

function check(handler: () => unknown, expectedResult: unknown, expectedLog: RegExp | undefined): Promise<void> {
	const logged: string[] = [];
	const logger = { error: (m: string) => logged.push(m), warn: () => {}, info: () => {}, log: () => {} };
	return guard(logger, 'feature', 'EMPTY', handler)().then((result) => {
		expect(result).toBe(expectedResult);
		if (expectedLog) expect(logged.join('\n')).toMatch(expectedLog);
		else expect(logged).toEqual([]);
	});
}

describe('guard', () => {
	test('passes results through', () => check(() => 'ok', 'ok', undefined));
	test('answers empty and logs a thrown error with its stack', () =>
		check(
			() => {
				throw new TypeError('boom');
			},
			'EMPTY',
			/feature failed: TypeError: boom\n\s+at /,
		));
	test('answers empty for a rejected promise', () => check(() => Promise.reject(new Error('later')), 'EMPTY', /later/));
});
