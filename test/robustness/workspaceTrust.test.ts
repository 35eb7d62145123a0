// The manifest's workspace-trust and virtual-workspace declarations (docs/robustness.md, "Workspace trust").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
	capabilities?: { untrustedWorkspaces?: Record<string, unknown>; virtualWorkspaces?: unknown };
};

test('limited support in untrusted workspaces, with a description and no restricted settings; no virtual workspaces', () => {
	const untrusted = manifest.capabilities?.untrustedWorkspaces;
	expect(untrusted?.supported).toBe('limited');
	expect(String(untrusted?.description)).toMatch(/schemas/);
	expect(untrusted?.restrictedConfigurations).toBeUndefined();
	expect(manifest.capabilities?.virtualWorkspaces).toBe(false);
});
