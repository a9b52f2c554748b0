// play as a reader drives it (ink-testing-library, at a given terminal size): the header names the
// row of `run` whose numbers are on screen; no key is lost (bursts, pastes); quitting with unsaved
// work asks; the whole event with its rule's values; the compare view's table apart from its charts;
// and the README's 80x24 capture held to the real screen.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { App } from '../src/tui/App.js';
import { headerText } from '../src/tui/components/Header.js';
import type { SessionIo } from '../src/tui/io.js';
import { layoutFor } from '../src/tui/layout.js';
import { fmt } from '../src/tui/metricLabels.js';
import { openSession, reduce, unsavedWork } from '../src/tui/session/index.js';
import { ROOT } from './helpers/cli.js';

const ESC = '\u001b';
const DOWN = '\u001b[B';
const UP = '\u001b[A';

function memIo(): SessionIo & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return { cwd: '.', files, exists: (p) => files.has(p), write: (p, t) => void files.set(p, t) };
}

type Screen = ReturnType<typeof render>;
let app: Screen | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** The screen at a terminal size (the test stdout's size is read-only: redefined, then a resize). */
async function open(scenario: string, opts: { columns?: number; rows?: number; fanRuns?: number; io?: SessionIo } = {}): Promise<Screen> {
  const columns = opts.columns ?? 80;
  const rows = opts.rows ?? 24;
  app = render(createElement(App, { scn: loadScenario(scenario), io: opts.io ?? memIo(), fanRuns: opts.fanRuns ?? 0 }));
  Object.defineProperty(app.stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows, configurable: true });
  app.stdout.emit('resize');
  await frameWhere(app, (f) => f.includes('step 0/') && f.split('\n').every((l) => stringWidth(l) <= columns));
  return app;
}

