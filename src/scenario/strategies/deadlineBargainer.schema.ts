// The `deadline_bargainer` strategy's parameters in a scenario file. The behaviour, deadlineBargainer.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
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
  step_pp: stepPp.describe('a mistaken escalation raises the layer by this; default 10'),
  cap_pct: capPct.describe('default 125'),
});

export type DeadlineBargainerParams = z.infer<typeof deadlineBargainerSchema>;
