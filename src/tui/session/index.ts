export * from './types.js';
export { createSession, reduce, currentBranch, currentSnapshot, stepFrom } from './reducer.js';
export { compare, type Comparison, type CompareRow } from './compare.js';
export { saveScenarioYaml, exportCsv, userTimeline } from './save.js';
export { metricsOf, series, pathTo } from './history.js';
export { checkMove } from './validateMove.js';
