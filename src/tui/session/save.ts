// Saving a session as a scenario file that `tariff-sim run` replays to the same numbers:
// the original file's fields unchanged (rules, strategies and all), the user's moves added to
// its timeline at their steps. No clock time in the content: the same session, the same bytes.

import { stringify } from 'yaml';
import { toCsv } from '../../sim/format.js';
import { METRIC_NAMES } from '../../model/metrics.js';
import { dateOfStep } from '../../model/calendar.js';
import { currentBranch } from './reducer.js';
import { metricsOf } from './history.js';
import type { Session } from './types.js';

export function userTimeline(s: Session): { at: number; why: string; moves: unknown[] }[] {
  const b = currentBranch(s);
  const out: { at: number; why: string; moves: unknown[] }[] = [];
  for (let k = 1; k <= b.cursor; k++) {
    const moves = b.snapshots[k].userMoves;
    if (!moves.length) continue;
    const at = k - 1;
    out.push({ at, why: `your move in play (${dateOfStep(s.scn.start, s.scn.step_unit, at)})`, moves: moves.map((m) => m.move) });
  }
  return out;
}

export function saveScenarioYaml(s: Session): string {
  const spec = s.scn.spec;
  const added = userTimeline(s);
  const b = currentBranch(s);
  const out = {
    ...spec,
    name: `${spec.name}-session`,
    description: `${spec.description} (a play session, branch ${b.id}: ${added.length} step(s) with your moves)`,
    seed: /^-?\d+$/.test(s.seed) ? Number(s.seed) : s.seed,
    timeline: [...spec.timeline, ...added],
  };
  const head = `# Saved by tariff-sim play from ${spec.name}: replay with \`tariff-sim run <this file>\`.\n`;
  return head + stringify(out, { lineWidth: 0 });
}

/** The current branch up to the cursor, one row a step, the same columns as `run --csv`. */
export function exportCsv(s: Session): string {
  const rows = metricsOf(currentBranch(s)).map((m, k) => ({ step: k, date: dateOfStep(s.scn.start, s.scn.step_unit, k), ...m }));
  return toCsv(['step', 'date', ...METRIC_NAMES], rows);
}
