// Schemas of the seed files: every fact carries a `source` that names an entry of sources.yaml.

import { z } from 'zod';
import { PARAM_NAMES } from '../../model/params.js';
import { id, isoDate, pct, share, when } from './common.js';
import { moveSchema } from './moves.js';

const provenance = { source: z.string().min(1), note: z.string().optional(), unconfirmed: z.boolean().optional() };
const fact = <T extends z.ZodTypeAny>(value: T) => z.strictObject({ value, ...provenance });

// A source's bibliographic fields (title, author, year, a link or a document number): optional to the loader, required of every entry by test/sources.test.ts.
export const sourcesSchema = z.record(
  z.string(),
  z.strictObject({
    cite: z.string().min(1),
    title: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    year: z.number().int().optional(),
    link: z.string().min(1).optional(),
    document: z.string().min(1).optional(),
    unconfirmed: z.boolean().optional(),
  }),
);

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
  authority: id.optional(),
  ...provenance,
});

const AUTHORITY_KINDS = ['mfn', 'section_301', 'section_232', 'ieepa', 'section_122', 'section_338', 'ad_cvd', 'tariff_commission'] as const;
const authorityKind = z.enum(AUTHORITY_KINDS);

/** seeds/authorities.yaml: the statutory rules of each kind of authority, and the authorities layers name. */
export const authoritiesSchema = z.strictObject({
  statutes: z.partialRecord(
    authorityKind,
    z.strictObject({
      label: z.string().min(1),
      max_rate_pct: pct.optional(),
      max_days: z.number().int().min(1).optional(),
      not_stacked_on: z.array(authorityKind).optional(),
      lapse_years: z.number().int().min(1).optional(),
      ...provenance,
    }),
  ),
  authorities: z.array(z.strictObject({ id, label: z.string().min(1), imposer: z.enum(['us', 'cn']), kind: authorityKind, ...provenance })),
});

/** Where an authority stands on a baseline's date: a date its layers end, or that they have ended. */
const authorityStatus = z.strictObject({
  id,
  ends: isoDate.optional(),
  end_kind: z.enum(['void', 'limit', 'lapse']).optional(),
  end_why: z.string().min(1).optional(),
  ended: z.boolean().optional(),
  /** The layers that ended with it (for the reason a move naming one is refused). */
  ended_layers: z.array(id).optional(),
  extended: z.boolean().optional(),
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
  authorities: z.array(authorityStatus).optional(),
  /** Refunds of duties still being paid on the baseline's date. */
  refunds: z
    .array(z.strictObject({ label: z.string().min(1), authority: id, from: when, until: when, amount_bn: z.number().min(0).max(10000), ...provenance }))
    .optional(),
});

const recordEntries = z.array(z.strictObject({ at: isoDate, why: z.string().min(1), moves: z.array(moveSchema).min(1), ...provenance }));

/** A record's entries are in date order: an entry dated before the one above it is a slip. */
function inDateOrder(r: { entries: { at: string }[] }, ctx: z.RefinementCtx): void {
  r.entries.forEach((e, i) => {
    const prev = i > 0 ? r.entries[i - 1].at : null;
    if (prev !== null && e.at < prev) ctx.addIssue({ code: 'custom', path: ['entries', i, 'at'], message: `${e.at} is before the entry above it (${prev}): a record's entries are in date order` });
  });
}

export const recordSchema = z
  .strictObject({
    id: z.string().min(1),
    description: z.string(),
    entries: recordEntries,
  })
  .superRefine(inDateOrder);

/**
 * A record a user keeps beside a scenario: the same format, and its own `sources` for citations that
 * seeds/sources.yaml does not have (each entry's `source` names one of either).
 */
export const userRecordSchema = z
  .strictObject({
    id: z.string().min(1),
    description: z.string(),
    sources: z.record(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'expected a lower-case key'), z.strictObject({ cite: z.string().min(1), unconfirmed: z.boolean().optional() })).optional(),
    entries: recordEntries,
  })
  .superRefine(inDateOrder);

/** The US sectors that depend on rare-earth magnets (the scope of the output at risk). */
export const magnetSectorsSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string(),
  sectors: z.array(z.strictObject({ name: id, output_bn: z.number().positive(), ...provenance })).min(1),
});

export type SeedMagnetSectors = z.infer<typeof magnetSectorsSchema>;
export type SeedBaseline = z.infer<typeof baselineSchema>;
export type SeedAuthorities = z.infer<typeof authoritiesSchema>;
export type SeedTrade = z.infer<typeof tradeSchema>;
export type SeedRecord = z.infer<typeof recordSchema>;
export type SeedParameters = z.infer<typeof parametersSchema>;
