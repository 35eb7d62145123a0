// The status bar entry: notes indexed and problems found (`vaultNotes/status`), a spinner while
// the server indexes. It refreshes on `vaultNotes/indexChanged`, never on a timer.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusResult } from '../../protocol';
import { StatusRequest } from '../../protocol';

export class StatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('vaultNotes.status', vscode.StatusBarAlignment.Left, 10);
	private last: StatusResult | undefined;

	constructor(private readonly client: LanguageClient) {
		this.item.name = vscode.l10n.t('Vault Notes');
		this.item.command = 'workbench.actions.view.problems';
		this.showIndexing();
		this.item.show();
	}

	/** The last status shown (for tests). */
	get status(): StatusResult | undefined {
		return this.last;
	}

	get text(): string {
		return this.item.text;
	}

	/** Shows the spinner right away (the notification says the server is indexing), then asks for counts. */
	async refresh(indexing = false): Promise<void> {
		if (indexing) this.showIndexing();
		const res = await this.client.sendRequest(StatusRequest.type, undefined);
		this.last = res;
		this.render(res);
	}

	dispose(): void {
		this.item.dispose();
	}

	private showIndexing(): void {
		this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing notes…')}`;
		this.item.tooltip = vscode.l10n.t('Vault Notes is indexing the vault.');
	}

	private render(res: StatusResult): void {
		const sum = (pick: (vault: StatusResult['vaults'][number]) => number) =>
			res.vaults.reduce((total, vault) => total + pick(vault), 0);
		if (res.vaults.some((vault) => vault.indexing)) {
			this.showIndexing();
			return;
		}
		const notes = sum((vault) => vault.notes);
		const errors = sum((vault) => vault.errors);
		const warnings = sum((vault) => vault.warnings);
		this.item.text = `$(book) ${notes}  $(error) ${errors}  $(warning) ${warnings}`;
		this.item.tooltip = [
			notes === 1 ? vscode.l10n.t('1 note indexed') : vscode.l10n.t('{0} notes indexed', notes),
			vscode.l10n.t('{0} errors, {1} warnings', errors, warnings),
			vscode.l10n.t('Click to show the Problems panel.'),
		].join('\n');
		this.item.accessibilityInformation = { label: this.item.tooltip };
	}
}
