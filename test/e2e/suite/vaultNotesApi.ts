// The API `activate` returns (client/src/extension.ts), plus event-driven waits built on it.
import * as vscode from 'vscode';
import type { VaultNotesApi } from '../../../client/src/extension';
import type { StatusResult } from '../../../protocol';
import { StatusRequest } from '../../../protocol';
import { extensionId } from './helpers';

/** The API of a started extension: every part present. */
export type StartedApi = { readonly [K in keyof VaultNotesApi]-?: NonNullable<VaultNotesApi[K]> };

/** Activates the extension and returns its API; throws when Vault Notes is disabled. */
export async function vaultNotesApi(): Promise<StartedApi> {
	const extension = vscode.extensions.getExtension<VaultNotesApi>(extensionId);
	if (!extension) throw new Error(`extension ${extensionId} is not loaded`);
	const api = await extension.activate();
	if (!api.client || !api.timeline || !api.backlinks || !api.topics || !api.statusBar || !api.onDidChangeIndex) {
		throw new Error('Vault Notes did not start (is vaultNotes.enable false?)');
	}
	return api as StartedApi;
}

/**
 * Resolves once the server has indexed every vault: asks `vaultNotes/status`, and while a vault
 * is still indexing (or empty) waits for the next `vaultNotes/indexChanged` and asks again.
 */
export async function waitForIndex(api: StartedApi, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const next = nextEvent(api.onDidChangeIndex, deadline - Date.now(), 'vaultNotes/indexChanged');
		// By method name: a request type from this bundle's own copy of the protocol package would
		// fail the client's identity checks ("Unknown parameter structure").
		const status = await api.client.sendRequest<StatusResult>(StatusRequest.method, null);
		const ready = status.vaults.length > 0 && status.vaults.every((vault) => !vault.indexing && vault.notes > 0);
		if (ready) {
			next.cancel();
			return;
		}
		await next.promise;
	}
}

/** The next firing of `event`, rejecting after `timeoutMs`; `cancel()` stops listening. */
export function nextEvent<T>(
	event: vscode.Event<T>,
	timeoutMs: number,
	what: string,
): { promise: Promise<T>; cancel: () => void } {
	let cancel = () => {};
	const promise = new Promise<T>((resolve, reject) => {
		const timer = setTimeout(
			() => {
				subscription.dispose();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
			},
			Math.max(0, timeoutMs),
		);
		const subscription = event((value) => {
			clearTimeout(timer);
			subscription.dispose();
			resolve(value);
		});
		cancel = () => {
			clearTimeout(timer);
			subscription.dispose();
		};
	});
	return { promise, cancel };
}

/** Resolves when `condition()` holds, checking now and after each firing of `event`. */
export async function waitUntil<T>(
	what: string,
	event: vscode.Event<T>,
	condition: () => boolean,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		await nextEvent(event, deadline - Date.now(), what).promise;
	}
}

/**
 * Runs `check` until it passes, again after each `vaultNotes/indexChanged`: an earlier test's
 * file changes (a note created and deleted) reach the index through the file watcher a little
 * later. After `timeoutMs` the last failure is thrown.
 */
export async function eventually(api: StartedApi, check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const next = nextEvent(api.onDidChangeIndex, deadline - Date.now(), 'vaultNotes/indexChanged');
		try {
			await check();
			next.cancel();
			return;
		} catch (error) {
			const changed = await next.promise.then(
				() => true,
				() => false,
			);
			if (!changed) throw error;
		}
	}
}
