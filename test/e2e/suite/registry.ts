// A tiny test registry for the extension host: no mocha, plain `assert`. Area files call `test()`
// at import time; index.ts imports them in order and calls `runAll()`.
export type TestBody = () => Promise<void> | void;

/** Which vault a test is written for: the bundled example vault, or a copy of the shared sample. */
export type SuiteName = 'example' | 'sample' | 'untrusted';

interface RegisteredTest {
	readonly name: string;
	readonly body: TestBody;
	readonly timeoutMs: number;
	readonly suite: SuiteName;
}

const registered: RegisteredTest[] = [];

// A hung test must fail on its own rather than eat the runner's overall timeout.
const defaultTimeoutMs = 60_000;

/** Registers a test; tests run one after another in registration order. */
export function test(name: string, body: TestBody, timeoutMs = defaultTimeoutMs): void {
	registered.push({ name, body, timeoutMs, suite: 'example' });
}

/** Registers a test that runs when the example vault is opened in Restricted Mode (workspace trust). */
export function untrustedTest(name: string, body: TestBody, timeoutMs = defaultTimeoutMs): void {
	registered.push({ name, body, timeoutMs, suite: 'untrusted' });
}

/** Registers a test that runs when the opened vault is a copy of the shared sample vault. */
export function sampleTest(name: string, body: TestBody, timeoutMs = defaultTimeoutMs): void {
	registered.push({ name, body, timeoutMs, suite: 'sample' });
}

/** Runs every registered test, logs each result, and throws when any failed. */
export async function runAll(
	suite: SuiteName = 'example',
	log: (line: string) => void = (line) => console.log(line),
): Promise<void> {
	const failures: string[] = [];
	const chosen = registered.filter((candidate) => candidate.suite === suite);
	log(`[e2e] suite: ${suite} vault (${chosen.length} tests)`);
	for (const { name, body, timeoutMs } of chosen) {
		const startedAt = Date.now();
		try {
			await withTimeout(Promise.resolve().then(body), timeoutMs, name);
			log(`[e2e] PASS ${name} (${Date.now() - startedAt} ms)`);
		} catch (error) {
			failures.push(name);
			const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
			log(`[e2e] FAIL ${name} (${Date.now() - startedAt} ms)\n${detail}`);
		}
	}
	log(`[e2e] ${chosen.length - failures.length} passed, ${failures.length} failed`);
	if (failures.length > 0) {
		throw new Error(`${failures.length} e2e test(s) failed: ${failures.join('; ')}`);
	}
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, name: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`'${name}' did not finish within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
