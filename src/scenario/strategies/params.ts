// Parameter schemas shared by several strategies.

import { z } from 'zod';
import { id, pct } from '../schema/common.js';

export const noise = z.number().min(0).max(1).optional().describe('probability of a mistake per decision (the noisy variant); default 0');
export const layer = id.optional().describe("the actor's own tariff layer to move; default us_ieepa_reciprocal (US), cn_retaliation (China)");
export const stepPp = pct.optional();
export const capPct = pct.optional().describe('the layer is never raised above this rate');
export const floorPct = pct.optional().describe('the layer is never lowered below this rate');
export const everySteps = z.number().int().min(1).max(520).optional();
