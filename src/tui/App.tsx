// The play screen: session state, views, keys. The session reducer does the work; this maps keys
// (components/keys.ts, every binding in one place) to actions and lays the panels out for the
// terminal's size. The header names the row of `run` whose numbers are on screen.

import { Box, Text, useApp, useInput } from 'ink';
import { useMemo, useReducer, useState } from 'react';
import { dateOfStep } from '../model/calendar.js';
import type { MetricName } from '../model/metrics.js';
import type { Scenario } from '../scenario/compile.js';
import { CompareView } from './components/CompareView.js';
import { Details } from './components/Details.js';
import { EventDetail } from './components/EventDetail.js';
import { EventLog, loggedEvents } from './components/EventLog.js';
import { Header } from './components/Header.js';
import { Help } from './components/Help.js';
import { KeyHints } from './components/KeyHints.js';
import { type Action, actionsOf } from './components/keys.js';
import { PanelView } from './components/PanelView.js';
import { freshPath, nodeIo, type SessionIo } from './io.js';
import { layoutFor } from './layout.js';
import { Palette } from './palette/Palette.js';
import { PANELS } from './panels.js';
import { compare, type Comparison } from './session/compare.js';
import { metricsOf } from './session/history.js';
import { currentBranch, openSession, reduce, shownStep } from './session/reducer.js';
import { exportCsv, saveScenarioYaml, unsavedWork } from './session/save.js';
import { checkMove } from './session/validateMove.js';
import { useFan } from './useFan.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface AppProps {
  scn: Scenario;
  seed?: string;
  io?: SessionIo;
  /** Runs in the fan (200; tests use fewer, 0 for none). */
  fanRuns?: number;
  /** The scenario file's `# yaml-language-server: $schema=...` line, as a saved session should carry it. */
  schemaLine?: string | null;
}

type View = 'main' | 'palette' | 'help' | 'compare' | 'event';

/** A move from the palette in the notice: its type and actor, or a summit's name and what it held. */
function moveInWords(m: Record<string, unknown>): string {
  if (m.type === 'hold_summit' && Array.isArray(m.moves)) return `summit "${String(m.name)}" (${(m.moves as Record<string, unknown>[]).map(moveInWords).join(', ')})`;
  return `${String(m.type)} by ${String(m.actor)}`;
}

/** The log's place in the focus ring: after the five panels. */
const LOG = PANELS.length;

