#!/usr/bin/env node
// Runs a TypeScript entry point (a benchmark or a maintenance script) by bundling it with
// esbuild into out/run/ first. Usage: node scripts/run-ts.mjs path/to/script.ts [args…]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.mjs <script.ts> [args…]');
	process.exit(2);
}
const outfile = path.join('out', 'run', path.basename(entry).replace(/\.ts$/, '.cjs'));
await esbuild.build({
	entryPoints: [entry],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: 'inline',
	packages: 'external',
	logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
