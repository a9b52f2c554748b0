// The play session as data: a tree of branches, each a list of snapshots with an undo/redo cursor.

import type { Metrics } from '../../model/metrics.js';
import type { SourcedMove } from '../../model/moves.js';
import type { Params } from '../../model/params.js';
import type { SimEvent, State } from '../../model/types.js';
import type { Scenario } from '../../scenario/compile.js';

/** The state after `state.step` steps, with what the step that produced it did. */
export interface Snapshot {
  state: State;
  /** Metrics of the step that produced this snapshot; null for the start. */
  metrics: Metrics | null;
  events: SimEvent[];
  /** The user's moves applied during that step. */
  userMoves: SourcedMove[];
}

export interface Branch {
  id: number;
  parentId: number | null;
  /** Step at which the branch left its parent. */
  forkStep: number;
  /** snapshots[k] is the state after k steps; entries past the cursor are kept for redo. */
  snapshots: Snapshot[];
  cursor: number;
  /** Cursor positions before each undoable action, and after each undone one. */
  undo: number[];
  redo: number[];
}

export interface Session {
  scn: Scenario;
  seed: string;
  /** Central parameters: the run `tariff-sim run` makes, so a saved session replays exactly. */
  params: Params;
  branches: Branch[];
  currentId: number;
  /** The last action's refusal (an illegal move, the end of the horizon), for the screen. */
  error: string | null;
}

export type SessionAction =
  | { type: 'step' }
  | { type: 'step10' }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Moves the user made at this step, applied together as the step is taken (one or several). */
  | { type: 'applyMoves'; moves: unknown[] }
  | { type: 'branch' }
  | { type: 'switchBranch'; by: 1 | -1 }
  | { type: 'clearError' };
