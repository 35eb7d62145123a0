// Loads `.vault-notes.json` (SPEC §5): JSON with comments and trailing commas, validated against
// CONFIG_SCHEMA, front-matter schemas compiled once. Any invalid part is an `invalid-config`
// problem at that part, and the whole config falls back to the defaults.
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { DEFAULT_CONFIG } from './config';
import type { FrontMatterRule, VaultConfig } from './config';
import { CONFIG_SCHEMA } from './configSchema';
import { createGlobMatcher } from './createGlobMatcher';
import type { FrontMatterResult } from './parse/frontMatter';
import { checkFrontMatter } from './schema/checkFrontMatter';
import type { CompiledRule } from './schema/checkFrontMatter';
import { createSchemaCompiler } from './schema/createSchemaCompiler';
import { re2RegExp } from './schema/re2RegExp';
import { LineIndex } from './text/lineIndex';
import type { NoteId, Problem } from './types';

/** The config of one vault, ready to use. */
export interface LoadedConfig {
	/** DEFAULT_CONFIG when the file is absent or invalid. */
	readonly config: VaultConfig;
	/** invalid-config problems, with ranges in the config file. */
	readonly problems: readonly Problem[];
	/** Whether `config.ignore` covers a note. */
	isIgnored(id: NoteId): boolean;
	/** Front-matter problems of one note (missing-front-matter, missing-field, invalid-value), [] when no rule matches. */
	checkFrontMatter(id: NoteId, result: FrontMatterResult): Problem[];
	/** What it was loaded from, so that another thread (a parse worker) can load the same config. */
	readonly source: { readonly text: string | undefined; readonly trusted: boolean };
}

/** The raw shape CONFIG_SCHEMA guarantees. */
interface RawConfig extends Partial<Omit<VaultConfig, 'topics' | 'frontMatter'>> {
	readonly topics?: Partial<VaultConfig['topics']>;
	readonly frontMatter?: readonly { files: string | string[]; schema: Record<string, unknown> }[];
}

/** `text` is the file's content; undefined when there is no file. Never throws. */
/** How a config is loaded. */
export interface LoadConfigOptions {
	/**
	 * False in an untrusted workspace (VS Code's Restricted Mode): ajv turns schemas into code, so
	 * front-matter schemas are then neither compiled nor checked (docs/robustness.md). Default true.
	 */
	readonly trusted?: boolean;
}

export function loadConfig(text: string | undefined, options: LoadConfigOptions = {}): LoadedConfig {
	const source = { text, trusted: options.trusted !== false };
	return { ...readOrDefault(text, source.trusted), source };
}

function readOrDefault(text: string | undefined, trusted: boolean): Omit<LoadedConfig, 'source'> {
	if (text === undefined) return loaded(DEFAULT_CONFIG, [], []);
	const lines = new LineIndex(text);
	try {
		return readConfig(text, lines, trusted);
	} catch (error) {
		// jsonc-parser and ajv recurse; absurd nesting may exhaust the stack. Report, never throw.
		const reason = error instanceof Error ? error.message : String(error);
		return loaded(DEFAULT_CONFIG, [invalid(lines, 0, 0, reason)], []);
	}
}

function readConfig(text: string, lines: LineIndex, trusted: boolean): Omit<LoadedConfig, 'source'> {
	const syntaxErrors: ParseError[] = [];
	const root = parseTree(text, syntaxErrors, {
		allowTrailingComma: true,
		disallowComments: false,
		allowEmptyContent: true,
	});
	// Only the first syntax error: jsonc-parser's recovery turns one missing comma into a cascade.
	const syntaxError = syntaxErrors[0];
	if (syntaxError) {
		const range = [syntaxError.offset, syntaxError.offset + syntaxError.length] as const;
		return loaded(DEFAULT_CONFIG, [invalid(lines, ...range, describeParseError(syntaxError))], []);
	}
	// A file with nothing but comments sets nothing: the defaults apply, as for a missing file.
	if (!root) return loaded(DEFAULT_CONFIG, [], []);
	const problems = findDuplicateKeys(root, lines);
	const value = getNodeValue(root) as unknown;
	const validateConfig = configValidator();
	if (!validateConfig(value)) {
		for (const error of validateConfig.errors ?? []) problems.push(schemaProblem(error, root, lines));
		return loaded(DEFAULT_CONFIG, problems, []);
	}
	const raw = value as RawConfig;
	const config = buildConfig(raw);
	const rules = trusted ? compileRules(config, root, lines, problems) : [];
	checkGlobs(config.ignore, ['ignore'], root, lines, problems);
	if (problems.length > 0) return loaded(DEFAULT_CONFIG, sortByPosition(problems), []);
	return loaded(config, [], rules);
}

