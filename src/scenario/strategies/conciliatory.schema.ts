// The `conciliatory` strategy's parameters in a scenario file. The behaviour, conciliatory.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { capPct, everySteps, floorPct, layer, noise, stepPp } from './params.js';

export const conciliatorySchema = z.strictObject({
  type: z.literal('conciliatory'),
  layer,
  noise,
  step_pp: stepPp.describe('default 5'),
  every_steps: everySteps.describe('default 4'),
  floor_pct: floorPct.describe('default 0'),
  cap_pct: capPct.describe('limits mistaken raises; default 125'),
  patience_steps: z.number().int().min(0).max(520).optional().describe('no concession this many steps after an escalation by the other side; default 4'),
  extend_truces: z.boolean().optional().describe('extend an active truce at its deadline; default true'),
  extend_weeks: z.number().min(1).max(520).optional().describe('length of an extension; default 52'),
});

export type ConciliatoryParams = z.infer<typeof conciliatorySchema>;
