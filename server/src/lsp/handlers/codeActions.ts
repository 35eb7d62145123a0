// textDocument/codeAction: quick fixes for our own diagnostics (code + data), computed by the core.
// Templates for new notes are read here, from `.vault-notes/templates/<top folder>.md`.
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { FixableDiagnostic } from '../../core';
import { computeCodeActions, formatEditMessage } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../convert';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import type { HandlerContext } from './index';
import { supportsResourceOperation, toWorkspaceEdit } from './workspaceEdits';

const TEMPLATE_FOLDER = '.vault-notes/templates';

export function registerCodeActions({ connection, logger, state }: HandlerContext): void {
	connection.onCodeAction(guard(logger, 'codeAction', null, (params) => onCodeAction(state(), params)));
}

export async function onCodeAction(
	state: ServerState | undefined,
	params: CodeActionParams,
): Promise<CodeAction[] | null> {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const only = params.context.only;
	if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
	const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
	if (ours.length === 0) return [];
	const { session, id } = located;
	const text = await state.textOf(session, id);
	if (text === undefined) return [];
	const fixes = computeCodeActions(session.vault, id, ours.map(toFixable), {
		text,
		newNoteLocation: state.settingsOf(session).newNoteLocation,
		templates: await readTemplates(session),
		date: today(),
	});
	const canCreate = supportsResourceOperation(state, 'create');
	return fixes
		.filter((fix) => canCreate || fix.edit.creations.length === 0)
		.map((fix) => ({
			title: formatEditMessage(fix.title, state.locale),
			kind: CodeActionKind.QuickFix,
			diagnostics: [ours[fix.diagnostic]!],
			isPreferred: fix.preferred,
			edit: toWorkspaceEdit(state, session, fix.edit),
		}));
}

function toFixable(diagnostic: Diagnostic): FixableDiagnostic {
	return {
		code: String(diagnostic.code ?? ''),
		range: diagnostic.range,
		data: diagnostic.data as FixableDiagnostic['data'],
	};
}

/** Templates of every top-level folder of the vault that has one (a handful of small reads). */
async function readTemplates(session: VaultSession): Promise<Map<string, string>> {
	const folders = new Set(
		session.vault.ids().flatMap((id) => (id.includes('/') ? [id.slice(0, id.indexOf('/'))] : [])),
	);
	folders.add(session.config.config.topics.folder.split('/')[0]!);
	const entries = await Promise.all(
		[...folders].map(
			async (folder) => [folder, await session.readVaultText(`${TEMPLATE_FOLDER}/${folder}.md`)] as const,
		),
	);
	return new Map(entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}

/** Today in the server's local time zone, `YYYY-MM-DD`. */
function today(): string {
	const now = new Date();
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
