// Plain, LSP-shaped data types shared by the whole core.
// They mirror the protocol's shapes structurally, so the adapter converts without copying,
// but nothing here depends on a protocol package.

/**
 * A file of the vault, named by its path relative to the vault root, with `/` separators,
 * exactly as the file system spells it (not normalized: `01-博客/a.md`).
 */
export type NoteId = string;

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
	readonly line: number;
	readonly character: number;
}

export interface Range {
	readonly start: Position;
	readonly end: Position;
}

export interface Location {
	readonly id: NoteId;
	readonly range: Range;
}

export interface TextEdit {
	readonly range: Range;
	readonly newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The diagnostic codes of SPEC §6. Stable forever. */
export const DIAGNOSTIC_CODES = [
	'broken-link',
	'broken-heading',
	'ambiguous-link',
	'not-a-topic',
	'duplicate-topic',
	'yaml-syntax',
	'duplicate-key',
	'missing-front-matter',
	'missing-field',
	'invalid-value',
	'invalid-config',
	'file-skipped',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
	'broken-link': 'error',
	'broken-heading': 'warning',
	'ambiguous-link': 'warning',
	'not-a-topic': 'warning',
	'duplicate-topic': 'warning',
	'yaml-syntax': 'error',
	'duplicate-key': 'error',
	'missing-front-matter': 'error',
	'missing-field': 'error',
	'invalid-value': 'error',
	'invalid-config': 'error',
	'file-skipped': 'info',
};

/** A message in a form that can be rendered in any supported language (see messages.ts). */
export interface Message {
	readonly id: MessageId;
	/** Values substituted for `{name}` placeholders. */
	readonly args?: Readonly<Record<string, string | number>>;
}

export type MessageId =
	| 'brokenLink'
	| 'brokenLinkOutside'
	| 'brokenHeading'
	| 'brokenBlock'
	| 'ambiguousLink'
	| 'notATopic'
	| 'duplicateTopic'
	| 'yamlSyntax'
	| 'yamlUnclosed'
	| 'duplicateKey'
	| 'notAMapping'
	| 'missingFrontMatter'
	| 'missingField'
	| 'invalidValue'
	| 'invalidConfig'
	| 'fileTooLarge'
	| 'fileBinary'
	| 'fileNotUtf8'
	| 'fileUnreadable';

/**
 * A problem found in one file before any cross-note resolution:
 * front matter, schema, config and file-level problems.
 */
export interface Problem {
	readonly code: DiagnosticCode;
	readonly range: Range;
	readonly message: Message;
}

export interface Diagnostic {
	readonly range: Range;
	readonly severity: Severity;
	readonly code: DiagnosticCode;
	readonly message: string;
	/** Extra facts for quick fixes (candidates of an ambiguous link, the missing field…). */
	readonly data?: DiagnosticData;
}

export interface DiagnosticData {
	/** Index of the link in `NoteSyntax.links`, for link diagnostics. */
	readonly linkIndex?: number;
	readonly candidates?: readonly NoteId[];
	readonly field?: string;
}

export type LinkKind = 'wiki' | 'markdown' | 'frontMatter';

/**
 * A link found in a note: a wikilink (`[[…]]`, `![[…]]`), a Markdown link with a relative URL
 * (`[t](a/b.md)`), or a wikilink inside a front-matter string.
 */
export interface Link {
	readonly kind: LinkKind;
	/** `![[…]]` or `![alt](…)`. */
	readonly embed: boolean;
	/** The whole link: `!` and brackets included. */
	readonly range: Range;
	/**
	 * The target as written, trimmed; for wikilinks `\|` is read as `|` and nothing is decoded;
	 * for Markdown links the percent-decoded path. Empty for `[[#Heading]]`.
	 */
	readonly target: string;
	/**
	 * Where the raw target text stands in the source (what a rename rewrites).
	 * Empty (start = end) where the target is empty.
	 */
	readonly targetRange: Range;
	/** The text after the first `#` (without it), `^id` for blocks; undefined when there is no `#`. */
	readonly fragment: string | undefined;
	/** The display text after the first `|` (wikilinks) or the link text (Markdown links). */
	readonly label: string | undefined;
	/** Inside a topics section (SPEC §3). */
	readonly inTopics: boolean;
}

export interface Heading {
	/** 1–6. */
	readonly level: number;
	/** The raw source text without the `#` marks (or the setext underline), trimmed. */
	readonly text: string;
	/** 0-based line of the heading (the first line of a setext heading's text). */
	readonly line: number;
	/** The whole heading line(s). */
	readonly range: Range;
}

export interface BlockId {
	/** Without the `^`. */
	readonly id: string;
	/** The line that carries the `^id` marker. */
	readonly line: number;
	/** Where `^id` stands. */
	readonly range: Range;
}

/** A run of lines, start inclusive, end exclusive. */
export interface LineSpan {
	readonly startLine: number;
	readonly endLine: number;
}

/** Front matter as found in a note. */
export interface FrontMatter {
	/** Lines of the block, the `---` fences included. */
	readonly span: LineSpan;
	/** The parsed mapping (first value of repeated keys), or undefined when it could not be read. */
	readonly data: Readonly<Record<string, unknown>> | undefined;
	/** Where each top-level key and its value stand, for completion, symbols and quick fixes. */
	readonly fields: readonly FrontMatterField[];
}

export interface FrontMatterField {
	readonly key: string;
	readonly keyRange: Range;
	/** The value's range; empty at the end of the key line when the value is empty. */
	readonly valueRange: Range;
}

/** Everything the core knows of one note after parsing it. */
export interface NoteSyntax {
	readonly frontMatter: FrontMatter | undefined;
	readonly headings: readonly Heading[];
	readonly blockIds: readonly BlockId[];
	/** Front-matter links first, then body links, in source order. */
	readonly links: readonly Link[];
	/** The topics sections (SPEC §3). */
	readonly topicSections: readonly LineSpan[];
	/** The first summary section (SPEC §5 `summarySection`), its heading line excluded. */
	readonly summarySection: LineSpan | undefined;
	/** Front matter, schema and file problems of this note alone. */
	readonly problems: readonly Problem[];
	/** Number of lines of the document. */
	readonly lineCount: number;
}
