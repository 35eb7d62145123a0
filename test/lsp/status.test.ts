// `vaultNotes/status` counts what the Problems panel shows, and follows edits.
import { afterEach, describe, expect, test } from 'vitest';
import { LspHarness } from '../support/lspHarness';
import { MemoryFileSystem } from '../support/memoryFileSystem';

let harness: LspHarness | undefined;
afterEach(async () => {
	await harness?.dispose();
	harness = undefined;
});

interface Status {
	vaults: { notes: number; indexing: boolean; errors: number; warnings: number }[];
}

describe('vaultNotes/status', () => {
	test('notes, errors and warnings of the vault, updated by an edit', async () => {
		const fs = new MemoryFileSystem({
			'/v/a.md': '# H\n[[无]] [[也无]] [[a#没有]]',
			'/v/b.md': '[[a]]',
			'/v/pic.png': 'x',
		});
		harness = await LspHarness.start({ fs, roots: ['/v'] });
		await harness.progressEnded;
		const status = () => harness!.connection.sendRequest('vaultNotes/status', null) as Promise<Status>;
		expect((await status()).vaults).toEqual([
			{ uri: harness.uri('/v'), notes: 2, indexing: false, errors: 2, warnings: 1 },
		]);
		await harness.open('/v/a.md', '# H\n[[b]] [[也无]] [[a#没有]]');
		await harness.waitFor(() => harness!.codesOf('/v/a.md').length === 2);
		expect((await status()).vaults[0]).toMatchObject({ errors: 1, warnings: 1 });
		// Kept sums follow every publication, in both directions.
		await harness.open('/v/b.md', '[[无]] [[a#没有]]');
		await harness.waitFor(() => harness!.codesOf('/v/b.md').length === 2);
		expect((await status()).vaults[0]).toMatchObject({ errors: 2, warnings: 2 });
		await harness.change('/v/a.md', '# H\n[[b]]');
		await harness.change('/v/b.md', '[[a]]');
		await harness.waitFor(() => harness!.codesOf('/v/a.md').length + harness!.codesOf('/v/b.md').length === 0);
		expect((await status()).vaults[0]).toMatchObject({ errors: 0, warnings: 0 });
	});
});
