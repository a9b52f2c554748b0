// Compare: a table of differences at the current step and overlaid charts (this branch in colour,
// the reference in magenta).

import { Box, Text } from 'ink';
import type { MetricName } from '../../model/metrics.js';
import { Chart } from '../chart/Chart.js';
import { fmt, fmtDiff, labelOf } from '../metricLabels.js';
import type { Comparison } from '../session/compare.js';

export interface CompareViewProps {
  cmp: Comparison;
  date: string;
  horizon: number;
  columns: number;
  rows: number;
  charts: MetricName[];
}

export function CompareView({ cmp, date, horizon, columns, rows, charts }: CompareViewProps) {
  const tableWidth = 50;
  const chartWidth = Math.max(16, columns - tableWidth - 2);
  const chartRows = Math.max(2, Math.floor((rows - 3) / charts.length) - 1);
  const cell = (s: string) => s.padStart(9);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">Compare {cmp.title}</Text>
      {cmp.steps === 0 ? <Text dimColor>nothing to compare yet: step first (n). Esc closes.</Text> : (
        <Box>
          <Box flexDirection="column" width={tableWidth}>
            <Text bold>{`at ${date}`.padEnd(23)}{cell('this')}{cell('ref')}{cell('diff')}</Text>
            {cmp.rows.map((r) => {
              const { label, digits } = labelOf(r.metric);
              const same = fmt(r.diff, digits) === fmt(0, digits) || fmtDiff(r.diff, digits) === `-${fmt(0, digits)}`;
              return (
                <Text key={r.metric} wrap="truncate">
                  {label.slice(0, 22).padEnd(23)}{cell(fmt(r.current, digits))}{cell(fmt(r.reference, digits))}
                  <Text color={same ? undefined : r.diff > 0 ? 'yellow' : 'cyan'}>{cell(fmtDiff(r.diff, digits))}</Text>
                </Text>
              );
            })}
            <Text dimColor>Esc closes</Text>
          </Box>
          <Box flexDirection="column" width={chartWidth}>
            {charts.map((m) => (
              <Box key={m} flexDirection="column">
                <Text wrap="truncate">{labelOf(m).short} <Text color="cyan">this</Text> <Text color="magenta">ref</Text></Text>
                <Chart history={cmp.current.map((x) => x[m])} overlay={cmp.reference.map((x) => x[m])} horizon={Math.max(cmp.steps, 2)} width={chartWidth - 1} height={chartRows} />
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
