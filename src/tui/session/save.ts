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

/**
 * What a save would keep of every branch (its moves and where), as one string: empty when there
 * is nothing but the script's own run. Quitting with work unlike the last save's asks first.
 */
export function unsavedWork(s: Session): string {
  if (s.branches.length === 1 && !s.branches[0].snapshots.some((x) => x.userMoves.length)) return '';
  return JSON.stringify(s.branches.map((b) => [b.id, b.parentId, b.forkStep, b.snapshots.map((x) => x.userMoves.length)]));
}

/** The line that points editors at the schema, from a scenario file's text (null if it has none). */
export function schemaLineOf(text: string): string | null {
  return text.split('\n', 3).find((l) => /^# yaml-language-server: \$schema=/.test(l)) ?? null;
}

/** `schemaLine`: the scenario file's `# yaml-language-server: $schema=...` line, kept first. */
export function saveScenarioYaml(s: Session, schemaLine: string | null = null): string {
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
  return (schemaLine ? `${schemaLine}\n` : '') + head + stringify(out, { lineWidth: 0 });
}

/** The current branch up to the cursor, one row a step, the same columns as `run --csv`. */
export function exportCsv(s: Session): string {
  const rows = metricsOf(currentBranch(s)).map((m, k) => ({ step: k, date: dateOfStep(s.scn.start, s.scn.step_unit, k), ...m }));
  return toCsv(['step', 'date', ...METRIC_NAMES], rows);
}
