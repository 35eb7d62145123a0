// The file renames our own rename edits contain. VS Code fires workspace/willRenameFiles for the
// RenameFile operation of an applied WorkspaceEdit too; by then the links were already rewritten
// by the same edit (maybe before the server saw the didChange), so that second request must
// change nothing. Entries expire: a rename the user cancels in the preview is forgotten.

const PENDING_MS = 60_000;

export class PendingRenames {
	private readonly pending = new Map<string, number>();

	constructor(private readonly now: () => number = Date.now) {}

	/** Remembers that an edit we returned renames `oldUri` to `newUri`. */
	add(oldUri: string, newUri: string): void {
		this.prune();
		this.pending.set(key(oldUri, newUri), this.now() + PENDING_MS);
	}

	/** Whether this rename is one of ours (and forgets it: the next identical rename is the user's). */
	consume(oldUri: string, newUri: string): boolean {
		this.prune();
		return this.pending.delete(key(oldUri, newUri));
	}

	private prune(): void {
		const now = this.now();
		for (const [entry, expires] of this.pending) if (expires <= now) this.pending.delete(entry);
	}
}

function key(oldUri: string, newUri: string): string {
	return `${oldUri}\n${newUri}`;
}
