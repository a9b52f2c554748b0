// A record a user keeps beside a scenario: read and checked as seeds/record-*.yaml are (the record
// schema, dates in order, a known `source` on every entry), with citations of its own allowed.
// Its errors name its own file and line.

import { existsSync } from 'node:fs';
import { InputError } from './errors.js';
import { type SeedRecord, userRecordSchema } from './schema/seeds.js';
import { checkSources } from './seeds.js';
import { parseYaml, validateWith } from './yamlFile.js';

export function loadUserRecord(file: string, seedsDir: string): SeedRecord {
  if (!existsSync(file)) throw new InputError(file, null, null, 'no such record file (a record beside a scenario is named relative to the scenario file)');
  const src = parseYaml(file);
  const data = validateWith(src, userRecordSchema);
  checkSources(src, seedsDir, [], new Set(Object.keys(data.sources ?? {})));
  return { id: data.id, description: data.description, entries: data.entries };
}
