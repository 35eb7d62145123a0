// What the example vault's own files say, read by the test (never by the extension): the
// expectation the timeline is checked against. Follows SPEC §4–5: front matter is YAML 1.2 (the
// `yaml` package), the first date field present orders the timeline, a repeated key keeps its
// first value, a YAML error leaves the note without fields, binary files are not notes.
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { isMap, isScalar, parseDocument } from 'yaml';

const DATE_FIELDS = ['发布日期', 'date', 'created'];
const AUTHOR_FIELDS = ['作者', 'author'];

export interface NoteFacts {
	readonly uri: vscode.Uri;
	/** `YYYY-MM-DD` when the first date field holds a real calendar date. */
	readonly date: string | undefined;
	readonly author: string | undefined;
}

/** Every note of the vault (ignored folders left out) with its date and author. */
export async function readVaultFacts(vault: vscode.Uri): Promise<NoteFacts[]> {
	const config = await readConfig(vault);
	const exclude = config.ignore.length > 0 ? `{${config.ignore.join(',')}}` : undefined;
	const files = await vscode.workspace.findFiles(new vscode.RelativePattern(vault, '**/*.md'), exclude);
	const facts: NoteFacts[] = [];
	for (const uri of files) {
		const text = decode(await vscode.workspace.fs.readFile(uri));
		if (text === undefined) continue;
		const fields = frontMatterFields(text);
		facts.push({ uri, date: calendarDate(firstField(fields, DATE_FIELDS)), author: firstField(fields, AUTHOR_FIELDS) });
	}
	return facts;
}

async function readConfig(vault: vscode.Uri): Promise<{ ignore: string[] }> {
	try {
		const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vault, '.vault-notes.json')));
		const config = parseJsonc(text ?? '{}') as { ignore?: string[] };
		return { ignore: config.ignore ?? [] };
	} catch {
		return { ignore: [] };
	}
}

/** UTF-8 text without a BOM, or undefined for a binary or non-UTF-8 file (skipped by the server). */
function decode(bytes: Uint8Array): string | undefined {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
		return text.includes('\u0000') ? undefined : text;
	} catch {
		return undefined;
	}
}

function frontMatterFields(text: string): Map<string, unknown> {
	const lines = text.split(/\r?\n/);
	const fields = new Map<string, unknown>();
	if (lines[0] !== '---') return fields;
	const end = lines.indexOf('---', 1);
	if (end < 0) return fields;
	const document = parseDocument(lines.slice(1, end).join('\n'), { uniqueKeys: false });
	if (document.errors.length > 0 || !isMap(document.contents)) return fields;
	for (const pair of document.contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
		// A repeated key keeps its first value (SPEC §4).
		if (key === undefined || fields.has(key)) continue;
		fields.set(key, isScalar(pair.value) ? pair.value.value : undefined);
	}
	return fields;
}

function firstField(fields: Map<string, unknown>, names: readonly string[]): string | undefined {
	const name = names.find((candidate) => fields.has(candidate));
	const value = name === undefined ? undefined : fields.get(name);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function calendarDate(value: string | undefined): string | undefined {
	const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real ? match[0] : undefined;
}
