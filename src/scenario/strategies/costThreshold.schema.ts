// The `cost_threshold` strategy's parameters in a scenario file. The behaviour, costThreshold.ts,
// imports only types from here, so deciders are built without loading zod.

import { z } from 'zod';
import { METRIC_NAMES } from '../../model/metrics.js';
import { moveSchema } from '../schema/moves.js';
import { capPct, everySteps, layer, noise, stepPp } from './params.js';

const metric = z.enum(METRIC_NAMES);

export const costThresholdSchema = z.strictObject({
  type: z.literal('cost_threshold'),
  layer,
  noise,
  cost_metric: metric.optional().describe("the metric it reads as its own cost, $bn a year; default us_economic_cost_bn (US), cn_economic_cost_bn (China)"),
  other_cost_metric: metric.optional().describe("the metric it reads as the other side's cost; default the other side's economic cost"),
  concede_above_bn: z.number().min(0).optional().describe('concedes once its own cost passes this, $bn a year'),
  concede_above_gdp_pct: z.number().min(0).max(100).optional().describe("concedes once its own cost passes this percent of its 2024 GDP (seeds/parameters.yaml)"),
  concede: z.array(moveSchema).min(1).describe("the moves it makes when it concedes (its own: extend the truce, lift a layer, ...), once"),
  every_steps: everySteps.describe('compares the two sides\' costs every this many steps; default 4'),
  escalate: z.boolean().optional().describe("raise its layer by step_pp while the other side's cost grows faster than its own; default true"),
  step_pp: stepPp.describe('default 10'),
  cap_pct: capPct.describe('default 125'),
});

export type CostThresholdParams = z.infer<typeof costThresholdSchema>;
