// The tree views (timeline, backlinks, topics) and the status bar, read through the API that
// `activate` returns: the extension host cannot see a rendered tree view.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelineGroup, TimelineNote } from '../../../protocol';
import { vaultFolder } from './helpers';
import { test } from './registry';
import { readVaultFacts } from './vaultFacts';
import type { StartedApi } from './vaultNotesApi';
import { eventually, vaultNotesApi, waitForIndex, waitUntil } from './vaultNotesApi';

const TOPIC_NOTE = '00-元语/知识管理.md';

test('the status bar counts the indexed notes', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const facts = await readVaultFacts(vaultFolder());
	await waitUntil('the status bar to show counts', api.onDidChangeIndex, () => api.statusBar.status !== undefined);
	const notes = api.statusBar.status!.vaults.reduce((sum, vault) => sum + vault.notes, 0);
	// Skipped files (file-skipped) are indexed without a timeline entry, so the index may hold more.
	assert.ok(notes >= facts.length, `status says ${notes} notes, the vault has ${facts.length}`);
});

test('the timeline years and their counts match the notes’ dates', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const facts = await readVaultFacts(vaultFolder());
	const expected = new Map<string, number>();
	for (const note of facts) {
		const label = note.date?.slice(0, 4) ?? 'noDate';
		expected.set(label, (expected.get(label) ?? 0) + 1);
	}
	const years = [...expected.keys()].filter((label) => label !== 'noDate').sort((a, b) => b.localeCompare(a));
	const expectedTop = [...years, ...(expected.has('noDate') ? ['noDate'] : [])].map(
		(label) => `${label}: ${expected.get(label)}`,
	);

	let top: TimelineGroup[] = [];
	await eventually(api, async () => {
		top = (await api.timeline.getChildren()) as TimelineGroup[];
		assert.deepEqual(
			top.map((group) => `${group.label}: ${group.count}`),
			expectedTop,
		);
	});

	// One level down: a year's months add up to the year, a month lists its notes, newest first.
	const newestYear = top[0]!;
	const months = (await api.timeline.getChildren(newestYear)) as TimelineGroup[];
	assert.equal(
		months.reduce((sum, month) => sum + month.count, 0),
		newestYear.count,
	);
	const notes = (await api.timeline.getChildren(months[0])) as TimelineNote[];
	assert.equal(notes.length, months[0]!.count);
	const dates = notes.map((note) => note.date ?? '');
	assert.deepEqual(
		dates,
		[...dates].sort((a, b) => b.localeCompare(a)),
	);
	const item = api.timeline.getTreeItem(notes[0]!);
	assert.equal(item.contextValue, 'note');
	assert.equal(item.command?.command, 'vscode.open');
	assert.ok(String(item.description).startsWith(notes[0]!.date!), `description ${item.description}`);
});

test('the timeline filter by author keeps only that author’s notes', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const facts = await readVaultFacts(vaultFolder());
	const author = facts.find((note) => note.author)?.author;
	assert.ok(author, 'the example vault has an author');
	api.timeline.setFilter({ filter: { author }, labels: [['author', author]], description: author });
	try {
		await eventually(api, async () => {
			const shown = await allTimelineNotes(api);
			assert.deepEqual(
				shown.map((note) => note.uri).sort(),
				facts
					.filter((note) => note.author === author)
					.map((note) => note.uri.toString())
					.sort(),
			);
		});
	} finally {
		api.timeline.setFilter(undefined);
	}
});

test('the backlinks view of a topic note matches the reference provider', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const uri = vscode.Uri.joinPath(vaultFolder(), TOPIC_NOTE);
	await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
	await waitUntil(
		'the backlinks view to follow the editor',
		api.backlinks.onDidChangeNote,
		() => api.backlinks.currentUri?.toString() === uri.toString(),
	);

	const groups = await api.backlinks.getChildren();
	const shown: string[] = [];
	for (const group of groups) {
		for (const element of await api.backlinks.getChildren(group)) {
			if (element.kind !== 'link') continue;
			shown.push(locationKey(vscode.Uri.parse(element.group.uri), element.link.range));
			const label = api.backlinks.getTreeItem(element).label as vscode.TreeItemLabel;
			const [start, end] = label.highlights![0]!;
			assert.match(label.label.slice(start, end), /知识管理/, `highlight in “${label.label}”`);
		}
	}

	// Anywhere outside a link, references are the note's backlinks plus the note itself (0:0).
	const references = await vscode.commands.executeCommand<vscode.Location[]>(
		'vscode.executeReferenceProvider',
		uri,
		new vscode.Position(0, 0),
	);
	const expected = references
		.filter((location) => !(location.uri.toString() === uri.toString() && location.range.isEmpty))
		.map((location) => locationKey(location.uri, location.range));
	assert.ok(expected.length > 0, 'the topic note has backlinks');
	assert.deepEqual(shown.sort(), expected.sort());
	await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('the topics view lists topic notes with counts, and a topic expands to its notes', async () => {
	const api = await vaultNotesApi();
	await waitForIndex(api);
	const topics = await api.topics.getChildren();
	assert.ok(topics.length > 0, 'the example vault has topics');
	for (const topic of topics) {
		assert.match(vscode.workspace.asRelativePath(vscode.Uri.parse(topic.uri), false), /^00-元语\//);
	}
	const counts = topics.map((topic) => topic.count);
	assert.deepEqual(
		counts,
		[...counts].sort((a, b) => b - a),
		'most linked first',
	);
	const first = topics[0]!;
	const notes = await api.topics.getChildren(first);
	assert.equal(notes.length, first.count);
	assert.equal(api.topics.getTreeItem(first).contextValue, 'topic');
	assert.equal(api.topics.getTreeItem(notes[0]!).contextValue, 'note');
});

async function allTimelineNotes(api: StartedApi): Promise<TimelineNote[]> {
	const notes: TimelineNote[] = [];
	const visit = async (parent?: TimelineGroup) => {
		for (const element of await api.timeline.getChildren(parent)) {
			if (element.kind === 'note') notes.push(element);
			else await visit(element);
		}
	};
	await visit();
	return notes;
}

function locationKey(uri: vscode.Uri, range: { start: vscode.Position | RangeEnd; end: vscode.Position | RangeEnd }) {
	return `${vscode.workspace.asRelativePath(uri, false)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

interface RangeEnd {
	readonly line: number;
	readonly character: number;
}
