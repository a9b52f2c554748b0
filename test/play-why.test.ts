// Why it happened, outside play too: `run` piped prints each event whole with who decided, and
// `run --json` dates each event. And the charts' own manners: axis range, the step marked, a band
// and not a comb, the fan told apart without colour.

import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Chart } from '../src/tui/chart/Chart.js';
import { renderChart } from '../src/tui/chart/braille.js';
import { splitEvent } from '../src/tui/components/EventDetail.js';
import { cliInProcess as cli } from './helpers/cli.js';

// The values us_answers_curbs read when it acts at rare-earth-squeeze's step 20 (step 19's): the curbs
// of 2026-03-02 breach the Busan truce, so its suspended 24 pp return at once on the reciprocal
// layer, whose scope is 66% of the 2024 imports (wood_copper_trucks 0.08 + consumer_and_other 0.58):
// 45.6 + 24 x 0.66 = 61.44.
const CONDITION = 'rare_earth_curb=0.6 > 0.5 and us_threat_pp=0 == 0 and us_tariff_on_cn_pct=61.44 < 100';

describe('run, piped', () => {
  it('prints every event whole, with who decided, when stdout is not a terminal', async () => {
    const r = await cli(['run', 'rare-earth-squeeze']);
    expect(r.code).toBe(0);
    const events = r.stdout.slice(r.stdout.indexOf('Events:')).split('\n').slice(1).filter(Boolean);
    // The rule's own line: the breach's lapse moves put the Affiliates Rule back first, with no rule.
    const answer = events.find((l) => l.includes('US tightens technology export controls: breadth'))!;
    expect(answer).toContain(`(the US answers the curbs with +100 pp and software export controls: ${CONDITION})  [rule:us_answers_curbs]`);
    expect(answer.length).toBeGreaterThan(80);
    expect(events.every((l) => / {2}\[[a-z:_]+\]$/.test(l))).toBe(true);
    expect(r.stdout).not.toContain('…');
  });

  it('dates every event in --json, with the date of its step\'s row', async () => {
    const out = JSON.parse((await cli(['run', 'rare-earth-squeeze', '--json'])).stdout);
    expect(out.events.length).toBeGreaterThan(10);
    for (const e of out.events) expect(e.date).toBe(out.rows[e.step].date);
    expect(Object.keys(out.events[0]).slice(0, 2)).toEqual(['step', 'date']);
  });
});

describe('an event in parts', () => {
  it('splits what happened from why, and a rule\'s condition with its values', () => {
    const text = `US tightens technology export controls: breadth 0.00 -> 0.30 (the US answers the curbs: ${CONDITION})`;
    expect(splitEvent(text)).toEqual({ what: 'US tightens technology export controls: breadth 0.00 -> 0.30', why: 'the US answers the curbs', condition: CONDITION });
    expect(splitEvent('Summit: Busan meeting (Busan meeting: the +100 pp threat dropped, a TikTok framework)')).toEqual({
      what: 'Summit: Busan meeting',
      why: 'Busan meeting: the +100 pp threat dropped, a TikTok framework',
      condition: null,
    });
    expect(splitEvent('Busan truce lapses')).toEqual({ what: 'Busan truce lapses', why: null, condition: null });
  });
});

let shown: ReturnType<typeof render> | null = null;
afterEach(() => {
  shown?.unmount();
  shown = null;
  delete process.env.NO_COLOR;
});

describe('the terminal charts', () => {
  it('label the y range, max on the top row and min on the bottom', () => {
    shown = render(createElement(Chart, { history: [10, 40, 25], horizon: 10, width: 20, height: 3 }));
    const rows = shown.lastFrame()!.split('\n');
    expect(rows[0]).toMatch(/^40▕/);
    expect(rows[1]).toMatch(/^ {2}▕/);
    expect(rows[2]).toMatch(/^10▕/);
  });

  it('mark the step on screen where nothing is drawn', () => {
    const rows = renderChart({ history: [1, 1], horizon: 10, width: 10, height: 3, marker: 1 });
    const col = (r: number) => rows[r].map((x) => x.text).join('');
    // Step 1 of 0..9 on 20 dots: dot column 2, character 1; the line is at the bottom row.
    expect(col(0)[1]).toBe('┊');
    expect(rows[0].find((x) => x.text === '┊')!.kind).toBe('marker');
  });

  it('draw a band wider than its steps as a band, not a comb', () => {
    // 4 steps of fan across 40 dot columns: every column between steps is filled.
    const rows = renderChart({ history: [0], fan: { from: 1, lo: [0, 0, 0, 0], hi: [1, 1, 1, 1] }, horizon: 5, width: 20, height: 1 });
    const text = rows[0].map((x) => x.text).join('');
    expect(text.slice(5, 19)).toBe('⣿'.repeat(14));
  });

  it('keep the top dot row free, so the line stays apart from the text above', () => {
    const rows = renderChart({ history: [5, 5, 9], horizon: 3, width: 3, height: 2 });
    const top = rows[0].map((x) => x.text).join('');
    for (const ch of top) if (ch !== ' ') expect(ch.charCodeAt(0) & (0x01 | 0x08)).toBe(0);
  });

  it('with NO_COLOR, draw the fan in shade and the line in braille', () => {
    process.env.NO_COLOR = '1';
    shown = render(createElement(Chart, { history: [0, 0], fan: { from: 2, lo: [0, 0], hi: [1, 1] }, horizon: 4, width: 12, height: 1 }));
    const row = shown.lastFrame()!;
    expect(row).toMatch(/[\u2800-\u28ff]/);
    expect(row).toContain('░');
  });
});