function loaded(
	config: VaultConfig,
	problems: readonly Problem[],
	rules: readonly CompiledRule[],
): Omit<LoadedConfig, 'source'> {
	const ignored = createGlobMatcher(config.ignore);
	return {
		config,
		problems,
		isIgnored: ignored,
		checkFrontMatter: (id, result) => checkFrontMatter(rules, id, result),
	};
}

function buildConfig(raw: RawConfig): VaultConfig {
	const frontMatter: FrontMatterRule[] = (raw.frontMatter ?? []).map((rule) => ({
		files: typeof rule.files === 'string' ? [rule.files] : rule.files,
		schema: rule.schema,
	}));
	return Object.freeze({
		ignore: raw.ignore ?? DEFAULT_CONFIG.ignore,
		topics: { ...DEFAULT_CONFIG.topics, ...raw.topics },
		dateField: raw.dateField ?? DEFAULT_CONFIG.dateField,
		authorField: raw.authorField ?? DEFAULT_CONFIG.authorField,
		sourceField: raw.sourceField ?? DEFAULT_CONFIG.sourceField,
		summarySection: raw.summarySection ?? DEFAULT_CONFIG.summarySection,
		frontMatter,
		rules: raw.rules ?? DEFAULT_CONFIG.rules,
		maxFileSize: raw.maxFileSize ?? DEFAULT_CONFIG.maxFileSize,
	});
}

/** Compiles each rule's schema and globs; a failure is a problem at that rule's `schema` or glob. */
function compileRules(config: VaultConfig, root: Node, lines: LineIndex, problems: Problem[]): CompiledRule[] {
	// Building an ajv instance costs tens of milliseconds; most configs have no rules.
	if (config.frontMatter.length === 0) return [];
	const compileSchema = createSchemaCompiler();
	const rules: CompiledRule[] = [];
	config.frontMatter.forEach((rule, index) => {
		const compiled = compileSchema(rule.schema);
		if (!compiled.ok) {
			const schemaNode = nodeAt(root, ['frontMatter', index, 'schema']) ?? root;
			const reason = `frontMatter[${index}].schema: ${compiled.reason.replace(' ignored in schema', ' in schema')}`;
			problems.push(invalid(lines, schemaNode.offset, schemaNode.offset + schemaNode.length, reason));
			return;
		}
		const matches = checkGlobs(rule.files, ['frontMatter', index, 'files'], root, lines, problems);
		if (matches) rules.push({ matches, schema: compiled.schema });
	});
	return rules;
}

/** The matcher of `globs`, or undefined after reporting the globs that picomatch refuses. */
function checkGlobs(
	globs: readonly string[],
	path: readonly (string | number)[],
	root: Node,
	lines: LineIndex,
	problems: Problem[],
): ((id: NoteId) => boolean) | undefined {
	let failed = false;
	globs.forEach((glob, index) => {
		try {
			createGlobMatcher([glob]);
		} catch (error) {
			failed = true;
			const node = nodeAt(root, [...path, index]) ?? nodeAt(root, path) ?? root;
			const reason = `${renderPath([...path, index])}: ${error instanceof Error ? error.message : String(error)}`;
			problems.push(invalid(lines, node.offset, node.offset + node.length, reason));
		}
	});
	return failed ? undefined : createGlobMatcher(globs);
}

