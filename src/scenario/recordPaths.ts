// A scenario's `records` names seeds/ records (`record-2026`) or files beside the scenario
// (`since-july.yaml`, `records/2027.yaml`): a user's own record of what happened since.

import { dirname, isAbsolute, join } from 'node:path';

/** A record named by its file (ends in .yaml or .yml, or has a folder in it), not a seed name. */
export function isRecordPath(name: string): boolean {
  return /\.ya?ml$/.test(name) || name.includes('/') || name.includes('\\');
}

/** The record file, relative to the scenario file's folder. */
export function recordPath(scenarioFile: string, name: string): string {
  return isAbsolute(name) ? name : join(dirname(scenarioFile), name);
}
