#!/usr/bin/env node
// Runs the e2e suite (test/e2e/suite/) inside a real VS Code: the VS Code server of the code-server
// package plus headless Chromium, with this repository as the extension under development.
// Exits with the suite's exit code. Tools: `bash scripts/e2e/setup.sh`; extension: `npm run build`.
//
// Usage: node test/e2e/runVsCode.mjs [WORKSPACE] [--extension DIR] [--timeout MS] [--keep]
//   WORKSPACE    folder to open (default: a fresh copy of examples/vault; tests may edit files)
//   --extension  extension folder to load instead of the repository root (harness development)
//   --timeout    overall limit for the run in milliseconds (default 300000)
//   --keep       keep the run folder under .cache/real-clients/runs/ even when the tests pass
//   --verbose    print every workbench/extension-host log line as it comes (default: the suite's
//                own `[e2e]` lines live, everything else only when the run fails; always in host.log)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyVault, createRun, openBrowser, removeRun, repoRoot, startServer, workbenchUrl } from './vscodeServer.mjs';

const { values: options, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		extension: { type: 'string', default: repoRoot },
		timeout: { type: 'string', default: '300000' },
		keep: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
	},
});
const extensionDir = path.resolve(options.extension);
const timeoutMs = Number(options.timeout);
const startedAt = Date.now();
const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;

const exitCode = await main().catch((error) => {
	console.error(`[e2e] ERROR: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
});
process.exit(exitCode);

async function main() {
	checkExtensionBuilt(extensionDir);
	const testsModule = await buildSuite();
	const run = createRun('tests');
	const workspace = positionals[0]
		? path.resolve(positionals[0])
		: copyVault(run, path.join(repoRoot, 'examples/vault'));
	run.log(`run folder ${path.relative(repoRoot, run.dir)}; workspace ${workspace}`);

	const server = await startServer(run);
	run.log(`VS Code server listening on ${server.baseUrl} (${seconds()})`);
	let code = 1;
	try {
		code = await runSuite(run, server, workspace, testsModule);
	} finally {
		await server.stop();
	}
	run.log(`extension tests exit code ${code} (total ${seconds()})`);
	if (code === 0 && !options.keep) {
		removeRun(run);
	} else {
		run.log(`logs kept in ${path.relative(repoRoot, run.dir)} (server.log, failure.png)`);
	}
	return code;
}

/** Opens the workbench with the test payload and resolves with the exit code the suite reports. */
async function runSuite(run, server, workspace, testsModule) {
	const { context, page } = await openBrowser(run);
	try {
		let reportExit;
		const exited = new Promise((resolve) => (reportExit = resolve));
		// The workbench calls these hooks when it runs extensionTestsPath (as @vscode/test-web does).
		const hostLog = createHostLog(run);
		await page.exposeFunction('codeAutomationLog', (type, args) => hostLog.add(type, args));
		await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
		page.on('crash', () => reportExit('the page crashed'));
		page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));

		const url = workbenchUrl(server, {
			folder: workspace,
			extensionDevelopmentPath: extensionDir,
			extensionTestsPath: testsModule,
		});
		await page.goto(url);
		run.log(`workbench loading (${seconds()})`);
		let timer;
		const timedOut = new Promise(
			(resolve) => (timer = setTimeout(() => resolve(`no exit after ${timeoutMs} ms`), timeoutMs)),
		);
		const result = await Promise.race([exited, timedOut]);
		clearTimeout(timer);
		if (result === 0) return 0;
		hostLog.printHidden();
		run.log(`FAILED: ${typeof result === 'number' ? `exit code ${result}` : result}`);
		await page.screenshot({ path: path.join(run.dir, 'failure.png') }).catch(() => {});
		printTail(server.logFile, 30);
		// The extension's output channels (language client, server stderr) say why, more often than not.
		for (const file of extensionLogs(run)) printTail(file, 40);
		return typeof result === 'number' && result !== 0 ? result : 1;
	} finally {
		await context.close();
	}
}

/** Bundles the suite for the extension host: CommonJS, `vscode` provided by the host. */
async function buildSuite() {
	const outfile = path.join(repoRoot, 'out/e2e/suite.js');
	await esbuild.build({
		entryPoints: [path.join(repoRoot, 'test/e2e/suite/index.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['vscode'],
		// As in esbuild.mjs: prefer ESM builds, since the UMD builds (jsonc-parser) require files dynamically.
		mainFields: ['module', 'main'],
		sourcemap: 'inline',
		logLevel: 'warning',
	});
	return outfile;
}

function checkExtensionBuilt(dir) {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const main = path.join(dir, manifest.main ?? 'extension.js');
	if (!fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
		throw new Error(`${path.relative(repoRoot, main)} is not built: run  npm run build`);
	}
}

// The workbench's and the extension host's console arrive here, the suite's own lines included.
// Offline noise (the gallery is unreachable by design) would bury the results, so only `[e2e]`
// lines are printed live; the rest is kept in host.log and printed when the run fails.
function createHostLog(run) {
	const file = fs.createWriteStream(path.join(run.dir, 'host.log'));
	const hidden = [];
	return {
		add(type, args) {
			const text = (Array.isArray(args) ? args : [args]).map((arg) =>
				typeof arg === 'string' ? arg : JSON.stringify(arg),
			);
			const line = `[host ${type}] ${text.join(' ')}`;
			file.write(`${line}\n`);
			if (options.verbose || text[0]?.startsWith('[e2e]')) console.log(line);
			else hidden.push(line);
		},
		printHidden() {
			for (const line of hidden) console.log(line);
			hidden.length = 0;
		},
	};
}

function extensionLogs(run) {
	const logs = path.join(run.dir, 'user/logs');
	if (!fs.existsSync(logs)) return [];
	const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
	const extensionId = `${manifest.publisher}.${manifest.name}`;
	return fs
		.readdirSync(logs, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.log') && file.split(path.sep).includes(extensionId))
		.map((file) => path.join(logs, file));
}

function printTail(file, lines) {
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const tail = text.trimEnd().split('\n').slice(-lines);
	console.log(`[e2e] last ${tail.length} lines of ${path.relative(repoRoot, file)}:`);
	for (const line of tail) console.log(`  ${line}`);
}
