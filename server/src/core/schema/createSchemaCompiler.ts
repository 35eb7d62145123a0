// Compiles the front-matter schemas of the config (SPEC §4) with ajv, draft 2020-12. The config is
// untrusted, so schemas are bounded in size and depth, never fetch a remote `$ref`, and match
// patterns with RE2 (linear time).
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { re2RegExp } from './re2RegExp';

/** Largest accepted schema, in UTF-16 code units of its JSON text (about 1 MB). */
export const MAX_SCHEMA_LENGTH = 1_000_000;
/** Deepest accepted nesting of objects and arrays in a schema. */
export const MAX_SCHEMA_DEPTH = 64;

/** A schema ready to validate front-matter data. */
export interface CompiledSchema {
	readonly validate: ValidateFunction;
	/** The top-level fields validating `{}` reports missing: notes without front matter lack them. */
	readonly requiredFields: readonly string[];
}

/** A compiled schema, or why the schema cannot be used (for an invalid-config problem). */
export type SchemaCompileResult =
	{ readonly ok: true; readonly schema: CompiledSchema } | { readonly ok: false; readonly reason: string };

/** Returns a compiler for one config load; schemas compiled by it share one ajv instance. */
export function createSchemaCompiler(): (schema: unknown) => SchemaCompileResult {
	const ajv = new Ajv2020({
		allErrors: true,
		// Unknown keywords and formats are config mistakes (`requird`, `format: "data"`): refuse them.
		strictSchema: true,
		strictTypes: false,
		strictTuples: false,
		strictRequired: false,
		// Two rules may carry schemas with the same `$id`; neither is meant to be referenced by the other.
		addUsedSchema: false,
		// The core writes nothing to the console; problems come back as values.
		logger: false,
		code: { regExp: re2RegExp },
	});
	addFormats(ajv, { mode: 'full' });
	addLinearFormats(ajv);
	return (schema) => compile(ajv, schema);
}

function compile(ajv: Ajv2020, schema: unknown): SchemaCompileResult {
	const bounds = checkBounds(schema);
	if (bounds) return { ok: false, reason: bounds };
	try {
		const validate = ajv.compile(schema as object);
		validate({});
		const requiredFields = (validate.errors ?? [])
			.filter((error) => error.keyword === 'required' && error.instancePath === '')
			.map((error) => String(error.params['missingProperty']));
		return { ok: true, schema: { validate, requiredFields } };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}

/** Why a schema is too large or too deep to compile, or undefined. Iterative: depth is the question. */
function checkBounds(schema: unknown): string | undefined {
	const stack: { value: unknown; depth: number }[] = [{ value: schema, depth: 1 }];
	while (stack.length > 0) {
		const { value, depth } = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (depth > MAX_SCHEMA_DEPTH) return `the schema is nested deeper than ${MAX_SCHEMA_DEPTH} levels`;
		for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
	}
	const length = JSON.stringify(schema)?.length ?? 0;
	if (length > MAX_SCHEMA_LENGTH) return `the schema is larger than ${MAX_SCHEMA_LENGTH} characters`;
	return undefined;
}

/**
 * Replaces the regular-expression formats of ajv-formats with RE2 versions. The few that need
 * lookahead (duration, url, hostname) keep ajv-formats' own expressions: those are fixed and
 * reviewed, unlike the patterns a config brings.
 */
function addLinearFormats(ajv: Ajv2020): void {
	for (const [name, format] of Object.entries(fullFormats)) {
		if (!(format instanceof RegExp)) continue;
		const source = format.flags.includes('i') ? `(?i)${format.source}` : format.source;
		try {
			const matcher = re2RegExp(source, 'u');
			ajv.addFormat(name, (value: string) => matcher.test(value));
		} catch {
			continue;
		}
	}
}
