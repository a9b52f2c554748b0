// Writes dist/parsed-yaml.json (parsedAtBuild.ts) from the shipped seeds and scenarios: run by
// `npm run build`. A file with an error, or whose data JSON cannot carry exactly, is left out (it
// is then parsed at load, and its error reported there).

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSED_TABLE_URL, type ParsedTable, tableEntry, useParsedTable } from './parsedAtBuild.js';
import { readYamlText, parseYaml } from './yamlFile.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
useParsedTable(null);
const table: ParsedTable = {};
let files = 0;
for (const dir of ['seeds', 'scenarios']) {
  for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(root, dir, name);
    try {
      const text = readYamlText(file);
      const entry = tableEntry(text, parseYaml(file, text).data);
      if (entry) {
        table[entry[0]] = entry[1];
        files++;
      }
    } catch {
      // left to be parsed (and its error reported) at load
    }
  }
}
writeFileSync(PARSED_TABLE_URL, JSON.stringify(table));
console.log(`parsed-yaml.json: ${files} shipped files`);
