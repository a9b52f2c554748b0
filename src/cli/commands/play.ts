// `tariff-sim play [scenario]`: the interactive what-if session (Ink). Needs a terminal.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { createElement } from 'react';
import { UsageError } from '../errors.js';
import { io } from '../io.js';
import { checkSeedFlag, loadScenarioArg } from './run.js';

export interface PlayFlags {
  seed?: string;
}

export const NOT_A_TERMINAL = 'play needs an interactive terminal: run it in a terminal, or use `tariff-sim run <scenario>` for a scripted run';

/** The alternate screen: the session draws there, and quitting gives the shell its screen back. */
const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';

/**
 * The scenario file's `$schema` line, its path made relative to the working directory, where a
 * saved session is written (so editors still find the schema).
 */
export function schemaLineFor(file: string, cwd = process.cwd()): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const m = /^# yaml-language-server: \$schema=(.+)$/m.exec(text.split('\n', 3).join('\n'));
  if (!m) return null;
  const target = m[1].trim();
  if (/^[a-z]+:\/\//i.test(target) || isAbsolute(target)) return m[0];
  return `# yaml-language-server: $schema=${relative(cwd, resolve(dirname(file), target)).split('\\').join('/')}`;
}

export async function playCommand(scenarioArg: string, flags: PlayFlags = {}): Promise<number> {
  if (!process.stdin.isTTY) {
    io().stderr.write(`tariff-sim: ${NOT_A_TERMINAL}\n`);
    return 2;
  }
  const scn = await loadScenarioArg(scenarioArg);
  checkSeedFlag(flags.seed);
  // Ink and React load only here: `run` and `batch` never pay for them.
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../../tui/App.js')]);
  const alt = process.stdout.isTTY === true;
  if (alt) process.stdout.write(ENTER_ALT);
  try {
    // Ctrl+C is the App's: with unsaved work it asks once, as q does.
    const app = render(createElement(App, { scn, seed: flags.seed, schemaLine: schemaLineFor(scn.file) }), { exitOnCtrlC: false });
    await app.waitUntilExit();
  } finally {
    if (alt) process.stdout.write(LEAVE_ALT);
  }
  return 0;
}
