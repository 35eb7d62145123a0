#!/usr/bin/env node
// Takes the documentation screenshots (docs/screenshots/*.png) in a real VS Code: the VS Code
// server of the code-server package plus headless Chromium, with this repository loaded as the
// extension under development (no test module) on a fresh copy of examples/vault.
// Tools: `bash scripts/e2e/setup.sh`; extension: `npm run build`.
//
// Usage: node test/e2e/screenshots.mjs [SHOT…] [--vault DIR] [--extension DIR] [--out DIR]
//   SHOT         names of the shots to take (default: all; see `shots` below)
//   --vault      vault to copy and open (default examples/vault)
//   --extension  extension folder to load instead of the repository root (harness development)
//   --out        output folder (default docs/screenshots)
//
// To add a shot, append { name, note, take(page, helpers) } to `shots`: `take` starts with `note`
// open in the editor and must wait for what it shows (a selector), never for a fixed time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyVault, createRun, openBrowser, removeRun, repoRoot, startServer, workbenchUrl } from './vscodeServer.mjs';

const uiTimeoutMs = 60_000;

/** The shots, in order. `note` is a vault-relative path, or a function choosing one. */
const shots = [
	{
		name: 'problems',
		note: (vault) => noteWithDiagnostic(vault, 'broken-link'),
		async take(page, { runCommand }) {
			await runCommand('Problems: Focus on Problems View');
			const panel = page.locator('.markers-panel');
			await panel.waitFor({ state: 'visible', timeout: uiTimeoutMs });
			// A row naming our code proves the server's diagnostics reached the panel.
			await panel.locator('.monaco-list-row', { hasText: 'broken-link' }).first().waitFor({ timeout: uiTimeoutMs });
			// Focus back in the editor, so no problem row carries the focus outline in the picture.
			await runCommand('View: Focus Active Editor Group');
		},
	},
	{
		// The Vault Notes container: the timeline with the newest month open, topics below.
		name: 'timeline',
		note: '01-博客/Alex Chen/Local-first software, five years on.md',
		async take(page, { runCommand }) {
			await hidePanel(page, runCommand);
			await runCommand('Vault Notes: Focus on Notes Timeline View');
			const view = viewPane(page, 'Notes Timeline');
			// Years open by default; open the newest month so note rows (title, date · author) show.
			const month = view.locator('.monaco-list-row', { hasText: /\d{4}-\d{2}/ }).first();
			await month.waitFor({ timeout: uiTimeoutMs });
			await month.click();
			await view.locator('.monaco-list-row', { hasText: 'Alex Chen' }).first().waitFor({ timeout: uiTimeoutMs });
			await viewPane(page, 'Topics').locator('.monaco-list-row').first().waitFor({ timeout: uiTimeoutMs });
			await runCommand('View: Focus Active Editor Group');
		},
	},
	{
		// Backlinks of a topic note: grouped by linking note, the link highlighted in each line.
		name: 'backlinks',
		note: '00-元语/知识管理.md',
		async take(page, { runCommand }) {
			await hidePanel(page, runCommand);
			await runCommand('Vault Notes: Focus on Backlinks View');
			const view = viewPane(page, 'Backlinks');
			await view.locator('.monaco-list-row .highlight').first().waitFor({ timeout: uiTimeoutMs });
			await runCommand('View: Focus Active Editor Group');
		},
	},
	{
		// The timeline filtered by author through its QuickPick; the filter shows in the view's title.
		name: 'timeline-filter',
		note: '01-博客/林晓/笔记的三层结构.md',
		async take(page, { runCommand }) {
			await hidePanel(page, runCommand);
			await runCommand('Vault Notes: Filter Timeline by Author');
			// The authors come from the server's timeline, so the list fills in after the picker opens.
			const author = page.locator('.quick-input-list .monaco-list-row', { hasText: '林晓' }).first();
			await author.waitFor({ timeout: uiTimeoutMs });
			await author.click();
			const view = viewPane(page, 'Notes Timeline');
			await view.locator('.pane-header', { hasText: '林晓' }).waitFor({ timeout: uiTimeoutMs });
			const month = view.locator('.monaco-list-row', { hasText: /\d{4}-\d{2}/ }).first();
			await month.waitFor({ timeout: uiTimeoutMs });
			await month.click();
			await view.locator('.monaco-list-row', { hasText: '· 林晓' }).first().waitFor({ timeout: uiTimeoutMs });
			await runCommand('View: Focus Active Editor Group');
		},
	},
	{
		// The summary preview beside the note it summarises.
		name: 'summary',
		note: '01-博客/林晓/笔记的三层结构.md',
		async take(page, { runCommand }) {
			await hidePanel(page, runCommand);
			await runCommand('Vault Notes: Show Note Summary');
			// A webview is two iframes deep; the chips prove the server's data was rendered.
			const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
			await preview.locator('.summary').waitFor({ timeout: uiTimeoutMs });
			await preview.locator('.chip').first().waitFor({ timeout: uiTimeoutMs });
			// The pointer still rests where the palette row was, over the tabs: move it off their tooltips.
			await page.mouse.move(700, 700);
		},
	},
];

const { values: options, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		vault: { type: 'string', default: path.join(repoRoot, 'examples/vault') },
		extension: { type: 'string', default: repoRoot },
		out: { type: 'string', default: path.join(repoRoot, 'docs/screenshots') },
	},
});
const startedAt = Date.now();
const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;

