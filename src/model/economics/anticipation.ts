// Trade that sees it coming. A US tariff increase with a known date (a layer's scheduled step, the
// snapback a truce's deadline brings) pulls imports forward in the weeks before it and depresses them
// after, while buyers work off what they bought ahead (US imports from China before 2019-01-01 and
// in early 2025). A threatened tariff not in force moves trade a little through uncertainty.
// What the measures in force imply here is worked out once per regime; a step adds a few
// multiplications.

import type { Move } from '../moves.js';
import type { Agreement, TariffLayer, TradeSegment } from '../types.js';
import { covers } from './tariffs.js';

/** The share of the 2024 basket a layer reaches on the partner's goods (0 for third countries only). */
function partnerShare(layer: TariffLayer, segments: TradeSegment[]): number {
  if (layer.applies_to === 'other_origins') return 0;
  let share = 0;
  for (const seg of segments) if (covers(layer, seg.name)) share += seg.share;
  return share;
}

/** The rise of the average US tariff (pp, 2024 weights) that a lapse's moves would bring. */
function lapseRisePp(moves: Move[], layers: TariffLayer[], segments: TradeSegment[]): number {
  let rise = 0;
  for (const m of moves) {
    if (m.actor !== 'us') continue;
    if (m.type !== 'restore_tariff' && m.type !== 'set_tariff' && m.type !== 'raise_tariff' && m.type !== 'impose_threatened_tariff') continue;
    const layer = layers.find((l) => l.id === m.layer);
    if (!layer) continue;
    const by =
      m.type === 'restore_tariff' ? layer.suspended_pct : m.type === 'set_tariff' ? m.rate_pct - layer.rate_pct : m.type === 'raise_tariff' ? m.by_pp : layer.threatened_pct;
    if (by > 0) rise += by * partnerShare(layer, segments);
  }
  return rise;
}

export interface ScheduledIncrease {
  /** The step at which it takes effect (Infinity: none is scheduled). */
  step: number;
  /** Log rise of the price of Chinese goods to US buyers it brings (average over the basket). */
  log_price_rise: number;
}

/**
 * The first scheduled increase of the US tariff on China: a layer that expires to a higher rate, or
 * an active agreement whose lapse raises US layers. Increases due at the same step add up.
 */
export function scheduledIncrease(layers: TariffLayer[], agreements: Agreement[], segments: TradeSegment[], averagePct: number): ScheduledIncrease {
  let step = Infinity;
  let rise = 0;
  const add = (at: number, pp: number) => {
    if (pp <= 0 || at > step) return;
    if (at < step) {
      step = at;
      rise = 0;
    }
    rise += pp;
  };
  for (const l of layers) if (l.expires_step !== null && l.snapback_rate_pct !== null) add(l.expires_step, (l.snapback_rate_pct - l.rate_pct) * partnerShare(l, segments));
  for (const a of agreements) if (a.active && a.expires_step !== null) add(a.expires_step, lapseRisePp(a.on_lapse, layers, segments));
  return { step, log_price_rise: step === Infinity ? 0 : Math.log(1 + rise / (100 + averagePct)) };
}

/** The average threatened US tariff not in force (pp, 2024 weights), as a log price rise. */
export function threatLogRise(layers: TariffLayer[], segments: TradeSegment[], averagePct: number): number {
  let pp = 0;
  // A threat adds its pp on top of the layer's rate when imposed (reducers/tariffs.ts), whatever the rate.
  for (const l of layers) if (l.threatened_pct > 0) pp += l.threatened_pct * partnerShare(l, segments);
  return Math.log(1 + pp / (100 + averagePct));
}

/**
 * The factor on this step's imports from buying ahead: 1 outside the window before a scheduled
 * increase; inside it, exp(elasticity x log price rise x how far into the window), so buying ahead
 * builds up to the date.
 */
export function frontLoadingFactor(weeksToIncrease: number, windowWeeks: number, logRise: number, elasticity: number): number {
  if (!(weeksToIncrease > 0) || weeksToIncrease > windowWeeks || logRise <= 0) return 1;
  return Math.exp(elasticity * logRise * (1 - weeksToIncrease / windowWeeks));
}
