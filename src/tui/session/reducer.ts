// The session reducer: pure, no Ink. Every step goes through sim/advance, as `run` does.

import type { SourcedMove } from '../../model/moves.js';
import type { Scenario } from '../../scenario/compile.js';
import { advance, runParams, startState } from '../../sim/run.js';
import type { Branch, Session, SessionAction, Snapshot } from './types.js';
import { checkMove } from './validateMove.js';

export function createSession(scn: Scenario, seed: string = scn.seed): Session {
  const params = runParams(scn, seed, null);
  const start: Snapshot = { state: startState(scn, seed, null, params), metrics: null, events: [], userMoves: [] };
  const root: Branch = { id: 1, parentId: null, forkStep: 0, snapshots: [start], cursor: 0, undo: [], redo: [] };
  return { scn, seed, params, branches: [root], currentId: 1, error: null };
}

/**
 * The session play opens: step 0 already taken, so the screen shows `run`'s row 0 with its date
 * (row k is what step k produced; the header names the row on screen). Not undoable: before it
 * there is nothing to show.
 */
export function openSession(scn: Scenario, seed: string = scn.seed): Session {
  const s = steps(createSession(scn, seed), 1);
  return { ...s, branches: s.branches.map((b) => ({ ...b, undo: [] })) };
}

/** The step (run's row) on screen: the last one taken; -1 before any. */
export function shownStep(b: Branch): number {
  return b.cursor - 1;
}

export function currentBranch(s: Session): Branch {
  return s.branches.find((b) => b.id === s.currentId)!;
}

export function currentSnapshot(s: Session): Snapshot {
  const b = currentBranch(s);
  return b.snapshots[b.cursor];
}

/** One step from a snapshot: the script, the rules and strategies, then the user's moves. */
export function stepFrom(scn: Scenario, params: Session['params'], from: Snapshot, userMoves: SourcedMove[] = []): Snapshot {
  const r = advance(scn, from.state, params, from.metrics, userMoves);
  return { state: r.state, metrics: r.metrics, events: r.events, userMoves };
}

function replaceBranch(s: Session, b: Branch, error: string | null = null): Session {
  return { ...s, branches: s.branches.map((x) => (x.id === b.id ? b : x)), error };
}

/** An undoable change: drop the redo future, remember where we were, append the new snapshots. */
function extend(s: Session, added: Snapshot[]): Session {
  const b = currentBranch(s);
  const kept = b.snapshots.slice(0, b.cursor + 1);
  const snapshots = [...kept, ...added];
  return replaceBranch(s, { ...b, snapshots, cursor: snapshots.length - 1, undo: [...b.undo, b.cursor], redo: [] });
}

function steps(s: Session, n: number): Session {
  const b = currentBranch(s);
  const left = s.scn.horizon - b.cursor;
  if (left <= 0) return { ...s, error: `the horizon (${s.scn.horizon} steps) is reached` };
  const added: Snapshot[] = [];
  let from = b.snapshots[b.cursor];
  try {
    for (let k = 0; k < Math.min(n, left); k++) {
      from = stepFrom(s.scn, s.params, from);
      added.push(from);
    }
  } catch (e) {
    // A rule or the script failed: keep the steps that worked and say why.
    const next = added.length ? extend(s, added) : s;
    return { ...next, error: (e as Error).message };
  }
  return extend(s, added);
}

function applyUserMoves(s: Session, inputs: unknown[]): Session {
  const b = currentBranch(s);
  if (b.cursor >= s.scn.horizon) return { ...s, error: `the horizon (${s.scn.horizon} steps) is reached: no step left for a move` };
  if (inputs.length === 0) return { ...s, error: 'no move to apply' };
  const user: SourcedMove[] = [];
  for (const [i, input] of inputs.entries()) {
    const checked = checkMove(input);
    // With several, say which one: the others are fine.
    if (!checked.ok) return { ...s, error: inputs.length > 1 ? `move ${i + 1} of ${inputs.length}: ${checked.message}` : checked.message };
    user.push({ move: checked.move, source: 'user', why: 'your move' });
  }
  try {
    return extend(s, [stepFrom(s.scn, s.params, b.snapshots[b.cursor], user)]);
  } catch (e) {
    return { ...s, error: `illegal move: ${(e as Error & { cause_?: Error }).cause_?.message ?? (e as Error).message}` };
  }
}

function undo(s: Session): Session {
  const b = currentBranch(s);
  const to = b.undo.at(-1);
  if (to === undefined) return { ...s, error: 'nothing to undo' };
  return replaceBranch(s, { ...b, cursor: to, undo: b.undo.slice(0, -1), redo: [...b.redo, b.cursor] });
}

function redo(s: Session): Session {
  const b = currentBranch(s);
  const to = b.redo.at(-1);
  if (to === undefined) return { ...s, error: 'nothing to redo' };
  return replaceBranch(s, { ...b, cursor: to, redo: b.redo.slice(0, -1), undo: [...b.undo, b.cursor] });
}

/** A new branch shares the history up to here (snapshots are immutable) and becomes current. */
function branch(s: Session): Session {
  const b = currentBranch(s);
  const id = Math.max(...s.branches.map((x) => x.id)) + 1;
  const child: Branch = { id, parentId: b.id, forkStep: b.cursor, snapshots: b.snapshots.slice(0, b.cursor + 1), cursor: b.cursor, undo: [], redo: [] };
  return { ...s, branches: [...s.branches, child], currentId: id, error: null };
}

function switchBranch(s: Session, by: 1 | -1): Session {
  const i = s.branches.findIndex((b) => b.id === s.currentId);
  const next = s.branches[(i + by + s.branches.length) % s.branches.length];
  return { ...s, currentId: next.id, error: null };
}

export function reduce(s: Session, a: SessionAction): Session {
  const clean = s.error === null ? s : { ...s, error: null };
  switch (a.type) {
    case 'step':
      return steps(clean, 1);
    case 'step10':
      return steps(clean, 10);
    case 'undo':
      return undo(clean);
    case 'redo':
      return redo(clean);
    case 'applyMoves':
      return applyUserMoves(clean, a.moves);
    case 'branch':
      return branch(clean);
    case 'switchBranch':
      return switchBranch(clean, a.by);
    case 'clearError':
      return clean;
  }
}
