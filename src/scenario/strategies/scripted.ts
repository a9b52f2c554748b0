// Scripted: the actor does what the timeline says and nothing else. It makes no decisions, so it
// has no noisy variant.

import { IDLE, type Strategy } from './types.js';

export function scripted(): Strategy {
  return { name: 'scripted', noise: 0, step_pp: 0, cap_pct: 0, decide: () => IDLE };
}
