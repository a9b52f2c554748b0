// `strategies: { us?: {type, ...params}, cn?: {...} }` in a scenario file.

import { z } from 'zod';
import { conciliatorySchema } from './conciliatory.schema.js';
import { costThresholdSchema } from './costThreshold.schema.js';
import { deadlineBargainerSchema } from './deadlineBargainer.schema.js';
import { escalateToCapSchema } from './escalateToCap.schema.js';
import { grimTriggerSchema } from './grimTrigger.schema.js';
import { scriptedSchema } from './scripted.schema.js';
import { titForTatSchema } from './titForTat.schema.js';

export const strategySchema = z.discriminatedUnion('type', [
  scriptedSchema,
  titForTatSchema,
  escalateToCapSchema,
  conciliatorySchema,
  grimTriggerSchema,
  deadlineBargainerSchema,
  costThresholdSchema,
]);

export const strategiesSchema = z
  .strictObject({ us: strategySchema.optional(), cn: strategySchema.optional() })
  .describe("each actor's strategy from the library (README \"## Strategies\"); consulted every step after the rules");

export type StrategySpec = z.infer<typeof strategySchema>;
export type StrategiesSpec = z.infer<typeof strategiesSchema>;
export const STRATEGY_TYPES = strategySchema.options.map((o) => o.shape.type.value);
