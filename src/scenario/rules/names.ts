// The names a rule condition may read: the previous step's metrics, a few facts of the current
// state, and the run's parameters. Each has a fixed slot in a flat Float64Array, so a compiled
// condition reads numbers by index and never looks anything up by string at run time.

import { weeksPerStep } from '../../model/calendar.js';
import { METRIC_NAMES, type MetricName } from '../../model/metrics.js';
import { PARAM_NAMES, type ParamName } from '../../model/params.js';
import type { State } from '../../model/types.js';

/** Facts of the state at the start of the step (before this step's moves), with what they mean. */
export const STATE_NAMES = {
  step: 'the step being decided (0 is the start)',
  steps_to_deadline: 'steps until the nearest deadline of an active truce (Infinity when none)',
  weeks_to_deadline: 'the same in weeks',
  us_escalations: 'moves by the US that raised tension since the start of the run',
  cn_escalations: 'moves by China that raised tension since the start of the run',
  us_concessions: 'moves by the US that lowered tension since the start of the run',
  cn_concessions: 'moves by China that lowered tension since the start of the run',
  steps_since_us_escalation: 'steps since the last US escalation (Infinity when none)',
  steps_since_cn_escalation: "steps since China's last escalation (Infinity when none)",
  steps_since_us_concession: 'steps since the last US concession (Infinity when none)',
  steps_since_cn_concession: "steps since China's last concession (Infinity when none)",
  us_threat_pp: 'the largest tariff the US threatens but has not imposed, pp (0 when none)',
  cn_threat_pp: 'the largest tariff China threatens but has not imposed, pp (0 when none)',
  soybean_boycott: '1 while state buyers boycott US soybeans, else 0',
  us_port_fees: '1 while US port fees are in force, else 0',
  cn_port_fees: "1 while China's port fees are in force, else 0",
  us_breaches: 'truces the US breached since the start of the run',
  cn_breaches: 'truces China breached since the start of the run',
  steps_since_us_breach: 'steps since the US last breached a truce (Infinity when never)',
  steps_since_cn_breach: 'steps since China last breached a truce (Infinity when never)',
} as const;

export type StateName = keyof typeof STATE_NAMES;
export const STATE_NAME_LIST = Object.keys(STATE_NAMES) as StateName[];

/** Every name in scope, in slot order: metrics, then state facts, then parameters. */
export const RULE_NAMES: readonly string[] = [...METRIC_NAMES, ...STATE_NAME_LIST, ...PARAM_NAMES];
export const SLOT: ReadonlyMap<string, number> = new Map(RULE_NAMES.map((n, i) => [n, i]));
export const METRIC_SLOTS = METRIC_NAMES.length;
export const PARAM_BASE = METRIC_NAMES.length + STATE_NAME_LIST.length;

export function isMetricSlot(slot: number): boolean {
  return slot < METRIC_SLOTS;
}
export function isParamSlot(slot: number): boolean {
  return slot >= PARAM_BASE;
}
export function metricAt(slot: number): MetricName {
  return METRIC_NAMES[slot];
}
export function paramAt(slot: number): ParamName {
  return PARAM_NAMES[slot - PARAM_BASE];
}

function nearestTruceDeadline(s: State): number {
  let best = Infinity;
  for (const a of s.agreements) if (a.active && a.is_truce && a.expires_step !== null && a.expires_step < best) best = a.expires_step;
  return best;
}

function maxThreat(layers: State['us_layers']): number {
  let m = 0;
  for (const l of layers) if (l.threatened_pct > m) m = l.threatened_pct;
  return m;
}

const since = (step: number, last: number | null): number => (last === null ? Infinity : step - last);

/** How each state fact is read. */
export const STATE_GETTERS: Record<StateName, (s: State) => number> = {
  step: (s) => s.step,
  steps_to_deadline: (s) => nearestTruceDeadline(s) - s.step,
  weeks_to_deadline: (s) => (nearestTruceDeadline(s) - s.step) * weeksPerStep(s.step_unit),
  us_escalations: (s) => s.record.us.escalations,
  cn_escalations: (s) => s.record.cn.escalations,
  us_concessions: (s) => s.record.us.concessions,
  cn_concessions: (s) => s.record.cn.concessions,
  steps_since_us_escalation: (s) => since(s.step, s.record.us.last_escalation_step),
  steps_since_cn_escalation: (s) => since(s.step, s.record.cn.last_escalation_step),
  steps_since_us_concession: (s) => since(s.step, s.record.us.last_concession_step),
  steps_since_cn_concession: (s) => since(s.step, s.record.cn.last_concession_step),
  us_threat_pp: (s) => maxThreat(s.us_layers),
  cn_threat_pp: (s) => maxThreat(s.cn_layers),
  soybean_boycott: (s) => (s.soybeans.boycott ? 1 : 0),
  us_port_fees: (s) => (s.us_port_fees ? 1 : 0),
  cn_port_fees: (s) => (s.cn_port_fees ? 1 : 0),
  us_breaches: (s) => s.record.us.breaches,
  cn_breaches: (s) => s.record.cn.breaches,
  steps_since_us_breach: (s) => since(s.step, s.record.us.last_breach_step),
  steps_since_cn_breach: (s) => since(s.step, s.record.cn.last_breach_step),
};

/**
 * The names that do not change while the measures in force stay put (no move, no deadline): the
 * metrics the measures set, the record of moves, threats, boycott and fees, and the parameters.
 * Tension, trade, stocks and anything counted in steps move every step. A rule that reads only
 * these cannot start to hold in a quiet stretch (see sandbox.ts stays_false).
 */
const FIXED_METRICS: readonly MetricName[] = [
  'us_tariff_on_cn_pct',
  'cn_tariff_on_us_pct',
  'rare_earth_curb',
  'truce_active',
  'cn_soybean_tariff_pct',
  'soybean_commitment_mmt',
  'us_tariff_on_others_pct',
  'us_tech_restriction',
  'precursor_cooperation',
];
const FIXED_STATE: readonly StateName[] = ['us_escalations', 'cn_escalations', 'us_concessions', 'cn_concessions', 'us_threat_pp', 'cn_threat_pp', 'soybean_boycott', 'us_port_fees', 'cn_port_fees', 'us_breaches', 'cn_breaches'];
const FIXED_SLOTS: ReadonlySet<number> = new Set([...FIXED_METRICS, ...FIXED_STATE].map((n) => SLOT.get(n) as number));

export function fixedWhileMeasures(slot: number): boolean {
  return isParamSlot(slot) || FIXED_SLOTS.has(slot);
}
