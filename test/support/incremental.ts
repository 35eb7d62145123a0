// The paranoid check (marksman-style): apply each step incrementally, rebuild from scratch,
// and compare the two indexes' dumps and every note's diagnostics.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Change, VaultIndex } from '../../server/src/core';
import { VaultIndex as Index, computeDiagnostics, loadConfig } from '../../server/src/core';

/** The files a vault holds: text for notes, null for attachments. */
export type FileMap = Map<string, string | null>;

export function changesOf(files: FileMap): Change[] {
	return [...files].map(([id, text]) => (text === null ? { kind: 'attachment', id } : { kind: 'note', id, text }));
}

/** Keeps `files` in step with changes applied to an index. */
export function applyToFiles(files: FileMap, step: readonly Change[]): void {
	for (const change of step) {
		if (change.kind === 'deleted') files.delete(change.id);
		else if (change.kind === 'note') files.set(change.id, change.text);
		else if (change.kind === 'attachment') files.set(change.id, null);
	}
}

/** Random changes over a few note names (bodies from `body`) and two attachments. */
export function changeArbitrary(names: readonly string[], body: fc.Arbitrary<string>): fc.Arbitrary<Change> {
	return fc.oneof(
		fc
			.record({ id: fc.constantFrom(...names), text: body })
			.map(({ id, text }): Change => ({ kind: 'note', id: `${id}.md`, text })),
		fc.constantFrom(...names).map((id): Change => ({ kind: 'deleted', id: `${id}.md` })),
		fc.constantFrom('pic.png', 'x/pic.png').map((id): Change => ({ kind: 'attachment', id })),
		fc.constantFrom('pic.png', 'x/pic.png').map((id): Change => ({ kind: 'deleted', id })),
	);
}

export function scratch(files: FileMap, configText?: string): VaultIndex {
	const vault = new Index(loadConfig(configText));
	vault.apply(changesOf(files));
	return vault;
}

function diagnosticsText(vault: VaultIndex): string {
	return vault
		.noteIds()
		.map((id) => `${id}: ${JSON.stringify(computeDiagnostics(vault, id).map((d) => [d.code, d.range]))}`)
		.join('\n');
}

/**
 * Applies `steps` one by one to an index built from `initial`, keeping `files` in step, and
 * after each step checks that the incremental index equals a from-scratch build, and that
 * every note whose diagnostics changed was reported as touched.
 */
export function assertIncrementalMatchesScratch(initial: FileMap, steps: readonly (readonly Change[])[]): void {
	const files: FileMap = new Map(initial);
	const vault = scratch(files);
	steps.forEach((step, stepIndex) => {
		const before = new Map(vault.noteIds().map((id) => [id, JSON.stringify(computeDiagnostics(vault, id))]));
		const touched = new Set(vault.apply(step));
		applyToFiles(files, step);
		const fresh = scratch(files);
		const context = `after step ${stepIndex}: ${JSON.stringify(step)}`;
		expect(vault.dump(), context).toBe(fresh.dump());
		expect(diagnosticsText(vault), context).toBe(diagnosticsText(fresh));
		for (const id of vault.noteIds()) {
			const now = JSON.stringify(computeDiagnostics(vault, id));
			if (before.get(id) !== now) expect(touched.has(id), `${context}: ${id} changed but was not touched`).toBe(true);
		}
	});
}
