// The play screen: session state, views, keys. The session reducer does the work; this maps keys
// to actions and lays the panels out for the terminal's size.

import { Box, Text, useApp, useInput } from 'ink';
import { useMemo, useReducer, useState } from 'react';
import { dateOfStep } from '../model/calendar.js';
import type { MetricName } from '../model/metrics.js';
import type { Scenario } from '../scenario/compile.js';
import { CompareView } from './components/CompareView.js';
import { Details } from './components/Details.js';
import { EventLog } from './components/EventLog.js';
import { Header } from './components/Header.js';
import { Help } from './components/Help.js';
import { KeyHints } from './components/KeyHints.js';
import { PanelView } from './components/PanelView.js';
import { freshPath, nodeIo, type SessionIo } from './io.js';
import { layoutFor } from './layout.js';
import { Palette } from './palette/Palette.js';
import { PANELS } from './panels.js';
import { compare, type Comparison } from './session/compare.js';
import { metricsOf } from './session/history.js';
import { createSession, currentBranch, reduce } from './session/reducer.js';
import { exportCsv, saveScenarioYaml } from './session/save.js';
import { checkMove } from './session/validateMove.js';
import { useFan } from './useFan.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface AppProps {
  scn: Scenario;
  seed?: string;
  io?: SessionIo;
  /** Runs in the fan (200; tests use fewer, 0 for none). */
  fanRuns?: number;
}

type View = 'main' | 'palette' | 'help' | 'compare';

/** A move from the palette in the notice: its type and actor, or a summit's name and what it held. */
function moveInWords(m: Record<string, unknown>): string {
  if (m.type === 'hold_summit' && Array.isArray(m.moves)) return `summit "${String(m.name)}" (${(m.moves as Record<string, unknown>[]).map(moveInWords).join(', ')})`;
  return `${String(m.type)} by ${String(m.actor)}`;
}

