// Records a user keeps beside a scenario (README "Records of your own"): read like seeds/record-*.yaml,
// checked the same way, and reported at their own file and line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/scenario/errors.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { cliInProcess as cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-sim-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = (records: string) =>
  `name: mine\ndescription: "today with my record"\nbaseline: jul-2026\nstep: week\nhorizon: 30\nrecords: [record-2026, ${records}]\n`;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const header = 'id: mine\ndescription: "since July"\nsources:\n  notice: { cite: "a notice" }\nentries:\n';

describe('a record beside a scenario', () => {
  it('is read: the worked example of README enters the 2026-11-10 outcome, which the run then has', () => {
    const scn = loadScenario('examples/my-world.yaml');
    // 2026-11-10 falls at the step of 2026-11-13: 16 weeks after 2026-07-24.
    expect(scn.timeline[16].map((m) => m.move.type)).toEqual(['extend_agreement']);
    expect(scn.timeline[16][0].origin?.file).toBe(join('examples', 'since-july-2026.yaml'));
    const run = runScenario(scn);
    expect(run.events.some((e) => e.type === 'extend_agreement' && e.text.includes('2027-11-12'))).toBe(true);
    expect(run.rows[20].truce_active).toBe(1);
  });

  it('reports a move the schema refuses at the record file and line', () => {
    const rec = write('bad-rate.yaml', `${header}  - at: 2026-11-10\n    source: notice\n    why: "x"\n    moves:\n      - { actor: us, type: set_tariff, layer: us_mfn_section301, rate_pct: -5 }\n`);
    const scn = write('bad-rate-scn.yaml', scenario('bad-rate.yaml'));
    let err: unknown;
    try {
      loadScenario(scn);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(new RegExp(`^${rec.replace(/[.\\]/g, '\\$&')}:10: entries\\[0\\]\\.moves\\[0\\]\\.rate_pct: `));
  });

  it('reports dates out of order, and an entry without a known source, at their lines', () => {
    const order = write('order.yaml', `${header}  - { at: 2026-11-10, source: notice, why: "a", moves: [{ actor: us, type: set_port_fees, active: true }] }\n  - { at: 2026-09-01, source: notice, why: "b", moves: [{ actor: us, type: set_port_fees, active: false }] }\n`);
    expect(() => loadScenario(write('order-scn.yaml', scenario('order.yaml')))).toThrow(`${order}:7: entries[1].at: 2026-09-01 is before the entry above it (2026-11-10)`);
    const unsourced = write('unsourced.yaml', `${header}  - { at: 2026-11-10, source: gossip, why: "a", moves: [{ actor: us, type: set_port_fees, active: true }] }\n`);
    expect(() => loadScenario(write('unsourced-scn.yaml', scenario('unsourced.yaml')))).toThrow(`${unsourced}:6: entries.0.source: unknown source "gossip"`);
    const missing = write('missing.yaml', `${header}  - { at: 2026-11-10, why: "a", moves: [{ actor: us, type: set_port_fees, active: true }] }\n`);
    expect(() => loadScenario(write('missing-scn.yaml', scenario('missing.yaml')))).toThrow(new RegExp(`^${missing.replace(/[.\\]/g, '\\$&')}:6: entries\\[0\\]\\.source: `));
  });

  it('validate reports a move the model refuses at the record file and line, exit 2', async () => {
    const rec = write('illegal.yaml', `${header}  - at: 2026-11-10\n    source: notice\n    why: "x"\n    moves:\n      - { actor: us, type: set_tariff, layer: us_ieepa_fentanyl, rate_pct: 10 }\n`);
    const r = await cli(['validate', write('illegal-scn.yaml', scenario('illegal.yaml'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${rec}:10:`);
    expect(r.stderr).toContain('us_ieepa_fentanyl ended with its authority: IEEPA');
  });
});
