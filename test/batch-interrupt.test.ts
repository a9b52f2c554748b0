// Interrupting a real `tariff-sim batch` child process: SIGINT or SIGTERM leaves no file at --out,
// keeps a checkpoint, and the same command with --resume writes exactly the uninterrupted bytes.
// Also: an unwritable --out or a full disk (ENOSPC, simulated) is one line and exit 1.
// No timing assertions: the tests poll for files, with generous timeouts (the machine may be busy).

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], preload: string[] = []): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [...preload, '--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<Exit>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return { child, exit };
}

const cli = (args: string[], preload: string[] = []) => start(args, preload).exit;

/** Polls until `ready()` or the child exits (then the caller's assertions say what went wrong). */
async function until(ready: () => boolean, exited: Promise<unknown>): Promise<void> {
  let over = false;
  void exited.then(() => (over = true));
  while (!over && !ready()) await new Promise((r) => setTimeout(r, 100));
}

/** The checkpoint has at least one finished chunk in it (a read can race a rename: then not yet). */
function hasRunsDone(path: string): boolean {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).runs_end > 0;
  } catch {
    return false;
  }
}

async function interruptAndResume(name: string, batch: string[], signal: 'SIGINT' | 'SIGTERM', code: number): Promise<void> {
  const sub = join(dir, name);
  mkdirSync(sub);
  const out = join(sub, 'out');
  const ref = join(sub, 'ref');
  const checkpoint = `${out}.checkpoint.json`;
  const [whole] = await Promise.all([
    cli(['batch', ...batch, '--out', ref]),
    (async () => {
      const run = start(['batch', ...batch, '--out', out]);
      await until(() => hasRunsDone(checkpoint), run.exit);
      run.child.kill(signal);
      const r = await run.exit;
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(/^tariff-sim: interrupted: \d+ of \d+ runs done; resume with the same command and --resume\n$/);
      expect(existsSync(out)).toBe(false); // nothing torn or partial at --out
      expect(existsSync(checkpoint)).toBe(true);
    })(),
  ]);
  expect(whole.code, whole.stderr).toBe(0);

  // A different batch does not resume from this checkpoint (and leaves it alone).
  const other = await cli(['batch', ...batch, '--seed', '999', '--out', out, '--resume']);
  expect(other.code).toBe(2);
  expect(other.stderr).toMatch(/^tariff-sim: --resume: .* is for a different batch .*\n$/);

  const resumed = await cli(['batch', ...batch, '--out', out, '--resume']);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(readFileSync(out).equals(readFileSync(ref))).toBe(true);
  expect(readdirSync(sub).sort()).toEqual(['out', 'ref']); // the checkpoint is gone on success
}

describe('interrupting a batch', () => {
  it('SIGINT during --json: exit 130, checkpoint kept, --resume gives the same bytes', async () => {
    await interruptAndResume('json', ['busan-truce', 'history-2025', '--baseline', 'busan-truce', '--runs', '3000', '--steps', '20', '--seed', '5', '--workers', '2', '--json'], 'SIGINT', 130);
  }, 600_000);

  it('SIGTERM during --csv: exit 143, checkpoint and rows kept, --resume gives the same bytes', async () => {
    await interruptAndResume('csv', ['busan-truce', 'history-2025', '--runs', '2400', '--steps', '20', '--seed', '5', '--workers', '2', '--csv'], 'SIGTERM', 143);
  }, 600_000);

  it('--resume without a checkpoint: one line, exit 2', async () => {
    const r = await cliInProcess(['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--json', '--out', join(dir, 'none.json'), '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tariff-sim: --resume: no checkpoint at .*none\.json\.checkpoint\.json .*\n$/);
  }, 120_000);
});

// Makes every write under a path containing "full-disk" fail as a full disk does (ENOSPC), for the
// fs functions the CLI writes with; syncBuiltinESMExports hands the patches to ESM importers.
const FULL_DISK = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const marked = new Set();
const { openSync, writeSync, writeFileSync } = fs;
fs.openSync = (p, ...rest) => { const fd = openSync(p, ...rest); if (String(p).includes('full-disk')) marked.add(fd); return fd; };
fs.writeSync = (fd, ...rest) => { if (marked.has(fd)) throw full(); return writeSync(fd, ...rest); };
fs.writeFileSync = (p, ...rest) => { if (String(p).includes('full-disk')) throw full(); return writeFileSync(p, ...rest); };
syncBuiltinESMExports();
`;
const fullDisk = ['--import', `data:text/javascript,${encodeURIComponent(FULL_DISK)}`];

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
    const results = await Promise.all(cases.map((args) => cli(args, fullDisk)));
    results.forEach((r, i) => {
      expect(r.code, cases[i].join(' ')).toBe(1);
      expect(r.stderr).toBe(`tariff-sim: ${cases[i][cases[i].length - 1]}: cannot write (the disk is full)\n`);
    });
    expect(readdirSync(full)).toEqual([]);
  }, 180_000);
});
