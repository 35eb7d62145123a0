// The vault configuration (SPEC §5) and its defaults, in one place.
import type { DiagnosticCode, SeveritySetting } from './types';

/** One `frontMatter` rule: every note whose path matches one of `files` must satisfy `schema`. */
export interface FrontMatterRule {
	readonly files: readonly string[];
	/** A JSON Schema (draft 2020-12). */
	readonly schema: Readonly<Record<string, unknown>>;
}

export interface TopicsConfig {
	/** The topics folder, relative to the vault root, without a trailing `/`. */
	readonly folder: string;
	/** The heading text of a topics section. */
	readonly section: string;
}

/** The contents of `.vault-notes.json`, with every default filled in. */
export interface VaultConfig {
	readonly ignore: readonly string[];
	readonly topics: TopicsConfig;
	readonly dateField: readonly string[];
	readonly authorField: readonly string[];
	readonly sourceField: readonly string[];
	readonly summarySection: string;
	readonly frontMatter: readonly FrontMatterRule[];
	readonly rules: Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;
	readonly maxFileSize: number;
}

/** The name of the config file at the vault root. */
export const CONFIG_FILE_NAME = '.vault-notes.json';

export const DEFAULT_CONFIG: VaultConfig = Object.freeze({
	ignore: [],
	topics: { folder: '00-元语', section: '关联主题' },
	dateField: ['发布日期', 'date', 'created'],
	authorField: ['作者', 'author'],
	sourceField: ['原文链接', 'source', 'url'],
	summarySection: '摘要',
	frontMatter: [],
	rules: {},
	maxFileSize: 5_000_000,
});
