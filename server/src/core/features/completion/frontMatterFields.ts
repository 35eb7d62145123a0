// The front-matter fields the config's schemas describe for one note (SPEC §4: every rule whose
// glob matches applies), merged by key: required or not, description, and the property schemas.
import type { FrontMatterRule } from '../../config';
import { createGlobMatcher } from '../../createGlobMatcher';
import type { VaultIndex } from '../../index/vault';
import type { NoteId } from '../../types';

export interface FieldSchema {
	readonly key: string;
	readonly required: boolean;
	readonly description: string | undefined;
	/** The `properties[key]` schema of every matching rule that has one. */
	readonly schemas: readonly Readonly<Record<string, unknown>>[];
}

export interface NoteFields {
	/** In rule order, then property order. */
	readonly fields: readonly FieldSchema[];
	/** Some rule forbids keys it does not list (`additionalProperties: false`). */
	readonly closed: boolean;
}

/** The fields the schemas of every rule matching `id` describe. */
export function frontMatterFields(vault: VaultIndex, id: NoteId): NoteFields {
	const byKey = new Map<
		string,
		{ required: boolean; description: string | undefined; schemas: Record<string, unknown>[] }
	>();
	let closed = false;
	for (const rule of vault.config.config.frontMatter) {
		if (!matcherOf(rule)(id)) continue;
		const schema = rule.schema;
		const properties = isRecord(schema['properties']) ? schema['properties'] : {};
		const required = Array.isArray(schema['required'])
			? schema['required'].filter((key) => typeof key === 'string')
			: [];
		closed ||= schema['additionalProperties'] === false;
		for (const key of [...Object.keys(properties), ...required]) {
			const field = byKey.get(key) ?? { required: false, description: undefined, schemas: [] };
			const property = properties[key];
			if (isRecord(property) && !field.schemas.includes(property)) {
				field.schemas.push(property);
				if (typeof property['description'] === 'string') field.description ??= property['description'];
			}
			field.required ||= required.includes(key);
			byKey.set(key, field);
		}
	}
	return { fields: [...byKey].map(([key, field]) => ({ key, ...field })), closed };
}

const matchers = new WeakMap<FrontMatterRule, (id: NoteId) => boolean>();

function matcherOf(rule: FrontMatterRule): (id: NoteId) => boolean {
	let matcher = matchers.get(rule);
	if (!matcher) {
		// The config loader already compiled these globs once, so they compile here too.
		matcher = createGlobMatcher(rule.files);
		matchers.set(rule, matcher);
	}
	return matcher;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
