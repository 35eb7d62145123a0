// `vault-notes check [dir] [--config FILE] [--format text|json|sarif] [--max-warnings N] [--locale en|zh-cn]`
// (SPEC §8). All IO is injected, so tests run it against fixture folders and capture its output.
import * as path from 'node:path';
import type { Locale, NoteId } from '../core';
import { VaultIndex, formatMessage, toLocale } from '../core';
import type { FileSystem } from '../workspace/fileSystem';
import type { NoteReaderFactory } from '../workspace/noteReader';
import { loadVault, readConfigFile } from '../workspace/loadVault';
import { DiagnosticsDuringLoad, checkVault, checkedNoteCount } from './checkVault';
import type { OutputFormat } from './formatResults';
import { countBySeverity, formatResults } from './formatResults';

export interface CliIo {
	readonly fs: FileSystem;
	readonly cwd: string;
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** Whether stderr is a terminal: only then is a progress line drawn. */
	readonly stderrIsTty: boolean;
	/** The user's language (LANG), when the command line does not say. */
	readonly envLocale?: string;
	/** Reads and parses notes off the main thread (worker threads); none when absent. */
	readonly noteReader?: NoteReaderFactory;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const USAGE = `usage: vault-notes check [dir] [--config FILE] [--format text|json|sarif] [--max-warnings N] [--locale en|zh-cn]

Checks every note of the vault at dir (default: the current folder) and prints its problems.
Exit status: 0 clean (or warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage, an unreadable vault or an invalid config.
`;

interface Options {
	readonly dir: string;
	readonly config: string | undefined;
	readonly format: OutputFormat;
	readonly maxWarnings: number;
	readonly locale: Locale;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
		io.stdout(USAGE);
		return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
	}
	if (argv[0] !== 'check') return usageError(io, `unknown command '${argv[0]}'`);
	const parsed = parseOptions(argv.slice(1), io);
	if (typeof parsed === 'string') return usageError(io, parsed);
	return check(parsed, io);
}

async function check(options: Options, io: CliIo): Promise<number> {
	const root = path.resolve(io.cwd, options.dir);
	const stat = await io.fs.stat(root).catch((error: Error) => error);
	if (stat instanceof Error || stat.kind !== 'directory') {
		io.stderr(
			`vault-notes: cannot read the vault folder ${root}: ${stat instanceof Error ? stat.message : 'not a folder'}\n`,
		);
		return EXIT_USAGE;
	}
	const configPath = options.config === undefined ? undefined : path.resolve(io.cwd, options.config);
	const configFile = await readConfigFile(io.fs, root, configPath).catch((error: Error) => error);
	if (configFile instanceof Error) {
		io.stderr(`vault-notes: cannot read the config file ${configPath}: ${configFile.message}\n`);
		return EXIT_USAGE;
	}
	if (configFile.loaded.problems.length > 0) {
		for (const problem of configFile.loaded.problems) {
			const { line, character } = problem.range.start;
			const where = `${configFile.path}:${line + 1}:${character + 1}`;
			io.stderr(`${where}  error  ${formatMessage(problem.message, options.locale)}  ${problem.code}\n`);
		}
		io.stderr('vault-notes: the config file is invalid; nothing was checked\n');
		return EXIT_USAGE;
	}
	const progress = io.stderrIsTty
		? (_touched: unknown, done: number, total: number) => io.stderr(`\rindexing ${done}/${total} notes…`)
		: undefined;
	const vault = new VaultIndex(configFile.loaded);
	const reader = io.noteReader?.(configFile.loaded);
	const during = new DiagnosticsDuringLoad(vault, options.locale);
	const onBatch = (touched: readonly NoteId[], done: number, total: number) => {
		during.onBatch(touched);
		progress?.(touched, done, total);
	};
	await loadVault(io.fs, root, vault, { onBatch, reader }).finally(() => reader?.dispose());
	if (progress) io.stderr('\r\x1b[K');
	const diagnostics = checkVault(vault, options.locale, during.known);
	const results = { root, files: checkedNoteCount(vault), diagnostics };
	io.stdout(formatResults(options.format, results));
	const counts = countBySeverity(results);
	const tooManyWarnings = options.maxWarnings >= 0 && counts.warning > options.maxWarnings;
	return counts.error > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

function parseOptions(args: readonly string[], io: CliIo): Options | string {
	let dir: string | undefined;
	let config: string | undefined;
	let format: OutputFormat = 'text';
	let maxWarnings = -1;
	let locale = toLocale(io.envLocale);
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		const [flag, inline] =
			arg.startsWith('--') && arg.includes('=')
				? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
				: [arg, undefined];
		const value = (): string | undefined => inline ?? args[++index];
		if (flag === '--config') config = value();
		else if (flag === '--format') {
			const chosen = value();
			if (chosen !== 'text' && chosen !== 'json' && chosen !== 'sarif') return `--format takes text, json or sarif`;
			format = chosen;
		} else if (flag === '--max-warnings') {
			const chosen = Number(value());
			if (!Number.isInteger(chosen)) return `--max-warnings takes a whole number`;
			maxWarnings = chosen;
		} else if (flag === '--locale') locale = toLocale(value());
		else if (flag.startsWith('-')) return `unknown option '${flag}'`;
		else if (dir === undefined) dir = arg;
		else return `unexpected argument '${arg}'`;
		if (flag === '--config' && config === undefined) return '--config takes a file';
	}
	return { dir: dir ?? '.', config, format, maxWarnings, locale };
}

function usageError(io: CliIo, message: string): number {
	io.stderr(`vault-notes: ${message}\n${USAGE}`);
	return EXIT_USAGE;
}
