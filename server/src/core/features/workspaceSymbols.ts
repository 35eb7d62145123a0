// Workspace symbols: the notes of the vault by title and by alias, topics flagged, fuzzy matched.
// A query scans one flat table of search keys, built once per index version: typing in the
// symbol picker does not change the index, so 100,000 notes cost one pass per keystroke.
import type { NoteEntry, VaultIndex } from '../index/vault';
import { compareCodePoints, dirname, nameKey, noteName } from '../text/paths';
import type { NoteId } from '../types';
import { isInFolder } from './diagnostics';
import { noteInfo } from './noteInfo';

export interface VaultSymbol {
	/** The note's title, or one of its aliases. */
	readonly name: string;
	/** A note of the topics folder, or any other note. */
	readonly kind: 'topic' | 'note';
	readonly id: NoteId;
	/** The folder of the note; for an alias, the note's title. */
	readonly container: string;
}

/** Results returned for one query: clients filter and rank again, and lists this long are not read. */
export const MAX_WORKSPACE_SYMBOLS = 200;

/**
 * The notes whose title, alias or file name matches `query` (its characters in order, compared as
 * SPEC §1 names, white space ignored), best first: exact, then prefix, then substring, then
 * scattered matches; then shorter names, then code-point order of paths, a title before its
 * aliases. An empty query lists the topic notes (the hubs of the vault) in path order, not every note.
 * Notes matched by the config's `ignore` are left out.
 */
export function workspaceSymbols(vault: VaultIndex, query: string, limit = MAX_WORKSPACE_SYMBOLS): VaultSymbol[] {
	const wanted = searchKey(query);
	const buckets: Row[][] = [];
	for (const row of symbolTable(vault)) {
		if (wanted === '' && (row.symbol.kind !== 'topic' || row.isAlias)) continue;
		const score = Math.min(matchScore(row.key, wanted), matchScore(row.fileKey, wanted));
		if (score === NO_MATCH) continue;
		// Score and length make a small integer: bucketing them avoids sorting every match.
		const rank = wanted === '' ? 0 : score * MAX_LENGTH + Math.min(row.symbol.name.length, MAX_LENGTH - 1);
		(buckets[rank] ??= []).push(row);
	}
	const result: VaultSymbol[] = [];
	for (const bucket of buckets) {
		if (!bucket) continue;
		bucket.sort(compareRows);
		for (const row of bucket) if (result.length < limit) result.push(row.symbol);
		if (result.length >= limit) break;
	}
	return result;
}

interface Row {
	readonly symbol: VaultSymbol;
	readonly key: string;
	/** The file name's key for a title row (a note is found by its file name too); '' for an alias. */
	readonly fileKey: string;
	readonly isAlias: boolean;
}

const MAX_LENGTH = 1000;
const NO_MATCH = 4;

function compareRows(a: Row, b: Row): number {
	return compareCodePoints(a.symbol.id, b.symbol.id) || Number(a.isAlias) - Number(b.isAlias);
}

const tables = new WeakMap<VaultIndex, { readonly version: number; readonly rows: readonly Row[] }>();
// A note entry is replaced whenever its text changes, so its rows can be kept with it.
const rowsByEntry = new WeakMap<NoteEntry, readonly Row[]>();

function symbolTable(vault: VaultIndex): readonly Row[] {
	const cached = tables.get(vault);
	if (cached?.version === vault.version) return cached.rows;
	const rows: Row[] = [];
	for (const entry of vault.notes()) if (!entry.ignored) rows.push(...rowsOf(vault, entry));
	tables.set(vault, { version: vault.version, rows });
	return rows;
}

function rowsOf(vault: VaultIndex, entry: NoteEntry): readonly Row[] {
	let rows = rowsByEntry.get(entry);
	if (rows) return rows;
	const info = noteInfo(vault, entry.id);
	const kind: VaultSymbol['kind'] = isInFolder(entry.id, vault.config.config.topics.folder) ? 'topic' : 'note';
	const title: VaultSymbol = { name: info.title, kind, id: entry.id, container: dirname(entry.id) };
	rows = [
		{ symbol: title, key: searchKey(info.title), fileKey: searchKey(noteName(entry.id)), isAlias: false },
		...info.aliases.map((alias) => ({
			symbol: { name: alias, kind, id: entry.id, container: info.title },
			key: searchKey(alias),
			fileKey: '',
			isAlias: true,
		})),
	];
	rowsByEntry.set(entry, rows);
	return rows;
}

function searchKey(name: string): string {
	return nameKey(name).replace(/\s+/g, '');
}

/** 0 exact, 1 prefix, 2 substring, 3 the query's characters in order, NO_MATCH otherwise. */
function matchScore(candidate: string, wanted: string): number {
	if (candidate === '') return NO_MATCH;
	if (wanted === '' || candidate === wanted) return 0;
	const at = candidate.indexOf(wanted);
	if (at === 0) return 1;
	if (at > 0) return 2;
	let position = 0;
	for (const character of wanted) {
		position = candidate.indexOf(character, position);
		if (position < 0) return NO_MATCH;
		position += character.length;
	}
	return 3;
}
