#!/usr/bin/env node
// Runs the e2e suite a second time on a writable copy of the shared sample vault
// (../shared/vaults/sample), where it exists; says so plainly and succeeds when it is absent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = path.resolve(repo, '../shared/vaults/sample');
if (!fs.existsSync(sample)) {
	console.log(
		`[e2e] ${sample} is absent: the sample-vault run is skipped (the example-vault run covers the extension)`,
	);
	process.exit(0);
}
const copy = path.join(repo, '.cache', 'real-clients', `sample-copy-${process.pid}`);
fs.cpSync(sample, copy, { recursive: true });
// The shared copy is read-only; the tests write a scratch note into theirs.
for (const entry of fs.readdirSync(copy, { recursive: true, withFileTypes: true })) {
	const file = path.join(entry.parentPath ?? entry.path, entry.name);
	fs.chmodSync(file, entry.isDirectory() ? 0o755 : 0o644);
}
fs.chmodSync(copy, 0o755);
try {
	const result = spawnSync(process.execPath, [path.join(repo, 'test/e2e/runVsCode.mjs'), copy], { stdio: 'inherit' });
	process.exitCode = result.status ?? 1;
} finally {
	fs.rmSync(copy, { recursive: true, force: true });
}
