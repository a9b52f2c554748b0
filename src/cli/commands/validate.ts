// `tariff-sim validate <file...>`: schema, seeds and a dry run of each file's script.

import { loadScenario } from '../../scenario/load.js';
import { runScenario } from '../../sim/run.js';
import { exitCodeFor } from '../errors.js';
import { checkFinite } from './run.js';
import { io } from '../io.js';

/** Returns the exit code: 0 when every file is valid, else 2 (or 1 for an unexpected failure). */
export function validateCommand(files: string[]): number {
  let code = 0;
  for (const f of files) {
    try {
      const scn = loadScenario(f);
      checkFinite(scn, runScenario(scn));
      io().stdout.write(`${f}: ok (${scn.name}, ${scn.horizon} ${scn.step_unit}s)\n`);
    } catch (e) {
      const r = exitCodeFor(e);
      io().stderr.write(`${r.message}\n`);
      code = Math.max(code, r.code);
    }
  }
  return code;
}
