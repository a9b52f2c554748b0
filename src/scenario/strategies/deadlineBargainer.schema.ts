// The `deadline_bargainer` strategy's parameters in a scenario file. The behaviour, deadlineBargainer.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { METRIC_NAMES } from '../../model/metrics.js';
import { id } from '../schema/common.js';
import { capPct, layer, noise, stepPp } from './params.js';

export const deadlineBargainerSchema = z.strictObject({
  type: z.literal('deadline_bargainer'),
  layer,
  noise,
  agreement: id.optional().describe('the agreement it watches; default the active truce due first'),
  decide_steps_before: z.number().int().min(0).max(52).optional().describe('decides this many steps before the deadline (0: at the deadline); default 0'),
  max_escalation_index: z.number().min(0).max(100).optional().describe('extends while the escalation index is at most this; default 60'),
  extend_weeks: z.number().min(1).max(520).optional().describe('length of an extension; default 52'),
  weigh: z
    .enum(['tension', 'ledger', 'both'])
    .optional()
    .describe("what it weighs: tension (max_escalation_index), the ledger (min_cost_share), or both (extends only if both say so); default tension"),
  min_cost_share: z.number().min(0).max(1).optional().describe("with the ledger: extends while its own share of the two sides' costs is at least this (it bears the pain), lets it lapse below (it holds the leverage); default 0.5"),
  cost_metric: z.enum(METRIC_NAMES).optional().describe('its own cost with the ledger; default us_economic_cost_bn (US), cn_economic_cost_bn (China)'),
  other_cost_metric: z.enum(METRIC_NAMES).optional().describe("the other side's cost with the ledger; default the other side's economic cost"),
  step_pp: stepPp.describe('a mistaken escalation raises the layer by this; default 10'),
  cap_pct: capPct.describe('default 125'),
});

export type DeadlineBargainerParams = z.infer<typeof deadlineBargainerSchema>;
