// What deciders remember between steps lives in the state (State.decision_memory), not in
// closures: runs of a batch, branches in play and undo all share one compiled scenario.

import type { DecisionView } from '../compile.js';

const NONE: Readonly<Record<string, number>> = Object.freeze({});

export function recall(view: Pick<DecisionView, 'memory'>, key: string): number | undefined {
  return (view.memory ?? NONE)[key];
}

/** Copy on write: earlier states keep the memory they had. */
export function remember(view: DecisionView, key: string, value: number): void {
  view.memory = { ...(view.memory ?? NONE), [key]: value };
}

export function rememberAll(view: DecisionView, values: Record<string, number>): void {
  view.memory = { ...(view.memory ?? NONE), ...values };
}
