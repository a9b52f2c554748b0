// The scenario file format: the one source of truth that validates files and is exported as JSON Schema.

import { z } from 'zod';
import { PARAM_NAMES } from '../../model/params.js';
import { isoDate, when } from './common.js';
import { moveSchema } from './moves.js';
import { baselineSchema } from './seeds.js';
import { ruleSchema } from '../rules/schema.js';
import { strategiesSchema } from '../strategies/schema.js';

const paramOverride = z.union([
  z.number().describe('pins the parameter to this value in every run'),
  z
    .strictObject({ central: z.number(), low: z.number().optional(), high: z.number().optional() })
    .describe('moves the central value (and optionally the range) that Monte Carlo runs draw from'),
]);

export const timelineEntrySchema = z.strictObject({
  at: when.describe('step index or ISO date; a date between two steps takes effect at the later'),
  why: z.string().optional(),
  moves: z.array(moveSchema).min(1),
});

export const LATEST_START = '2100-12-31';

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case name with dashes'),
  description: z.string().min(1).describe('the question the scenario answers, in one line'),
  notes: z.string().optional(),
  baseline: z.string().min(1).optional().describe('a baseline in seeds/, by file name without .yaml (or give start_state)'),
  start_state: z
    .union([z.string().min(1).describe('a file beside the scenario, in the form of a seeds/ baseline'), baselineSchema.describe('the starting state inline, in the form of a seeds/ baseline')])
    .optional()
    .describe("the scenario's own starting state, instead of a baseline in seeds/: validated as a seed (every fact with its source)"),
  // Bounded so that every date a run prints has four digits: 520 months from 2100 end in 2144.
  start: isoDate.refine((d) => d <= LATEST_START, `must be on or before ${LATEST_START}`).optional().describe("defaults to the baseline's as_of date"),
  step: z.enum(['week', 'month']).default('week'),
  horizon: z.number().int().min(1).max(520).describe('number of steps'),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  parameters: z.partialRecord(z.enum(PARAM_NAMES), paramOverride).optional(),
  records: z.array(z.string().min(1)).optional().describe('dated records in seeds/ whose entries on or after the start are added to the timeline'),
  timeline: z.array(timelineEntrySchema).default([]),
  rules: z.array(ruleSchema).optional().describe('reactive rules, tested every step from step 1 in this order (README "## Rules")'),
  strategies: strategiesSchema.optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
