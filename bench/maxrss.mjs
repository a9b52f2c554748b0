// Preloaded into the CLI child by batch.bench.ts: records the process's peak RSS in KB and its CPU
// seconds (worker threads included: they share the process) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  if (process.env.TARIFF_SIM_MAXRSS_FILE) writeFileSync(process.env.TARIFF_SIM_MAXRSS_FILE, `${process.resourceUsage().maxRSS} ${(user + system) / 1e6}`);
});
