// Runs a child process with a deadline and measures its wall time and peak memory (GNU time's
// %M when /usr/bin/time exists: VmHWM cannot be read after a process has exited).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { round } from './stats';

export interface ProcessRun {
	readonly wallMs: number;
	readonly peakMb: number | null;
	/** User + system CPU time: less skewed than wall time when other work shares the machine. */
	readonly cpuMs: number | null;
	readonly exitCode: number | null;
	readonly timedOut: boolean;
}

const TIME = '/usr/bin/time';

export interface RunOptions {
	readonly timeoutMs: number;
	/** Inherit stderr (progress lines of benchmark children); otherwise it is discarded. */
	readonly showStderr?: boolean;
	readonly env?: NodeJS.ProcessEnv;
}

const running = new Set<number>();

/** Kills every child still running (the bench was interrupted). */
export function killRunning(): void {
	for (const pid of running) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
	const timeFile = path.join(os.tmpdir(), `vault-notes-bench-${process.pid}-${Date.now()}.time`);
	const useTime = fs.existsSync(TIME);
	const argv = useTime ? [TIME, '-q', '-f', '%M %U %S', '-o', timeFile, command, ...args] : [command, ...args];
	return new Promise((resolve, reject) => {
		const started = performance.now();
		// Its own process group, so a timeout kills the child and everything it started.
		const child = spawn(argv[0]!, argv.slice(1), {
			stdio: ['ignore', 'ignore', options.showStderr ? 'inherit' : 'ignore'],
			detached: true,
			env: options.env ?? process.env,
		});
		running.add(child.pid!);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			process.kill(-child.pid!, 'SIGKILL');
		}, options.timeoutMs);
		child.on('error', reject);
		child.on('exit', (code) => {
			const wallMs = round(performance.now() - started);
			clearTimeout(timer);
			running.delete(child.pid!);
			let peakMb: number | null = null;
			let cpuMs: number | null = null;
			if (useTime && fs.existsSync(timeFile)) {
				const match = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(fs.readFileSync(timeFile, 'utf8'));
				if (match) {
					peakMb = round(Number(match[1]) / 1024);
					cpuMs = round((Number(match[2]) + Number(match[3])) * 1000);
				}
				fs.rmSync(timeFile, { force: true });
			}
			resolve({ wallMs, peakMb, cpuMs, exitCode: code, timedOut });
		});
	});
}
