// What a command writes never destroys or mixes up data: one batch at a time on an --out (a lock
// naming the holder's pid), never onto a device, pipe or directory, never onto the command's own
// inputs, never two outputs on one file, every output path checked before the first run, and an
// interrupted batch's checkpoint never silently discarded. In-process, except where a second
// process is the point (the lock).

import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, ROOT } from './helpers/cli.js';
import { holdArgs, untilStopped } from './helpers/holdBatch.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sub = (name: string) => {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
};
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);

describe('one batch at a time on an --out', () => {
  it('refuses a second batch on the same --out at once, naming the holder\'s pid; the first finishes intact', async () => {
    const d = sub('lock');
    const out = join(d, 'X.json');
    const args = ['batch', 'busan-truce', '--runs', '600', '--steps', '3', '--workers', '1', '--json'];
    // The first batch holds still once it has taken the lock and written its first checkpoint, before
    // any run (helpers/holdBatch.ts): the second comes while the first is surely writing.
    const child = spawn(process.execPath, [...holdArgs('start'), '--import', 'tsx', 'src/cli/main.ts', ...args, '--seed', '1', '--out', out], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let childErr = '';
    child.stderr.on('data', (b) => (childErr += b));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    expect(await untilStopped(child, exited), `the first batch ended before it was held: ${childErr}`).toBe(true);
    expect(existsSync(`${out}.lock`)).toBe(true);

    let second;
    try {
      second = await cli([...args, '--seed', '2', '--out', out]);
    } finally {
      child.kill('SIGCONT');
    }
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`tariff-sim: --out ${out}: another batch (pid ${child.pid}) is writing it; wait for it to end, or choose another --out\n`);

    expect(await exited, childErr).toBe(0);
    const reference = await cli([...args, '--seed', '1']);
    expect(readFileSync(out, 'utf8') === reference.stdout, 'the first batch\'s output is its own rows only').toBe(true);
    expect(readdirSync(d)).toEqual(['X.json']); // lock and checkpoint gone
  }, 300_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    const d = sub('stale');
    const out = join(d, 's.json');
    writeFileSync(`${out}.lock`, '999999999\n');
    const r = await cli(['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--workers', '1', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(d)).toEqual(['s.json']);
  }, 120_000);
});

