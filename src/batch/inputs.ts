// What a batch's bytes depend on besides its plan: the program's version, and the content of every
// file it reads (its scenario files and the seed files beside them). A resume or a merge across a
// change to any of them would mix two different batches' runs, so they are part of its identity.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isRecordPath, recordPath } from '../scenario/recordPaths.js';
import { startStatePath } from '../scenario/paths.js';
import type { ScenarioSource } from '../scenario/compile.js';
import type { BatchInputs } from './checkpointSchema.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The seed files a scenario may read: every YAML file in its seeds folder, sorted. */
export function seedFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The files a scenario reads beside itself: its records kept as files, and its start-state file. */
export function filesBeside(source: Pick<ScenarioSource, 'file' | 'spec'>): string[] {
  const files = (source.spec.records ?? []).filter(isRecordPath).map((r) => recordPath(source.file, r));
  if (typeof source.spec.start_state === 'string') files.push(startStatePath(source.spec.start_state, source.file));
  return files;
}

/**
 * Labels are what a message names and are the same on every machine: `scenario NAME (FILE)` and
 * `seeds/FILE` (a scenario's location may differ between the machines that compute a batch's shards).
 */
export function batchInputs(scenarios: { name: string; file: string; beside?: string[] }[], seedDirs: string[]): BatchInputs {
  const files: Record<string, string> = {};
  for (const s of scenarios) {
    files[`scenario ${s.name} (${basename(s.file)})`] = sha256(readFileSync(s.file));
    for (const f of s.beside ?? []) files[`scenario ${s.name}: ${basename(f)}`] = sha256(readFileSync(f));
  }
  for (const dir of new Set(seedDirs)) for (const f of seedFilesIn(dir)) files[`${basename(dir)}/${basename(f)}`] = sha256(readFileSync(f));
  return { version: pkg.version, files };
}
