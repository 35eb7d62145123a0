#!/usr/bin/env node
// Soak test (not in CI): generates a vault into .cache/soak/, spawns dist/server.js --stdio,
// sends random edits (didOpen/didChange of random notes, link and heading edits, files created
// and deleted with workspace/didChangeWatchedFiles), and prints the server's RSS (VmRSS/VmHWM)
// at the start, every 10,000 edits and at the end, plus every error the server logged.
// Usage: node scripts/soak.mjs [--notes 10000] [--edits 50000] [--seed 1] [--max-seconds 1500] [--heap-mb N]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = parseOptions(process.argv.slice(2));
const VAULT = path.join(REPO, '.cache', 'soak', 'vault');
const SERVER = path.join(REPO, 'dist', 'server.js');
const TOPICS = 50;
const FOLDERS = 20;
const MAX_OPEN = 40;
/** A cheap request every this many edits: backpressure, and proof that the server still answers. */
const ROUND_TRIP_EVERY = 100;

const random = mulberry32(options.seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const texts = new Map();
const extra = new Set();

main().catch((error) => {
	process.stderr.write(`soak: ${error.stack ?? error}\n`);
	process.exit(1);
});

async function main() {
	if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
	const started = Date.now();
	generateVault();
	log(`generated ${texts.size} notes in ${VAULT} (${seconds(started)} s)`);

	// --heap-mb caps V8's old space: a leak then ends in a crash instead of a slow climb.
	const heap = options.heapMb > 0 ? [`--max-old-space-size=${options.heapMb}`] : [];
	const child = spawn(process.execPath, [...heap, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = rpc.createProtocolConnection(
		new rpc.StreamMessageReader(child.stdout),
		new rpc.StreamMessageWriter(child.stdin),
	);
	const errors = [];
	let published = 0;
	let indexed;
	const indexingDone = new Promise((resolve) => (indexed = resolve));
	connection.onNotification('window/logMessage', (params) => {
		if (params.type === rpc.MessageType.Error) errors.push(params.message);
	});
	connection.onNotification('textDocument/publishDiagnostics', () => published++);
	connection.onNotification('$/progress', (params) => params.value?.kind === 'end' && indexed());
	connection.onNotification('vaultNotes/indexChanged', () => undefined);
	connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
	connection.onRequest('client/registerCapability', () => undefined);
	connection.onRequest('window/workDoneProgress/create', () => undefined);
	connection.listen();
	let stopping = false;
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	void exited.then(({ code, signal }) => {
		if (!stopping) log(`SERVER EXITED unexpectedly: code ${code} signal ${signal}`);
	});

	await connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri: null,
		locale: 'en',
		capabilities: {
			window: { workDoneProgress: true },
			workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
			textDocument: { publishDiagnostics: {} },
		},
		workspaceFolders: [{ uri: uri(VAULT), name: 'soak' }],
	});
	await connection.sendNotification('initialized', {});
	const indexStart = Date.now();
	await indexingDone;
	log(`indexed in ${seconds(indexStart)} s; ${published} diagnostics notifications so far`);
	report(child.pid, 0);

	const open = [];
	const versions = new Map();
	const editStart = Date.now();
	let edits = 0;
	for (; edits < options.edits; edits++) {
		if ((Date.now() - started) / 1000 > options.maxSeconds) {
			log(`stopping early: --max-seconds ${options.maxSeconds} reached`);
			break;
		}
		await oneEdit(connection, open, versions);
		if ((edits + 1) % ROUND_TRIP_EVERY === 0) {
			await connection.sendRequest('textDocument/documentSymbol', {
				textDocument: { uri: uri(noteFile(pick(open) ?? 'n0/note0.md')) },
			});
		}
		if ((edits + 1) % 10_000 === 0) report(child.pid, edits + 1);
	}
	const status = await connection.sendRequest('vaultNotes/status', {});
	log(
		`${edits} edits in ${seconds(editStart)} s (${Math.round(edits / ((Date.now() - editStart) / 1000))}/s); status ${JSON.stringify(status.vaults)}`,
	);
	report(child.pid, edits, 'end');
	log(`${published} diagnostics notifications; ${errors.length} error log lines`);
	for (const error of errors.slice(0, 20)) log(`  server error: ${error.split('\n')[0]}`);
	stopping = true;
	await connection.sendRequest('shutdown');
	await connection.sendNotification('exit');
	await exited;
	connection.dispose();
}

async function oneEdit(connection, open, versions) {
	const roll = random();
	if (roll < 0.05) return fileEvent(connection);
	const id = pick([...texts.keys()]);
	const file = noteFile(id);
	if (!versions.has(id)) {
		if (open.length >= MAX_OPEN) {
			const closing = open.shift();
			versions.delete(closing);
			await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(noteFile(closing)) } });
		}
		versions.set(id, 1);
		open.push(id);
		await connection.sendNotification('textDocument/didOpen', {
			textDocument: { uri: uri(file), languageId: 'markdown', version: 1, text: texts.get(id) },
		});
	}
	const text = editText(texts.get(id));
	texts.set(id, text);
	const version = versions.get(id) + 1;
	versions.set(id, version);
	await connection.sendNotification('textDocument/didChange', {
		textDocument: { uri: uri(file), version },
		contentChanges: [{ text }],
	});
}

