// textDocument/hover on a link: a preview of the target, or what a broken link looked for.
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { hoverLink, linkAt } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { HandlerContext } from './index';

export function registerHover({ connection, logger, state }: HandlerContext): void {
	connection.onHover(guard(logger, 'hover', null, (params, token) => onHover(state(), params, token)));
}

export async function onHover(
	state: ServerState | undefined,
	params: HoverParams,
	token: CancellationToken,
): Promise<Hover | null> {
	const located = state?.locate(params.textDocument.uri);
	if (!state || !located) return null;
	const { session, id } = located;
	const target = linkAt(session.vault, id, params.position)?.resolution.target;
	// Only the target note's text is read (open editor or disk), and only for a link.
	const isNote = target !== undefined && session.vault.note(target) !== undefined;
	const targetText = isNote ? await state.textOf(session, target) : undefined;
	if (token.isCancellationRequested) return null;
	const hover = hoverLink(session.vault, id, params.position, targetText, state.locale);
	return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
}
