// `npm run bench`: runs every bench/*.bench.ts in name order. Speed lives here, never in tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const f of readdirSync(dir).filter((x) => x.endsWith('.bench.ts')).sort()) {
  console.log(`\n== ${f}`);
  await import(pathToFileURL(dir + f).href);
}
