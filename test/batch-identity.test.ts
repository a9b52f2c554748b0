// A batch is identified by everything that decides its bytes (scenario files, every seed file, the
// flags, the version): a --resume or a merge across a change to any of them is refused, naming what
// changed. Checkpoints and part files are input like any other: checked, one line, exit 2.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, ROOT } from './helpers/cli.js';
import { HOLD_ENV, holdArgs, untilStopped } from './helpers/holdBatch.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-identity-'));
/** A copy of the program with its own seeds/, so that a test can edit a seed file. */
const pkg = join(dir, 'pkg');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  for (const f of ['src', 'seeds', 'scenarios', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
});

function start(args: string[], preload: string[] = [], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [...preload, '--import', 'tsx', join(pkg, 'src/cli/main.ts'), ...args], { cwd: pkg, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.resume();
  return { child, exit: new Promise((done) => child.on('close', (code) => done({ code, stderr }))) };
}

/** Starts a batch of the copy and stops it with Ctrl-C once its checkpoint holds some runs (held there: helpers/holdBatch.ts). */
async function interrupted(args: string[], out: string): Promise<void> {
  const run = start([...args, '--out', out], holdArgs('runs'), HOLD_ENV);
  expect(await untilStopped(run.child, run.exit), 'the batch ended before it was held at its first checkpointed chunk').toBe(true);
  run.child.kill('SIGINT');
  run.child.kill('SIGCONT');
  const r = await run.exit;
  expect(r.code, r.stderr).toBe(130);
}

const editSeed = () => {
  const file = join(pkg, 'seeds/parameters.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('armington_sigma: { central: 2.5,', 'armington_sigma: { central: 2.6,'));
};
const restoreSeed = () => cpSync(join(ROOT, 'seeds/parameters.yaml'), join(pkg, 'seeds/parameters.yaml'));

const BATCH = ['batch', 'busan-truce', '--runs', '2000', '--steps', '4', '--seed', '3', '--workers', '1'];
let checkpoint = '';

describe('a seed file changed under a batch', () => {
  it('--resume after a seed file changed is refused with a line naming the file', async () => {
    const out = join(dir, 'runs.csv');
    await interrupted([...BATCH, '--csv'], out);
    checkpoint = readFileSync(`${out}.checkpoint.json`, 'utf8');
    editSeed();
    try {
      const r = await start([...BATCH, '--csv', '--out', out, '--resume']).exit;
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tariff-sim: --resume: seeds\/parameters\.yaml has changed since .*runs\.csv\.checkpoint\.json was written .*--fresh\n$/);
    } finally {
      restoreSeed();
    }
    // Put back, the same batch resumes.
    const again = await cli([...BATCH, '--csv', '--out', out, '--resume']); // this process: same files, same batch
    expect(again.code, again.stderr).toBe(0);
  }, 300_000);

  it('merge refuses a part computed after a seed file changed, naming the file', async () => {
    const parts = ['batch', 'busan-truce', '--runs', '10', '--steps', '3', '--workers', '1'];
    expect((await cli([...parts, '--shard', '1/2', '--out', join(dir, 'p1.json')])).code).toBe(0); // this process: same files as the copy
    editSeed();
    try {
      expect((await start([...parts, '--shard', '2/2', '--out', join(dir, 'p2.json')]).exit).code).toBe(0);
    } finally {
      restoreSeed();
    }
    const r = await cli(['merge', join(dir, 'p1.json'), join(dir, 'p2.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tariff-sim: ${join(dir, 'p2.json')}: not the same batch as ${join(dir, 'p1.json')}: seeds/parameters.yaml differs\n`);
    expect(r.stdout).toBe('');
  }, 300_000);
});

describe('checkpoints are checked like any other input', () => {
  // The checkpoint of the interrupted CSV batch above, edited as a user or a damaged disk might.
  const tamper: [string, (cp: Record<string, any>) => void, RegExp][] = [
    ['runs_end raised', (cp) => (cp.runs_end = cp.runs_end + 100), /series\[0\]\.runs: \d+, but the file holds \d+ runs/],
    ['runs_end beyond the batch', (cp) => (cp.runs_end = 999_999), /runs_end: 999999 is outside the batch's runs 0-2000/],
    ['a sum that is not a number', (cp) => (cp.series[0].sums[0] = 'abc'), /series\[0\]\.sums\[0\]: expected a whole number/],
    ['a missing minimum', (cp) => (cp.series[0].min[3] = null), /series\[0\]\.min\[3\]\/max\[3\]: no value seen/],
    ['a count not a number', (cp) => (cp.series[0].counts[1] = 'x'), /series\[0\]\.counts\[1\]: .*number/],
    ['no series', (cp) => (cp.series = []), /series: 0 series, but the batch has 1/],
  ];
  it.each(tamper)('%s: one line, exit 2', async (_what, edit, says) => {
    expect(checkpoint).not.toBe('');
    const out = join(dir, `t-${_what.replace(/\W+/g, '-')}.csv`);
    const cp = JSON.parse(checkpoint);
    edit(cp);
    writeFileSync(`${out}.checkpoint.json`, JSON.stringify(cp));
    writeFileSync(`${out}.checkpoint.rows`, 'x'.repeat(cp.csv_bytes ?? 0));
    const r = await cli([...BATCH, '--csv', '--out', out, '--resume']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 120_000);
});

describe('part files are checked like any other input', () => {
  const parts = ['batch', 'busan-truce', '--runs', '10', '--steps', '3', '--workers', '1'];
  let p1 = '';
  let p2 = '';
  beforeAll(async () => {
    for (const k of [1, 2]) expect((await cli([...parts, '--shard', `${k}/2`, '--out', join(dir, `q${k}.json`)])).code).toBe(0);
    p1 = readFileSync(join(dir, 'q1.json'), 'utf8');
    p2 = join(dir, 'q2.json');
  }, 120_000);

  const tamper: [string, (p: Record<string, any>) => void, RegExp][] = [
    ['a billion runs', (p) => (p.series[0].runs = 1e9), /series\[0\]\.runs: 1000000000, but the file holds 5 runs/],
    ['a sum of "abc"', (p) => (p.series[0].sums[0] = 'abc'), /series\[0\]\.sums\[0\]: expected a whole number/],
    ['min: null', (p) => (p.series[0].min[0] = null), /series\[0\]\.min\[0\]\/max\[0\]: no value seen/],
    ['a shard that is not its runs', (p) => (p.shard.end = 7), /shard: runs 0-7, but shard 1\/2 of 10 runs is 0-5/],
    ['a plan of a thousand steps', (p) => (p.plan.arms[0].steps = 1000), /plan\.arms\[0\]\.steps: .*520/],
    ['an unknown field', (p) => (p.extra = 1), /: extra: unknown field/],
  ];
  it.each(tamper)('%s: one line, exit 2', async (what, edit, says) => {
    const file = join(dir, `bad-${what.replace(/\W+/g, '-')}.json`);
    const p = JSON.parse(p1);
    edit(p);
    writeFileSync(file, JSON.stringify(p));
    const r = await cli(['merge', file, p2]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^tariff-sim: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(r.stderr).toMatch(says);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('merge reads only regular files, within a size limit: /dev/zero and a FIFO are refused at once', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const file of ['/dev/zero', fifo]) {
      const r = await cli(['merge', file, p2]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`tariff-sim: ${file}: is not a regular file\n`);
    }
  });
});
