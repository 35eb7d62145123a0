// Shared start-up code of the real-client harness (runVsCode.mjs, screenshots.mjs): a real VS Code
// server (server-main.js from the code-server npm package, run on Node 24) opened in Debian's
// headless Chromium through playwright-core. Everything lives in a fresh run folder under
// .cache/real-clients/runs/, so nothing is written to the home folder or /tmp.
// Tools come from scripts/e2e/setup.sh; see ../../../shared/real-clients.md for the recipe.
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.VAULT_NOTES_RC_CACHE ?? path.join(repoRoot, '.cache', 'real-clients');
const runsDir = path.join(cacheDir, 'runs');
const settingsFile = path.join(repoRoot, 'test', 'e2e', 'settings.json');
// Old run folders are pruned so the cache does not grow without bound; the newest few stay for
// debugging, and recent ones are never touched because another run may still be using them.
const keptRuns = 5;
const pruneAfterMs = 60 * 60 * 1000;

const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Containers often give /dev/shm only 64 MB, which crashes Chromium's renderer.
	'--disable-dev-shm-usage',
];

/** Paths of the installed tools; throws a message naming the fix when setup has not run. */
export function toolPaths() {
	const node24 = path.join(cacheDir, 'node24/node_modules/node/node_modules', `node-linux-${process.arch}`, 'bin/node');
	const serverMain = path.join(cacheDir, 'cs/node_modules/code-server/lib/vscode/out/server-main.js');
	const playwrightManifest = path.join(cacheDir, 'pw/node_modules/playwright-core/package.json');
	const chromium = process.env.CHROMIUM_PATH ?? findOnPath('chromium');
	const missing = [
		[node24, 'Node 24'],
		[serverMain, 'code-server'],
		[playwrightManifest, 'playwright-core'],
	].filter(([file]) => !fs.existsSync(file));
	if (missing.length > 0 || !chromium) {
		const names = [...missing.map(([, name]) => name), ...(chromium ? [] : ['chromium'])];
		throw new Error(`real-client tools missing (${names.join(', ')}): run  bash scripts/e2e/setup.sh`);
	}
	return { node24, serverMain, playwrightManifest, chromium };
}

/**
 * Creates a fresh run folder with isolated user/extension/server data and our quiet settings.
 * @param {string} label a short name for the folder (e.g. 'tests', 'screenshots')
 */
export function createRun(label) {
	fs.mkdirSync(runsDir, { recursive: true });
	pruneOldRuns();
	const stamp = new Date().toISOString().replace(/[-:]|\.\d+Z$/g, '');
	const dir = fs.mkdtempSync(path.join(runsDir, `${stamp}-${label}-`));
	for (const sub of ['user/User', 'ext', 'server', 'home', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'chromium']) {
		fs.mkdirSync(path.join(dir, sub), { recursive: true });
	}
	const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
	if (process.env.VAULT_NOTES_E2E_UNTRUSTED) {
		// Workspace trust on, and the folder never trusted: it opens in Restricted Mode, without a prompt.
		Object.assign(settings, {
			'security.workspace.trust.enabled': true,
			'security.workspace.trust.startupPrompt': 'never',
			'security.workspace.trust.emptyWindow': false,
		});
	}
	fs.writeFileSync(path.join(dir, 'user/User/settings.json'), JSON.stringify(settings, null, '\t'));
	return { dir, log: (message) => console.log(`[e2e] ${message}`) };
}

/** Copies a vault into the run folder (tests may edit files) and returns the copy's path. */
export function copyVault(run, source) {
	const target = path.join(run.dir, 'workspace', path.basename(source));
	fs.cpSync(source, target, { recursive: true });
	return target;
}

/**
 * Starts the VS Code server on a free loopback port in its own process group. The returned
 * `stop()` kills the whole group; it also runs when this process exits or is interrupted.
 */
