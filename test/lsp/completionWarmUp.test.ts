// The server builds a vault's completion table ahead of the first `[[`: once a note is opened or
// edited after indexing, a slice of files per turn of the event loop.
import { expect, test } from 'vitest';
import type { Change } from '../../server/src/core';
import { VaultIndex, completeAt, loadConfig, prepareCompletion } from '../../server/src/core';
import { WARM_UP_FILES, warmUpCompletion } from '../../server/src/lsp/handlers/completion';
import type { ServerState } from '../../server/src/lsp/serverState';

const logger = {
	error: (message: string) => {
		throw new Error(message);
	},
	warn: () => undefined,
	info: () => undefined,
	log: () => undefined,
};

/** Lets `count` turns of the event loop go by (the warm-up takes one slice per turn). */
async function turns(count: number): Promise<void> {
	for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

test('after indexing, a note opened or edited starts the build, a slice of files per turn', async () => {
	const vault = new VaultIndex(loadConfig(undefined));
	const count = WARM_UP_FILES * 2 + WARM_UP_FILES / 2;
	const notes: Change[] = Array.from({ length: count }, (_, index) => ({
		kind: 'note',
		id: `n${index}.md`,
		text: `[[n${(index + 1) % count}]]`,
	}));
	vault.apply(notes);
	const session = { vault, indexing: true, filesKnown: true };
	const state = { locate: () => ({ session, id: 'n0.md' }) } as unknown as ServerState;
	warmUpCompletion(state, 'file:///vault/n0.md', logger);
	await turns(3);
	session.indexing = false;
	warmUpCompletion(state, 'file:///vault/n0.md', logger);
	// Started again by the next edit: once, however many edits come.
	warmUpCompletion(state, 'file:///vault/n0.md', logger);
	await turns(1);
	// `prepareCompletion(vault, 0)` only asks: one slice of 2.5 is in after one turn.
	expect(prepareCompletion(vault, 0)).toBe(false);
	await turns(2);
	expect(prepareCompletion(vault, 0)).toBe(true);
	const last = `n${count - 1}`;
	const result = completeAt(vault, 'n0.md', `[[${last}`, { line: 0, character: 2 + last.length });
	expect(result.items[0]?.label).toBe(last);
});

test('the build waits while output to the client is still queued', async () => {
	const vault = new VaultIndex(loadConfig(undefined));
	vault.apply(
		Array.from({ length: WARM_UP_FILES + 1 }, (_, index): Change => ({ kind: 'note', id: `n${index}.md`, text: '' })),
	);
	const session = { vault, indexing: false, filesKnown: true };
	const state = { locate: () => ({ session, id: 'n0.md' }) } as unknown as ServerState;
	let pending = true;
	warmUpCompletion(state, 'file:///vault/n0.md', logger, () => pending);
	await turns(3);
	await new Promise((resolve) => setTimeout(resolve, 30));
	// Not one slice while the pipe is busy: the table holds nothing yet.
	expect(prepareCompletion(vault, 0)).toBe(false);
	pending = false;
	await new Promise((resolve) => setTimeout(resolve, 20));
	await turns(3);
	expect(prepareCompletion(vault, 0)).toBe(true);
});