async function frameWhere(a: Screen, check: (frame: string) => boolean): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const f = a.lastFrame() ?? '';
    if (check(f)) return f;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no such frame; last:\n${a.lastFrame()}`);
}

/** Input hooks subscribe in an effect after a view's first frame: let them, then type. */
const settle = () => new Promise((r) => setTimeout(r, 40));

async function press(a: Screen, key: string, until: (f: string) => boolean): Promise<string> {
  await settle();
  a.stdin.write(key);
  return frameWhere(a, until);
}

describe('the header and the numbers on screen are the same row of `run`', () => {
  it('at steps 0, 1, 2 and 12: the date and the values of `run --csv` for that step', async () => {
    const rows = runScenario(loadScenario('busan-truce')).rows;
    const a = await open('busan-truce');
    const check = (f: string, k: number) => {
      const r = rows[k];
      expect(f, `step ${k}`).toContain(`${r.date}  step ${k}/77`);
      expect(f, `step ${k}`).toContain(`US on CN ${fmt(r.us_tariff_on_cn_pct, 1)}%`);
      expect(f, `step ${k}`).toContain(`CN on US ${fmt(r.cn_tariff_on_us_pct, 1)}%`);
      expect(f, `step ${k}`).toContain(`buys ${fmt(r.soybean_purchases_mmt, 1)} MMT/yr`);
    };
    // Step 0 shows run's row 0 (the first step's numbers), not a blank "step first".
    check(a.lastFrame()!, 0);
    expect(a.lastFrame()).not.toContain('(no step yet)');
    check(await press(a, 'n', (f) => f.includes('step 1/77')), 1);
    // The case: at 2025-11-13 the US tariff is 45.6%, not the 55.6% of the step before.
    const two = await press(a, 'n', (f) => f.includes('step 2/77'));
    check(two, 2);
    expect(rows[2].date).toBe('2025-11-13');
    expect(two).toContain('US on CN 45.6%');
    check(await press(a, 'N', (f) => f.includes('step 12/77')), 12);
    // Undo goes back to the row on screen before, never to a blank start.
    check(await press(a, 'u', (f) => f.includes('step 2/77')), 2);
  }, 60_000);
});

describe('no key is lost', () => {
  it('counts every n of ten that arrive in one chunk, and of ten written back to back', async () => {
    const a = await open('busan-truce');
    await settle();
    a.stdin.write('nnnnnnnnnn');
    await frameWhere(a, (f) => f.includes('step 10/77'));
    for (let k = 0; k < 10; k++) a.stdin.write('n');
    const f = await frameWhere(a, (f) => f.includes('step 20/77'));
    await settle();
    expect(a.lastFrame()).toBe(f); // and no more than that
  }, 60_000);

  it('takes a pasted 100 in a form whole', async () => {
    const rows = runScenario(loadScenario('busan-truce')).rows;
    const a = await open('busan-truce');
    await press(a, 'm', (f) => f.includes('Move palette'));
    await press(a, '\r', (f) => f.includes('> set_tariff'));
    await press(a, DOWN, (f) => f.includes('> raise_tariff'));
    await press(a, '\r', (f) => f.includes('by_pp 0..1000: 10'));
    await press(a, DOWN, (f) => f.includes('> by_pp'));
    await press(a, '\u007f', (f) => f.includes('by_pp 0..1000: 1_'));
    await press(a, '\u007f', (f) => f.includes('by_pp 0..1000: _'));
    await press(a, '100', (f) => f.includes('by_pp 0..1000: 100_'));
    // Applied as step 1 is taken: the first US layer (MFN + Section 301, on every import) +100 pp.
    const f = await press(a, '\r', (f) => f.includes('step 1/77'));
    expect(f).toContain(`US on CN ${fmt(rows[1].us_tariff_on_cn_pct + 100, 1)}%`);
  }, 60_000);
});

describe('the move palette', () => {
  it('describes each move, shows layers with their rate and numbers with their range, and clears an old refusal once fixed', async () => {
    const a = await open('busan-truce', { columns: 100, rows: 30 });
    await press(a, 'm', (f) => f.includes('Move palette'));
    let f = await press(a, '\r', (f) => f.includes('> set_tariff'));
    expect(f).toContain('set_tariff  set a tariff layer to a rate');
    expect(f).toContain('impose_threatened_tariff  carry out the threat on a layer');
    f = await press(a, '\r', (f) => f.includes('rate_pct 0..1000: 50'));
    expect(f).toContain('layer: < us_mfn_section301 (MFN + Section 301, now 20.8%) >');
    await press(a, DOWN, (f) => f.includes('> rate_pct'));
    await press(a, '\u007f', (f) => f.includes('rate_pct 0..1000: 5_'));
    await press(a, 'x', (f) => f.includes('rate_pct 0..1000: 5x_'));
    await press(a, '\r', (f) => f.includes('illegal move'));
    await press(a, '\u007f', (f) => f.includes('rate_pct 0..1000: 5_'));
    f = await frameWhere(a, (f) => !f.includes('illegal move'));
    expect(f).toContain('rate_pct 0..1000: 5_');
  }, 60_000);
});

describe('quitting with unsaved work', () => {
  it('asks once: any other key stays, q quits anyway; nothing unsaved quits at once', async () => {
    const io = memIo();
    const a = await open('busan-truce', { io });
    // A branch is work: q asks.
    await press(a, 'b', (f) => f.includes('branch 2'));
    let f = await press(a, 'q', (f) => f.includes('unsaved: s save, q quit anyway'));
    f = await press(a, 'x', (f) => !f.includes('unsaved:'));
    expect(f).toContain('step 0/77');
    // s in the prompt saves, then quits: the file is written with the schema line kept (session test).
    await press(a, 'q', (f) => f.includes('unsaved: s save, q quit anyway'));
    await settle();
    a.stdin.write('s');
    await new Promise((r) => setTimeout(r, 200));
    expect([...io.files.keys()]).toEqual(['./tariff-sim-session-busan-truce-1.yaml']);
    // Gone: keys change nothing.
    const last = a.lastFrame();
    a.stdin.write('n');
    await new Promise((r) => setTimeout(r, 200));
    expect(a.lastFrame()).toBe(last);
  }, 60_000);

  it('knows unsaved work from the session: moves or branches, until they are saved', () => {
    const scn = loadScenario('busan-truce');
    const s0 = openSession(scn);
    expect(unsavedWork(s0)).toBe('');
    expect(unsavedWork(reduce(s0, { type: 'step10' }))).toBe(''); // steps alone are the script's own run
    const moved = reduce(s0, { type: 'applyMoves', moves: [{ type: 'impose_rare_earth_curbs', actor: 'cn', level: 0.9 }] });
    expect(unsavedWork(moved)).not.toBe('');
    expect(unsavedWork(reduce(s0, { type: 'branch' }))).not.toBe('');
  });
});

describe('why it happened', () => {
  it("opens the whole event: who, the rule, the condition with its values, what changed", async () => {
    const a = await open('rare-earth-squeeze', { columns: 80, rows: 24 });
    await press(a, 'N', (f) => f.includes('step 10/77'));
    await press(a, 'N', (f) => f.includes('step 20/77'));
    // The log, newest selected: the rule's third move.
    let f = await press(a, 'l', (f) => f.includes('▸Events'));
    f = await press(a, '\r', (f) => f.includes('decided by'));
    const flat = f.replace(/\s+/g, ' ');
    expect(flat).toContain('when 2026-03-19 (step 20)');
    expect(flat).toContain('who US: United States');
    expect(flat).toContain('decided by rule us_answers_curbs (rule:us_answers_curbs)');
    // The whole condition, with the values the rule saw (the example), not cut at 80 columns.
    // The curbs of 2026-03-02 breached the Busan truce, so its suspended 24 pp came back at once on
    // the reciprocal layer (scope 0.08 + 0.58 = 66% of 2024 imports): 45.6 + 24 x 0.66 = 61.44.
    expect(flat).toContain('condition rare_earth_curb=0.6 > 0.5 and us_threat_pp=0 == 0 and us_tariff_on_cn_pct=61.44 < 100');
    expect(flat).toContain('why the US answers the curbs with +100 pp and software export controls');
    // What the step changed, before -> after: the tariff's +100 pp.
    expect(flat).toMatch(/US tariff on CN, %: 61\.4 -> 161\.4 \(\+100\.0\)/);
    // ↑ goes to the event before (the +100 pp itself), Esc back to the screen.
    f = await press(a, UP, (f) => f.replace(/\s+/g, ' ').includes('what US carries out the threat on Threatened +100: 0% -> 100%'));
    await press(a, ESC, (f) => f.includes('q quit'));
  }, 60_000);
});

describe('the truce on screen', () => {
  it('says the Busan truce is in force until the curbs breach it, and no truce from that step', async () => {
    const a = await open('rare-earth-squeeze', { columns: 80, rows: 24 });
    await press(a, 'N', (f) => f.includes('step 10/77'));
    // Row 17 (2026-02-26): the truce signed on 2025-11-10 holds.
    let f = await press(a, 'nnnnnnn', (f) => f.includes('step 17/77'));
    expect(f).toContain('truce in force');
    // Row 18 (2026-03-05): China's curbs of 2026-03-02 breach it; it has ended, at 61.4% (45.6 + the
    // 24 pp it held back on 66% of imports) and not at the 145% the header once called a truce.
    f = await press(a, 'n', (f) => f.includes('step 18/77'));
    expect(f).toContain('no truce');
    expect(f).not.toContain('truce in force');
    expect(f).toContain('US on CN 61.4%');
    f = await press(a, 'N', (f) => f.includes('step 28/77'));
    expect(f).toContain('US on CN 161.4%');
    expect(f).toContain('no truce');
  }, 60_000);
});

describe('the compare view', () => {
  for (const columns of [80, 120]) {
    it(`keeps every cell apart from the charts at ${columns} columns, with no -0`, async () => {
      const a = await open('busan-truce', { columns, rows: 30 });
      await press(a, 'N', (f) => f.includes('step 10/77'));
      await press(a, 'b', (f) => f.includes('branch 2'));
      await press(a, 'm', (f) => f.includes('Move palette'));
      await press(a, DOWN, (f) => f.includes('> cn (China)'));
      await press(a, '\r', (f) => f.includes('> set_tariff'));
      await settle();
      a.stdin.write('curbs');
      await frameWhere(a, (f) => f.includes('> impose_rare_earth_curbs'));
      await press(a, '\r', (f) => f.includes('level 0..1: 0.8'));
      await press(a, '\r', (f) => f.includes('step 11/77'));
      const f = await press(a, 'c', (f) => f.includes('Compare'));
      const lines = f.split('\n');
      const head = lines.find((l) => l.startsWith('at '))!;
      // The table's right edge: the end of its last column's heading; the charts start 2 columns on.
      const edge = head.indexOf('diff end') + 'diff end'.length;
      let charts = 0;
      for (const line of lines.slice(lines.indexOf(head))) {
        if (/[\u2800-\u28ff▕]/.test(line)) charts++;
        expect(line.slice(0, edge), line).not.toMatch(/[\u2800-\u28ff▕┊]/);
        if (line.length > edge) expect(line.slice(edge, edge + 2), line).toBe('  ');
      }
      expect(charts).toBeGreaterThan(3);
      // Curbs differ; the chart titles name what differs, not the focused panel.
      expect(f).toMatch(/Rare-earth curb, 0-1\s+0\.80\s+0\.00\s+\+0\.80/);
      expect(f).toContain('diff end');
      expect(f).not.toMatch(/(^|\s)-0(\.0+)?(\s|$)/m);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    }, 60_000);
  }
});

describe('terminal manners', () => {
  it('fits the header in 80 columns and the screen in 60x18', async () => {
    const h = headerText({ scenario: 'rare-earth-squeeze', date: '2026-01-22', step: 12, lastStep: 77, seed: '2025', branch: 'branch 2 (from 1 @ step 10) of 2', branchShort: 'branch 2/2', columns: 80 });
    expect(stringWidth(h)).toBeLessThanOrEqual(80);
    expect(h).toContain('2026-01-22  step 12/77');
    const l = layoutFor(60, 18);
    expect(1 + 2 * (3 + l.chartRows) + 1 + l.logRows + 1 + l.hintRows).toBeLessThan(18);
    const a = await open('busan-truce', { columns: 60, rows: 18 });
    const f = a.lastFrame()!;
    expect(f.split('\n').length).toBeLessThan(18);
    for (const line of f.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    expect(f).toContain('q quit');
  }, 60_000);

  it('gives the charts the room of a taller terminal', () => {
    expect(layoutFor(120, 40).chartRows).toBeGreaterThanOrEqual(2 * layoutFor(80, 24).chartRows);
  });

  it('hides and shows the fan with f', async () => {
    const a = await open('busan-truce', { fanRuns: 10 });
    await frameWhere(a, (f) => f.includes('p5-p95 of 10/10 runs'));
    await press(a, 'f', (f) => f.includes('fan hidden (f shows it)'));
    await press(a, 'f', (f) => f.includes('p5-p95 of 10/10 runs'));
  }, 60_000);
});

describe("the README's play screen", () => {
  it('is what play shows at 80x24 on rare-earth-squeeze after twenty steps', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /<!-- play-80x24 -->\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(shown, 'README.md has no play-80x24 block').toBeDefined();
    const a = await open('rare-earth-squeeze', { columns: 80, rows: 24, fanRuns: 40 });
    await press(a, 'N', (f) => f.includes('step 10/77'));
    await press(a, 'N', (f) => f.includes('step 20/77'));
    const f = await frameWhere(a, (f) => f.includes('p5-p95 of 40/40 runs'));
    expect(shown).toBe(f.split('\n').map((l) => l.trimEnd()).join('\n'));
  }, 60_000);
});