let cachedValidator: ValidateFunction | undefined;

/** The validator of CONFIG_SCHEMA, compiled once (the schema is ours and constant). */
function configValidator(): ValidateFunction {
	cachedValidator ??= new Ajv({ allErrors: true, verbose: true, logger: false, code: { regExp: re2RegExp } }).compile(
		CONFIG_SCHEMA,
	);
	return cachedValidator;
}

/** An ajv error on the config, placed on the offending value (or the unknown key) and named by its key path. */
function schemaProblem(error: ErrorObject, root: Node, lines: LineIndex): Problem {
	const path = parsePointer(error.instancePath);
	const unknownKey = (error.params as { additionalProperty?: string }).additionalProperty;
	if (unknownKey !== undefined) {
		const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
		const keyNode = nodeAt(root, [...path, unknownKey])?.parent?.children?.[0] ?? root;
		const reason = `${renderPath([...path, unknownKey])}: unknown key (expected one of: ${known.join(', ')})`;
		return invalid(lines, keyNode.offset, keyNode.offset + keyNode.length, reason);
	}
	const node = nodeAt(root, path) ?? root;
	return invalid(lines, node.offset, node.offset + node.length, `${renderPath(path)}: ${describeSchemaError(error)}`);
}

function describeSchemaError(error: ErrorObject): string {
	const params = error.params as Record<string, unknown>;
	if (error.keyword === 'enum') return `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`;
	if (error.keyword === 'type') return `must be ${String(params['type']).split(',').join(' or ')}`;
	if (error.keyword === 'pattern' && error.instancePath === '/topics/folder') {
		return 'must be a folder path relative to the vault root, without a leading or trailing "/"';
	}
	return error.message ?? error.keyword;
}

/** Repeated keys in one object: JSON keeps the last silently, which hides mistakes. */
function findDuplicateKeys(root: Node, lines: LineIndex): Problem[] {
	const problems: Problem[] = [];
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		const seen = new Set<string>();
		for (const child of node.children ?? []) {
			stack.push(child);
			if (node.type !== 'object' || child.type !== 'property') continue;
			const keyNode = child.children?.[0];
			const key = String(keyNode?.value);
			if (!keyNode || !seen.has(key)) {
				seen.add(key);
				continue;
			}
			problems.push(invalid(lines, keyNode.offset, keyNode.offset + keyNode.length, `"${key}": duplicate key`));
		}
	}
	return problems;
}

/** The node at a path; digit segments index arrays. jsonc-parser's own lookup wants numbers for arrays. */
function nodeAt(root: Node, path: readonly (string | number)[]): Node | undefined {
	let node: Node | undefined = root;
	for (const segment of path) {
		if (!node) return undefined;
		if (node.type === 'array') {
			node = node.children?.[Number(segment)];
			continue;
		}
		if (node.type !== 'object') return undefined;
		const property: Node | undefined = node.children?.find((child) => child.children?.[0]?.value === String(segment));
		node = property?.children?.[1];
	}
	return node;
}

function parsePointer(pointer: string): string[] {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['frontMatter', '0', 'files'] → `frontMatter[0].files`; [] → `(root)`. */
function renderPath(path: readonly (string | number)[]): string {
	if (path.length === 0) return '(root)';
	return path
		.map((segment, index) => (/^\d+$/.test(String(segment)) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
		.join('');
}

/** `CommaExpected` → `comma expected`. */
function describeParseError(error: ParseError): string {
	return printParseErrorCode(error.error)
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase();
}

function invalid(lines: LineIndex, start: number, end: number, reason: string): Problem {
	return {
		code: 'invalid-config',
		range: lines.rangeAt(start, end),
		message: { id: 'invalidConfig', args: { reason } },
	};
}

function sortByPosition(problems: Problem[]): Problem[] {
	return problems.sort(
		(a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
	);
}
