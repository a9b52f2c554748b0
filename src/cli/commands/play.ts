// `tariff-sim play [scenario]`: the interactive what-if session (Ink). Needs a terminal.

import { createElement } from 'react';
import { loadScenario } from '../../scenario/load.js';
import { UsageError } from '../errors.js';
import { io } from '../io.js';
import { checkSeedFlag } from './run.js';

export interface PlayFlags {
  seed?: string;
}

export const NOT_A_TERMINAL = 'play needs an interactive terminal: run it in a terminal, or use `tariff-sim run <scenario>` for a scripted run';

export async function playCommand(scenarioArg: string, flags: PlayFlags = {}): Promise<number> {
  if (!process.stdin.isTTY) {
    io().stderr.write(`tariff-sim: ${NOT_A_TERMINAL}\n`);
    return 2;
  }
  const scn = loadScenario(scenarioArg);
  checkSeedFlag(flags.seed);
  // Ink and React load only here: `run` and `batch` never pay for them.
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../../tui/App.js')]);
  const app = render(createElement(App, { scn, seed: flags.seed }), { exitOnCtrlC: true });
  await app.waitUntilExit();
  return 0;
}
