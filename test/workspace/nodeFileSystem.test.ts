// statMany, the scan's fast path on the real disk: the same answers, in the same order, as one
// stat per file; and a scan through it lists exactly what a scan through plain stats lists.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import type { FileSystem } from '../../server/src/workspace/fileSystem';
import { scanVault } from '../../server/src/workspace/scanVault';

let root: string;

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-notes-statmany-'));
	// More files than one slice of statMany, in folders, with a symlink and an attachment.
	for (let index = 0; index < 1205; index++) {
		const folder = path.join(root, `f${index % 3}`);
		fs.mkdirSync(folder, { recursive: true });
		fs.writeFileSync(path.join(folder, `n${index}.md`), 'x'.repeat(index % 17));
	}
	fs.writeFileSync(path.join(root, 'image.png'), 'png');
	fs.symlinkSync(path.join(root, 'f0'), path.join(root, 'linked'));
	fs.mkdirSync(path.join(root, '.hidden'));
	fs.writeFileSync(path.join(root, '.hidden', 'h.md'), 'h');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('statMany answers as stat does, in order; a missing file is its Error', async () => {
	const paths = [
		...fs.readdirSync(path.join(root, 'f1')).map((name) => path.join(root, 'f1', name)),
		path.join(root, 'missing.md'),
		path.join(root, 'linked'),
	];
	const many = await nodeFileSystem.statMany!(paths);
	expect(many).toHaveLength(paths.length);
	for (const [index, file] of paths.entries()) {
		const one = await nodeFileSystem.stat(file).catch((error: Error) => error);
		if (one instanceof Error) {
			expect(many[index]).toBeInstanceOf(Error);
			expect((many[index] as NodeJS.ErrnoException).code).toBe((one as NodeJS.ErrnoException).code);
		} else expect(many[index]).toEqual(one);
	}
	expect((many.at(-2) as NodeJS.ErrnoException).code).toBe('ENOENT');
	expect(many.at(-1)).toMatchObject({ kind: 'directory' });
});

test('a scan through statMany lists what a scan through one stat per file lists', async () => {
	const { statMany: _statMany, ...plainStats } = nodeFileSystem;
	const withoutStatMany: FileSystem = plainStats;
	// Folders are listed concurrently: the order of their files in the result depends on timing.
	const sorted = (scan: Awaited<ReturnType<typeof scanVault>>) => ({
		...scan,
		files: [...scan.files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
	});
	const fast = sorted(await scanVault(nodeFileSystem, root));
	const plain = sorted(await scanVault(withoutStatMany, root));
	expect(fast).toEqual(plain);
	expect(fast.files).toHaveLength(1206);
	expect(fast.files.some((file) => file.id.startsWith('.hidden'))).toBe(false);
});
