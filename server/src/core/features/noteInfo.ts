// The facts about a note that views, hovers and completion show: title, date, author, source,
// aliases — read from front matter through the config's field lists (SPEC §5).
import type { VaultIndex } from '../index/vault';
import { noteName } from '../text/paths';
import type { NoteId } from '../types';

export interface NoteInfo {
	readonly id: NoteId;
	/** Front-matter `title`, else the file name without `.md`. */
	readonly title: string;
	/** The first `dateField` present, as written (`2024-12-02`), or undefined. */
	readonly date: string | undefined;
	readonly author: string | undefined;
	/** The first `sourceField` present (a URL as written). */
	readonly source: string | undefined;
	readonly aliases: readonly string[];
}

export function noteInfo(vault: VaultIndex, id: NoteId): NoteInfo {
	const data = vault.note(id)?.syntax?.frontMatter?.data ?? {};
	const config = vault.config.config;
	const title = scalarText(data['title']);
	return {
		id,
		title: title !== undefined && title.trim() !== '' ? title.trim() : noteName(id),
		date: firstField(data, config.dateField),
		author: firstField(data, config.authorField),
		source: firstField(data, config.sourceField),
		aliases: listOf(data['aliases'] ?? data['alias']),
	};
}

function firstField(data: Readonly<Record<string, unknown>>, fields: readonly string[]): string | undefined {
	for (const field of fields) {
		const value = scalarText(data[field]);
		if (value !== undefined && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** A YAML scalar as text; lists give their first item (`作者: [甲, 乙]` → 甲). */
function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value) && value.length > 0) return scalarText(value[0]);
	return undefined;
}

function listOf(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (Array.isArray(value))
		return value.flatMap((item) => (typeof item === 'string' && item.trim() !== '' ? [item.trim()] : []));
	return [];
}
