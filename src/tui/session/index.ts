export * from './types.js';
export { createSession, openSession, shownStep, reduce, currentBranch, currentSnapshot, stepFrom } from './reducer.js';
export { compare, mostDifferent, type Comparison, type CompareRow } from './compare.js';
export { saveScenarioYaml, exportCsv, userTimeline, unsavedWork, schemaLineOf } from './save.js';
export { metricsOf, series, pathTo } from './history.js';
export { checkMove } from './validateMove.js';
