// Checks one note's front matter against the schemas of every config rule that matches it (SPEC §4, §6).
import type { ErrorObject } from 'ajv';
import type { FrontMatterResult } from '../parse/frontMatter';
import type { NoteId, Problem, Range } from '../types';
import type { CompiledSchema } from './createSchemaCompiler';

/** A config rule, compiled: which notes it applies to and what they must satisfy. */
export interface CompiledRule {
	matches(id: NoteId): boolean;
	readonly schema: CompiledSchema;
}

/** Where missing-field problems stand: the opening `---`. */
const OPENING_FENCE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Front-matter problems of one note: missing-front-matter, missing-field, invalid-value.
 * Identical problems from two rules are reported once; the order is by position, then code.
 */
export function checkFrontMatter(rules: readonly CompiledRule[], id: NoteId, result: FrontMatterResult): Problem[] {
	const applicable = rules.filter((rule) => rule.matches(id));
	if (applicable.length === 0) return [];
	const data = result.frontMatter?.data;
	if (result.frontMatter === undefined) {
		const fields = [...new Set(applicable.flatMap((rule) => rule.schema.requiredFields))];
		if (fields.length === 0) return [];
		const args = { fields: fields.join(', ') };
		return [{ code: 'missing-front-matter', range: FILE_START, message: { id: 'missingFrontMatter', args } }];
	}
	// Broken YAML already has its yaml-syntax problem; its data cannot be trusted.
	if (data === undefined) return [];
	const problems = new Map<string, Problem>();
	for (const rule of applicable) {
		if (rule.schema.validate(data)) continue;
		for (const error of relevantErrors(rule.schema.validate.errors ?? [])) {
			const problem = toProblem(error, result, data);
			problems.set(JSON.stringify([problem.code, problem.range, problem.message]), problem);
		}
	}
	return [...problems.values()].sort(compareProblems);
}

/**
 * Errors that say something of their own: `if` only repeats its `then`/`else` errors, and the
 * branches of a failed `anyOf`/`oneOf` would each blame the value differently for one mistake.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
	const alternatives = errors
		.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
		.map((error) => `${error.schemaPath}/`);
	return errors.filter(
		(error) => error.keyword !== 'if' && !alternatives.some((prefix) => error.schemaPath.startsWith(prefix)),
	);
}

function toProblem(error: ErrorObject, result: FrontMatterResult, data: unknown): Problem {
	const path = parsePointer(error.instancePath);
	if (error.keyword === 'required' && path.length === 0) {
		const field = String(error.params['missingProperty']);
		return { code: 'missing-field', range: OPENING_FENCE, message: { id: 'missingField', args: { field } } };
	}
	const extraKey = keyParam(error);
	const fieldPath = extraKey === undefined ? path : [...path, extraKey];
	const reason = error.message ?? error.keyword;
	const args = { field: renderPath(fieldPath), reason };
	return {
		code: 'invalid-value',
		range: blame(result, fieldPath, extraKey !== undefined, data),
		message: { id: 'invalidValue', args },
	};
}

/** The key an error is about rather than a value: an extra property, or a property name that fails. */
function keyParam(error: ErrorObject): string | undefined {
	const params = error.params as Record<string, unknown>;
	const key =
		params['additionalProperty'] ?? params['unevaluatedProperty'] ?? error.propertyName ?? params['propertyName'];
	return typeof key === 'string' ? key : undefined;
}

/** The value's range; the key's when the value is empty or the key itself is at fault; the fence for the root. */
function blame(result: FrontMatterResult, path: readonly string[], onKey: boolean, data: unknown): Range {
	if (path.length === 0) return OPENING_FENCE;
	const location = result.locate(path);
	if (!location) return OPENING_FENCE;
	const empty = valueAt(data, path) === null;
	if ((onKey || empty) && location.keyRange) return location.keyRange;
	return location.valueRange;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[segment];
	}
	return value;
}

/** `/tags/2` → ['tags', '2'] (JSON Pointer, RFC 6901). */
function parsePointer(pointer: string): string[] {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['author', 'name'] → `author.name`; ['tags', '2'] → `tags[2]`. */
function renderPath(path: readonly string[]): string {
	return path
		.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
		.join('');
}

function compareProblems(a: Problem, b: Problem): number {
	return (
		a.range.start.line - b.range.start.line ||
		a.range.start.character - b.range.start.character ||
		a.range.end.line - b.range.end.line ||
		a.range.end.character - b.range.end.character ||
		(a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
		JSON.stringify(a.message).localeCompare(JSON.stringify(b.message))
	);
}
