// The batch library API: plan a batch, run it on worker threads, summarise, report.

export { METRIC_BINS } from './bins.js';
export { csvHeader } from './csv.js';
export { mergeParts } from './mergeParts.js';
export { partFile, PartError, type PartFile } from './part.js';
export { armLabel, type Arm, type Plan, shardRange, sweepGrid } from './plan.js';
export { defaultWorkers, type Pool, workerPool } from './pool.js';
// The report (ECharts, some 40 MB) is imported from './report.js' only when a report is asked for.
export { Interrupted, runBatch, type BatchOptions } from './runBatch.js';
export { type BatchSummary, summarise } from './summary.js';
export { comparisonTable } from './table.js';
