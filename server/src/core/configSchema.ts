// The JSON Schema of `.vault-notes.json` (SPEC §5). The config loader validates with it, and the
// same object is written to `schemas/vault-notes.schema.json` for VS Code's `jsonValidation`
// (a test keeps the two equal). Draft-07: every JSON editor understands it.
import { DIAGNOSTIC_CODES } from './types';

const SEVERITY_SETTING = {
	type: 'string',
	enum: ['off', 'hint', 'info', 'warning', 'error'],
} as const;

const FIELD_LIST = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** The schema of the config file; unknown keys are errors, so that typos are caught. */
export const CONFIG_SCHEMA = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	$id: 'https://vault-notes.invalid/schemas/vault-notes.schema.json',
	title: 'Vault Notes configuration',
	description:
		'The .vault-notes.json file at the root of a vault: the knobs that change diagnostics, shared by the CLI and every editor.',
	type: 'object',
	additionalProperties: false,
	properties: {
		$schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
		ignore: {
			...FIELD_LIST,
			description:
				'Globs (picomatch, vault-relative POSIX paths: `*.md` is the root only, `**/*.md` everywhere) of notes that are not checked and not shown in views. Links to them still resolve.',
			default: [],
		},
		topics: {
			type: 'object',
			description: 'Where topic notes live and which heading starts a topics section.',
			additionalProperties: false,
			properties: {
				folder: {
					type: 'string',
					pattern: '^[^/](?:.*[^/])?$',
					description:
						'The topics folder, relative to the vault root, subfolders included; no leading or trailing `/`.',
					default: '00-元语',
				},
				section: {
					type: 'string',
					minLength: 1,
					description: 'The heading text of a topics section: every link under it must be a topic.',
					default: '关联主题',
				},
			},
		},
		dateField: {
			...FIELD_LIST,
			description: 'Front-matter fields that hold a note’s date; the first one present orders the timeline.',
			default: ['发布日期', 'date', 'created'],
		},
		authorField: {
			...FIELD_LIST,
			description: 'Front-matter fields that hold a note’s author; the first one present is shown.',
			default: ['作者', 'author'],
		},
		sourceField: {
			...FIELD_LIST,
			description: 'Front-matter fields that hold a note’s source URL; the first one present is shown.',
			default: ['原文链接', 'source', 'url'],
		},
		summarySection: {
			type: 'string',
			minLength: 1,
			description: 'The heading of the section shown by the summary preview and by hovers.',
			default: '摘要',
		},
		frontMatter: {
			type: 'array',
			description: 'Front-matter rules: every rule whose `files` match a note applies to it.',
			default: [],
			items: {
				type: 'object',
				description: 'A front-matter rule.',
				additionalProperties: false,
				required: ['files', 'schema'],
				properties: {
					files: {
						type: ['string', 'array'],
						minLength: 1,
						items: { type: 'string', minLength: 1 },
						minItems: 1,
						description:
							'A glob or a list of globs (picomatch, vault-relative POSIX paths) of the notes this rule applies to.',
					},
					schema: {
						type: 'object',
						description:
							'A JSON Schema (draft 2020-12) the front matter must satisfy; formats are checked in full (`date` checks the calendar), patterns must be RE2-compatible (no backreferences or lookaround), and remote `$ref`s are not fetched.',
					},
				},
			},
		},
		rules: {
			type: 'object',
			description: 'Severity per diagnostic code; a code not listed keeps its default severity.',
			default: {},
			additionalProperties: false,
			properties: Object.fromEntries(
				DIAGNOSTIC_CODES.map((code) => [code, { ...SEVERITY_SETTING, description: `The severity of \`${code}\`.` }]),
			),
		},
		maxFileSize: {
			type: 'integer',
			minimum: 1,
			description: 'Notes larger than this many bytes are skipped with `file-skipped`.',
			default: 5_000_000,
		},
	},
} as const;
