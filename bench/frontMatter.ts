// Front matter of every note of a vault, read by the yaml path alone and by `readFrontMatter`
// (the fast path of simpleFrontMatter.ts, falling back to yaml). Warm-up rounds first (the JIT),
// then rounds that alternate the two readers; the medians are the numbers to quote, the machine
// being shared and noisy.
// Usage: node scripts/run-ts.mjs bench/frontMatter.ts [vault folder] (default ../shared/vaults/sample)
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	readFrontMatter,
	readFrontMatterSimpleOnly,
	readFrontMatterWithYaml,
} from '../server/src/core/parse/frontMatter';
import type { FrontMatterResult } from '../server/src/core/parse/frontMatter';
import { LineIndex } from '../server/src/core/text/lineIndex';
import { median, round } from './stats';

const WARM_UP_ROUNDS = 3;
const ROUNDS = 5;

type Reader = (text: string, lines: LineIndex) => FrontMatterResult | undefined;

function main(): void {
	const root = path.resolve(process.argv[2] ?? '../shared/vaults/sample');
	if (!fs.existsSync(root)) {
		console.error(`${root}: no such folder`);
		process.exit(2);
	}
	const texts = readNotes(root);
	const withBlock = texts.filter((text) => readFrontMatterWithYaml(text, new LineIndex(text)).frontMatter).length;
	const fast = texts.filter((text) => readFrontMatterSimpleOnly(text, new LineIndex(text))?.frontMatter).length;
	console.log(`${root}: ${texts.length} notes, ${withBlock} with front matter, ${fast} of them on the fast path`);
	for (let round = 0; round < WARM_UP_ROUNDS; round++) {
		// The fast path goes first, so that its cold round does not profit from the yaml path's warm-up.
		const quick = timeAll(texts, readFrontMatter);
		const slow = timeAll(texts, readFrontMatterWithYaml);
		console.log(`warm-up ${round + 1}: yaml path ${ms(slow)}  readFrontMatter ${ms(quick)}`);
	}
	const slowTimes: number[] = [];
	const fastTimes: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		slowTimes.push(timeAll(texts, readFrontMatterWithYaml));
		fastTimes.push(timeAll(texts, readFrontMatter));
		console.log(`round ${round + 1}: yaml path ${ms(slowTimes[round]!)}  readFrontMatter ${ms(fastTimes[round]!)}`);
	}
	const slow = median(slowTimes);
	const quick = median(fastTimes);
	const perNote = (total: number): string => `${round((total * 1000) / texts.length, 1)} µs/note`;
	console.log(`median of ${ROUNDS}: yaml path ${ms(slow)} (${perNote(slow)})`);
	console.log(
		`median of ${ROUNDS}: readFrontMatter ${ms(quick)} (${perNote(quick)}), ${round(slow / quick, 1)}× faster`,
	);
}

/** Milliseconds to read the front matter of every text, a fresh LineIndex each (as parseNote does). */
function timeAll(texts: readonly string[], read: Reader): number {
	const start = performance.now();
	for (const text of texts) read(text, new LineIndex(text));
	return performance.now() - start;
}

/** Every `.md` file under `root`, invisible folders skipped, BOM removed (as readNote does). */
function readNotes(root: string): string[] {
	const texts: string[] = [];
	for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
		const relative = path.relative(root, path.join(entry.parentPath, entry.name));
		if (!entry.isFile() || !entry.name.endsWith('.md') || relative.split(path.sep).some((part) => part.startsWith('.')))
			continue;
		texts.push(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').replace(/^\uFEFF/, ''));
	}
	return texts;
}

function ms(value: number): string {
	return `${round(value, 1)} ms`;
}

main();
