// Bundles the entry points into dist/ as CommonJS for Node.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
	// remark and friends are ESM; import.meta.url is not used by them at run time.
	mainFields: ['module', 'main'],
};

const builds = [
	{ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
	{ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
	{ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
	// Loaded by the server and the CLI from beside them (node/workerNoteReader.ts).
	{ ...common, entryPoints: { parseWorker: 'server/src/node/parseWorker.ts' }, outdir: 'dist' },
];

if (watch) {
	for (const options of builds) {
		const context = await esbuild.context(options);
		await context.watch();
	}
} else {
	await Promise.all(builds.map((options) => esbuild.build(options)));
}
