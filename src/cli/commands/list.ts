// `tariff-sim list`: the shipped scenarios with their one-line descriptions.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS_DIR } from '../../scenario/paths.js';
import { loadScenario } from '../../scenario/load.js';
import { io } from '../io.js';

export function shippedScenarios(): { name: string; file: string; description: string }[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const scn = loadScenario(join(SCENARIOS_DIR, f));
      return { name: scn.name, file: join('scenarios', f), description: scn.description };
    });
}

export function listCommand(): void {
  const list = shippedScenarios();
  const w = Math.max(...list.map((s) => s.name.length));
  for (const s of list) io().stdout.write(`${s.name.padEnd(w)}  ${s.description}\n`);
}
