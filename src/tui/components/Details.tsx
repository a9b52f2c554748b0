// The sixth cell: the focused panel's details, and the fan's p5-p95 at the horizon.

import { Box, Text } from 'ink';
import type { MetricName, Metrics } from '../../model/metrics.js';
import type { State } from '../../model/types.js';
import type { Fan } from '../ensemble/fan.js';
import { fmt, labelOf } from '../metricLabels.js';
import type { PanelDef } from '../panels.js';

export function Details(p: { def: PanelDef; state: State; metrics: Metrics | null; fan: Fan | null; metric: MetricName; width: number; rows: number }) {
  const band = p.fan?.bands[p.metric];
  const { digits } = labelOf(p.metric);
  const fanLine = band && band.p5.length
    ? `fan at end: ${fmt(band.p5.at(-1), digits)}..${fmt(band.p95.at(-1), digits)}`
    : p.fan ? 'fan: at the horizon' : 'fan: computing...';
  const lines = [fanLine, ...p.def.details(p.state, p.metrics)].slice(0, p.rows - 1);
  return (
    <Box flexDirection="column" width={p.width}>
      <Text bold wrap="truncate">{p.def.title}: details</Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate" dimColor={i === 0}>{l}</Text>
      ))}
    </Box>
  );
}
