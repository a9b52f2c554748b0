// Preloaded into the CLI child by batch.bench.ts: records the process's peak RSS (worker threads
// included: they share the process) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.TARIFF_SIM_MAXRSS_FILE) writeFileSync(process.env.TARIFF_SIM_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
