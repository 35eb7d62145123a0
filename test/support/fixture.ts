// Multi-file fixtures: `//- /path` starts a file, `$0` marks the cursor (rust-analyzer style).
// The common indentation is removed first, so fixtures can be indented inside test bodies.
import type { Position } from '../../server/src/core';
import { LineIndex } from '../../server/src/core';

export interface FixtureFile {
	readonly path: string;
	readonly text: string;
}

export interface Fixture {
	readonly files: FixtureFile[];
	/** The file and position of `$0`, when the fixture has one. */
	readonly cursor: { readonly path: string; readonly position: Position } | undefined;
}

export function parseFixture(source: string): Fixture {
	const lines = trimIndent(source).split('\n');
	const files: { path: string; lines: string[] }[] = [];
	for (const line of lines) {
		const header = /^\/\/- \/(.+?)\s*$/.exec(line);
		if (header) files.push({ path: header[1]!, lines: [] });
		else if (files.length > 0) files[files.length - 1]!.lines.push(line);
	}
	let cursor: Fixture['cursor'];
	const result = files.map(({ path, lines: fileLines }) => {
		let text = fileLines.join('\n');
		const marker = text.indexOf('$0');
		if (marker >= 0) {
			text = text.slice(0, marker) + text.slice(marker + 2);
			cursor = { path, position: new LineIndex(text).positionAt(marker) };
		}
		return { path, text };
	});
	return { files: result, cursor };
}

/** Removes the indentation common to every non-blank line, and the first and last blank lines. */
export function trimIndent(source: string): string {
	const lines = source
		.replace(/^\n/, '')
		.replace(/\n[ \t]*$/, '')
		.split('\n');
	const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map((line) => line.slice(common)).join('\n');
}
