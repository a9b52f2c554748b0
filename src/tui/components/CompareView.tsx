// Compare: a table of differences at the step on screen and at the horizon, and charts of what
// differs most (this branch in colour, the reference in magenta), each in its own Ink box so no
// cell runs into a chart. Widths are measured with string-width, not assumed.

import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { Chart } from '../chart/Chart.js';
import { fmt, fmtDiff, labelOf } from '../metricLabels.js';
import { type Comparison, mostDifferent } from '../session/compare.js';

export interface CompareViewProps {
  cmp: Comparison;
  /** The date of the step on screen, and of the horizon's last step. */
  date: string;
  horizonDate: string;
  columns: number;
  rows: number;
}

const CELL = 9;
const GAP = 2;

/** The table's width: the widest label, three cells now and one at the horizon. */
export function compareTableWidth(cmp: Comparison): number {
  const label = Math.max(...cmp.rows.map((r) => stringWidth(labelOf(r.metric).label)), 5);
  return label + 1 + 4 * CELL;
}

export function CompareView({ cmp, date, horizonDate, columns, rows }: CompareViewProps) {
  if (cmp.steps === 0 || cmp.rows.length === 0) {
    return (
      <Box flexDirection="column">
        <Text bold wrap="truncate">Compare {cmp.title}</Text>
        <Text dimColor>nothing to compare yet: step first (n). Esc closes.</Text>
      </Box>
    );
  }
  const tableWidth = compareTableWidth(cmp);
  const labelWidth = tableWidth - 4 * CELL;
  const chartWidth = columns - tableWidth - GAP;
  const differing = mostDifferent(cmp, 3);
  const room = rows - 1;
  const perChart = differing.length ? Math.floor(room / differing.length) : 0;
  const chartRows = Math.max(1, perChart - 1);
  const showCharts = chartWidth >= 14 && differing.length > 0;
  const cell = (s: string, color?: string) => (
    <Box width={CELL} justifyContent="flex-end"><Text color={color} wrap="truncate">{s}</Text></Box>
  );
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">Compare {cmp.title}</Text>
      <Box>
        <Box flexDirection="column" width={tableWidth} flexShrink={0}>
          <Box>
            <Box width={labelWidth}><Text bold wrap="truncate">{`at ${date}`}</Text></Box>
            {cell('this')}{cell('ref')}{cell('diff')}{cell('diff end')}
          </Box>
          {cmp.rows.map((r) => {
            const { label, digits } = labelOf(r.metric);
            const color = (d: number) => (fmtDiff(d, digits) === fmt(0, digits) ? undefined : d > 0 ? 'yellow' : 'cyan');
            return (
              <Box key={r.metric}>
                <Box width={labelWidth}><Text wrap="truncate">{label}</Text></Box>
                {cell(fmt(r.current, digits))}
                {cell(fmt(r.reference, digits))}
                {cell(fmtDiff(r.diff, digits), color(r.diff))}
                {cell(fmtDiff(r.horizon.diff, digits), color(r.horizon.diff))}
              </Box>
            );
          })}
          <Text dimColor wrap="wrap">{`diff end: at ${horizonDate}, both going on with the script alone. Esc closes`}</Text>
        </Box>
        {showCharts ? (
          <Box flexDirection="column" width={chartWidth} marginLeft={GAP}>
            {differing.map((m) => (
              <Box key={m} flexDirection="column">
                <Text wrap="truncate">
                  {labelOf(m).label} <Text color="cyan">this</Text> <Text color="magenta">ref</Text>
                </Text>
                <Chart
                  history={cmp.currentPath.map((x) => x[m])}
                  overlay={cmp.referencePath.map((x) => x[m])}
                  horizon={cmp.currentPath.length}
                  width={chartWidth}
                  height={chartRows}
                  marker={cmp.steps - 1}
                />
              </Box>
            ))}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}
