// Runs `vault-notes` in-process with captured output.
import { main } from '../../server/src/cli/main';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import type { FileSystem } from '../../server/src/workspace/fileSystem';

export interface CliRun {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

export async function runCli(
	argv: readonly string[],
	options: { fs?: FileSystem; cwd?: string } = {},
): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, {
		fs: options.fs ?? nodeFileSystem,
		cwd: options.cwd ?? process.cwd(),
		stdout: (text) => (stdout += text),
		stderr: (text) => (stderr += text),
		stderrIsTty: false,
		envLocale: 'en',
	});
	return { code, stdout, stderr };
}
