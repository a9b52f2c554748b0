// Input that used to get through: --sweep values beyond the parameter limits scenario files obey,
// a scenario deleted between its check and its read, a literal U+FFFD in a description (valid
// UTF-8), the start of a run bounded so that dates keep four digits, and the flags' own manners.

import fs, { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { cliInProcess as cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);

describe('--sweep obeys the parameter limits of scenario files', () => {
  it.each([
    ['armington_sigma=-5:1000:3', /^tariff-sim: --sweep: armington_sigma=-5: -5 is outside what the model can use: from 1.1 up to 20\n$/],
    // sigma = 1 divides by zero in the CES price index (paramLimits.ts): refused, not a NaN run.
    ['armington_sigma=1:1:1', /^tariff-sim: --sweep: armington_sigma=1: 1 is outside what the model can use: from 1.1 up to 20\n$/],
    ['retail_pass_through=0:1.5:4', /retail_pass_through=1.5: 1.5 is outside .* from 0 up to 1/],
  ])('%s: one line, exit 2, nothing written', async (sweep, says) => {
    const out = join(dir, `sweep-${sweep.replace(/\W+/g, '-')}.csv`);
    const r = await cli(['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--sweep', sweep, '--csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).filter((f) => f.startsWith('sweep-'))).toEqual([]);
  });

  it('a grid inside the limits still runs', async () => {
    const r = await cli(['batch', 'busan-truce', '--runs', '4', '--steps', '2', '--workers', '1', '--sweep', 'armington_sigma=1.1:20:3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sweep.values).toEqual([1.1, 10.55, 20]);
  });
});

describe('a scenario file is opened once, then checked and read through that handle', () => {
  it('deleted right after its check, it is still read whole (not "internal error: ENOENT")', () => {
    const file = join(dir, 'vanishing.yaml');
    writeFileSync(file, 'name: vanishing\ndescription: "deleted between check and read"\nbaseline: busan-eve-2025-10-30\nhorizon: 4\n');
    // Whatever the loader checks the file with (a stat by path, or by handle), the file is gone after it.
    const { statSync, fstatSync } = fs;
    const gone = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
      const r = f(...a);
      if (fs.existsSync(file)) rmSync(file);
      return r;
    };
    const patched = fs as unknown as Record<string, unknown>;
    patched.statSync = gone(statSync);
    patched.fstatSync = gone(fstatSync);
    syncBuiltinESMExports();
    try {
      const scn = loadScenario(file);
      expect(scn.name).toBe('vanishing');
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      patched.statSync = statSync;
      patched.fstatSync = fstatSync;
      syncBuiltinESMExports();
    }
  });
});

describe('YAML text', () => {
  it('a literal U+FFFD in a description is valid UTF-8 and accepted; bytes that are not UTF-8 are refused', async () => {
    const ok = join(dir, 'replacement-char.yaml');
    writeFileSync(ok, 'name: fffd\ndescription: "a literal \uFFFD is a character like any other"\nbaseline: busan-eve-2025-10-30\nhorizon: 4\n');
    const r = await cli(['validate', ok]);
    expect(r.code, r.stderr).toBe(0);
    const bad = join(dir, 'latin1.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('name: latin\ndescription: "caf'), Buffer.from([0xe9]), Buffer.from('"\nbaseline: busan-eve-2025-10-30\nhorizon: 4\n')]));
    const b = await cli(['validate', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(`${bad}: is not valid UTF-8 text\n`);
  });

  it('the latest start allowed, with the longest horizon, still prints four-digit dates', async () => {
    // 520 monthly steps are steps 0-519: 2100-12-31 plus 519 months (43 years 3 months) is in March 2144.
    const file = join(dir, 'late.yaml');
    writeFileSync(file, 'name: late\ndescription: "the latest start"\nbaseline: busan-eve-2025-10-30\nstep: month\nhorizon: 520\nstart: 2100-12-31\n');
    const r = await cli(['run', file, '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const dates = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    expect(dates).toHaveLength(520);
    expect(dates.every((d) => /^\d{4}-\d{2}/.test(d))).toBe(true);
    expect(dates.at(-1)!.slice(0, 7)).toBe('2144-03');
  });
});

describe('flags', () => {
  it('an unknown flag is one line with the tariff-sim: prefix, exit 2', async () => {
    for (const args of [['run', 'busan-truce', '--sede', '3'], ['batch', 'busan-truce', '--runs', '3', '--wokers', '2'], ['--nope']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^tariff-sim: unknown option '--[a-z]+'.*\(run with --help for usage\)\n$/);
    }
  });

  it('a seed may be text (as in scenario files), but printable, trimmed and at most 100 characters', async () => {
    const abc = await cli(['run', 'busan-truce', '--seed', 'abc', '--json']);
    expect(abc.code, abc.stderr).toBe(0);
    expect(JSON.parse(abc.stdout).seed).toBe('abc');
    const other = await cli(['run', 'busan-truce', '--seed', 'abd', '--json', '--run-index', '3']);
    const again = await cli(['run', 'busan-truce', '--seed', 'abd', '--json', '--run-index', '3']);
    expect(other.stdout).toBe(again.stdout);
    for (const [seed, says] of [
      [' abc', /printable text without spaces at either end/],
      ['a\u0007b', /printable text/],
      ['x'.repeat(101), /at most 100 characters/],
      ['  ', /expected a value/],
    ] as const) {
      for (const command of [['run', 'busan-truce'], ['batch', 'busan-truce', '--runs', '2']]) {
        const r = await cli([...command, '--seed', seed]);
        expect(r.code).toBe(2);
        oneLine(r.stderr);
        expect(r.stderr).toMatch(says);
      }
    }
  });
});
