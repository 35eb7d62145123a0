// textDocument/documentLink: every link that resolves to one file is clickable.
import type { CancellationToken, DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { NoteLink } from '../../core';
import { documentLinks } from '../../core';
import { guard } from '../guard';
import type { ServerState } from '../serverState';
import type { VaultSession } from '../vaultSession';
import type { HandlerContext } from './index';

export function registerDocumentLinks({ connection, logger, state }: HandlerContext): void {
	connection.onDocumentLinks(
		guard(logger, 'documentLink', null, (params, token) => onDocumentLinks(state(), params, token)),
	);
}

export function onDocumentLinks(
	state: ServerState | undefined,
	params: DocumentLinkParams,
	token: CancellationToken,
): DocumentLink[] | null {
	const located = state?.locate(params.textDocument.uri);
	if (!located || token.isCancellationRequested) return null;
	const { session, id } = located;
	return documentLinks(session.vault, id).map((link) => ({
		range: link.range,
		target: targetUri(session, link),
		tooltip: link.target,
	}));
}

/**
 * The file URI, with `#L<line>,<column>` (1-based) for a heading or block: VS Code's opener reads
 * that fragment on `file:` URIs and puts the cursor there.
 */
function targetUri(session: VaultSession, link: NoteLink): string {
	const uri = session.uriOf(link.target);
	return link.position ? `${uri}#L${link.position.line + 1},${link.position.character + 1}` : uri;
}
