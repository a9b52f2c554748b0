// The chart as Ink rows: the y-axis range on the left (max on the top row, min on the bottom),
// history in the panel's colour, the fan dim, an overlay in magenta, the step on screen marked.
// With NO_COLOR the fan is drawn in shade, so it stays apart from the line without colour.

import { Box, Text } from 'ink';
import { type ChartInput, chartRange, type Run, renderChart } from './braille.js';

/** An axis label: short, at most 5 characters where it can be. */
export function axisLabel(x: number): string {
  const a = Math.abs(x);
  if (a >= 10_000) return `${Math.round(x / 1000)}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1).replace(/\.0$/, '');
  if (a >= 1) return x.toFixed(1).replace(/\.0$/, '');
  if (a === 0) return '0';
  return x.toFixed(2).replace(/0$/, '');
}

const noColor = () => 'NO_COLOR' in process.env && process.env.NO_COLOR !== '';

function runText(run: Run, plain: boolean): string {
  return plain && run.kind === 'fan' ? run.text.replace(/[^ ]/g, '░') : run.text;
}

export function Chart(props: ChartInput & { color?: string }) {
  const [lo, hi] = chartRange(props);
  const top = axisLabel(hi);
  const bottom = axisLabel(lo);
  const axis = Math.max(top.length, bottom.length) + 1;
  const rows = renderChart({ ...props, width: Math.max(4, props.width - axis) });
  const plain = noColor();
  return (
    <Box flexDirection="column">
      {rows.map((runs, r) => (
        <Text key={r} wrap="truncate">
          <Text dimColor>{(r === 0 ? top : r === rows.length - 1 ? bottom : '').padStart(axis - 1)}▕</Text>
          {runs.map((run, i) => (
            <Text
              key={i}
              color={run.kind === 'line' ? (props.color ?? 'cyan') : run.kind === 'overlay' ? 'magenta' : run.kind === 'fan' ? 'gray' : undefined}
              dimColor={run.kind === 'fan' || run.kind === 'marker'}
            >
              {runText(run, plain)}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
