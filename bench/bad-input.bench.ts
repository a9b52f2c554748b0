// How fast a broken scenario is answered, in process: load, dry run and the one line, for every
// file in test/fixtures/bad (the tests check what the line says; the time is measured here only,
// as a shared machine makes any bound in a test flaky). Target: each answer under 1,000 ms.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFinite } from '../src/cli/commands/run.js';
import { exitCodeFor } from '../src/cli/errors.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';

const BAD = join(import.meta.dirname, '..', 'test', 'fixtures', 'bad');
const TARGET_MS = 1000;

// mathjs (for the first file with rules) would otherwise be charged to the first answer.
loadScenario('rare-earth-squeeze');

function answer(file: string): { ms: number; code: number } {
  const t0 = performance.now();
  let code = 0;
  try {
    const scn = loadScenario(file);
    checkFinite(scn, runScenario(scn));
  } catch (e) {
    code = exitCodeFor(e).code;
  }
  return { ms: performance.now() - t0, code };
}

const times: [string, number][] = [];
for (const f of readdirSync(BAD).sort()) {
  // The best of three: the machines are noisy.
  const runs = [0, 1, 2].map(() => answer(join(BAD, f)));
  if (runs.some((r) => r.code !== 2)) console.log(`  ${f}: exit ${runs[0].code}, expected 2 (see test/bad-input.test.ts)`);
  times.push([f, Math.min(...runs.map((r) => r.ms))]);
}
times.sort((a, b) => b[1] - a[1]);
const over = times.filter(([, ms]) => ms >= TARGET_MS);
console.log(`bad input, ${times.length} files in process: slowest ${times[0][1].toFixed(1)} ms (${times[0][0]}), median ${times[times.length >> 1][1].toFixed(1)} ms`);
console.log(over.length ? `  OVER ${TARGET_MS} ms: ${over.map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`).join(', ')}` : `  all under ${TARGET_MS} ms`);