describe('outputs that are not regular files', () => {
  it('refuses a character device, a FIFO and a directory, before any run, and leaves them as they were', async () => {
    const d = sub('special');
    const fifo = join(d, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const targets: [string, RegExp][] = [
      [fifo, /is a FIFO \(named pipe\); output is only written to a regular file/],
      [join(d, 'adir'), /is a directory; output is only written to a regular file/],
      [`${join(d, 'adir')}/`, /is a directory; give a file name/],
    ];
    mkdirSync(join(d, 'adir'));
    // A copy of /dev/null (1, 3), where the system allows making one: --out must not replace it.
    const dev = join(d, 'null-copy');
    try {
      execFileSync('mknod', [dev, 'c', '1', '3'], { stdio: 'ignore' });
      targets.push([dev, /is a character device; output is only written to a regular file/]);
    } catch {
      // no mknod here (not root): the FIFO and the directory still cover the check
    }
    for (const [target, says] of targets) {
      for (const args of [
        ['run', 'busan-truce', '--json', '--out', target],
        ['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--json', '--out', target],
        ['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--report', target],
      ]) {
        const r = await cli(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        oneLine(r.stderr);
        expect(r.stderr).toMatch(says);
      }
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
    if (existsSync(dev)) expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(join(d, 'adir'))).toEqual([]);
    expect(readdirSync(d).filter((f) => f.includes('checkpoint') || f.includes('lock'))).toEqual([]);
  }, 120_000);
});

describe('outputs that are the command\'s own inputs', () => {
  it('refuses to write over the scenario, a part, or one output twice', async () => {
    const d = sub('inputs');
    const scenario = join(d, 'my.yaml');
    copyFileSync(join(ROOT, 'scenarios/busan-truce.yaml'), scenario);
    const before = readFileSync(scenario, 'utf8');
    const partArgs = ['batch', 'busan-truce', '--runs', '6', '--steps', '2', '--workers', '1'];
    for (const k of [1, 2]) expect((await cli([...partArgs, '--shard', `${k}/2`, '--out', join(d, `p${k}.json`)])).code).toBe(0);
    const part1 = readFileSync(join(d, 'p1.json'), 'utf8');
    const cases: [string[], RegExp][] = [
      [['batch', scenario, '--runs', '4', '--steps', '2', '--json', '--out', scenario], /--out .*my\.yaml: is a scenario file this command reads/],
      [['batch', scenario, '--runs', '4', '--steps', '2', '--report', scenario], /--report .*my\.yaml: is a scenario file this command reads/],
      [['run', scenario, '--out', scenario], /--out .*my\.yaml: is the scenario file this command reads/],
      [['run', 'busan-truce', '--out', join(ROOT, 'seeds/parameters.yaml')], /parameters\.yaml: is a seed file this command reads/],
      [['merge', join(d, 'p1.json'), join(d, 'p2.json'), '--out', join(d, 'p1.json')], /--out .*p1\.json: is a part file this command reads/],
      [['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--json', '--out', join(d, 'same'), '--report', join(d, 'same')], /--report .*same: is also given to --out; each output needs its own file/],
      [['merge', join(d, 'p1.json'), join(d, 'p2.json'), '--out', join(d, 'same2'), '--report', join(d, '.', 'same2')], /is also given to --out/],
    ];
    for (const [args, says] of cases) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(says);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(before);
    expect(readFileSync(join(d, 'p1.json'), 'utf8')).toBe(part1);
    expect(readdirSync(d).sort()).toEqual(['my.yaml', 'p1.json', 'p2.json']);
  }, 120_000);
});

describe('every output path checked before the first run', () => {
  it('a --report or --out that cannot be written fails before any run, leaving no checkpoint', async () => {
    const d = sub('early');
    writeFileSync(join(d, 'a-file'), '');
    const out = join(d, 'summary.json');
    const cases = [
      ['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--json', '--out', out, '--report', join(d, 'a-file', 'r.html')],
      ['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--json', '--out', out, '--report', join(d, 'missing', 'r.html')],
      ['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--csv', '--out', join(d, 'missing', 'x.csv')],
    ];
    for (const args of cases) {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toBe(`tariff-sim: ${args[args.length - 1]}: cannot write (no such directory)\n`);
    }
    expect(readdirSync(d)).toEqual(['a-file']);
  }, 120_000);
});

describe('an interrupted batch is not silently discarded', () => {
  it('refuses to start over a checkpoint without --resume, and says to add --resume or --fresh', async () => {
    const d = sub('interrupted');
    const out = join(d, 'runs.json');
    const args = ['batch', 'busan-truce', '--runs', '40', '--steps', '3', '--workers', '1', '--json', '--out', out];
    const whole = await cli(args);
    expect(whole.code, whole.stderr).toBe(0);
    const reference = readFileSync(out, 'utf8');
    rmSync(out);
    // What an interruption leaves: the checkpoint of its first chunk (written as a real one is).
    writeFileSync(`${out}.checkpoint.json`, JSON.stringify({ format: 'tariff-sim-batch-checkpoint/1', batch: 'x', range: { start: 0, end: 40 }, runs_end: 12, csv_bytes: null, series: [] }));
    const again = await cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`tariff-sim: --out ${out}: ${out}.checkpoint.json holds an interrupted batch (12 runs done); add --resume to finish it, or --fresh to discard it and start again\n`);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(true);
    expect((await cli([...args, '--resume', '--fresh'])).code).toBe(2);
    const fresh = await cli([...args, '--fresh']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    expect(readdirSync(d)).toEqual(['runs.json']);
  }, 120_000);
});
