// Interrupting a real `tariff-sim batch` child process: SIGINT or SIGTERM leaves no file at --out,
// keeps a checkpoint, and the same command with --resume writes exactly the uninterrupted bytes.
// Also: an unwritable --out or a full disk (ENOSPC, simulated) is one line and exit 1.
// No timing assertions, no race: the interrupted batch stops itself once its first chunk is
// checkpointed (helpers/holdBatch.ts), and the signal lands there. The uninterrupted reference, the
// refused resume and the resume run in this process (the same program, exit codes and bytes).

import { type ChildProcess, spawn } from 'node:child_process';
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from './helpers/cli.js';
import { HOLD_ENV, holdArgs, untilStopped } from './helpers/holdBatch.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], preload: string[] = [], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [...preload, '--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<Exit>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return { child, exit };
}

async function interruptAndResume(name: string, batch: string[], signal: 'SIGINT' | 'SIGTERM', code: number): Promise<void> {
  const sub = join(dir, name);
  mkdirSync(sub);
  const out = join(sub, 'out');
  const ref = join(sub, 'ref');
  const checkpoint = `${out}.checkpoint.json`;
  const [whole] = await Promise.all([
    cliInProcess(['batch', ...batch, '--out', ref]),
    (async () => {
      const run = start(['batch', ...batch, '--out', out], holdArgs('runs'), HOLD_ENV);
      expect(await untilStopped(run.child, run.exit), 'the batch ended before it was held at its first checkpointed chunk').toBe(true);
      run.child.kill(signal); // taken when it wakes
      run.child.kill('SIGCONT');
      const r = await run.exit;
      expect(r.code, r.stderr).toBe(code);
      const said = /^tariff-sim: interrupted: (\d+) of (\d+) runs done; resume with the same command and --resume\n$/.exec(r.stderr);
      expect(said, r.stderr).not.toBeNull();
      // Stopped after its first chunk: some runs done (the resume has a summary to continue), not all.
      expect(Number(said![1])).toBeGreaterThan(0);
      expect(Number(said![1])).toBeLessThan(Number(said![2]));
      expect(existsSync(out)).toBe(false); // nothing torn or partial at --out
      expect(existsSync(checkpoint)).toBe(true);
    })(),
  ]);
  expect(whole.code, whole.stderr).toBe(0);

  // A different batch does not resume from this checkpoint (and leaves it alone).
  const other = await cliInProcess(['batch', ...batch, '--seed', '999', '--out', out, '--resume']);
  expect(other.code).toBe(2);
  expect(other.stderr).toMatch(/^tariff-sim: --resume: .* is for a different batch .*\n$/);

  const resumed = await cliInProcess(['batch', ...batch, '--out', out, '--resume']);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(readFileSync(out).equals(readFileSync(ref))).toBe(true);
  expect(readdirSync(sub).sort()).toEqual(['out', 'ref']); // the checkpoint is gone on success
}

describe('interrupting a batch', () => {
  it('SIGINT during --json: exit 130, checkpoint kept, --resume gives the same bytes', async () => {
    await interruptAndResume('json', ['busan-truce', 'history-2025', '--baseline', 'busan-truce', '--runs', '1200', '--steps', '20', '--seed', '5', '--workers', '2', '--json'], 'SIGINT', 130);
  }, 600_000);

  it('SIGTERM during --csv: exit 143, checkpoint and rows kept, --resume gives the same bytes', async () => {
    await interruptAndResume('csv', ['busan-truce', 'history-2025', '--runs', '1200', '--steps', '20', '--seed', '5', '--workers', '2', '--csv'], 'SIGTERM', 143);
  }, 600_000);

  it('--resume without a checkpoint: one line, exit 2', async () => {
    const r = await cliInProcess(['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--json', '--out', join(dir, 'none.json'), '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tariff-sim: --resume: no checkpoint at .*none\.json\.checkpoint\.json .*\n$/);
  }, 120_000);
});

/**
 * Makes every write under a path containing "full-disk" fail as a full disk does (ENOSPC), for the fs
 * functions the CLI writes with, while `body` runs in this process; syncBuiltinESMExports hands the
 * patches (and then the originals) to ESM importers.
 */
async function withFullDisk<T>(body: () => Promise<T>): Promise<T> {
  const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const marked = new Set<number>();
  const { openSync, writeSync, writeFileSync: writeFile } = fs;
  Object.assign(fs, {
    openSync: (p: fs.PathLike, ...rest: unknown[]) => {
      const fd = (openSync as (...a: unknown[]) => number)(p, ...rest);
      if (String(p).includes('full-disk')) marked.add(fd);
      return fd;
    },
    writeSync: (fd: number, ...rest: unknown[]) => {
      if (marked.has(fd)) throw full();
      return (writeSync as (...a: unknown[]) => number)(fd, ...rest);
    },
    writeFileSync: (p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(p).includes('full-disk')) throw full();
      return (writeFile as (...a: unknown[]) => void)(p, ...rest);
    },
  });
  syncBuiltinESMExports();
  try {
    return await body();
  } finally {
    Object.assign(fs, { openSync, writeSync, writeFileSync: writeFile });
    syncBuiltinESMExports();
  }
}

describe('output that cannot be written', () => {
  // In-process: the same program and exit code; these fail before any work, so no signal is involved.
  it('an unwritable or missing directory: one line naming the file, exit 1, for batch and run', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const cases: string[][] = [
      ['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--csv', '--out', '/proc/x.csv'],
      ['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--json', '--out', join(dir, 'a-file', 'x.json')],
      ['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--out', join(dir, 'no-such-dir', 'x.txt')],
      ['run', 'busan-truce', '--csv', '--out', '/proc/x.csv'],
    ];
    const results = await Promise.all(cases.map((args) => cliInProcess(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i].join(' ')).toBe(1);
      expect(r.stderr).toBe(`tariff-sim: ${cases[i][cases[i].length - 1]}: cannot write (no such directory)\n`);
    });
  }, 180_000);

  it('a full disk (ENOSPC, simulated): one line, exit 1, nothing left at --out', async () => {
    const full = join(dir, 'full-disk');
    mkdirSync(full);
    const cases: string[][] = [
      ['batch', 'busan-truce', '--runs', '20', '--steps', '3', '--workers', '1', '--csv', '--out', join(full, 'runs.csv')],
      ['batch', 'busan-truce', '--runs', '20', '--steps', '3', '--workers', '1', '--json', '--out', join(full, 'summary.json')],
      ['run', 'busan-truce', '--json', '--out', join(full, 'run.json')],
    ];
    // In-process (the same program and exit code): the writes fail before any run, so no signal is involved.
    const results = await withFullDisk(() => Promise.all(cases.map((args) => cliInProcess(args))));
    results.forEach((r, i) => {
      expect(r.code, cases[i].join(' ')).toBe(1);
      expect(r.stderr).toBe(`tariff-sim: ${cases[i][cases[i].length - 1]}: cannot write (the disk is full)\n`);
    });
    expect(readdirSync(full)).toEqual([]);
  }, 180_000);
});
