// Applies a core VaultEdit to an in-memory file map, as an editor would apply the WorkspaceEdit:
// text edits on the current files first, then renames, then creations.
import type { NoteId, TextEdit } from '../../server/src/core';
import { LineIndex } from '../../server/src/core';
import type { VaultEdit } from '../../server/src/core/features/vaultEdit';
import { renderRange } from './vaultFixture';

export function applyVaultEdit(files: ReadonlyMap<NoteId, string>, edit: VaultEdit): Map<NoteId, string> {
	const res = new Map(files);
	for (const change of edit.changes) res.set(change.id, applyTextEdits(res.get(change.id) ?? '', change.edits));
	for (const rename of edit.renames) {
		const text = res.get(rename.from);
		res.delete(rename.from);
		if (text !== undefined) res.set(rename.to, text);
	}
	for (const creation of edit.creations) res.set(creation.id, creation.text);
	return res;
}

/** Applies non-overlapping edits, the last first so earlier offsets stay valid. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const lines = new LineIndex(text);
	const sorted = edits
		.map((edit) => ({
			start: lines.offsetAt(edit.range.start),
			end: lines.offsetAt(edit.range.end),
			text: edit.newText,
		}))
		.sort((a, b) => b.start - a.start);
	let res = text;
	for (const edit of sorted) res = res.slice(0, edit.start) + edit.text + res.slice(edit.end);
	return res;
}

/** `b.md 3:2-3:9 → "00-元语/新"` lines, then `rename a → b` and `create x` lines. */
export function renderVaultEdit(edit: VaultEdit): string {
	const lines: string[] = [];
	for (const change of edit.changes) {
		for (const textEdit of change.edits)
			lines.push(`${change.id} ${renderRange(textEdit.range)} → ${JSON.stringify(textEdit.newText)}`);
	}
	for (const rename of edit.renames) lines.push(`rename ${rename.from} → ${rename.to}`);
	for (const creation of edit.creations) lines.push(`create ${creation.id} ${JSON.stringify(creation.text)}`);
	return lines.join('\n');
}
