// The engine (src/engine/) runs the model fast: remembered regimes, lookups and move outcomes, and
// quiet stretches in one go. What it gives must be the model's own: each shipped scenario run through
// it (runScenario) equals the same run stepped one step at a time through the model's step(), which
// works everything out afresh. Random move sequences: test/properties.test.ts.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { step } from '../src/model/step.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { SCENARIOS_DIR } from '../src/scenario/paths.js';
import { stepByStep } from './helpers/stepByStep.js';

describe("the engine gives the model's step() (src/engine/step.ts)", () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));

  it('ships scenarios to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s: runScenario equals the model step() step by step, central and drawn runs', (file) => {
    const scn = loadScenario(`${SCENARIOS_DIR}${file}`);
    for (const runIndex of [null, 3]) {
      const fast = runScenario(scn, { run_index: runIndex });
      const reference = stepByStep(scn, { run_index: runIndex, stepWith: step });
      // Byte for byte: the JSON a user gets.
      expect(JSON.stringify(fast.rows)).toBe(JSON.stringify(reference.rows));
      expect(fast.events).toEqual(reference.events);
      expect(fast.final).toEqual(reference.final);
    }
  });
});
