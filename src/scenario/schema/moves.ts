// The move union as a schema: the edge where moves from files and users are validated.

import { z } from 'zod';
import type { Move } from '../../model/moves.js';
import { actor, id, pct, share, when } from './common.js';

const both = z.literal('both');
const us = z.literal('us');
const cn = z.literal('cn');
const anyone = z.union([actor, both]);

export const moveSchema: z.ZodType<Move> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('set_tariff'), actor, layer: id, rate_pct: pct }),
    z.strictObject({ type: z.literal('raise_tariff'), actor, layer: id, by_pp: pct }),
    z.strictObject({ type: z.literal('lower_tariff'), actor, layer: id, by_pp: pct }),
    z.strictObject({
      type: z.literal('add_tariff_layer'),
      actor,
      layer: id,
      label: z.string().optional(),
      scope: z.array(z.string()).min(1),
      rate_pct: pct,
      applies_to: z.enum(['partner', 'all_origins', 'other_origins']).optional(),
      expires: when.optional(),
      snapback_rate_pct: pct.optional(),
    }),
    z.strictObject({ type: z.literal('suspend_tariff'), actor, layer: id, keep_pct: pct }),
    z.strictObject({ type: z.literal('restore_tariff'), actor, layer: id }),
    z.strictObject({ type: z.literal('threaten_tariff'), actor, layer: id, rate_pct: pct }),
    z.strictObject({ type: z.literal('impose_threatened_tariff'), actor, layer: id }),
    z.strictObject({ type: z.literal('drop_tariff_threat'), actor, layer: id }),
    z.strictObject({ type: z.literal('impose_rare_earth_curbs'), actor: cn, level: share, licence_delay_weeks: z.number().min(0).max(104).optional() }),
    z.strictObject({ type: z.literal('relax_rare_earth_curbs'), actor: cn, level: share }),
    z.strictObject({ type: z.literal('issue_general_licences'), actor: cn }),
    z.strictObject({
      type: z.literal('sign_diversification_pact'),
      actor: us,
      partner: z.string().min(1),
      capacity_share: share,
      lag_weeks: z.number().min(0).max(520),
      ramp_weeks: z.number().min(0).max(520),
    }),
    // A yearly rate, a dated tranche (mmt by a date), or both (the reducer asks for one of them).
    z.strictObject({ type: z.literal('commit_soybean_purchases'), actor: cn, mmt_per_yr: z.number().min(0).max(200).optional(), mmt: z.number().min(0).max(200).optional(), by: when.optional() }),
    z.strictObject({ type: z.literal('stop_soybean_purchases'), actor: cn }),
    z.strictObject({ type: z.literal('impose_tech_controls'), actor: us, level: share.optional(), software_controls: z.boolean().optional(), affiliates_rule: z.boolean().optional() }),
    z.strictObject({ type: z.literal('relax_tech_controls'), actor: us, level: share.optional(), software_controls: z.boolean().optional(), affiliates_rule: z.boolean().optional() }),
    z.strictObject({ type: z.literal('set_port_fees'), actor, active: z.boolean() }),
    z.strictObject({
      type: z.literal('sign_agreement'),
      actor: anyone,
      agreement: id,
      label: z.string().optional(),
      replaces: id.optional(),
      truce: z.boolean().optional(),
      until: when,
      on_lapse: z.array(moveSchema).optional(),
    }),
    z.strictObject({ type: z.literal('extend_agreement'), actor: anyone, agreement: id, until: when }),
    z.strictObject({ type: z.literal('let_agreement_lapse'), actor: anyone, agreement: id }),
    z.strictObject({ type: z.literal('cooperate_on_precursors'), actor: cn, level: share }),
    z.strictObject({ type: z.literal('settle_tiktok'), actor, outcome: z.enum(['framework', 'divested', 'banned']) }),
    z.strictObject({ type: z.literal('hold_summit'), actor: both, name: z.string().min(1), moves: z.array(moveSchema).min(1) }),
  ]),
);

export const MOVE_TYPES = [
  'set_tariff', 'raise_tariff', 'lower_tariff', 'add_tariff_layer', 'suspend_tariff', 'restore_tariff',
  'threaten_tariff', 'impose_threatened_tariff', 'drop_tariff_threat', 'impose_rare_earth_curbs',
  'relax_rare_earth_curbs', 'issue_general_licences', 'sign_diversification_pact', 'commit_soybean_purchases',
  'stop_soybean_purchases', 'impose_tech_controls', 'relax_tech_controls', 'set_port_fees', 'sign_agreement',
  'extend_agreement', 'let_agreement_lapse', 'cooperate_on_precursors', 'settle_tiktok', 'hold_summit',
] as const satisfies readonly Move['type'][];
