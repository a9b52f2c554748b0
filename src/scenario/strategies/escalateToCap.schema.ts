// The `escalate_to_cap` strategy's parameters in a scenario file. The behaviour, escalateToCap.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { when } from '../schema/common.js';
import { capPct, everySteps, layer, noise, stepPp } from './params.js';

export const escalateToCapSchema = z.strictObject({
  type: z.literal('escalate_to_cap'),
  layer,
  noise,
  step_pp: stepPp.describe('default 10'),
  every_steps: everySteps.describe('default 4'),
  cap_pct: capPct.describe('default 100'),
  start: when.optional().describe('step or date of the first raise; default step 1'),
});

export type EscalateToCapParams = z.infer<typeof escalateToCapSchema>;
