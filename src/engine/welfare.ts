// The welfare constants of a regime's import prices (model/economics/trade.ts welfareOf), worked out
// when a step first needs them and kept for the later steps under the same prices: a regime built
// only for its next deadline never needs them, and a run's stretches re-use them. The last few, by
// the prices' identity (a run's prices die with it: a weak map would leave the collector dead keys).

import { type Prices, type Welfare, welfareOf as computeWelfare } from '../model/economics/trade.js';
import { recentOr } from './recent.js';

const recent: { prices: Prices; welfare: Welfare }[] = [];

export function welfareOf(pr: Prices): Welfare {
  return recentOr(recent, 8, (w) => w.prices === pr, () => ({ prices: pr, welfare: computeWelfare(pr) })).welfare;
}
