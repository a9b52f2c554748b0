import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_METRICS } from '../src/model/metrics.js';
import { cli as spawnCli, cliInProcess as cli } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'tariff-sim-cli-'));

describe('tariff-sim run', async () => {
  it('prints a readable summary at telling dates when not asked for data', async () => {
    const r = await cli(['run', 'busan-truce']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^busan-truce: The Busan terms/);
    expect(r.stdout).toMatch(/US tariff on CN, %\s+55\.6\s+45\.6/);
    expect(r.stdout).toContain('2025-11-13');
    expect(r.stdout).toMatch(/Events:\n\s+2025-10-30\s+Summit: Busan meeting/);
    // The summary fits 80 columns; piped, the events are printed whole (test/play-why.test.ts).
    for (const line of r.stdout.split('Events:')[0].split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('gives every step as JSON with the metric contract', async () => {
    const r = await cli(['run', 'busan-truce', '--json', '--steps', '10']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: 'busan-truce', seed: '2025', run_index: null });
    expect(out.rows).toHaveLength(10);
    for (const m of ['step', 'date', ...CONTRACT_METRICS]) expect(out.rows[3]).toHaveProperty(m);
    expect(out.events.length).toBeGreaterThan(5);
  });

  it('gives CSV with step, date and the contract metrics first, and identical bytes for identical input', async () => {
    const dir = tmp();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    expect((await cli(['run', 'rare-earth-squeeze', '--csv', '--out', a])).code).toBe(0);
    expect((await cli(['run', 'scenarios/rare-earth-squeeze.yaml', '--csv', '--out', b])).code).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    expect(text.split('\n')[0]).toBe(['step', 'date', ...CONTRACT_METRICS].join(',') + text.split('\n')[0].slice(['step', 'date', ...CONTRACT_METRICS].join(',').length));
    expect(text.split('\n')).toHaveLength(79 + 1);
  });

  it('reproduces a seed and a run index', async () => {
    const a = await cli(['run', 'busan-truce', '--json', '--seed', '9', '--run-index', '12', '--steps', '5']);
    const b = await cli(['run', 'busan-truce', '--json', '--seed', '9', '--run-index', '12', '--steps', '5']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ seed: '9', run_index: 12 });
  });

  it('answers usage mistakes with exit 2 and one line', async () => {
    for (const args of [['run'], ['run', 'busan-truce', '--steps', 'ten'], ['run', 'busan-truce', '--json', '--csv'], ['frobnicate']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await cli(['run', 'busan-truce', '--steps', 'ten'])).stderr).toBe('tariff-sim: --steps: expected a whole number, got "ten"\n');
    // The command itself, as a shell sees it.
    const real = spawnCli(['run', 'busan-truce', '--steps', 'ten']);
    expect([real.code, real.stdout, real.stderr]).toEqual([2, '', 'tariff-sim: --steps: expected a whole number, got "ten"\n']);
  });

  it('answers a broken scenario with exit 2 and one line naming the file, line and field, writing nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'name: broken\ndescription: a broken scenario file\nbaseline: busan-eve-2025-10-30\nhorizon: 10\ntimeline:\n  - at: 1\n    moves:\n      - { actor: us, type: set_tariff, layer: us_ieepa_fentanyl, rate_pct: -5 }\n');
    const out = join(dir, 'out.csv');
    const r = await cli(['run', file, '--csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tariff-sim: ${file}:8: timeline[0].moves[0].rate_pct: Too small: expected number to be >=0\n`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the line of a move the model rejects when the script runs', async () => {
    const dir = tmp();
    const file = join(dir, 'illegal.yaml');
    writeFileSync(file, 'name: illegal\ndescription: lowers a layer below zero\nbaseline: busan-eve-2025-10-30\nhorizon: 10\ntimeline:\n  - at: 2025-11-20\n    moves:\n      - { actor: us, type: lower_tariff, layer: us_ieepa_fentanyl, by_pp: 50 }\n');
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}:8: timeline[0].moves[0].rate_pct: at step 3 (2025-11-20): would take us_ieepa_fentanyl below zero (-30)\n`);
  });
});

describe('tariff-sim list, validate, start', async () => {
  it('lists the shipped scenarios with their descriptions', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^busan-truce\s+The Busan terms/m);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(6);
  });

  it('validates every shipped scenario', async () => {
    const r = await cli(['validate', 'scenarios/busan-truce.yaml', 'scenarios/history-2025.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('scenarios/busan-truce.yaml: ok (busan-truce, 78 weeks)\nscenarios/history-2025.yaml: ok (history-2025, 52 weeks)\n');
  });

  it('start without a terminal prints the outcome of the scenario that starts today and exits 0 (a real process)', () => {
    const r = spawnCli(['start']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^today:/);
  });
});

describe('tariff-sim run, unknown names', async () => {
  it('points to `list` when a name is neither a file nor a shipped scenario', async () => {
    const r = await cli(['run', 'busan-truse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tariff-sim: busan-truse: no such file, and no shipped scenario of that name (see `tariff-sim list`)\n');
  });
});
