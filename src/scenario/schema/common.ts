// Small schema pieces shared by scenario files and seeds.

import { z } from 'zod';
import { isIsoDate } from '../../model/calendar.js';

// A process checks a few small files once: zod's compiled fast path (code it generates with `new
// Function` at the first parse of each object schema) cost more than it saved, about 50 ms of a
// command's start-up. The scenario, seed and move schemas import this module, so this is set
// before anything is parsed.
z.config({ jitless: true });

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected an ISO date (yyyy-mm-dd)' })
  .describe('ISO date, yyyy-mm-dd');

/** YAML reads an unquoted 2025-11-10 as a string (yaml 1.2 core schema), so dates stay strings. */
export const when = z.union([z.number().int().min(0).describe('step index'), isoDate]);

export const actor = z.enum(['us', 'cn']);
export const pct = z.number().min(0).max(1000);
export const share = z.number().min(0).max(1);
export const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case identifier (letters, digits, _)');