/** Creates or deletes a file on disk and tells the server, as a client's file watcher would. */
async function fileEvent(connection) {
	const existing = [...extra];
	if (existing.length > 0 && random() < 0.5) {
		const id = pick(existing);
		extra.delete(id);
		texts.delete(id);
		fs.rmSync(noteFile(id), { force: true });
		return connection.sendNotification('workspace/didChangeWatchedFiles', {
			changes: [{ uri: uri(noteFile(id)), type: 3 }],
		});
	}
	const id = `new/extra${Math.floor(random() * 500)}.md`;
	const text = noteText(Math.floor(random() * options.notes));
	fs.mkdirSync(path.dirname(noteFile(id)), { recursive: true });
	fs.writeFileSync(noteFile(id), text);
	const type = extra.has(id) ? 2 : 1;
	extra.add(id);
	texts.set(id, text);
	return connection.sendNotification('workspace/didChangeWatchedFiles', {
		changes: [{ uri: uri(noteFile(id)), type }],
	});
}

/** A random link or heading edit: retarget a link, add or remove one, rename a heading. */
function editText(text) {
	const lines = text.split('\n');
	const roll = random();
	const line = Math.floor(random() * lines.length);
	if (roll < 0.35) lines.splice(line, 0, `See [[note${Math.floor(random() * options.notes * 1.02)}]] here.`);
	else if (roll < 0.55 && lines.length > 6) lines.splice(line, 1);
	else if (roll < 0.75) lines.splice(line, 0, `## Heading ${Math.floor(random() * 1000)}`);
	else if (roll < 0.9)
		lines[line] = lines[line].replace(
			/\[\[[^\]]*\]\]/,
			`[[note${Math.floor(random() * options.notes)}#Part ${Math.floor(random() * 4)}]]`,
		);
	else lines.splice(line, 0, `- [[topic${Math.floor(random() * (TOPICS + 5))}]]`);
	// Keep notes from growing without bound over 50,000 edits.
	return lines.slice(0, 80).join('\n');
}

function generateVault() {
	fs.rmSync(path.join(REPO, '.cache', 'soak'), { recursive: true, force: true });
	fs.mkdirSync(path.join(VAULT, '00-元语'), { recursive: true });
	for (let topic = 0; topic < TOPICS; topic++) {
		fs.writeFileSync(
			path.join(VAULT, '00-元语', `topic${topic}.md`),
			`---\ntitle: Topic ${topic}\n---\n# Topic ${topic}\n`,
		);
	}
	for (let index = 0; index < options.notes; index++) {
		const id = `n${index % FOLDERS}/note${index}.md`;
		const text = noteText(index);
		texts.set(id, text);
		fs.mkdirSync(path.dirname(noteFile(id)), { recursive: true });
		fs.writeFileSync(noteFile(id), text);
	}
}

function noteText(index) {
	const link = () => `[[note${Math.floor(random() * options.notes * 1.01)}]]`;
	const day = String((index % 28) + 1).padStart(2, '0');
	return [
		'---',
		`title: Note ${index}`,
		`date: 2024-03-${day}`,
		`related: "${link()}"`,
		'---',
		`# Note ${index}`,
		'',
		`Text with ${link()} and ${link()}.`,
		'',
		`## Part ${index % 4}`,
		`More with [[note${(index + 1) % options.notes}#Part ${(index + 1) % 4}]] ^b${index}`,
		'',
		'## 关联主题',
		`- [[topic${index % TOPICS}]]`,
		`- [[topic${(index * 7) % (TOPICS + 3)}]]`,
		'',
	].join('\n');
}

function report(pid, edits, label = `${edits} edits`) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = (name) => status.match(new RegExp(`^${name}:\\s*(\\d+) kB`, 'm'))?.[1];
	const mb = (kb) => (kb === undefined ? '?' : (Number(kb) / 1024).toFixed(1));
	log(`RSS at ${label}: VmRSS ${mb(field('VmRSS'))} MB, VmHWM ${mb(field('VmHWM'))} MB`);
}

function noteFile(id) {
	return path.join(VAULT, ...id.split('/'));
}

function uri(file) {
	return pathToFileURL(file).toString();
}

function seconds(since) {
	return ((Date.now() - since) / 1000).toFixed(1);
}

function log(line) {
	process.stdout.write(`[soak] ${line}\n`);
}

function parseOptions(args) {
	const result = { notes: 10_000, edits: 50_000, seed: 1, maxSeconds: 1500, heapMb: 0 };
	for (let index = 0; index < args.length; index += 2) {
		const key = args[index].replace(/^--/, '').replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
		if (!(key in result)) throw new Error(`unknown option ${args[index]}`);
		result[key] = Number(args[index + 1]);
	}
	return result;
}

/** A small seeded PRNG, so that a run can be repeated. */
function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}
