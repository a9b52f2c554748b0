// One panel: title (highlighted when focused), its value lines, the chart of the chosen series.

import { Box, Text } from 'ink';
import type { MetricName, Metrics } from '../../model/metrics.js';
import { Chart } from '../chart/Chart.js';
import type { Fan } from '../ensemble/fan.js';
import { labelOf } from '../metricLabels.js';
import type { PanelDef } from '../panels.js';
import { PANEL_VALUE_ROWS } from '../layout.js';

export interface PanelViewProps {
  def: PanelDef;
  focused: boolean;
  metric: MetricName;
  /** Rows 0..shown of `run` (the numbers on screen are the last). */
  history: Metrics[];
  /** Null: the fan is hidden or not computed yet. */
  fan: Fan | null;
  horizon: number;
  width: number;
  chartRows: number;
}

/** The panel's title and chart: `Trade & prices: imports $bn`, or its first word where that is too long. */
export function titleFor(title: string, short: string, width: number, focused: boolean): string {
  const mark = focused ? '▸' : ' ';
  const full = `${title}: ${short}`;
  return `${mark}${full.length <= width ? full : `${title.split(' ')[0]}: ${short}`}`;
}

export function PanelView({ def, focused, metric, history, fan, horizon, width, chartRows }: PanelViewProps) {
  const last = history.at(-1);
  const values = last ? def.values(last) : ['(no step yet)'];
  const band = fan?.bands[metric];
  const lines = [...values, ...Array(PANEL_VALUE_ROWS).fill('')].slice(0, PANEL_VALUE_ROWS);
  return (
    <Box flexDirection="column" width={width} marginRight={1}>
      <Text wrap="truncate" bold color={focused ? 'black' : def.color} backgroundColor={focused ? def.color : undefined}>
        {titleFor(def.title, labelOf(metric).short, width - 2, focused)}
      </Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">{l}</Text>
      ))}
      <Chart
        history={history.map((m) => m[metric])}
        fan={band && fan ? { from: fan.fromStep, lo: band.p5, hi: band.p95 } : undefined}
        horizon={horizon}
        width={width - 1}
        height={chartRows}
        color={def.color}
        marker={history.length - 1}
      />
    </Box>
  );
}
