// Writes dist/parsed-yaml.json (parsedAtBuild.ts) from the shipped seeds and scenarios: run by
// `npm run build`, with the rule conditions of the shipped scenarios. A file or condition with an
// error, or whose data JSON cannot carry exactly, is left out (it is then parsed at load, and its
// error reported there). Then dist/shipped/ (shippedScenarios.ts): each shipped
// scenario loaded with every check, as its source; one that fails to load is left out likewise.

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSED_TABLE_URL, type ParsedTable, tableEntry, useParsedTable } from './parsedAtBuild.js';
import { parseWithMathjs } from './rules/compileRules.js';
import { readYamlText, parseYaml } from './yamlFile.js';
import { loadScenario } from './load.js';
import { SEEDS_DIR } from './paths.js';
import { buildShippedTable, writeShippedTable } from './shippedScenarios.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
useParsedTable(null);
const table: ParsedTable = { files: {}, conditions: {} };
let files = 0;
for (const dir of ['seeds', 'scenarios']) {
  for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(root, dir, name);
    try {
      const text = readYamlText(file);
      const data = parseYaml(file, text).data;
      const entry = tableEntry(text, data);
      if (entry) {
        table.files[entry[0]] = entry[1];
        files++;
      }
      for (const rule of (data as { rules?: { when?: unknown }[] }).rules ?? []) {
        if (typeof rule?.when !== 'string' || Object.hasOwn(table.conditions, rule.when)) continue;
        try {
          const parsed = tableEntry(rule.when, parseWithMathjs(rule.when));
          if (parsed) table.conditions[rule.when] = parsed[1];
        } catch {
          // left to be parsed (and its error reported) at load
        }
      }
    } catch {
      // left to be parsed (and its error reported) at load
    }
  }
}
writeFileSync(PARSED_TABLE_URL, JSON.stringify(table));
console.log(`parsed-yaml.json: ${files} shipped files, ${Object.keys(table.conditions).length} rule conditions`);

const scenarioFiles = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(root, 'scenarios', f));
const shipped = buildShippedTable(scenarioFiles, SEEDS_DIR, (file) => loadScenario(file));
writeShippedTable(shipped);
console.log(`shipped-scenarios.json: ${shipped.scenarios.length} of ${scenarioFiles.length} scenarios, ${Object.keys(shipped.seeds).length} seed files`);
