// The only import surface of the core. Everything here is pure and synchronous: no IO,
// no editor or protocol packages (ARCHITECTURE.md, "Architecture invariant").

/** Plain LSP-shaped types and the diagnostic codes of SPEC §6. */
export * from './types';
/** The vault configuration and its defaults. */
export { CONFIG_FILE_NAME, DEFAULT_CONFIG, type FrontMatterRule, type TopicsConfig, type VaultConfig } from './config';
/** Reading `.vault-notes.json`. */
export { loadConfig, type LoadedConfig } from './configFile';
/** Message rendering in English and Simplified Chinese. */
export { formatMessage, toLocale, type Locale } from './messages';
/** Parsing one note. */
export { parseNote, stripBom } from './parse/parseNote';
/** Offsets ⇄ positions. */
export { LineIndex } from './text/lineIndex';
/** Path helpers and the name comparison rule. */
export { basename, compareCodePoints, dirname, isInvisiblePath, isMarkdownPath, nameKey, noteName } from './text/paths';
/** The vault index. */
export { VaultIndex, type AttachmentEntry, type Change, type FileEntry, type NoteEntry, type SkipReason } from './index/vault';
/** Link resolution results. */
export type { Resolution, ResolutionStatus } from './index/resolve';
/** Diagnostics of one note. */
export { computeDiagnostics, isInFolder } from './features/diagnostics';
/** What stands at a position: a link or a heading. */
export { contains, headingAt, isBefore, linkAt, type LinkAt } from './features/linkAt';
/** Title, date, author, source and aliases of a note. */
export { noteInfo, type NoteInfo } from './features/noteInfo';
/** Matching fragments against headings and blocks. */
export { findAnchor, isBlockFragment, type Anchor } from './index/fragments';
/** Resolving links, also hypothetical ones. */
export { planLookup, resolveLink } from './index/resolve';
/** The comparison key of headings and fragments. */
export { headingKey } from './text/headingKey';
/** Path helpers. */
export { joinPath, pathTails } from './text/paths';
