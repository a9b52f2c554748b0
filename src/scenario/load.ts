// Loading a scenario file: read, parse, validate against the schema, compile.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileScenario, type Scenario } from './compile.js';
import { InputError } from './errors.js';
import { SCENARIOS_DIR, SEEDS_DIR } from './paths.js';
import { scenarioSchema } from './schema/scenario.js';
import { lineOf, parseYaml, validateWith } from './yamlFile.js';

/** A path, or the name of a shipped scenario (`busan-truce`). */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const shipped = join(SCENARIOS_DIR, `${nameOrPath.replace(/\.ya?ml$/, '')}.yaml`);
  if (/^[a-z0-9-]+(\.ya?ml)?$/.test(nameOrPath) && existsSync(shipped)) return shipped;
  return nameOrPath;
}

export function loadScenario(nameOrPath: string, seedsDir = SEEDS_DIR): Scenario {
  const file = resolveScenarioPath(nameOrPath);
  const src = parseYaml(file);
  const spec = validateWith(src, scenarioSchema);
  return compileScenario(file, spec, (path) => lineOf(src, path), seedsDir);
}

/** The line of a field in a file, found again when an error needs it (the error path only). */
export function lineInFile(file: string, path: (string | number)[]): number | null {
  try {
    return lineOf(parseYaml(file), path);
  } catch {
    return null;
  }
}

export { InputError };
