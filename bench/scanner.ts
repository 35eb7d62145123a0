// Throughput of the Markdown scanner against its floor (read + `/\[\[/g`) and its oracle (remark).
// Run: node scripts/run-ts.mjs bench/scanner.ts [rounds]
import fs from 'node:fs';
import path from 'node:path';
import { scanMarkdown } from '../server/src/core/parse/markdownScan';
import { generateDocument } from '../test/support/markdownGenerator';
import { remarkOracle } from '../test/support/remarkOracle';

// Bundled into out/run/ before it runs, so the vault is found from the repository root (the cwd).
const SAMPLE_VAULT = path.resolve(process.cwd(), '../shared/vaults/sample');
const ROUNDS = Number(process.argv[2] ?? 20);

interface Note {
	readonly file: string;
	readonly text: string;
}

function main(): void {
	const notes = loadNotes();
	const bytes = notes.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0);
	console.log(`${notes.length} notes, ${(bytes / 1e6).toFixed(2)} MB, ${ROUNDS} rounds`);
	report('read + /\\[\\[/g (floor)', bytes, ROUNDS, () => {
		for (const note of notes) {
			const text = note.file ? fs.readFileSync(note.file, 'utf8') : note.text;
			let count = 0;
			const pattern = /\[\[/g;
			while (pattern.exec(text)) count++;
			if (count < 0) throw new Error('unreachable');
		}
	});
	report('/\\[\\[/g (in memory)', bytes, ROUNDS, () => {
		for (const note of notes) {
			let count = 0;
			const pattern = /\[\[/g;
			while (pattern.exec(note.text)) count++;
			if (count < 0) throw new Error('unreachable');
		}
	});
	report('read + scanMarkdown', bytes, ROUNDS, () => {
		for (const note of notes) scanMarkdown(note.file ? fs.readFileSync(note.file, 'utf8') : note.text, 0, 0);
	});
	report('scanMarkdown (in memory)', bytes, ROUNDS, () => {
		for (const note of notes) scanMarkdown(note.text, 0, 0);
	});
	report('remark oracle (in memory)', bytes, 1, () => {
		for (const note of notes) remarkOracle(note.text, 0);
	});
}

function loadNotes(): Note[] {
	if (!fs.existsSync(SAMPLE_VAULT)) {
		console.warn(`${SAMPLE_VAULT}: sample vault absent: benchmarking 2000 generated documents`);
		return Array.from({ length: 2000 }, (_, index) => ({ file: '', text: generateDocument(index) }));
	}
	const res: Note[] = [];
	const walk = (folder: string): void => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.md')) res.push({ file: full, text: fs.readFileSync(full, 'utf8') });
		}
	};
	walk(SAMPLE_VAULT);
	return res;
}

function report(name: string, bytes: number, rounds: number, run: () => void): void {
	run(); // Warm up the JIT and the page cache.
	const start = process.hrtime.bigint();
	for (let round = 0; round < rounds; round++) run();
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const megabytes = (bytes * rounds) / 1e6;
	console.log(
		`${name.padEnd(28)} ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s  (${((seconds / rounds) * 1000).toFixed(1)} ms per pass)`,
	);
}

main();
