// Scripted moves and deadlines meet the same policy state in every run of a batch: the same layers,
// agreements, curbs and commitments, because moves create them and the script is the same. Only the
// run's continuous quantities differ (trade positions, inventory, compliance, purchases, tension,
// streams), and neither the reducers nor the deadline pass read or write those. So the outcome of a
// list of moves (or of a deadline) on one policy state is worked out twice (see worthStoring) and
// then re-used, with the run's own continuous quantities put back. A summit of ten moves then costs
// a run a few comparisons, and every run shares the layer arrays the caches in economics/ key on.

import { sameMeasures } from '../model/regime.js';
import type { SimEvent, State } from '../model/types.js';

export interface Outcome {
  state: State;
  events: SimEvent[];
}

interface Entry {
  input: State;
  output: State;
  events: SimEvent[];
}

interface Memo {
  /** The last few outcomes, newest first. */
  entries: Entry[];
  /** Lookups since the last hit. */
  misses: number;
}

/** Per key (a script's list of moves, or the agreements a deadline pass meets), its last few outcomes. */
let memo = new WeakMap<object, Memo>();

/** Forgets every outcome (tests that count what is served from memory start from nothing). */
export function forgetOutcomes(): void {
  memo = new WeakMap();
}

/** Outcomes kept per key. */
const KEPT = 4;
/**
 * Outcomes are stored from a key's second lookup on, and sparsely once it keeps missing. A key seen
 * once (the agreements of a run whose rules or strategies changed them) or one that keeps missing
 * meets a policy state of a single run: storing its outcome would only keep that run's states and
 * events alive past a collection or two, and copying them was half the collector's work in the
 * rules scenarios. A key shared by every run (the script's) is stored at its second run.
 */
const MISSES_BEFORE_SPARSE = 16;
const STORE_EVERY = 64;

function worthStoring(misses: number): boolean {
  return misses >= 2 && (misses <= MISSES_BEFORE_SPARSE || misses % STORE_EVERY === 0);
}

/** Same policy state: everything but the continuous quantities (the regime's measures and the rest). */
function samePolicy(a: State, b: State): boolean {
  const ra = a.rare_earths;
  const rb = b.rare_earths;
  return (
    sameMeasures(a, b) &&
    a.step === b.step &&
    a.start_date === b.start_date &&
    a.pacts === b.pacts &&
    a.tiktok === b.tiktok &&
    a.record === b.record &&
    ra.licence_delay_weeks === rb.licence_delay_weeks &&
    ra.inventory_target_weeks === rb.inventory_target_weeks &&
    ra.china_supply_share === rb.china_supply_share &&
    ra.base_non_china_share === rb.base_non_china_share &&
    a.soybeans.commitment_mmt === b.soybeans.commitment_mmt &&
    a.soybeans.tranche_mmt === b.soybeans.tranche_mmt &&
    a.soybeans.tranche_due_step === b.soybeans.tranche_due_step &&
    a.refunds === b.refunds
  );
}

/** The entry's outcome with `run`'s continuous quantities in place of those of the run that made it. */
function replay(e: Entry, run: State): State {
  const out = e.output;
  const re = out.rare_earths === e.input.rare_earths ? run.rare_earths : out.rare_earths;
  const soy = out.soybeans === e.input.soybeans ? run.soybeans : out.soybeans;
  return {
    step: out.step,
    start_date: out.start_date,
    step_unit: out.step_unit,
    us_layers: out.us_layers,
    cn_layers: out.cn_layers,
    us_import_segments: out.us_import_segments,
    us_export_segments: out.us_export_segments,
    us_import_position: run.us_import_position,
    us_export_position: run.us_export_position,
    us_import_stock_bn: run.us_import_stock_bn,
    rare_earths:
      re === run.rare_earths
        ? re
        : {
            curb: re.curb,
            licence_delay_weeks: re.licence_delay_weeks,
            inventory_weeks: run.rare_earths.inventory_weeks,
            inventory_target_weeks: re.inventory_target_weeks,
            china_supply_share: re.china_supply_share,
            base_non_china_share: re.base_non_china_share,
          },
    pacts: out.pacts,
    soybeans:
      soy === run.soybeans
        ? soy
        : {
            commitment_mmt: soy.commitment_mmt,
            compliance: run.soybeans.compliance,
            boycott: soy.boycott,
            purchased_mmt: run.soybeans.purchased_mmt,
            flow_mmt: run.soybeans.flow_mmt,
            tranche_mmt: soy.tranche_mmt,
            tranche_due_step: soy.tranche_due_step,
            // A tranche the moves made starts from nothing bought; else this run's count goes on.
            tranche_bought_mmt: soy.tranche_due_step === e.input.soybeans.tranche_due_step && soy.tranche_mmt === e.input.soybeans.tranche_mmt ? run.soybeans.tranche_bought_mmt : soy.tranche_bought_mmt,
          },
    tech: out.tech,
    us_port_fees: out.us_port_fees,
    cn_port_fees: out.cn_port_fees,
    precursor_cooperation: out.precursor_cooperation,
    tiktok: out.tiktok,
    agreements: out.agreements,
    escalation_index: run.escalation_index,
    escalation_offset: run.escalation_offset,
    record: out.record,
    rng: run.rng,
    decision_rng: run.decision_rng,
    decision_memory: run.decision_memory,
    authorities: out.authorities,
    refunds: out.refunds,
  };
}

/**
 * What `compute` (a pure function of `state`'s policy) gives for `state`: remembered under `key`
 * for states with the same policy. The events are the caller's to keep (a fresh array).
 */
export function memoized(key: object, state: State, compute: () => Outcome): Outcome {
  let m = memo.get(key);
  if (!m) memo.set(key, (m = { entries: [], misses: 0 }));
  for (const e of m.entries) {
    if (!samePolicy(e.input, state)) continue;
    m.misses = 0;
    return { state: e.input === state ? e.output : replay(e, state), events: e.events.slice() };
  }
  const out = compute();
  m.misses++;
  if (!worthStoring(m.misses)) return out; // its events are fresh: the caller's
  if (m.entries.length >= KEPT) m.entries.pop();
  m.entries.unshift({ input: state, output: out.state, events: out.events });
  return { state: out.state, events: out.events.slice() };
}
