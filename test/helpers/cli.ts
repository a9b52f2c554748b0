// Runs the real CLI from source in a child process, without a terminal.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/main.ts`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: opts.timeout ?? 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI in this process (no node start, no tsx compile): for the many cases about input and
 * output. Real processes stay for signals, exit codes and the installed command.
 */
export async function cliInProcess(args: string[], opts: { tty?: boolean } = {}): Promise<CliResult> {
  const { runCli } = await import('../../src/cli/program.js');
  let stdout = '';
  let stderr = '';
  const stream = (put: (s: string) => void) => ({
    write: (t: string | Uint8Array) => {
      put(typeof t === 'string' ? t : Buffer.from(t).toString('utf8'));
      return true;
    },
    once: () => undefined,
    isTTY: opts.tty ?? false,
    columns: 80,
  });
  const code = await runCli(['node', 'tariff-sim', ...args], { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)) });
  return { code, stdout, stderr };
}
