// Copying a state with a few fields changed, spelled out field by field: every state then has one
// object shape, which keeps property access in the hot loop fast (a spread can change the shape).

import type { Agreement, State, TariffLayer } from './types.js';

export function withChanges(s: State, c: Partial<State>): State {
  return {
    step: c.step ?? s.step,
    start_date: c.start_date ?? s.start_date,
    step_unit: c.step_unit ?? s.step_unit,
    us_layers: c.us_layers ?? s.us_layers,
    cn_layers: c.cn_layers ?? s.cn_layers,
    us_import_segments: c.us_import_segments ?? s.us_import_segments,
    us_export_segments: c.us_export_segments ?? s.us_export_segments,
    us_import_position: c.us_import_position ?? s.us_import_position,
    us_export_position: c.us_export_position ?? s.us_export_position,
    us_import_stock_bn: c.us_import_stock_bn ?? s.us_import_stock_bn,
    rare_earths: c.rare_earths ?? s.rare_earths,
    pacts: c.pacts ?? s.pacts,
    soybeans: c.soybeans ?? s.soybeans,
    tech: c.tech ?? s.tech,
    us_port_fees: c.us_port_fees ?? s.us_port_fees,
    cn_port_fees: c.cn_port_fees ?? s.cn_port_fees,
    precursor_cooperation: c.precursor_cooperation ?? s.precursor_cooperation,
    tiktok: c.tiktok ?? s.tiktok,
    agreements: c.agreements ?? s.agreements,
    escalation_index: c.escalation_index ?? s.escalation_index,
    escalation_offset: c.escalation_offset ?? s.escalation_offset,
    record: c.record ?? s.record,
    rng: c.rng ?? s.rng,
    decision_rng: c.decision_rng ?? s.decision_rng,
    decision_memory: c.decision_memory ?? s.decision_memory,
  };
}

// Layers and agreements the same way: a spread gives the copy a hidden class of its own (a batch of
// the three rules scenarios held agreements of four shapes, which every read of them had to check
// for; now one). `undefined` keeps a field; null is a value (a layer that no longer expires).
const pick = <T>(changed: T | undefined, kept: T): T => (changed !== undefined ? changed : kept);

export function layerWith(l: TariffLayer, c: Partial<TariffLayer>): TariffLayer {
  return {
    id: pick(c.id, l.id),
    imposer: pick(c.imposer, l.imposer),
    label: pick(c.label, l.label),
    scope: pick(c.scope, l.scope),
    applies_to: pick(c.applies_to, l.applies_to),
    rate_pct: pick(c.rate_pct, l.rate_pct),
    suspended_pct: pick(c.suspended_pct, l.suspended_pct),
    threatened_pct: pick(c.threatened_pct, l.threatened_pct),
    expires_step: pick(c.expires_step, l.expires_step),
    snapback_rate_pct: pick(c.snapback_rate_pct, l.snapback_rate_pct),
  };
}

export function agreementWith(a: Agreement, c: Partial<Agreement>): Agreement {
  return {
    id: pick(c.id, a.id),
    label: pick(c.label, a.label),
    is_truce: pick(c.is_truce, a.is_truce),
    active: pick(c.active, a.active),
    expires_step: pick(c.expires_step, a.expires_step),
    on_lapse: pick(c.on_lapse, a.on_lapse),
    terms: pick(c.terms, a.terms),
    breached_by: pick(c.breached_by, a.breached_by),
  };
}
