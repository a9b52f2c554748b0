import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';

// A pre-dispute state in the form of a seeds/ baseline: one US layer of 3% and one Chinese of 8% on
// every segment, so the averages are 3 and 8 whatever the weights.
const STATE = `id: pre-dispute
description: "before the first trade war: MFN tariffs only"
as_of: 2017-06-01
trade: trade-2024
us_layers:
  - { id: us_mfn, label: "MFN", scope: [all], rate_pct: 3, source: piie-chart }
  - { id: us_ieepa_reciprocal, label: "IEEPA reciprocal", scope: [consumer_and_other], rate_pct: 0, source: piie-chart }
cn_layers:
  - { id: cn_mfn, label: "MFN", scope: [all], rate_pct: 8, source: piie-chart }
  - { id: cn_retaliation, label: "Retaliation", scope: [all], rate_pct: 0, source: mofcom }
rare_earths: { curb: 0, licence_delay_weeks: 0, inventory_weeks: 4, inventory_target_weeks: 4, china_supply_share: 0.94, base_non_china_share: 0.06, source: iea }
pacts: []
soybeans: { commitment_mmt: 0, compliance: 0.8, boycott: false, source: usda-census }
tech: { level: 0, affiliates_rule: false, software_controls: false, source: model-assumption }
port_fees: { us: false, cn: false, source: model-assumption }
precursor_cooperation: { value: 0.5, source: model-assumption }
tiktok: { value: unresolved, source: model-assumption }
agreements: []
escalation_index: { value: 20, source: model-assumption }
`;
const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

const dir = mkdtempSync(join(tmpdir(), 'start-'));
function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
const HEAD = 'description: "from a state of its own"\nhorizon: 8\ntimeline:\n  - at: 2\n    moves:\n      - { actor: us, type: set_tariff, layer: us_ieepa_reciprocal, rate_pct: 25 }\n';

describe('a scenario with its own starting state', () => {
  it('inline: validated as a seed, and run from it', () => {
    const scn = loadScenario(write('inline.yaml', `name: inline\n${HEAD}start_state:\n${indent(STATE)}\n`));
    expect(scn.start).toBe('2017-06-01');
    const r = runScenario(scn);
    expect(r.rows[0].date).toBe('2017-06-01');
    expect(r.rows[0].us_tariff_on_cn_pct).toBeCloseTo(3, 9);
    expect(r.rows[0].cn_tariff_on_us_pct).toBeCloseTo(8, 9);
    expect(r.rows[2].us_tariff_on_cn_pct).toBeGreaterThan(3);
    // A batch worker compiles it again from its source (plain data) to the same runs.
    const again = compileSource(structuredClone(scn.source));
    expect(JSON.stringify(runScenario(again, { run_index: 3 }))).toBe(JSON.stringify(runScenario(scn, { run_index: 3 })));
  });

  it('as a file beside the scenario: the same run as inline', () => {
    write('pre-dispute.yaml', STATE);
    const fromFile = runScenario(loadScenario(write('beside.yaml', `name: beside\n${HEAD}start_state: pre-dispute.yaml\n`)));
    const inline = runScenario(loadScenario(write('inline2.yaml', `name: beside\n${HEAD}start_state:\n${indent(STATE)}\n`)));
    expect(fromFile.rows).toEqual(inline.rows);
  });

  it('a bad inline state is reported at its line in the scenario, field by field', () => {
    const bad = STATE.replace('source: iea', 'source: nowhere');
    const file = write('bad-inline.yaml', `name: bad-inline\n${HEAD}start_state:\n${indent(bad)}\n`);
    // name, HEAD's 6 lines and start_state come first: the state's rare_earths line (its 11th) is line 19.
    expect(() => loadScenario(file)).toThrow(`${file}:19: start_state.rare_earths.source: unknown source "nowhere" (see sources.yaml)`);
    const negative = STATE.replace('rate_pct: 8,', 'rate_pct: -8,');
    const file2 = write('bad-rate.yaml', `name: bad-rate\n${HEAD}start_state:\n${indent(negative)}\n`);
    expect(() => loadScenario(file2)).toThrow(new RegExp(`^${file2.replace(/[.]/g, '\\.')}:17: start_state\\.cn_layers\\[0\\]\\.rate_pct: `));
  });

  it('a bad state file is reported at its own line; a missing one at the scenario\'s', () => {
    const stateFile = write('bad-state.yaml', STATE.replace('inventory_weeks: 4,', 'inventory_weeks: -4,'));
    const file = write('uses-bad.yaml', `name: uses-bad\n${HEAD}start_state: bad-state.yaml\n`);
    expect(() => loadScenario(file)).toThrow(new RegExp(`^${stateFile.replace(/[.]/g, '\\.')}:11: rare_earths\\.inventory_weeks: `));
    const missing = write('uses-missing.yaml', `name: uses-missing\n${HEAD}start_state: nowhere.yaml\n`);
    expect(() => loadScenario(missing)).toThrow(`${missing}:8: start_state: nowhere.yaml: no such start-state file`);
  });

  it('takes a baseline or a start state, not both and not neither', () => {
    const both = write('both.yaml', `name: both\nbaseline: jan-2025\n${HEAD}start_state: pre-dispute.yaml\n`);
    expect(() => loadScenario(both)).toThrow(`${both}:9: start_state: give either a baseline from seeds/ or a start_state of its own (one of the two)`);
    const neither = write('neither.yaml', `name: neither\n${HEAD}`);
    expect(() => loadScenario(neither)).toThrow(/neither\.yaml:\d+: baseline: give either a baseline/);
  });
});
