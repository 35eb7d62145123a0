// CLI entry: `vault-notes check …` on the real disk.
import { main } from './cli/main';
import { nodeFileSystem } from './node/nodeFileSystem';
import { createWorkerNoteReader } from './node/workerNoteReader';

main(process.argv.slice(2), {
	fs: nodeFileSystem,
	cwd: process.cwd(),
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	stderrIsTty: process.stderr.isTTY === true,
	envLocale: process.env.VAULT_NOTES_LOCALE ?? process.env.LC_ALL ?? process.env.LANG,
	noteReader: (config) => createWorkerNoteReader(config),
}).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`vault-notes: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exitCode = 2;
	},
);
