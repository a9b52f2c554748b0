// What working out a regime (and a start state) looks up: the per-parameter constants, the tariffs
// by segment, the prices and the scheduled increase. Here each is the plain
// function of its inputs; the engine (src/engine/lookups.ts) passes versions that remember their
// answers across the runs of a batch. The answers are the same numbers either way.

import { derived, type Derived } from './derived.js';
import { type ScheduledIncrease, scheduledIncrease } from './economics/anticipation.js';
import { type SegmentTariffs, segmentTariffs } from './economics/tariffs.js';
import { type Prices, prices, type TradeParams } from './economics/trade.js';
import type { Params } from './params.js';
import type { Agreement, StepUnit, TariffLayer, TradeSegment } from './types.js';

export interface Lookups {
  derived(p: Params, unit: StepUnit): Derived;
  segmentTariffs(layers: TariffLayer[], segments: TradeSegment[]): SegmentTariffs;
  prices(layers: TariffLayer[], segments: TradeSegment[], baseValueBn: number, p: TradeParams): Prices;
  scheduledIncrease(layers: TariffLayer[], agreements: Agreement[], segments: TradeSegment[], averagePct: number): ScheduledIncrease;
}

/** Every lookup worked out afresh: the model's definitions. */
export const PURE: Lookups = { derived, segmentTariffs, prices, scheduledIncrease };
