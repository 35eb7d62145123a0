// The filter commands of the timeline view: QuickPicks of folders, topics and authors. Choices come
// from server data (the timeline's own notes, `vaultNotes/topics`), never from reading note files.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TimelineFilter, TimelineNote } from '../../../protocol';
import { TopicsRequest } from '../../../protocol';
import { Commands, registerCommand } from '../commands';
import type { ActiveTimelineFilter } from './timelineView';
import { countText, TimelineView } from './timelineView';

type FilterKind = keyof TimelineFilter;

interface Choice extends vscode.QuickPickItem {
	readonly value: string;
	readonly vault?: string;
}

export function registerTimelineFilterCommands(
	context: vscode.ExtensionContext,
	client: LanguageClient,
	timeline: TimelineView,
): void {
	const pickAndApply = async (kind: FilterKind, choices: Promise<Choice[]>, placeHolder: string) => {
		const choice = await vscode.window.showQuickPick(choices, { placeHolder, matchOnDescription: true });
		if (!choice) return;
		timeline.setFilter(mergeFilter(timeline.filter, kind, choice));
		// Run from the palette, the timeline may be hidden: show the result of the filter.
		await vscode.commands.executeCommand(`${TimelineView.viewId}.focus`);
	};
	context.subscriptions.push(
		registerCommand(Commands.filterTimelineByFolder, () =>
			pickAndApply('folder', folderChoices(timeline), vscode.l10n.t('Show only the notes of a folder')),
		),
		registerCommand(Commands.filterTimelineByTopic, () =>
			pickAndApply('topic', topicChoices(client), vscode.l10n.t('Show only the notes of a topic')),
		),
		registerCommand(Commands.filterTimelineByAuthor, () =>
			pickAndApply('author', authorChoices(timeline), vscode.l10n.t('Show only the notes of an author')),
		),
		registerCommand(Commands.clearTimelineFilter, () => timeline.setFilter(undefined)),
		registerCommand(Commands.showTopicInTimeline, async (topic?: { uri: string; title: string }) => {
			if (!topic) return;
			timeline.setFilter(mergeFilter(undefined, 'topic', { label: topic.title, value: topic.uri }));
			await vscode.commands.executeCommand(`${TimelineView.viewId}.focus`);
		}),
	);
}

/** Adds one condition to the current filter (conditions combine with AND) and describes the result. */
export function mergeFilter(
	current: ActiveTimelineFilter | undefined,
	kind: FilterKind,
	choice: Choice,
): ActiveTimelineFilter {
	const labels = new Map<FilterKind, string>(current?.labels ?? []);
	labels.set(kind, choice.label);
	const filter: TimelineFilter = { ...current?.filter, [kind]: choice.value };
	const vault = kind === 'folder' ? choice.vault : current?.vault;
	const description = [...labels].map(([key, label]) => describe(key, label)).join(', ');
	return { filter, vault, description, labels: [...labels] };
}

function describe(kind: FilterKind, label: string): string {
	switch (kind) {
		case 'folder':
			return vscode.l10n.t('folder: {0}', label);
		case 'topic':
			return vscode.l10n.t('topic: {0}', label);
		case 'author':
			return vscode.l10n.t('author: {0}', label);
	}
}

/** Every note of the (unfiltered) timeline, walking the groups level by level as the view does. */
async function allNotes(timeline: TimelineView): Promise<TimelineNote[]> {
	const notes: TimelineNote[] = [];
	let parents: (string | undefined)[] = [undefined];
	while (parents.length > 0) {
		const levels = await Promise.all(parents.map((parent) => timeline.request({ parent }, undefined)));
		parents = [];
		for (const element of levels.flat()) {
			if (element.kind === 'note') notes.push(element);
			else parents.push(element.id);
		}
	}
	return notes;
}

async function folderChoices(timeline: TimelineView): Promise<Choice[]> {
	const counts = new Map<string, { vault: vscode.WorkspaceFolder; folder: string; count: number }>();
	for (const note of await allNotes(timeline)) {
		const uri = vscode.Uri.parse(note.uri);
		const vault = vscode.workspace.getWorkspaceFolder(uri);
		if (!vault) continue;
		const parts = vscode.workspace.asRelativePath(uri, false).split('/').slice(0, -1);
		for (let depth = 1; depth <= parts.length; depth++) {
			const folder = parts.slice(0, depth).join('/');
			const key = `${vault.uri.toString()}\n${folder}`;
			const entry = counts.get(key) ?? { vault, folder, count: 0 };
			entry.count++;
			counts.set(key, entry);
		}
	}
	const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
	return [...counts.values()]
		.sort((a, b) => a.folder.localeCompare(b.folder))
		.map(({ vault, folder, count }) => ({
			label: folder,
			description: multiRoot ? vault.name : undefined,
			detail: countText(count),
			value: folder,
			vault: vault.uri.toString(),
		}));
}

async function topicChoices(client: LanguageClient): Promise<Choice[]> {
	const res = await client.sendRequest(TopicsRequest.type, {});
	return res.items.map((topic) => ({ label: topic.title, detail: countText(topic.count), value: topic.uri }));
}

async function authorChoices(timeline: TimelineView): Promise<Choice[]> {
	const counts = new Map<string, number>();
	for (const note of await allNotes(timeline)) {
		if (note.author) counts.set(note.author, (counts.get(note.author) ?? 0) + 1);
	}
	return [...counts]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([author, count]) => ({ label: author, detail: countText(count), value: author }));
}
