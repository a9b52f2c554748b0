// A reactive rule in a scenario file: when a condition holds, an actor makes moves.

import { z } from 'zod';
import { actor, id } from '../schema/common.js';
import { moveSchema } from '../schema/moves.js';
import { MAX_CONDITION_CHARS } from './sandbox.js';

export const ruleSchema = z.strictObject({
  id: id.describe('names the rule; its moves carry the source rule:<id>'),
  when: z
    .string()
    .min(1)
    .max(MAX_CONDITION_CHARS)
    // mathjs reads `#` as the start of a comment: the rest of the condition would be silently dropped.
    .refine((s) => !s.includes('#'), 'a "#" starts a comment in mathjs and would drop the rest of the condition; remove it')
    .describe('a mathjs condition over the metrics (previous step), state names and parameters; see README "## Rules"'),
  actor: actor.optional().describe('when given, every move of the rule must be this actor\'s'),
  move: moveSchema.optional(),
  moves: z.array(moveSchema).min(1).optional(),
  probability: z.number().min(0).max(1).optional().describe('chance the rule fires on a step its condition holds (default 1)'),
  cooldown: z.number().int().min(0).max(10000).optional().describe('steps after a firing before the rule may fire again'),
  once: z.boolean().optional().describe('fires at most once per run'),
  why: z.string().optional().describe('the reason, in words, shown with the triggering values'),
});

export type RuleSpec = z.infer<typeof ruleSchema>;