export function App({ scn, seed, io = nodeIo, fanRuns = 200, schemaLine = null }: AppProps) {
  const { exit } = useApp();
  const [session, dispatch] = useReducer(reduce, undefined, () => openSession(scn, seed));
  const [view, setView] = useState<View>('main');
  const [focus, setFocus] = useState(0);
  const [seriesIdx, setSeriesIdx] = useState<number[]>(() => PANELS.map(() => 0));
  const [notice, setNotice] = useState<string | null>(null);
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const [showFan, setShowFan] = useState(true);
  /** Selected line of the log (index into loggedEvents); null follows the newest. */
  const [logSel, setLogSel] = useState<number | null>(null);
  const [confirmQuit, setConfirmQuit] = useState(false);
  /** What the last save held (save.ts unsavedWork): quitting with more asks first. */
  const [savedWork, setSavedWork] = useState('');
  const { columns, rows } = useTerminalSize();
  const layout = layoutFor(columns, rows);

  const branch = currentBranch(session);
  const snap = branch.snapshots[branch.cursor];
  const shown = shownStep(branch);
  const history = useMemo(() => metricsOf(branch), [branch]);
  const events = useMemo(() => loggedEvents(branch.snapshots.slice(1, branch.cursor + 1).flatMap((s) => s.events)), [branch]);
  const computed = useFan(scn, session.seed, snap, fanRuns);
  const fan = showFan ? computed : null;
  const dateOf = (k: number) => dateOfStep(scn.start, scn.step_unit, k);
  const metricOf = (i: number): MetricName => PANELS[i].series[seriesIdx[i] % PANELS[i].series.length];
  const selIdx = events.length === 0 ? -1 : Math.min(events.length - 1, logSel ?? events.length - 1);
  const work = unsavedWork(session);
  const dirty = work !== '' && work !== savedWork;

  const act = (a: Parameters<typeof reduce>[1]) => {
    setNotice(null);
    dispatch(a);
  };
  const write = (stem: string, ext: string, text: string, what: string): boolean => {
    try {
      const path = freshPath(io, stem, ext);
      io.write(path, text);
      setNotice(`${what} ${path}`);
      return true;
    } catch (e) {
      setNotice(`could not write: ${(e as Error).message}`);
      return false;
    }
  };
  const save = () => {
    const ok = write(`tariff-sim-session-${scn.name}`, 'yaml', saveScenarioYaml(session, schemaLine), 'saved; replay with `tariff-sim run`:');
    if (ok) setSavedWork(work);
    return ok;
  };
  const moveSel = (by: number) => {
    if (events.length === 0) return;
    setLogSel(Math.max(0, Math.min(events.length - 1, selIdx + by)));
  };

  /** One action on the main screen; false when it changed the view (the rest of a burst is dropped). */
  const onMain = (a: Action): boolean => {
    switch (a) {
      case 'quit':
        if (dirty) {
          setConfirmQuit(true);
          return false;
        }
        exit();
        return false;
      case 'step':
        act({ type: 'step' });
        return true;
      case 'step10':
        act({ type: 'step10' });
        return true;
      case 'undo':
        act({ type: 'undo' });
        return true;
      case 'redo':
        act({ type: 'redo' });
        return true;
      case 'branch':
        act({ type: 'branch' });
        setNotice(`branch ${Math.max(...session.branches.map((b) => b.id)) + 1} starts here, after step ${shown}`);
        return true;
      case 'nextBranch':
        act({ type: 'switchBranch', by: 1 });
        return true;
      case 'prevBranch':
        act({ type: 'switchBranch', by: -1 });
        return true;
      case 'palette':
        act({ type: 'clearError' });
        setView('palette');
        return false;
      case 'compare':
        setCmp(compare(session));
        setView('compare');
        return false;
      case 'help':
        setView('help');
        return false;
      case 'save':
        save();
        return true;
      case 'export':
        write(`tariff-sim-session-${scn.name}-branch${branch.id}`, 'csv', exportCsv(session), 'exported');
        return true;
      case 'fan':
        setShowFan((x) => !x);
        return true;
      case 'log':
        setFocus(LOG);
        return true;
      case 'focusNext':
        setFocus((f) => (f + 1) % (PANELS.length + 1));
        return true;
      case 'focusPrev':
        setFocus((f) => (f + PANELS.length) % (PANELS.length + 1));
        return true;
      case 'up':
      case 'down': {
        const by = a === 'up' ? -1 : 1;
        if (focus === LOG) moveSel(by);
        else setSeriesIdx((xs) => xs.map((x, i) => (i === focus ? x + (by < 0 ? PANELS[i].series.length - 1 : 1) : x)));
        return true;
      }
      case 'pageUp':
      case 'pageDown':
        setFocus(LOG);
        moveSel((a === 'pageUp' ? -1 : 1) * layout.logRows);
        return true;
      case 'open':
        if (focus === LOG && selIdx >= 0) {
          setView('event');
          return false;
        }
        return true;
      case 'close':
        setNotice(null);
        if (focus === LOG) {
          setLogSel(null);
          setFocus(0);
        }
        act({ type: 'clearError' });
        return true;
    }
  };

  useInput((input, key) => {
    const actions = actionsOf(input, key);
    if (confirmQuit) {
      setConfirmQuit(false);
      if (input === 'q' || actions[0] === 'quit') return exit();
      if (input === 's' && save()) return exit();
      return;
    }
    if (view === 'palette') {
      // The palette reads its own keys; Ctrl+C still quits from there.
      if (key.ctrl && input === 'c') onMain('quit');
      return;
    }
    if (view !== 'main') {
      if (actions[0] === 'close') setView('main');
      else if (actions[0] === 'quit') onMain('quit');
      else if (view === 'event' && (actions[0] === 'up' || actions[0] === 'down')) moveSel(actions[0] === 'up' ? -1 : 1);
      return;
    }
    for (const a of actions) if (!onMain(a)) break;
  });

  const branchLabel = `branch ${branch.id}${branch.parentId !== null ? ` (from ${branch.parentId} @ step ${branch.forkStep - 1})` : ''} of ${session.branches.length}`;
  const header = <Header scenario={scn.name} date={dateOf(shown)} step={shown} lastStep={scn.horizon - 1} seed={session.seed} branch={branchLabel} branchShort={`branch ${branch.id}/${session.branches.length}`} columns={layout.columns} />;
  const bodyRows = layout.rows - 3;
  const quitLine = confirmQuit ? <Text color="yellow" bold wrap="truncate">unsaved: s save, q quit anyway (any other key stays)</Text> : null;

  if (view === 'palette') {
    return (
      <Box flexDirection="column">
        {header}
        <Palette
          state={snap.state}
          date={`step ${branch.cursor}, ${dateOf(branch.cursor)}`}
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
        {quitLine}
      </Box>
    );
  }
  if (view === 'help') return <Box flexDirection="column">{header}<Help />{quitLine}</Box>;
  if (view === 'event' && selIdx >= 0) {
    const e = events[selIdx];
    return (
      <Box flexDirection="column">
        {header}
        <EventDetail event={e} date={dateOf(e.step)} before={e.step > 0 ? history[e.step - 1] ?? null : null} after={history[e.step] ?? null} width={layout.columns} />
        {quitLine}
      </Box>
    );
  }
  if (view === 'compare' && cmp) {
    return (
      <Box flexDirection="column">
        {header}
        <CompareView cmp={cmp} date={dateOf(cmp.steps - 1)} horizonDate={dateOf(scn.horizon - 1)} columns={layout.columns} rows={bodyRows} />
        {quitLine}
      </Box>
    );
  }

  const panel = (i: number) => (
    <PanelView key={PANELS[i].id} def={PANELS[i]} focused={focus === i} metric={metricOf(i)} history={history} fan={fan} horizon={scn.horizon} width={layout.panelWidth} chartRows={layout.chartRows} />
  );
  const fanWords = !showFan ? 'fan hidden (f shows it)' : fan ? `fan: p5-p95 of ${fan.runsDone}/${fan.runsTotal} runs ahead, from step ${fan.fromStep}` : fanRuns > 0 ? 'fan: computing...' : ' ';
  const status = quitLine ?? (session.error
    ? <Text color="red" wrap="truncate">{session.error}</Text>
    : notice
      ? <Text color="green" wrap="truncate">{notice}</Text>
      : <Text dimColor wrap="truncate">{fanWords}</Text>);
  const details = focus === LOG ? 0 : focus;
  return (
    <Box flexDirection="column">
      {header}
      <Box>{[0, 1, 2].map(panel)}</Box>
      <Box>
        {[3, 4].map(panel)}
        <Details def={PANELS[details]} state={snap.state} metrics={history.at(-1) ?? null} fan={fan} metric={metricOf(details)} width={layout.panelWidth} rows={1 + 2 + layout.chartRows} />
      </Box>
      <EventLog events={events} rows={layout.logRows} dateOf={dateOf} selected={focus === LOG ? selIdx : null} focused={focus === LOG} />
      {status}
      <KeyHints rows={layout.hintRows} />
    </Box>
  );
}
