// Copying a state with a few fields changed, spelled out field by field: every state then has one
// object shape, which keeps property access in the hot loop fast (a spread can change the shape).

import type { State } from './types.js';

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
    record: c.record ?? s.record,
    rng: c.rng ?? s.rng,
    decision_rng: c.decision_rng ?? s.decision_rng,
    decision_memory: c.decision_memory ?? s.decision_memory,
  };
}
