// Completion in front matter. On a key: the keys the note's schemas describe (required first,
// with their descriptions), then keys other notes use, never one already present. On a value:
// the schema's enum values, today's date for date fields, then the values other notes give that
// key, most frequent first.
import type { FileEntry, VaultIndex } from '../../index/vault';
import { compareCodePoints, nameKey } from '../../text/paths';
import type { NoteId } from '../../types';
import type { KeyContext, ValueContext } from './completionContext';
import type { Completion, CompletionKind, CompletionResult } from './completionTypes';
import { sortTextOf } from './completionTypes';
import type { FieldSchema } from './frontMatterFields';
import { frontMatterFields, isRecord } from './frontMatterFields';
import { matchScore } from './matchScore';
import type { TargetTable } from './targetTable';

/** Keys and values taken from other notes: at most this many, and values no longer than this. */
const MAX_VAULT_SUGGESTIONS = 50;
const MAX_VALUE_LENGTH = 80;

/** The keys to offer on a key position of the front matter of `id`. */
export function completeKeys(vault: VaultIndex, table: TargetTable, id: NoteId, context: KeyContext): CompletionResult {
	const { fields, closed } = frontMatterFields(vault, id);
	const present = new Set(context.presentKeys);
	const schemaKeys = [...fields]
		.sort((a, b) => Number(b.required) - Number(a.required))
		.filter((field) => !present.has(field.key));
	const known = new Set(fields.map((field) => field.key));
	const usedKeys = othersOnly(table.tally('frontMatterKeys', keysOf), keysOf(vault.note(id)));
	const used = closed ? [] : usedKeys.filter((key) => !present.has(key) && !known.has(key));
	const query = nameKey(context.query.trim());
	const suggestions = [
		...schemaKeys.map((field) => ({ key: field.key, detail: describeField(field), documentation: field.description })),
		...used.map((key) => ({ key, detail: undefined, documentation: undefined })),
	].filter((suggestion) => matchScore(query, nameKey(suggestion.key)) > 0);
	const items = suggestions.map((suggestion, rank): Completion => ({
		label: suggestion.key,
		kind: 'key',
		detail: suggestion.detail,
		documentation: suggestion.documentation,
		sortText: sortTextOf(rank),
		filterText: suggestion.key,
		textEdit: { range: context.range, newText: context.hasColon ? suggestion.key : `${suggestion.key}: ` },
	}));
	return { items, isIncomplete: false };
}

/** The values to offer for `context.key`; `today` is `YYYY-MM-DD`. */
export function completeValues(
	vault: VaultIndex,
	table: TargetTable,
	id: NoteId,
	context: ValueContext,
	today: string,
): CompletionResult {
	const field = frontMatterFields(vault, id).fields.find((candidate) => candidate.key === context.key);
	const schemas = field?.schemas ?? [];
	const suggestions: { text: string; kind: CompletionKind }[] = [];
	const add = (text: string, kind: CompletionKind) => {
		if (!suggestions.some((suggestion) => suggestion.text === text)) suggestions.push({ text, kind });
	};
	for (const value of schemas.flatMap(enumValues)) add(value, 'value');
	if (schemas.some(isDateSchema) || vault.config.config.dateField.includes(context.key)) add(today, 'date');
	const counts = table.tally(`values:${context.key}`, (entry) => valuesOf(entry, context.key));
	for (const value of othersOnly(counts, valuesOf(vault.note(id), context.key))) add(value, 'value');
	const query = nameKey(context.query.trim());
	const ranked = suggestions
		.map((suggestion, order) => ({ ...suggestion, order, score: matchScore(query, nameKey(suggestion.text)) }))
		.filter((suggestion) => suggestion.score > 0)
		.sort((a, b) => b.score - a.score || a.order - b.order);
	const items = ranked.map((suggestion, rank): Completion => {
		const text = context.quoted ? suggestion.text : yamlScalar(suggestion.text, schemas);
		return {
			label: suggestion.text,
			kind: suggestion.kind,
			sortText: sortTextOf(rank),
			filterText: suggestion.text,
			textEdit: { range: context.range, newText: (context.needsSpace ? ' ' : '') + text },
		};
	});
	return { items, isIncomplete: false };
}

function describeField(field: FieldSchema): string {
	const facts = field.schemas
		.flatMap((schema) => [schema['type'], schema['format']])
		.filter((fact) => typeof fact === 'string');
	return [field.required ? 'required' : undefined, ...new Set(facts)].filter((fact) => fact !== undefined).join(' · ');
}

/** `enum`, `const`, the same on `items`, and `true`/`false` for booleans. */
function enumValues(schema: Readonly<Record<string, unknown>>): string[] {
	const items = isRecord(schema['items']) ? enumValues(schema['items']) : [];
	const own = Array.isArray(schema['enum']) ? schema['enum'] : 'const' in schema ? [schema['const']] : [];
	const booleans = schema['type'] === 'boolean' ? [true, false] : [];
	return [...own, ...booleans]
		.filter((value) => ['string', 'number', 'boolean'].includes(typeof value))
		.map(String)
		.concat(items);
}

function isDateSchema(schema: Readonly<Record<string, unknown>>): boolean {
	return schema['format'] === 'date' || (isRecord(schema['items']) && schema['items']['format'] === 'date');
}

function keysOf(entry: FileEntry | undefined): string[] {
	return entry?.kind === 'note' ? Object.keys(entry.syntax?.frontMatter?.data ?? {}) : [];
}

/** Short scalar values of one key in one note (list items too), each once. */
function valuesOf(entry: FileEntry | undefined, key: string): string[] {
	if (entry?.kind !== 'note') return [];
	const data = entry.syntax?.frontMatter?.data;
	if (!data || !Object.hasOwn(data, key)) return [];
	const value = data[key];
	const values = (Array.isArray(value) ? value : [value]).flatMap((item) => {
		if (typeof item === 'number' || typeof item === 'boolean') return [String(item)];
		if (typeof item !== 'string') return [];
		const text = item.trim();
		return text === '' || text.length > MAX_VALUE_LENGTH || text.includes('\n') ? [] : [text];
	});
	return [...new Set(values)];
}

/** The most frequent entries of a tally, leaving out what only the note being edited contributes (what is being typed). */
function othersOnly(counts: ReadonlyMap<string, number>, own: readonly string[]): string[] {
	return [...counts]
		.map(([value, count]) => [value, own.includes(value) ? count - 1 : count] as const)
		.filter(([, count]) => count > 0)
		.sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
		.slice(0, MAX_VAULT_SUGGESTIONS)
		.map(([value]) => value);
}

/** A plain YAML scalar when it reads back as the same string (or as the schema's non-string type), else double-quoted. */
function yamlScalar(text: string, schemas: readonly Readonly<Record<string, unknown>>[]): string {
	const wantsString = schemas.some((schema) => schema['type'] === 'string');
	const looksTyped =
		/^(true|false|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(text);
	const plainSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/: |\s#|:$|\s$/.test(text);
	if (plainSafe && !(looksTyped && wantsString)) return text;
	if (looksTyped && !wantsString) return text;
	return JSON.stringify(text);
}
