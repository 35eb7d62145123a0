// The floor: the least work any checker must do, one process that lists the vault, reads every
// note and finds its wikilinks with one regular expression. Every time of the bench is reported
// as a ratio to this, measured in the same run on the same (page-cached) files.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FloorResult {
	readonly notes: number;
	readonly links: number;
	readonly bytes: number;
}

export function runFloor(root: string): FloorResult {
	let notes = 0;
	let links = 0;
	let bytes = 0;
	const walk = (folder: string): void => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const absolute = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(absolute);
			else if (entry.name.endsWith('.md')) {
				const text = fs.readFileSync(absolute, 'utf8');
				notes++;
				bytes += text.length;
				for (const _match of text.matchAll(/\[\[([^\]]+)\]\]/g)) links++;
			}
		}
	};
	walk(root);
	return { notes, links, bytes };
}
