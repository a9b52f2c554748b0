// The regime a step needs (model/regime.ts buildRegime), kept while the measures and parameters
// stay put: a run's steps look it up rather than build it, and its parts come from the remembered
// lookups. Play interleaves a few branches and the fan's runs: a few regimes, not one.

import type { Params } from '../model/params.js';
import { buildRegime, type Regime, sameMeasures } from '../model/regime.js';
import type { State } from '../model/types.js';
import { REMEMBERED } from './lookups.js';
import { recentOr } from './recent.js';

const recent: Regime[] = [];

export function regimeOf(s: State, p: Params): Regime {
  return recentOr(recent, 4, (r) => r.params === p && sameMeasures(r.state, s), () => buildRegime(s, p, REMEMBERED));
}
