// Lists the files of a vault: notes (`*.md`) and attachments, skipping invisible folders
// (SPEC §1). Symlinks are followed only when their target lies inside the vault, and each real
// folder is entered once, so links pointing outside are never read and loops end.
import * as path from 'node:path';
import type { NoteId } from '../core';
import { isInvisiblePath, isMarkdownPath } from '../core';
import type { FileSystem } from './fileSystem';
import { toNoteId } from './vaultPaths';

export interface VaultFile {
	readonly id: NoteId;
	readonly kind: 'note' | 'attachment';
	readonly size: number;
	readonly mtimeMs: number;
}

export interface ScanResult {
	readonly files: VaultFile[];
	/** Folders and links that could not be read or were not followed, for the log. */
	readonly warnings: string[];
}

export async function scanVault(fs: FileSystem, root: string): Promise<ScanResult> {
	const realRoot = await fs.realPath(root);
	const files: VaultFile[] = [];
	const warnings: string[] = [];
	const visited = new Set<string>([realRoot]);
	// Each folder with its real path: a plain subfolder's is its parent's plus its name.
	const pending: { folder: string; real: string }[] = [{ folder: root, real: realRoot }];
	while (pending.length > 0) {
		const batch = pending.splice(0, 16);
		await Promise.all(batch.map(({ folder, real }) => scanFolder(folder, real)));
	}
	return { files, warnings };

	async function scanFolder(folder: string, realFolder: string): Promise<void> {
		let entries;
		try {
			entries = await fs.readDirectory(folder);
		} catch (error) {
			warnings.push(`cannot read folder ${folder}: ${(error as Error).message}`);
			return;
		}
		for (const entry of entries) {
			const absolute = path.join(folder, entry.name);
			const id = toNoteId(root, absolute);
			if (id === undefined || isInvisiblePath(id)) continue;
			if (entry.kind === 'directory') enter(absolute, path.join(realFolder, entry.name));
			else if (entry.kind === 'file') await addFile(absolute, id);
			else if (entry.kind === 'symlink') await followLink(absolute, id);
		}
	}

	async function addFile(absolute: string, id: NoteId): Promise<void> {
		try {
			const stat = await fs.stat(absolute);
			files.push({ id, kind: isMarkdownPath(id) ? 'note' : 'attachment', size: stat.size, mtimeMs: stat.mtimeMs });
		} catch (error) {
			// Vanished between the listing and the stat: it is simply not there.
			warnings.push(`cannot stat ${absolute}: ${(error as Error).message}`);
		}
	}

	async function followLink(absolute: string, id: NoteId): Promise<void> {
		let real: string;
		try {
			real = await fs.realPath(absolute);
		} catch (error) {
			warnings.push(`broken symlink ${absolute}: ${(error as Error).message}`);
			return;
		}
		if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
			warnings.push(`not following ${absolute}: it points outside the vault`);
			return;
		}
		const stat = await fs.stat(absolute).catch(() => undefined);
		if (stat?.kind === 'file') {
			files.push({ id, kind: isMarkdownPath(id) ? 'note' : 'attachment', size: stat.size, mtimeMs: stat.mtimeMs });
		} else if (stat?.kind === 'directory') {
			enter(absolute, real);
		}
	}

	/** Queues a folder unless its real folder was entered already (a `self -> .` link would repeat it). */
	function enter(folder: string, real: string): void {
		if (visited.has(real)) return;
		visited.add(real);
		pending.push({ folder, real });
	}
}
