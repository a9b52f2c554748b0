// The chart as Ink rows: history in the panel's colour, the fan dim, an overlay in magenta.

import { Box, Text } from 'ink';
import { type ChartInput, renderChart } from './braille.js';

export function Chart(props: ChartInput & { color?: string }) {
  const rows = renderChart(props);
  return (
    <Box flexDirection="column">
      {rows.map((runs, r) => (
        <Text key={r} wrap="truncate">
          {runs.map((run, i) => (
            <Text key={i} color={run.kind === 'line' ? (props.color ?? 'cyan') : run.kind === 'overlay' ? 'magenta' : run.kind === 'fan' ? 'gray' : undefined} dimColor={run.kind === 'fan'}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
