// The screen and its key flows: keys in, frames out (ink-testing-library).

import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { App } from '../src/tui/App.js';
import type { SessionIo } from '../src/tui/io.js';
import { renderChart } from '../src/tui/chart/braille.js';
import { layoutFor } from '../src/tui/layout.js';
import { EventLog } from '../src/tui/components/EventLog.js';
import { KEYS } from '../src/tui/components/keys.js';
import { buildMove, initialValues, KEPT_ON_LAPSE, MOVE_FORMS, takesKept } from '../src/tui/palette/forms.js';
import { step } from '../src/model/step.js';
import { moveSchema } from '../src/scenario/schema/moves.js';
import { central, eveState } from './helpers/state.js';

const scn = loadScenario('busan-truce');
const ESC = '\u001b';
const DOWN = '\u001b[B';
const UP = '\u001b[A';
const RIGHT = '\u001b[C';

function memIo(): SessionIo & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return { cwd: '.', files, exists: (p) => files.has(p), write: (p, t) => void files.set(p, t) };
}

/** Waits for a frame that passes the check (renders are async); fails with the last frame. */
async function frameWhere(app: ReturnType<typeof render>, check: (frame: string) => boolean): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const f = app.lastFrame() ?? '';
    if (check(f)) return f;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no such frame; last:\n${app.lastFrame()}`);
}

let app: ReturnType<typeof render> | null = null;
afterEach(() => app?.unmount());

async function start(io = memIo(), fanRuns = 0) {
  app = render(createElement(App, { scn, io, fanRuns }));
  await frameWhere(app, (f) => f.includes('step 0/77'));
  return { app, io };
}

/** Input hooks subscribe in an effect after a view's first frame: let them, then type. */
const settle = () => new Promise((r) => setTimeout(r, 30));

async function press(a: ReturnType<typeof render>, key: string, until: (f: string) => boolean) {
  await settle();
  a.stdin.write(key);
  return frameWhere(a, until);
}

type Screen = Awaited<ReturnType<typeof start>>['app'];

/** From an actor's list of moves: down to `move` (the `downs`-th after the first), Enter, and its form once `ready`. */
async function openForm(app: Screen, downs: number, move: string, ready: (f: string) => boolean): Promise<string> {
  await settle();
  for (let k = 0; k < downs; k++) app.stdin.write(DOWN);
  await frameWhere(app, (f) => f.includes(`> ${move}`));
  return press(app, '\r', ready);
}

/** Opens the palette on China's impose_rare_earth_curbs, with its parameters shown. */
async function openCurbsInPalette(app: Screen): Promise<void> {
  await press(app, 'm', (f) => f.includes('Move palette'));
  await press(app, DOWN, (f) => f.includes('> cn (China)'));
  await press(app, '\r', (f) => f.includes('set_tariff'));
  // cn moves: set, raise, lower, add layer, suspend, restore, threaten, impose threat, drop threat, curbs.
  await openForm(app, 9, 'impose_rare_earth_curbs', (f) => f.includes('level 0..1: 0.8'));
}

/** From the palette's actor list with cn chosen (or us, `downs` 2): both, then hold_summit's form (its name field). */
async function openSummitForm(app: Screen, downs = 1): Promise<string> {
  for (let k = 1; k < downs; k++) await press(app, DOWN, () => true);
  await press(app, DOWN, (f) => f.includes('> both'));
  await press(app, '\r', (f) => f.includes('> sign_agreement'));
  // both's moves: sign, extend, let lapse, summit.
  return openForm(app, 3, 'hold_summit', (f) => f.includes('name: summit'));
}

/**
 * Focuses the event log and selects older lines (↑) until a line matches: the event is in the log,
 * wherever it is. A step's later events (a breach's lapse moves) can push it off the last page.
 */
async function findInLog(app: Screen, line: RegExp): Promise<string> {
  await press(app, 'l', (f) => f.includes('▸Events'));
  for (let k = 0; k < 30 && !line.test(app.lastFrame() ?? ''); k++) await press(app, UP, () => true);
  return frameWhere(app, (f) => line.test(f));
}

describe('play screen', () => {
  it('shows the header, the panels, the event log and the key hints', async () => {
    const { app } = await start();
    const f = app.lastFrame()!;
    for (const text of ['busan-truce', '2025-10-30', 'seed 2025', 'Tariffs', 'Rare earths', 'Soybeans', 'Trade & prices', 'Tension & costs', 'Events', 'q quit']) expect(f).toContain(text);
  });

  it('steps with n, the right arrow and N; undoes and redoes', async () => {
    const { app } = await start();
    await press(app, 'n', (f) => f.includes('step 1/77'));
    await press(app, RIGHT, (f) => f.includes('step 2/77'));
    const f = await press(app, 'N', (f) => f.includes('step 12/77'));
    expect(f).toMatch(/\[script\]/);
    await press(app, 'u', (f) => f.includes('step 2/77'));
    await press(app, 'r', (f) => f.includes('step 12/77'));
  });

  it('applies a move from the palette and logs it as yours', async () => {
    const { app } = await start();
    await press(app, 'n', (f) => f.includes('step 1/77'));
    await openCurbsInPalette(app);
    const f = await press(app, '\r', (f) => f.includes('step 2/77'));
    expect(f).toContain('your move: impose_rare_earth_curbs by cn at step 2');
    // Curbs at 0.8 the step the Busan truce is signed (curbs 0) breach it: its lapse moves follow
    // the user's move in the log, made by the model.
    expect(f).toMatch(/\[model\] .*\(Busan truce breached\)/);
    // The move itself, logged as yours, and the breach it made, yours too (lines cut at 100 columns).
    await findInLog(app, /\[you\] CN breaches Busan truce: re-imposes rare-earth curbs the truce/);
    await findInLog(app, /\[you\] CN tightens rare-earth export curbs: 0\.00 -> 0\.80/);
  });

  it('keeps moves with Ctrl+A and applies them together at one step', async () => {
    const { app } = await start();
    await press(app, 'n', (f) => f.includes('step 1/77'));
    await openCurbsInPalette(app);
    // Kept: back to the actor, from the top, the kept move listed.
    let f = await press(app, '\u0001', (f) => f.includes('1. cn impose_rare_earth_curbs (level 0.8)'));
    expect(f).toContain('> us (United States)');
    expect(f).toContain('a apply the 1 kept');
    // The US answer: raise_tariff on its first layer, by 100.
    await press(app, '\r', (f) => f.includes('> set_tariff'));
    await press(app, DOWN, (f) => f.includes('> raise_tariff'));
    await press(app, '\r', (f) => f.includes('by_pp 0..1000: 10'));
    await press(app, DOWN, (f) => f.includes('> by_pp'));
    await press(app, '0', (f) => f.includes('by_pp 0..1000: 100_'));
    f = await press(app, '\r', (f) => f.includes('step 2/77'));
    expect(f).toMatch(/your moves: impose_rare_earth_curbs by cn, raise_tariff by us at step 2/);
  });

  it('holds a named summit of the kept moves: tension eases, the moves apply, the log names it', async () => {
    const { app } = await start();
    await press(app, 'n', (f) => f.includes('step 1/77'));
    // A summit with nothing kept is refused, with what to do.
    await press(app, 'm', (f) => f.includes('Move palette'));
    await press(app, DOWN, (f) => f.includes('> cn (China)'));
    let f = await openSummitForm(app);
    expect(f).toContain('Enter holds the summit with the 0 kept moves');
    f = await press(app, '\r', (f) => f.includes('keep them first (Ctrl+A on each)'));
    expect(f).toContain('Move palette');
    await press(app, ESC, (f) => f.includes('q quit'));
    // Keep China's curbs, then hold them as "Busan II".
    await openCurbsInPalette(app);
    await press(app, '\u0001', (f) => f.includes('1. cn impose_rare_earth_curbs (level 0.8)'));
    f = await openSummitForm(app, 2);
    expect(f).toContain('Enter holds the summit with the 1 kept move');
    expect(f).toContain("(the summit's moves)");
    // Ctrl+A does not keep a summit: it already holds the kept moves.
    f = await press(app, '\u0001', (f) => f.includes('a summit holds the kept moves: Enter holds it'));
    for (let k = 0; k < 6; k++) await press(app, '\u007f', () => true);
    await frameWhere(app, (f) => f.includes('name: _'));
    for (const c of 'Busan II') await press(app, c, () => true);
    await frameWhere(app, (f) => f.includes('name: Busan II_'));
    f = await press(app, '\r', (f) => f.includes('step 2/77'));
    expect(f).toContain('your move: summit "Busan II" (impose_rare_earth_curbs by cn) at step 2');
    // The summit in the log, then its move (here a breach of the Busan truce, whose lapse moves end the log).
    await findInLog(app, /\[you\] CN tightens rare-earth export curbs: 0\.00 -> 0\.80, licence delays 0 weeks/);
    await findInLog(app, /\[you\] Summit: Busan II \(your move\)/);
  });

  it('signs an agreement whose lapse is the kept moves: they are not applied now', async () => {
    const { app } = await start();
    await press(app, 'n', (f) => f.includes('step 1/77'));
    await openCurbsInPalette(app);
    await press(app, '\u0001', (f) => f.includes('1. cn impose_rare_earth_curbs (level 0.8)'));
    await press(app, DOWN, (f) => f.includes('> cn (China)'));
    await press(app, DOWN, (f) => f.includes('> both'));
    await press(app, '\r', (f) => f.includes('> sign_agreement'));
    await press(app, '\r', (f) => f.includes('agreement: new_deal'));
    await settle();
    for (let k = 0; k < 4; k++) app.stdin.write(DOWN);
    await frameWhere(app, (f) => f.includes('> on_lapse: < restore suspended tariffs >'));
    let f = await press(app, RIGHT, (f) => f.includes('on_lapse: < the kept moves >'));
    expect(f).toContain('Enter signs it; the 1 kept move happens if it lapses, not now');
    expect(f).toContain('(what its lapse brings)');
    f = await press(app, '\r', (f) => f.includes('step 2/77'));
    expect(f).toContain('your move: sign_agreement by both at step 2');
    expect(f).not.toContain('impose_rare_earth_curbs by cn');
  });

  it('refuses to keep a move the schema rejects, and drops a kept one with backspace', async () => {
    const { app } = await start();
    await openCurbsInPalette(app);
    await press(app, '\u007f', (f) => f.includes('level 0..1: 0._'));
    await press(app, '\u007f', (f) => f.includes('level 0..1: 0_'));
    await press(app, '\u007f', (f) => f.includes('level 0..1: _'));
    await press(app, 'x', (f) => f.includes('level 0..1: x_'));
    let f = await press(app, '\u0001', (f) => /level/.test(f) && f.split('\n').some((l) => l.includes('level') && l.includes('number')));
    expect(f).not.toContain('kept');
    await press(app, '\u007f', (f) => f.includes('level 0..1: _'));
    await press(app, '1', (f) => f.includes('level 0..1: 1_'));
    f = await press(app, '\u0001', (f) => f.includes('1. cn impose_rare_earth_curbs (level 1)'));
    f = await press(app, '\u007f', (f) => !f.includes('kept'));
    expect(f).toContain('> us (United States)');
    await press(app, ESC, (f) => f.includes('q quit'));
  });

  it('keeps the palette open with the reason when a move is illegal', async () => {
    const { app } = await start();
    await press(app, 'm', (f) => f.includes('Move palette'));
    await press(app, '\r', (f) => f.includes('set_tariff'));
    await press(app, '\r', (f) => f.includes('rate_pct 0..1000: 50'));
    await press(app, DOWN, (f) => f.includes('> rate_pct'));
    await press(app, '\u007f', (f) => f.includes('rate_pct 0..1000: 5_'));
    await press(app, '\u007f', (f) => f.includes('rate_pct 0..1000: _'));
    await press(app, 'x', (f) => f.includes('rate_pct 0..1000: x'));
    await press(app, '\r', (f) => f.includes('illegal move'));
    await press(app, ESC, (f) => f.includes('q quit'));
  });

  it('opens help with ? and closes it with Esc', async () => {
    const { app } = await start();
    const help = await press(app, '?', (f) => f.includes('Keys'));
    for (const k of ['ten steps', 'undo', 'redo', 'move palette', 'branch here', 'compare', 'save', 'CSV', 'Esc', 'quit']) expect(help).toContain(k);
    // Each key's line fits 80 columns whole (the key column is 12 wide).
    for (const [k, what] of KEYS) expect(`${k.padEnd(12)}${what}`.length, k).toBeLessThanOrEqual(80);
    expect(help).toContain('Ctrl+A or Ctrl+K keeps one');
    await press(app, ESC, (f) => f.includes('q quit'));
  });

  it('keeps the actor apart from who decided in the event log', () => {
    const log = render(createElement(EventLog, { events: [{ step: 0, actor: 'model', kind: 'lapse', type: 'agreement_lapsed', source: 'model', text: 'Busan truce lapses', tension_delta: 10 }], rows: 3, dateOf: () => '2026-11-12' }));
    expect(log.lastFrame()).toContain('2026-11-12 MODEL [model] Busan truce lapses');
    log.unmount();
  });

  it('branches, compares with the parent, saves and exports', async () => {
    const { app, io } = await start();
    await press(app, 'N', (f) => f.includes('step 10/77'));
    await press(app, 'b', (f) => f.includes('branch 2 (from 1 @ step 10)'));
    await openCurbsInPalette(app);
    await press(app, '\r', (f) => f.includes('step 11/77'));
    const cmp = await press(app, 'c', (f) => f.includes('Compare'));
    expect(cmp).toContain('branch 2 vs its parent, branch 1');
    expect(cmp).toMatch(/Rare-earth curb, 0-1\s+0\.80\s+0\.00\s+\+0\.80/);
    await press(app, ESC, (f) => f.includes('q quit'));
    const saved = await press(app, 's', (f) => f.includes('saved'));
    expect(saved).toContain('./tariff-sim-session-busan-truce-1.yaml');
    expect(io.files.get('./tariff-sim-session-busan-truce-1.yaml')).toContain('impose_rare_earth_curbs');
    await press(app, 's', (f) => f.includes('busan-truce-2.yaml'));
    await press(app, 'e', (f) => f.includes('exported'));
    expect([...io.files.keys()].some((p) => p.endsWith('.csv'))).toBe(true);
  });

  it('moves the focus with Tab and shows the focused panel details', async () => {
    const { app } = await start();
    expect(app.lastFrame()).toContain('Tariffs: details');
    await press(app, '\t', (f) => f.includes('Rare earths: details'));
  });

  it('draws the fan ahead once the background ensemble is done', async () => {
    app = render(createElement(App, { scn, io: memIo(), fanRuns: 20 }));
    await frameWhere(app, (f) => f.includes('p5-p95 of 20/20 runs ahead, from step 1'));
  });
});

describe('layout and chart', () => {
  it('keeps the live region shorter than the terminal and uses more room when there is some', () => {
    for (const [c, r] of [[80, 24], [120, 40], [200, 60]]) {
      const l = layoutFor(c, r);
      const hint = l.hintRows;
      const used = 1 + 2 * (3 + l.chartRows) + 1 + l.logRows + 1 + hint;
      expect(used).toBeLessThan(r);
    }
    expect(layoutFor(120, 40).chartRows).toBeGreaterThan(layoutFor(80, 24).chartRows);
  });

  it('draws a line and a band in braille', () => {
    const rows = renderChart({ history: [0, 1, 2, 3], fan: { from: 4, lo: [3, 3], hi: [4, 5] }, horizon: 6, width: 6, height: 2 });
    expect(rows).toHaveLength(2);
    const kinds = new Set(rows.flat().map((r) => r.kind));
    expect(kinds.has('line')).toBe(true);
    expect(kinds.has('fan')).toBe(true);
    expect(rows.map((r) => r.map((x) => x.text).join('').length)).toEqual([6, 6]);
  });
});

describe('the palette\'s agreement form', () => {
  it('signs a truce whose lapse restores the suspended tariffs, or nothing', () => {
    const s0 = eveState();
    const form = MOVE_FORMS.find((f) => f.type === 'sign_agreement')!;
    const values = initialValues(form, s0, 'both');
    values[form.fields.findIndex((f) => f.name === 'until')] = '4';
    const move = buildMove(form, 'both', values, s0);
    // On the eve of Busan both reciprocal layers hold 24 pp in suspense.
    const suspended = [...s0.us_layers, ...s0.cn_layers].filter((l) => l.suspended_pct > 0);
    expect(suspended.map((l) => l.id)).toEqual(['us_ieepa_reciprocal', 'cn_retaliation']);
    expect(move.on_lapse).toEqual(suspended.map((l) => ({ type: 'restore_tariff', actor: l.imposer, layer: l.id })));
    // The lapse, four weeks on, puts them back.
    let s = step(s0, [{ move: moveSchema.parse(move), source: 'user' }], central()).state;
    for (let k = 0; k < 4; k++) s = step(s, [], central()).state;
    expect(s.us_layers.find((l) => l.id === 'us_ieepa_reciprocal')).toMatchObject({ rate_pct: 34, suspended_pct: 0 });
    values[form.fields.findIndex((f) => f.name === 'on_lapse')] = 'nothing';
    expect(buildMove(form, 'both', values, s0).on_lapse).toEqual([]);
  });

  it('signs an agreement whose lapse brings the kept moves: nothing now, the moves at the deadline', () => {
    const s0 = eveState();
    const form = MOVE_FORMS.find((f) => f.type === 'sign_agreement')!;
    const values = initialValues(form, s0, 'both');
    values[form.fields.findIndex((f) => f.name === 'until')] = '4';
    expect(takesKept(form, values)).toBeNull();
    values[form.fields.findIndex((f) => f.name === 'on_lapse')] = KEPT_ON_LAPSE;
    expect(takesKept(form, values)).toBe('lapse');
    const threat = { type: 'raise_tariff', actor: 'us', layer: 'us_ieepa_fentanyl', by_pp: 100 };
    const move = buildMove(form, 'both', values, s0, [threat]);
    expect(move.on_lapse).toEqual([threat]);
    const fentanyl = (s: typeof s0) => s.us_layers.find((l) => l.id === 'us_ieepa_fentanyl')!.rate_pct;
    let s = step(s0, [{ move: moveSchema.parse(move), source: 'user' }], central()).state;
    expect(fentanyl(s)).toBe(fentanyl(s0));
    for (let k = 0; k < 3; k++) s = step(s, [], central()).state;
    expect(fentanyl(s)).toBe(fentanyl(s0)); // step 3: not yet
    s = step(s, [], central()).state;
    expect(fentanyl(s)).toBe(fentanyl(s0) + 100); // step 4: the agreement lapses, the threat is carried out
    // A summit holds the kept moves as its own.
    const summit = MOVE_FORMS.find((f) => f.type === 'hold_summit')!;
    expect(takesKept(summit, ['Busan II'])).toBe('summit');
    const held = buildMove(summit, 'both', ['Busan II'], s0, [threat]);
    expect(held).toEqual({ type: 'hold_summit', actor: 'both', name: 'Busan II', moves: [threat] });
    expect(Object.keys(held)).toEqual(['type', 'actor', 'name', 'moves']); // as a scenario file has it, when saved
  });
});
