// The editor-side settings (`vaultNotes.*`, asked per folder with workspace/configuration).
// Knobs that change diagnostics live in `.vault-notes.json` instead (SPEC §5).

export interface VaultNotesSettings {
	readonly enable: boolean;
	readonly diagnostics: { readonly scope: 'vault' | 'openFiles' };
	readonly links: {
		/** How inserted links are written: full paths, shortest unique names, or whatever the vault mostly does. */
		readonly style: 'auto' | 'full' | 'shortest';
		/** What happens to links when a file is renamed or moved in the explorer. */
		readonly updateOnMove: 'always' | 'prompt' | 'never';
	};
	/** Where a quick fix creates a missing note named by a bare name. */
	readonly newNoteLocation: 'nextToNote' | 'root';
}

export const DEFAULT_SETTINGS: VaultNotesSettings = {
	enable: true,
	diagnostics: { scope: 'vault' },
	links: { style: 'auto', updateOnMove: 'always' },
	newNoteLocation: 'nextToNote',
};

/** Reads whatever the client answered, keeping only known values. */
export function readSettings(raw: unknown): VaultNotesSettings {
	const value = (raw ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const pick = <T extends string>(candidate: unknown, allowed: readonly T[], fallback: T): T =>
		allowed.includes(candidate as T) ? (candidate as T) : fallback;
	return {
		enable: value.enable !== false,
		diagnostics: { scope: pick(value.diagnostics?.scope, ['vault', 'openFiles'], DEFAULT_SETTINGS.diagnostics.scope) },
		links: {
			style: pick(value.links?.style, ['auto', 'full', 'shortest'], DEFAULT_SETTINGS.links.style),
			updateOnMove: pick(value.links?.updateOnMove, ['always', 'prompt', 'never'], DEFAULT_SETTINGS.links.updateOnMove),
		},
		newNoteLocation: pick(value.newNoteLocation, ['nextToNote', 'root'], DEFAULT_SETTINGS.newNoteLocation),
	};
}
