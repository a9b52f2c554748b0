// The shipped scenarios compiled from the build's table (scenario/shippedScenarios.ts): what `run`
// of a shipped scenario gets without the YAML reader and the schemas must be what load.ts gives,
// and any file the table cannot vouch for must go through load.ts, with its checks and errors.

import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { SCENARIOS_DIR, SEEDS_DIR } from '../src/scenario/paths.js';
import { buildShippedTable, type ShippedTable, shippedScenario, useShippedDir, writeShippedTable } from '../src/scenario/shippedScenarios.js';
import { runScenario } from '../src/sim/run.js';
import { cliInProcess } from './helpers/cli.js';

const names = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const files = names.map((f) => join(SCENARIOS_DIR, f));
const tmp = mkdtempSync(join(tmpdir(), 'tariff-sim-shipped-'));
let built: ShippedTable | null = null;
/** The table as the build makes it, made once (it loads every shipped scenario). */
function table(): ShippedTable {
  return (built ??= buildShippedTable(files, SEEDS_DIR, (file) => loadScenario(file)));
}
/** The table written as the build writes it, and read from there. */
function useTable(): void {
  const dir = join(tmp, 'table');
  writeShippedTable(table(), dir);
  useShippedDir(dir);
}

afterEach(() => useShippedDir(null));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shipped scenarios from the table', () => {
  it('the table holds every shipped scenario (each names only seeds) and every seed file', () => {
    expect(names.length).toBeGreaterThan(10);
    expect(table().scenarios).toHaveLength(names.length);
    expect(Object.keys(table().seeds).sort()).toEqual(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.yaml')).sort());
  });

  it('gives each shipped scenario as load.ts loads it, and the same runs', () => {
    useTable();
    for (const file of files) {
      const fast = shippedScenario(file);
      expect(fast, file).not.toBeNull();
      const slow = loadScenario(file);
      const { deciders: fd, ...fastData } = fast!;
      const { deciders: sd, ...slowData } = slow;
      expect(fastData, file).toEqual(slowData);
      expect(fd.length, file).toBe(sd.length);
      // Deciders are closures: compared by what they do, in the central run and in a drawn one.
      for (const run_index of [null, 7]) {
        const a = runScenario(fast!, { run_index });
        const b = runScenario(slow, { run_index });
        expect(a.rows, file).toEqual(b.rows);
        expect(a.events, file).toEqual(b.events);
      }
    }
  });

  it('serves the same bytes at another path, naming that path', () => {
    useTable();
    const copy = join(tmp, 'my-truce.yaml');
    copyFileSync(join(SCENARIOS_DIR, 'rare-earth-squeeze.yaml'), copy);
    const { deciders: _fd, ...fast } = shippedScenario(copy)!;
    const { deciders: _sd, ...slow } = loadScenario(copy);
    expect(fast.file).toBe(copy);
    expect(fast).toEqual(slow);
  });

  it('vouches for nothing else: one byte more, an edited or missing seed, no table', () => {
    useTable();
    const edited = join(tmp, 'edited.yaml');
    writeFileSync(edited, `${readFileSync(join(SCENARIOS_DIR, 'busan-truce.yaml'), 'utf8')} `);
    expect(shippedScenario(edited)).toBeNull();
    expect(shippedScenario(join(tmp, 'no-such.yaml'))).toBeNull();
    expect(shippedScenario(tmp)).toBeNull();

    const seeds = join(tmp, 'seeds/');
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    const busan = join(SCENARIOS_DIR, 'busan-truce.yaml');
    expect(shippedScenario(busan, seeds)?.source.seeds.dir).toBe(seeds);
    // A seed no shipped scenario reads counts too: the table cannot know what an edit changes.
    appendFileSync(join(seeds, 'magnet-sectors-2024.yaml'), '# edited\n');
    expect(shippedScenario(busan, seeds)).toBeNull();
    copyFileSync(join(SEEDS_DIR, 'magnet-sectors-2024.yaml'), join(seeds, 'magnet-sectors-2024.yaml'));
    rmSync(join(seeds, 'authorities.yaml'));
    expect(shippedScenario(busan, seeds)).toBeNull();

    useShippedDir(null);
    expect(shippedScenario(busan)).toBeNull();
  });

  it('leaves out a scenario that names a file beside it', () => {
    const dir = join(tmp, 'beside');
    cpSync(SCENARIOS_DIR, dir, { recursive: true });
    const record = readFileSync(join(SEEDS_DIR, 'record-301-continuation-2026.yaml'), 'utf8');
    writeFileSync(join(dir, 'since.yaml'), record.replace(/^id: .*$/m, 'id: since'));
    const file = join(dir, 'with-record.yaml');
    writeFileSync(file, readFileSync(join(dir, 'busan-truce.yaml'), 'utf8').replace('record-301-continuation-2026]', 'since.yaml]'));
    expect(loadScenario(file).spec.records).toContain('since.yaml');
    expect(buildShippedTable([file], SEEDS_DIR, (f) => loadScenario(f)).scenarios).toHaveLength(0);
  });

  it('`run` prints the same bytes from the table as from the files', async () => {
    for (const args of [['run', 'busan-truce'], ['run', 'rare-earth-squeeze', '--json', '--run-index', '3']]) {
      useShippedDir(null);
      const slow = await cliInProcess(args);
      useTable();
      const fast = await cliInProcess(args);
      expect(fast.code).toBe(0);
      expect(fast.stderr).toBe('');
      expect(fast.stdout).toBe(slow.stdout);
    }
  });
});
