// The only import surface of the core. Everything here is pure and synchronous: no IO,
// no editor or protocol packages (ARCHITECTURE.md, "Architecture invariant").

/** Plain LSP-shaped types and the diagnostic codes of SPEC §6. */
export * from './types';
/** The vault configuration and its defaults. */
export { CONFIG_FILE_NAME, DEFAULT_CONFIG, type FrontMatterRule, type TopicsConfig, type VaultConfig } from './config';
/** Reading `.vault-notes.json`. */
export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './configFile';
/** Message rendering in English and Simplified Chinese. */
export { formatMessage, toLocale, type Locale } from './messages';
/** Parsing one note. */
export { parseNote, stripBom } from './parse/parseNote';
/** Offsets ⇄ positions. */
export { LineIndex } from './text/lineIndex';
/** Path helpers and the name comparison rule. */
export { basename, compareCodePoints, dirname, isInvisiblePath, isMarkdownPath, nameKey, noteName } from './text/paths';
/** The vault index. */
export {
	VaultIndex,
	type AttachmentEntry,
	type Change,
	type FileEntry,
	type IncomingNote,
	type NoteEntry,
	type SkipReason,
} from './index/vault';
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
/** The timeline view: one level of year → month → note per call. */
export {
	buildTimeline,
	type TimelineFilter,
	type TimelineGroupItem,
	type TimelineItem,
	type TimelineNoteItem,
	type TimelineQuery,
} from './features/timeline';
/** The backlinks view: links to a note, grouped by linking note. */
export { listBacklinks, type BacklinkGroup } from './features/backlinks';
/** The topics view: topic notes by number of member notes, or the notes of one topic. */
export { listTopics, type TopicListItem, type TopicsQuery } from './features/topics';
/** The summary preview of a note. */
export { buildSummary, type Summary } from './features/summary';
export type { SummaryLink, SummaryNode } from './features/summaryTree';
/** Reading the dates notes are filed under. */
export { parseNoteDate, type NoteDate } from './text/noteDate';
/** Navigation: definition, document links, references, hover, symbols. */
export { findDefinition } from './features/findDefinition';
export { documentLinks, type NoteLink } from './features/documentLinks';
export { findReferences } from './features/findReferences';
export { hoverLink, type HoverContent } from './features/hoverLink';
export {
	documentSymbols,
	type DocumentSymbolOptions,
	type NoteSymbol,
	type NoteSymbolKind,
} from './features/documentSymbols';
export { MAX_WORKSPACE_SYMBOLS, workspaceSymbols, type VaultSymbol } from './features/workspaceSymbols';
/** Rename (notes and headings), link updates for moved files, and their edit messages. */
export {
	prepareRename,
	renameHeading,
	renameNote,
	renamedPath,
	type PrepareRenameResult,
	type RenameResult,
} from './features/rename';
export { notesAffectedByMoves, updateLinksForMoves, type LinkUpdate } from './features/updateLinksForMoves';
export { formatEditMessage, type EditMessage, type EditMessageId } from './features/editMessages';
export type { FileCreation, FileEdits, FileMove, VaultEdit } from './features/vaultEdit';
/** Completion of link targets, headings, blocks and front-matter keys and values. */
export {
	completeAt,
	prepareCompletion,
	type Completion,
	type CompletionKind,
	type CompletionOptions,
	type CompletionResult,
} from './features/completion';
/** Quick fixes for the diagnostics of a note. */
export {
	computeCodeActions,
	type CodeActionOptions,
	type FixableDiagnostic,
	type QuickFix,
} from './features/codeActions';
