// The `grim_trigger` strategy's parameters in a scenario file. The behaviour, grimTrigger.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { capPct, everySteps, layer, noise, stepPp } from './params.js';

export const grimTriggerSchema = z.strictObject({
  type: z.literal('grim_trigger'),
  layer,
  noise,
  tolerated_escalations: z.number().int().min(0).max(1000).optional().describe("escalations by the other side it lets pass; default 0"),
  punish_pp: stepPp.describe('default 25'),
  every_steps: everySteps.describe('steps between punishments; default 4'),
  cap_pct: capPct.describe('default 125'),
});

export type GrimTriggerParams = z.infer<typeof grimTriggerSchema>;