export async function startServer(run, { timeoutMs = 60_000 } = {}) {
	const { node24, serverMain } = toolPaths();
	const logFile = path.join(run.dir, 'server.log');
	const logStream = fs.createWriteStream(logFile);
	const args = [
		serverMain,
		'--host',
		'127.0.0.1',
		// Port 0: the server picks a free port itself and prints it, so two runs never race for one.
		'--port',
		'0',
		'--without-connection-token',
		'--accept-server-license-terms',
		'--server-data-dir',
		path.join(run.dir, 'server'),
		'--user-data-dir',
		path.join(run.dir, 'user'),
		'--extensions-dir',
		path.join(run.dir, 'ext'),
		'--enable-smoke-test-driver',
		'--telemetry-level',
		'off',
		// Without it each closed browser session keeps its extension host alive for 3 hours.
		'--reconnection-grace-time',
		'5',
	];
	const child = spawn(node24, args, {
		cwd: run.dir,
		env: isolatedEnv(run),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let exited = false;
	const exitedPromise = once(child, 'exit').then(([code, signal]) => {
		exited = true;
		return { code, signal };
	});
	const killGroup = (signal) => {
		if (exited) return;
		try {
			process.kill(-child.pid, signal);
		} catch {
			// The group is already gone.
		}
	};
	const onProcessExit = () => killGroup('SIGKILL');
	process.once('exit', onProcessExit);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			killGroup('SIGKILL');
			process.exit(130);
		});
	}
	child.stdout.pipe(logStream, { end: false });
	child.stderr.pipe(logStream, { end: false });

	const port = await new Promise((resolve, reject) => {
		let buffered = '';
		const timer = setTimeout(() => reject(new Error(`VS Code server not listening after ${timeoutMs} ms`)), timeoutMs);
		child.stdout.on('data', (chunk) => {
			buffered += chunk.toString();
			const match = /Extension host agent listening on (\d+)/.exec(buffered);
			if (!match) return;
			clearTimeout(timer);
			resolve(Number(match[1]));
		});
		void exitedPromise.then(({ code, signal }) => {
			clearTimeout(timer);
			reject(new Error(`VS Code server exited early (${signal ?? code}); see ${logFile}`));
		});
	}).catch((error) => {
		killGroup('SIGKILL');
		throw error;
	});

	const authority = `127.0.0.1:${port}`;
	return {
		authority,
		baseUrl: `http://${authority}`,
		logFile,
		/** Stops the server's whole process group: SIGTERM, then SIGKILL if it lingers. */
		async stop() {
			killGroup('SIGTERM');
			const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
			await exitedPromise;
			clearTimeout(timer);
			// The extension host and language server are in the group too and may outlive the leader.
			killGroup('SIGKILL');
			process.removeListener('exit', onProcessExit);
			logStream.end();
		},
	};
}

/**
 * The workbench URL opening `folder`, with an optional extension under development and test module.
 * Paths are local to this machine; the server serves them as vscode-remote:// resources.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
	const payload = [];
	if (extensionDevelopmentPath) {
		payload.push(['extensionDevelopmentPath', `vscode-remote://${server.authority}${extensionDevelopmentPath}`]);
	}
	if (extensionTestsPath) {
		payload.push(['extensionTestsPath', `vscode-remote://${server.authority}${extensionTestsPath}`]);
	}
	const query = new URLSearchParams({ folder });
	if (payload.length > 0) query.set('payload', JSON.stringify(payload));
	return `${server.baseUrl}/?${query}`;
}

/** Launches headless Chromium with a fresh profile inside the run folder. */
export async function openBrowser(run, { width = 1400, height = 900 } = {}) {
	const { playwrightManifest, chromium } = toolPaths();
	const { chromium: launcher } = createRequire(playwrightManifest)('playwright-core');
	// Chromium writes crash-report settings and dconf data under the home and XDG folders. Its
	// temporary folder stays the system's: the singleton socket path there must fit in 107 bytes
	// (a run folder is too deep for that), and Chromium removes it when it closes.
	const env = isolatedEnv(run);
	delete env.TMPDIR;
	if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
	// Playwright refuses --user-data-dir in args; a persistent context on a fresh folder is the same thing.
	const context = await launcher.launchPersistentContext(path.join(run.dir, 'chromium'), {
		executablePath: chromium,
		headless: true,
		viewport: { width, height },
		args: chromiumArgs,
		env,
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/**
 * The environment of the server and the browser: home, XDG and temporary folders inside the run
 * folder, because both write there (device id, crash reports, history) and tests must leave the
 * real home untouched.
 */
function isolatedEnv(run) {
	return {
		...process.env,
		HOME: path.join(run.dir, 'home'),
		XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config'),
		XDG_DATA_HOME: path.join(run.dir, 'xdg-data'),
		XDG_CACHE_HOME: path.join(run.dir, 'xdg-cache'),
		TMPDIR: path.join(run.dir, 'tmp'),
	};
}

/** Deletes a run folder (after success; failed runs are kept for their logs). */
export function removeRun(run) {
	fs.rmSync(run.dir, { recursive: true, force: true });
}

function pruneOldRuns() {
	const runs = fs.readdirSync(runsDir).sort();
	for (const name of runs.slice(0, Math.max(0, runs.length - keptRuns + 1))) {
		const folder = path.join(runsDir, name);
		if (Date.now() - fs.statSync(folder).mtimeMs < pruneAfterMs) continue;
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

function findOnPath(command) {
	try {
		return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}