const exitCode = await main().catch((error) => {
	console.error(`[shots] ERROR: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
});
process.exit(exitCode);

async function main() {
	const unknown = positionals.filter((name) => !shots.some((shot) => shot.name === name));
	if (unknown.length > 0) {
		throw new Error(`unknown shot ${unknown.join(', ')}; known: ${shots.map((shot) => shot.name).join(', ')}`);
	}
	const selected = positionals.length > 0 ? shots.filter((shot) => positionals.includes(shot.name)) : shots;
	const extensionDir = path.resolve(options.extension);
	const run = createRun('screenshots');
	const vault = copyVault(run, path.resolve(options.vault));
	fs.mkdirSync(options.out, { recursive: true });
	const server = await startServer(run);
	let failed = 0;
	try {
		for (const shot of selected) {
			failed += (await takeShot(run, server, { shot, vault, extensionDir })) ? 0 : 1;
		}
	} finally {
		await server.stop();
	}
	console.log(`[shots] ${selected.length - failed} of ${selected.length} taken (${seconds()})`);
	if (failed === 0) removeRun(run);
	else console.log(`[shots] logs kept in ${path.relative(repoRoot, run.dir)}`);
	return failed === 0 ? 0 : 1;
}

/** One shot in one fresh browser page, so shots cannot disturb each other. */
async function takeShot(run, server, { shot, vault, extensionDir }) {
	const output = path.join(options.out, `${shot.name}.png`);
	const { context, page } = await openBrowser(run);
	try {
		const note = typeof shot.note === 'function' ? shot.note(vault) : shot.note;
		await page.goto(workbenchUrl(server, { folder: vault, extensionDevelopmentPath: extensionDir }));
		await page.locator('.monaco-workbench').waitFor({ timeout: uiTimeoutMs });
		const helpers = workbenchHelpers(page);
		await helpers.openNote(note);
		await shot.take(page, helpers);
		await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: uiTimeoutMs });
		await page.screenshot({ path: output });
		console.log(`[shots] ${shot.name}: ${path.relative(repoRoot, output)} (${note}, ${seconds()})`);
		return true;
	} catch (error) {
		const failure = path.join(run.dir, `${shot.name}-failure.png`);
		await page.screenshot({ path: failure }).catch(() => {});
		console.error(`[shots] ${shot.name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	} finally {
		await context.close();
	}
}

/** Keyboard-driven workbench actions, the way a user does them. */
function workbenchHelpers(page) {
	const quickInput = page.locator('.quick-input-widget input');
	async function pick(opener, text, rowText) {
		await page.keyboard.press(opener);
		await quickInput.waitFor({ state: 'visible', timeout: uiTimeoutMs });
		await page.keyboard.type(text);
		const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
		await row.waitFor({ timeout: uiTimeoutMs });
		// Click the matching row: Enter takes the first row, which may still be a stale match.
		await row.click();
	}
	return {
		/** Opens a vault-relative note through Quick Open and waits for its tab. */
		async openNote(note) {
			const name = path.posix.basename(note);
			// The explorer lists the vault once the workspace is ready; Quick Open before that finds nothing.
			// A previous shot may have left another side bar container open (the profile is shared).
			await showExplorer(page);
			await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: uiTimeoutMs });
			await pick('Control+P', note, name);
			await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: uiTimeoutMs });
		},
		/** Runs a command from the Command Palette by its label. */
		async runCommand(label) {
			await pick('F1', label, label);
		},
	};
}

/**
 * The first note (in path order) that the CLI reports `code` for, so the shot shows the problem
 * whatever the example vault contains; falls back to the first note.
 */
function noteWithDiagnostic(vault, code) {
	const cli = path.join(repoRoot, 'dist/cli.js');
	if (fs.existsSync(cli)) {
		const result = spawnSync(process.execPath, [cli, 'check', vault, '--format', 'json'], { encoding: 'utf8' });
		try {
			const report = JSON.parse(result.stdout);
			const hit = report.diagnostics.find((diagnostic) => diagnostic.code === code);
			if (hit) return hit.file;
		} catch {
			// Not JSON (an older or broken CLI): fall back to the first note.
		}
	}
	const notes = fs
		.readdirSync(vault, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.md') && !file.split(path.sep).some((part) => part.startsWith('.')));
	if (notes.length === 0) throw new Error(`${vault} has no notes`);
	return notes.sort()[0];
}

/** The pane of a view in the side bar, by its title. */
function viewPane(page, title) {
	return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
}

/** Hides the bottom panel when it is open (a previous shot may have left Problems open). */
async function hidePanel(page, runCommand) {
	if (await page.locator('.part.panel').isVisible()) await runCommand('View: Hide Panel');
}

/** Makes the Explorer the side bar's container, once the restored one is shown (clicking an active one would hide it). */
async function showExplorer(page) {
	const activityBar = page.locator('.part.activitybar');
	await activityBar.locator('.action-item.checked').first().waitFor({ timeout: uiTimeoutMs });
	const explorer = activityBar.locator('.action-item', { has: page.locator('[aria-label^="Explorer"]') }).first();
	if (!(await explorer.getAttribute('class'))?.includes('checked')) await explorer.click();
}
