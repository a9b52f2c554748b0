// The `scripted` strategy in a scenario file: a type and no parameters (behaviour: scripted.ts).

import { z } from 'zod';

export const scriptedSchema = z.strictObject({ type: z.literal('scripted') });
