// Where the shipped data lives: beside src/ (or dist/) in the package.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A path, or the name of a shipped scenario (`busan-truce`). */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const shipped = join(SCENARIOS_DIR, `${nameOrPath.replace(/\.ya?ml$/, '')}.yaml`);
  if (/^[a-z0-9-]+(\.ya?ml)?$/.test(nameOrPath) && existsSync(shipped)) return shipped;
  return nameOrPath;
}

/** A start-state file is named relative to the scenario's folder. */
export function startStatePath(name: string, scenarioFile: string): string {
  return resolve(dirname(scenarioFile), name);
}
