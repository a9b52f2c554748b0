// The batch and merge commands end to end, as a user runs them: bad flags exit 2 with one line,
// and shards merged by `merge` equal the unsharded batch's JSON byte for byte.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch, summarise } from '../src/batch/index.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { exitCodeFor } from '../src/cli/errors.js';
import { toJson } from '../src/cli/output.js';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// In-process: the same program, streams and exit codes as the command (real processes are kept for
// signals in batch-interrupt.test.ts).
const cli = cliInProcess;

describe('batch flags', () => {
  // Most flags are checked through planBatch; two go through the CLI.
  const bad: [string[], Record<string, string>, RegExp][] = [
    [['busan-truce'], { runs: 'ten' }, /--runs: expected a whole number/],
    [['busan-truce'], { runs: '5', shard: '3/2' }, /--shard: expected k\/n/],
    [['busan-truce'], { runs: '5', sweep: 'no_such_param=1:2:3' }, /--sweep: unknown parameter "no_such_param"/],
    [['busan-truce'], { runs: '5', baseline: 'nope' }, /--baseline: "nope" is not one of/],
    [['busan-truce'], { runs: '5', workers: '0' }, /--workers: must be between 1/],
  ];
  it('rejects bad flags as usage errors (exit 2)', async () => {
    for (const [args, flags, says] of bad) {
      let err: unknown = null;
      try {
        await planBatch(args, flags);
      } catch (e) {
        err = e;
      }
      expect(exitCodeFor(err)).toEqual({ code: 2, message: expect.stringMatching(says) });
    }
  });

  it('answers bad flags on the command line with exit 2 and one line', async () => {
    const cases: [string[], RegExp][] = [
      [['batch', 'busan-truce'], /--runs: required/],
      [['merge', 'package.json'], /not a batch part file/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stdout).toBe('');
    });
  }, 120_000);
});

describe('sharding through the CLI', () => {
  it('merges two shard part files into exactly the unsharded JSON', async () => {
    const common = ['busan-truce', '--runs', '9', '--steps', '6', '--seed', '11', '--workers', '1'];
    const { plan } = await planBatch(['busan-truce'], { runs: '9', steps: '6', seed: '11' });
    const [whole, a, b] = await Promise.all([
      runBatch(plan, { workers: 1 }).then((series) => toJson(summarise(plan, series))),
      cli(['batch', ...common, '--shard', '1/2', '--out', join(dir, 'p1.json')]),
      cli(['batch', ...common, '--shard', '2/2', '--out', join(dir, 'p2.json')]),
    ]);
    for (const r of [a, b]) expect(r.stderr).toMatch(/^tariff-sim: wrote \S+p[12]\.json\n$/);
    const merged = await cli(['merge', join(dir, 'p2.json'), join(dir, 'p1.json'), '--out', join(dir, 'merged.json')]);
    expect(merged.code).toBe(0);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(whole);
    expect(JSON.parse(whole).runs).toBe(9);
  }, 180_000);

  it('writes a shard\'s own rows with --csv: joined in shard order they are the unsharded CSV', async () => {
    const common = ['busan-truce', 'truce-lapses', '--runs', '7', '--steps', '3', '--seed', '5', '--workers', '1', '--csv'];
    const results = await Promise.all([
      cli(['batch', ...common, '--out', join(dir, 'whole.csv')]),
      ...[1, 2, 3].map((k) => cli(['batch', ...common, '--shard', `${k}/3`, '--out', join(dir, `rows-${k}.csv`)])),
    ]);
    // Each names the file it wrote, on stderr, and says nothing else.
    for (const r of results) expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^tariff-sim: wrote \S+\.csv\n$/)]);
    const parts = [1, 2, 3].map((k) => readFileSync(join(dir, `rows-${k}.csv`), 'utf8').split('\n'));
    const header = parts[0][0];
    expect(header).toMatch(/^scenario,run,step,date,us_tariff_on_cn_pct,/);
    // Every part is a CSV of its own: the header, then its runs (7 runs in thirds: 0-1, 2-3, 4-6).
    expect(parts.map((lines) => lines[0])).toEqual([header, header, header]);
    expect(parts.map((lines) => [...new Set(lines.slice(1, -1).map((l) => Number(l.split(',')[1])))])).toEqual([[0, 1], [2, 3], [4, 5, 6]]);
    const joined = [header, ...parts.flatMap((lines) => lines.slice(1, -1))].join('\n') + '\n';
    expect(joined).toBe(readFileSync(join(dir, 'whole.csv'), 'utf8'));
  }, 180_000);
});

describe("the README's batch example", () => {
  it('prints what the README shows for its first batch command, line for line', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Batch runs'));
    const command = /^tariff-sim (batch [^\n#]+?)\s+# comparison table$/m.exec(section)?.[1];
    expect(command).toBe('batch busan-truce truce-lapses rare-earth-squeeze --runs 10000 --baseline busan-truce');
    const excerpt = /The first command prints[^\n]*\n\n```text\n([\s\S]*?)\n```/.exec(section)?.[1];
    const lines = (excerpt ?? '').split('\n').filter((l) => l !== '' && l !== '…');
    expect(lines.length).toBeGreaterThan(10);
    const r = await cli((command as string).split(' '));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const printed = new Set(r.stdout.split('\n'));
    for (const line of lines) expect(printed, line).toContain(line);
  }, 180_000);
});
