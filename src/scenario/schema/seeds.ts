// Schemas of the seed files: every fact carries a `source` that names an entry of sources.yaml.

import { z } from 'zod';
import { PARAM_NAMES } from '../../model/params.js';
import { id, isoDate, pct, share, when } from './common.js';
import { moveSchema } from './moves.js';

const provenance = { source: z.string().min(1), note: z.string().optional(), unconfirmed: z.boolean().optional() };
const fact = <T extends z.ZodTypeAny>(value: T) => z.strictObject({ value, ...provenance });

export const sourcesSchema = z.record(z.string(), z.strictObject({ cite: z.string().min(1), unconfirmed: z.boolean().optional() }));

const paramSpec = z
  .strictObject({ central: z.number(), low: z.number(), high: z.number(), unit: z.string(), ...provenance })
  .refine((p) => p.low <= p.central && p.central <= p.high, { message: 'expected low <= central <= high' });
export const parametersSchema = z.strictObject(Object.fromEntries(PARAM_NAMES.map((n) => [n, paramSpec])) as Record<(typeof PARAM_NAMES)[number], typeof paramSpec>);

const segment = z.strictObject({
  name: id,
  share,
  partner_share: share,
  reference_tariff_pct: pct,
  reference_other_tariff_pct: pct,
  ...provenance,
});

export const tradeSchema = z.strictObject({
  us_imports_from_cn_bn: fact(z.number().positive()),
  us_exports_to_cn_bn: fact(z.number().positive()),
  us_import_segments: z.array(segment).min(1),
  us_export_segments: z.array(segment).min(1),
});

const layer = z.strictObject({
  id,
  label: z.string().min(1),
  scope: z.array(z.string()).min(1),
  applies_to: z.enum(['partner', 'all_origins', 'other_origins']).optional(),
  rate_pct: pct,
  suspended_pct: pct.optional(),
  threatened_pct: pct.optional(),
  expires: when.optional(),
  snapback_rate_pct: pct.optional(),
  ...provenance,
});

export const baselineSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().min(1),
  as_of: isoDate,
  trade: z.string().min(1),
  us_layers: z.array(layer),
  cn_layers: z.array(layer),
  rare_earths: z.strictObject({
    curb: share,
    licence_delay_weeks: z.number().min(0),
    inventory_weeks: z.number().min(0),
    inventory_target_weeks: z.number().min(0),
    china_supply_share: share,
    base_non_china_share: share,
    ...provenance,
  }),
  pacts: z.array(
    z.strictObject({
      partner: z.string().min(1),
      signed: when,
      capacity_share: share,
      lag_weeks: z.number().min(0),
      ramp_weeks: z.number().min(0),
      ...provenance,
    }),
  ),
  soybeans: z.strictObject({ commitment_mmt: z.number().min(0), compliance: share, boycott: z.boolean(), ...provenance }),
  tech: z.strictObject({ level: share, affiliates_rule: z.boolean(), software_controls: z.boolean(), ...provenance }),
  port_fees: z.strictObject({ us: z.boolean(), cn: z.boolean(), ...provenance }),
  precursor_cooperation: fact(share),
  tiktok: fact(z.enum(['unresolved', 'framework', 'divested', 'banned'])),
  agreements: z.array(
    z.strictObject({
      id,
      label: z.string(),
      truce: z.boolean(),
      active: z.boolean(),
      expires: when.nullable(),
      on_lapse: z.array(moveSchema),
      ...provenance,
    }),
  ),
  escalation_index: fact(z.number().min(0).max(100)),
});

export const recordSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string(),
  entries: z.array(z.strictObject({ at: isoDate, why: z.string().min(1), moves: z.array(moveSchema).min(1), ...provenance })),
});

/** The US sectors that depend on rare-earth magnets (the scope of the output at risk). */
export const magnetSectorsSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string(),
  sectors: z.array(z.strictObject({ name: id, output_bn: z.number().positive(), ...provenance })).min(1),
});

export type SeedMagnetSectors = z.infer<typeof magnetSectorsSchema>;
export type SeedBaseline = z.infer<typeof baselineSchema>;
export type SeedTrade = z.infer<typeof tradeSchema>;
export type SeedRecord = z.infer<typeof recordSchema>;
export type SeedParameters = z.infer<typeof parametersSchema>;
