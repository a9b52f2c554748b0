// The session reducer, pure: step, undo, redo, moves, branch, compare, save and replay.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { schemaLineFor } from '../src/cli/commands/play.js';
import { compare, createSession, currentBranch, exportCsv, metricsOf, reduce, saveScenarioYaml, type Session, type SessionAction } from '../src/tui/session/index.js';

const scn = loadScenario('busan-truce');
const play = (s: Session, ...actions: SessionAction[]) => actions.reduce(reduce, s);
const curbs = { type: 'impose_rare_earth_curbs', actor: 'cn', level: 0.9 };

describe('session reducer', () => {
  it('steps exactly as `run` does', () => {
    const s = play(createSession(scn), { type: 'step' }, { type: 'step10' });
    expect(currentBranch(s).cursor).toBe(11);
    const rows = runScenario(scn, { steps: 11 }).rows;
    expect(metricsOf(currentBranch(s)).map((m) => m.escalation_index)).toEqual(rows.map((r) => r.escalation_index));
  });

  it('undoes and redoes whole actions', () => {
    const s = play(createSession(scn), { type: 'step' }, { type: 'step10' });
    const undone = play(s, { type: 'undo' });
    expect(currentBranch(undone).cursor).toBe(1);
    expect(currentBranch(play(undone, { type: 'redo' })).cursor).toBe(11);
    expect(currentBranch(play(undone, { type: 'undo' })).cursor).toBe(0);
    expect(play(undone, { type: 'undo' }, { type: 'undo' }).error).toMatch(/nothing to undo/);
    // A new action drops the redo future.
    const forked = play(undone, { type: 'step' });
    expect(currentBranch(forked).cursor).toBe(2);
    expect(play(forked, { type: 'redo' }).error).toMatch(/nothing to redo/);
  });

  it('applies a user move at the current step, with source user', () => {
    const s = play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [curbs] });
    const b = currentBranch(s);
    expect(s.error).toBeNull();
    expect(b.cursor).toBe(11);
    expect(b.snapshots[11].userMoves[0].source).toBe('user');
    expect(b.snapshots[11].events.some((e) => e.source === 'user')).toBe(true);
    expect(b.snapshots[11].metrics!.rare_earth_curb).toBeCloseTo(0.9);
  });

  it('applies several moves at one step, in order, and names the one that is wrong', () => {
    const answer = { type: 'raise_tariff', actor: 'us', layer: 'us_ieepa_fentanyl', by_pp: 100 };
    const s = play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [curbs, answer] });
    const b = currentBranch(s);
    expect(s.error).toBeNull();
    expect(b.cursor).toBe(11);
    expect(b.snapshots[11].userMoves.map((m) => m.move.type)).toEqual(['impose_rare_earth_curbs', 'raise_tariff']);
    const alone = currentBranch(play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [curbs] })).snapshots[11].metrics!;
    const both = b.snapshots[11].metrics!;
    expect(both.rare_earth_curb).toBeCloseTo(0.9);
    // The fentanyl layer is on all imports: +100 pp on it is +100 pp on the average.
    expect(both.us_tariff_on_cn_pct - alone.us_tariff_on_cn_pct).toBeCloseTo(100, 6);
    const saved = saveScenarioYaml(play(s, { type: 'step' }));
    expect(saved).toMatch(/at: 10\n\s+why: your move in play \(2026-01-08\)\n\s+moves:\n\s+- type: impose_rare_earth_curbs[\s\S]*?- type: raise_tariff/);

    const bad = play(createSession(scn), { type: 'step' }, { type: 'applyMoves', moves: [curbs, { ...answer, by_pp: 'lots' }] });
    expect(bad.error).toMatch(/^move 2 of 2: /);
    expect(currentBranch(bad).cursor).toBe(1);
    expect(play(createSession(scn), { type: 'applyMoves', moves: [] }).error).toBe('no move to apply');
  });

  it('holds a summit of moves: the same measures as the moves alone, less tension, saved and replayed', () => {
    const answer = { type: 'lower_tariff', actor: 'us', layer: 'us_ieepa_fentanyl', by_pp: 10 };
    const summit = { type: 'hold_summit', actor: 'both', name: 'Busan II', moves: [curbs, answer] };
    const s = play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [summit] });
    expect(s.error).toBeNull();
    const snap = currentBranch(s).snapshots[11];
    const plain = currentBranch(play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [curbs, answer] })).snapshots[11];
    expect(snap.metrics!.rare_earth_curb).toBeCloseTo(0.9);
    expect(snap.metrics!.us_tariff_on_cn_pct).toBe(plain.metrics!.us_tariff_on_cn_pct);
    expect(snap.metrics!.escalation_index).toBeLessThan(plain.metrics!.escalation_index);
    expect(snap.events.map((e) => e.text)).toContain('Summit: Busan II (your move)');
    const file = join(mkdtempSync(join(tmpdir(), 'tariff-sim-summit-')), 'session.yaml');
    const text = saveScenarioYaml(play(s, { type: 'step' }));
    expect(text).toMatch(/- type: hold_summit\n\s+actor: both\n\s+name: Busan II\n\s+moves:\n\s+- type: impose_rare_earth_curbs/);
    writeFileSync(file, text);
    const replay = runScenario(loadScenario(file), { steps: 12 });
    metricsOf(currentBranch(play(s, { type: 'step' }))).forEach((m, k) => expect(replay.rows[k]).toMatchObject(m));
    // A summit must hold at least one move: the schema says so, naming the field.
    expect(play(createSession(scn), { type: 'applyMoves', moves: [{ ...summit, moves: [] }] }).error).toMatch(/moves/);
  });

  it('turns illegal moves into an error message, not a crash', () => {
    const s0 = play(createSession(scn), { type: 'step' });
    const bad = play(s0, { type: 'applyMoves', moves: [{ type: 'impose_rare_earth_curbs', actor: 'us', level: 0.5 }] });
    expect(bad.error).toMatch(/illegal move/);
    expect(currentBranch(bad).cursor).toBe(1);
    const unknownLayer = play(s0, { type: 'applyMoves', moves: [{ type: 'set_tariff', actor: 'us', layer: 'no_such_layer', rate_pct: 10 }] });
    expect(unknownLayer.error).toMatch(/illegal move/);
    expect(currentBranch(unknownLayer).cursor).toBe(1);
    expect(play(unknownLayer, { type: 'step' }).error).toBeNull();
  });

  it('refuses to step past the horizon', () => {
    let s = createSession(scn);
    for (let k = 0; k < Math.ceil(scn.horizon / 10) + 1; k++) s = play(s, { type: 'step10' });
    expect(currentBranch(s).cursor).toBe(scn.horizon);
    expect(s.error).toMatch(/horizon/);
  });

  it('branches and compares with the parent and with the baseline', () => {
    const s = play(createSession(scn), { type: 'step' }, { type: 'step' }, { type: 'branch' }, { type: 'applyMoves', moves: [curbs] }, { type: 'step' });
    const b = currentBranch(s);
    expect(b.id).toBe(2);
    expect(b.parentId).toBe(1);
    expect(b.forkStep).toBe(2);
    const cmp = compare(s);
    expect(cmp.steps).toBe(4);
    expect(cmp.title).toMatch(/parent, branch 1/);
    const curb = cmp.rows.find((r) => r.metric === 'rare_earth_curb')!;
    expect(curb.current).toBeCloseTo(0.9);
    expect(curb.diff).toBeGreaterThan(0.5);
    // The parent, which only took two steps, goes on with the script alone: the baseline run.
    const base = runScenario(scn, { steps: 4 }).rows;
    expect(cmp.reference.map((m) => m.escalation_index)).toEqual(base.map((r) => r.escalation_index));
    const root = play(s, { type: 'switchBranch', by: 1 });
    expect(currentBranch(root).id).toBe(1);
    expect(compare(root).title).toMatch(/baseline/);
    expect(compare(root).rows.every((r) => r.diff === 0)).toBe(true);
  });

  it('saves a scenario that `run` replays to the same numbers', () => {
    // Curbs at 0.5: the record's lapse later imposes 0.6, which the model accepts over 0.5 (not over 0.9).
    const s = play(createSession(scn), { type: 'step10' }, { type: 'applyMoves', moves: [{ ...curbs, level: 0.5 }] }, { type: 'step10' }, { type: 'applyMoves', moves: [{ type: 'raise_tariff', actor: 'us', layer: 'us_ieepa_fentanyl', by_pp: 15 }] }, { type: 'step' });
    const text = saveScenarioYaml(s);
    expect(text).toBe(saveScenarioYaml(s));
    expect(text).toContain('impose_rare_earth_curbs');
    const file = join(mkdtempSync(join(tmpdir(), 'tariff-sim-save-')), 'session.yaml');
    writeFileSync(file, text);
    const replay = runScenario(loadScenario(file));
    expect(replay.rows.length).toBe(scn.horizon);
    const mine = metricsOf(currentBranch(s));
    mine.forEach((m, k) => expect(replay.rows[k]).toMatchObject(m));
  });

  it('exports the branch as CSV with the run columns', () => {
    const csv = exportCsv(play(createSession(scn), { type: 'step' }, { type: 'step' }));
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('step,date,us_tariff_on_cn_pct')).toBe(true);
    expect(lines[1].startsWith('0,2025-10-30,')).toBe(true);
  });

  it('keeps the scenario file\'s $schema line in a saved session, its path from where the session is written', () => {
    const line = schemaLineFor(scn.file, join(scn.file, '..', '..'));
    expect(line).toBe('# yaml-language-server: $schema=schema/scenario.schema.json');
    const text = saveScenarioYaml(play(createSession(scn), { type: 'step' }), line);
    expect(text.split('\n')[0]).toBe(line);
    // In another folder, the path leads back to the same schema.
    expect(schemaLineFor(scn.file, join(scn.file, '..', '..', 'test'))).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
  });
});
