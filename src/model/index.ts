// The pure core's public surface.
export * from './types.js';
export * from './moves.js';
export * from './metrics.js';
export * from './params.js';
export * from './calendar.js';
export * from './baseline.js';
export * from './rng.js';
export { step, reduceMoves as applyMoves, type StepResult } from './step.js';
export { applyMove, MoveError } from './reducers/index.js';
export { techRestriction } from './reducers/tech.js';