export function App({ scn, seed, io = nodeIo, fanRuns = 200 }: AppProps) {
  const { exit } = useApp();
  const [session, dispatch] = useReducer(reduce, undefined, () => createSession(scn, seed));
  const [view, setView] = useState<View>('main');
  const [focus, setFocus] = useState(0);
  const [seriesIdx, setSeriesIdx] = useState<number[]>(() => PANELS.map(() => 0));
  const [notice, setNotice] = useState<string | null>(null);
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const { columns, rows } = useTerminalSize();
  const layout = layoutFor(columns, rows);

  const branch = currentBranch(session);
  const snap = branch.snapshots[branch.cursor];
  const history = useMemo(() => metricsOf(branch), [branch]);
  const events = useMemo(() => branch.snapshots.slice(1, branch.cursor + 1).flatMap((s) => s.events), [branch]);
  const fan = useFan(scn, session.seed, snap, fanRuns);
  const dateOf = (k: number) => dateOfStep(scn.start, scn.step_unit, k);
  const metricOf = (i: number): MetricName => PANELS[i].series[seriesIdx[i] % PANELS[i].series.length];

  const act = (a: Parameters<typeof reduce>[1]) => {
    setNotice(null);
    dispatch(a);
  };
  const write = (stem: string, ext: string, text: string, what: string) => {
    try {
      const path = freshPath(io, stem, ext);
      io.write(path, text);
      setNotice(`${what} ${path}`);
    } catch (e) {
      setNotice(`could not write: ${(e as Error).message}`);
    }
  };

  useInput(
    (input, key) => {
      if (view !== 'main') {
        if (key.escape) setView('main');
        else if (input === 'q') exit();
        return;
      }
      if (input === 'q') return exit();
      if (input === 'n' || key.rightArrow) return act({ type: 'step' });
      if (input === 'N') return act({ type: 'step10' });
      if (input === 'u') return act({ type: 'undo' });
      if (input === 'r') return act({ type: 'redo' });
      if (input === 'b') {
        act({ type: 'branch' });
        return setNotice(`branch ${Math.max(...session.branches.map((b) => b.id)) + 1} starts here, at step ${branch.cursor}`);
      }
      if (input === ']') return act({ type: 'switchBranch', by: 1 });
      if (input === '[') return act({ type: 'switchBranch', by: -1 });
      if (input === 'm') {
        act({ type: 'clearError' });
        return setView('palette');
      }
      if (input === 'c') {
        setCmp(compare(session));
        return setView('compare');
      }
      if (input === '?') return setView('help');
      if (input === 's') return write(`tariff-sim-session-${scn.name}`, 'yaml', saveScenarioYaml(session), 'saved; replay with `tariff-sim run`:');
      if (input === 'e') return write(`tariff-sim-session-${scn.name}-branch${branch.id}`, 'csv', exportCsv(session), 'exported');
      if (key.tab) return setFocus((f) => (f + (key.shift ? PANELS.length - 1 : 1)) % PANELS.length);
      if (key.upArrow || key.downArrow) return setSeriesIdx((xs) => xs.map((x, i) => (i === focus ? x + (key.upArrow ? PANELS[i].series.length - 1 : 1) : x)));
      if (key.escape) {
        setNotice(null);
        act({ type: 'clearError' });
      }
    },
    { isActive: view !== 'palette' },
  );

  const branchLabel = `branch ${branch.id}${branch.parentId !== null ? ` (from ${branch.parentId} @ step ${branch.forkStep})` : ''} of ${session.branches.length}`;
  const header = <Header scenario={scn.name} date={dateOf(branch.cursor)} step={branch.cursor} horizon={scn.horizon} seed={session.seed} branch={branchLabel} />;
  const bodyRows = layout.rows - 3;

  if (view === 'palette') {
    return (
      <Box flexDirection="column">
        {header}
        <Palette
          state={snap.state}
          date={dateOf(branch.cursor)}
          error={session.error}
          rows={bodyRows}
          onApply={(moves) => {
            const next = reduce(session, { type: 'applyMoves', moves });
            dispatch({ type: 'applyMoves', moves });
            if (next.error === null) {
              setView('main');
              const what = moves.map(moveInWords).join(', ');
              setNotice(`your move${moves.length > 1 ? 's' : ''}: ${what} at step ${branch.cursor}`);
            }
          }}
          check={(move) => {
            const checked = checkMove(move);
            return checked.ok ? null : checked.message;
          }}
          onClose={() => setView('main')}
        />
      </Box>
    );
  }
  if (view === 'help') return <Box flexDirection="column">{header}<Help /></Box>;
  if (view === 'compare' && cmp) {
    return (
      <Box flexDirection="column">
        {header}
        <CompareView cmp={cmp} date={dateOf(cmp.steps)} horizon={scn.horizon} columns={layout.columns} rows={bodyRows} charts={[metricOf(focus), 'escalation_index', 'us_tariff_on_cn_pct'].filter((m, i, a) => a.indexOf(m) === i).slice(0, 3) as MetricName[]} />
      </Box>
    );
  }

  const panel = (i: number) => (
    <PanelView key={PANELS[i].id} def={PANELS[i]} focused={focus === i} metric={metricOf(i)} history={history} fan={fan} horizon={scn.horizon} width={layout.panelWidth} chartRows={layout.chartRows} />
  );
  const status = session.error
    ? <Text color="red" wrap="truncate">{session.error}</Text>
    : notice
      ? <Text color="green" wrap="truncate">{notice}</Text>
      : <Text dimColor wrap="truncate">{fan ? `fan: p5-p95 of ${fan.runsDone}/${fan.runsTotal} runs from step ${fan.fromStep}` : fanRuns > 0 ? 'fan: computing...' : ' '}</Text>;
  return (
    <Box flexDirection="column">
      {header}
      <Box>{[0, 1, 2].map(panel)}</Box>
      <Box>
        {[3, 4].map(panel)}
        <Details def={PANELS[focus]} state={snap.state} metrics={snap.metrics} fan={fan} metric={metricOf(focus)} width={layout.panelWidth} rows={3 + layout.chartRows} />
      </Box>
      <EventLog events={events} rows={layout.logRows} dateOf={dateOf} />
      {status}
      <KeyHints rows={layout.hintRows} />
    </Box>
  );
}
