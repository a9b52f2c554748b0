// The `tit_for_tat` strategy's parameters in a scenario file. The behaviour, titForTat.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { capPct, everySteps, floorPct, layer, noise, stepPp } from './params.js';

export const titForTatSchema = z.strictObject({
  type: z.literal('tit_for_tat'),
  layer,
  noise,
  lag_steps: everySteps.describe('answer this many steps after the other side moved (1: at the first step it shows); default 1'),
  ratio: z.number().min(0).max(10).optional().describe('pp of our layer per pp of change in their average tariff on us; default 1'),
  threshold_pp: z.number().min(0).max(100).optional().describe('smaller tariff changes are ignored; default 1'),
  step_pp: stepPp.describe('answer to an escalation or concession that is not a tariff change; default 10'),
  cap_pct: capPct.describe('default 125'),
  floor_pct: floorPct.describe('default 0'),
});

export type TitForTatParams = z.infer<typeof titForTatSchema>;
