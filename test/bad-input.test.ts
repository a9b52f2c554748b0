// The bad-input corpus: every broken scenario is answered by `validate` and by `run` with exit 2,
// one line on stderr naming the file (and the line and field where there is one), no stack trace,
// and quickly. The CLI runs in-process for every case, and as a real process for a few.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinite } from '../src/cli/commands/run.js';
import { exitCodeFor } from '../src/cli/errors.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const BAD = 'test/fixtures/bad';

interface Case {
  file: string;
  /** The line the message names; null where the file has none to name (empty, binary...). */
  line: number | null;
  /** The field the message names; null where there is none (a syntax error). */
  field: string | null;
  /** What the message must say. */
  says: RegExp;
}

const c = (file: string, line: number | null, field: string | null, says: RegExp): Case => ({ file: `${BAD}/${file}`, line, field, says });

const CASES: Case[] = [
  // Not YAML, or not a file at all.
  c('empty.yaml', null, null, /is empty/),
  c('comments-only.yaml', null, null, /is empty/),
  c('binary.yaml', null, null, /binary/),
  c('not-utf8.yaml', null, null, /UTF-8/),
  c('a-directory.yaml', null, null, /is a directory/),
  c('top-level-list.yaml', 2, null, /mapping .* got a list/),
  c('top-level-scalar.yaml', 2, null, /mapping .* got string/),
  // Syntax.
  c('syntax-unclosed-flow.yaml', 10, null, /YAML syntax/),
  c('syntax-bad-indent.yaml', 4, null, /YAML syntax/),
  c('syntax-tab-indent.yaml', 7, null, /Tabs/),
  c('syntax-unclosed-quote.yaml', 6, null, /quote/),
  c('syntax-multiple-documents.yaml', 6, null, /multiple documents/),
  c('json-syntax.json', 1, null, /YAML syntax/),
  c('duplicate-key.yaml', 7, 'horizon', /duplicate field/),
  c('deep-nesting.yaml', 6, null, /nested too deeply/),
  c('unknown-tag.yaml', 6, null, /Unresolved tag/),
  // Aliases: bombs and dangling ones.
  c('alias-bomb.yaml', 15, 'notes', /alias bomb/),
  c('alias-bomb-nested.yaml', 11, 'timeline[1].moves[9]', /alias bomb/),
  c('alias-undefined.yaml', 6, 'notes', /Unresolved alias/),
  // Top-level fields.
  c('missing-name.yaml', 2, 'name', /required field is missing/),
  c('missing-horizon.yaml', 2, 'horizon', /required field is missing/),
  c('name-not-string.yaml', 2, 'name', /expected string/),
  c('name-bad-format.yaml', 2, 'name', /lower-case name/),
  c('description-empty.yaml', 3, 'description', /Too small/),
  c('horizon-string.yaml', 5, 'horizon', /expected number, received string/),
  c('horizon-negative.yaml', 5, 'horizon', />=1/),
  c('horizon-absurd.yaml', 5, 'horizon', /<=520/),
  c('horizon-fraction.yaml', 5, 'horizon', /expected int/),
  c('horizon-infinite.yaml', 5, 'horizon', /Infinity/),
  c('unknown-field.yaml', 6, 'horizn', /unknown field "horizn" \(did you mean "horizon"\?\)|unknown field "horizn"/),
  c('proto-key.yaml', 6, '__proto__', /unknown field "__proto__"/),
  c('step-unknown.yaml', 6, 'step', /"week"\|"month"/),
  c('start-not-a-date.yaml', 6, 'start', /ISO date/),
  c('start-before-baseline.yaml', 6, 'start', /before the baseline's date/),
  c('start-far-future.yaml', 7, 'start', /on or before 2100-12-31/),
  c('seed-list.yaml', 6, 'seed', /expected a number or a string, got a list/),
  // Seeds the scenario names.
  c('baseline-unknown.yaml', 4, 'baseline', /no such seed/),
  c('baseline-path-traversal.yaml', 4, 'baseline', /not a seed name/),
  c('baseline-not-a-baseline.yaml', 4, 'baseline', /seed "parameters" is not a valid baseline/),
  c('record-unknown.yaml', 6, 'records[1]', /no such seed/),
  c('record-not-a-record.yaml', 6, 'records[0]', /seed "jan-2025" is not a valid record/),
  c('records-duplicate.yaml', 8, 'records[1]', /record "record-2025" is given twice/),
  // Parameters.
  c('parameter-unknown.yaml', 7, 'parameters.warp_factor', /unknown field "warp_factor"/),
  c('parameter-bad-range.yaml', 7, 'parameters.armington_sigma', /low <= central <= high/),
  c('parameter-wrong-type.yaml', 7, 'parameters.armington_sigma', /expected a number or a mapping, got string/),
  c('parameter-negative.yaml', 7, 'parameters.cn_soybean_demand_mmt', /-100 is outside/),
  c('parameter-singular.yaml', 7, 'parameters.armington_sigma', /1 is outside .* from 1.1/),
  c('parameter-absurd.yaml', 7, 'parameters.import_price_pass_through.central', /50 is outside/),
  c('parameter-proto-key.yaml', 6, 'parameters.__proto__', /unknown field "__proto__"/),
  // The timeline.
  c('timeline-not-list.yaml', 6, 'timeline', /expected array/),
  c('timeline-empty-moves.yaml', 8, 'timeline[0].moves', />=1 items/),
  c('at-beyond-horizon.yaml', 7, 'timeline[0].at', /beyond the horizon/),
  c('at-before-start.yaml', 7, 'timeline[0].at', /before the start/),
  c('at-step-beyond-horizon.yaml', 7, 'timeline[0].at', /beyond the horizon/),
  c('at-negative.yaml', 7, 'timeline[0].at', />=0/),
  // Moves: schema.
  c('move-unknown-type.yaml', 10, 'timeline[0].moves[1].type', /unknown type "nuke_everything"/),
  c('move-unknown-actor.yaml', 9, 'timeline[0].moves[0].actor', /"us"\|"cn"/),
  c('move-wrong-actor.yaml', 9, 'timeline[0].moves[0].actor', /expected "cn"/),
  c('move-negative-rate.yaml', 9, 'timeline[0].moves[0].rate_pct', />=0/),
  c('move-absurd-rate.yaml', 12, 'timeline[0].moves[0].rate_pct', /<=1000/),
  c('move-rate-string.yaml', 9, 'timeline[0].moves[0].rate_pct', /expected number/),
  c('move-rate-nan.yaml', 9, 'timeline[0].moves[0].rate_pct', /NaN/),
  c('move-missing-field.yaml', 9, 'timeline[0].moves[0].rate_pct', /required field is missing/),
  c('move-extra-field.yaml', 9, 'timeline[0].moves[0].rate', /unknown field "rate" \(did you mean "rate_pct"\?\)/),
  c('move-curb-above-one.yaml', 9, 'timeline[0].moves[0].level', /<=1/),
  c('move-layer-bad-id.yaml', 9, 'timeline[0].moves[0].layer', /lower-case identifier/),
  c('move-nested-lapse.yaml', 15, 'timeline[0].moves[0].on_lapse[1].type', /unknown type "reimpose_everything"/),
  c('move-summit-bad-rate.yaml', 13, 'timeline[0].moves[0].moves[0].rate_pct', />=0/),
  // Moves only the dry run finds illegal.
  c('move-unknown-layer.yaml', 9, 'timeline[0].moves[0].layer', /unknown us layer "us_section999"/),
  c('move-below-zero.yaml', 10, 'timeline[0].moves[0].rate_pct', /at step 3 .*below zero/),
  c('move-unknown-segment.yaml', 9, 'timeline[0].moves[0].scope', /unknown segment "spaceships"/),
  c('move-unknown-agreement.yaml', 9, 'timeline[0].moves[0].agreement', /unknown agreement "paris_accord"/),
  // Rules: conditions over metric names, and moves that only run when a condition holds.
  c('rule-unknown-metric.yaml', 8, 'rules[0].when', /unknown name "us_tarif_on_cn_pct"/),
  c('rule-syntax-error.yaml', 8, 'rules[0].when', /cannot parse/),
  c('rule-comment.yaml', 8, 'rules[0].when', /"#" starts a comment/),
  c('rule-unknown-layer.yaml', 9, 'rules[0].move.layer', /unknown us layer "us_no_such_layer"/),
];

let tmp: string;
/** Cases that need generating (too big to commit) or live outside the repository. */
const EXTRA: Case[] = [];

beforeAll(() => {
  // Load the modules a first answer would otherwise pay for (mathjs, loaded for the first file with
  // rules, takes a second or more on a busy machine): the timing below is of the answer itself.
  loadScenario('scenarios/rare-earth-squeeze.yaml');
  tmp = mkdtempSync(join(tmpdir(), 'tariff-sim-bad-'));
  const huge = join(tmp, 'twenty-megabytes.yaml');
  const line = `# ${'x'.repeat(1021)}\n`;
  writeFileSync(huge, `name: huge\ndescription: "20 MB of comments"\nbaseline: busan-eve-2025-10-30\nhorizon: 10\n${line.repeat(20 * 1024)}`);
  EXTRA.push({ file: huge, line: null, field: null, says: /bytes; scenario files are limited/ });
  EXTRA.push({ file: join(tmp, 'no-such-file.yaml'), line: null, field: null, says: /no such file/ });
  if (existsSync('/dev/zero')) EXTRA.push({ file: '/dev/zero', line: null, field: null, says: /not a regular file/ });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  const slowest = [...timings.entries()].sort((a, b) => b[1] - a[1])[0];
  if (slowest) console.log(`slowest bad-input answer in process: ${slowest[1].toFixed(0)} ms (${slowest[0]})`);
});

/** The CLI in this process: the same program, streams and exit code as the command, without a node start per case. */
async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now();
  const r = await cliInProcess(args);
  return { ...r, ms: performance.now() - t0 };
}

/** The real command in a child process: its exit code and streams as a shell sees them. */
function spawnCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What the one line must carry: the file, then `:line` when there is one, then the field. */
function expectOneLine(stderr: string, k: Case): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines, stderr).toHaveLength(1);
  const msg = lines[0].replace(/^tariff-sim: /, '');
  const head = `${k.file}${k.line !== null ? `:${k.line}` : ''}: ${k.field ? `${k.field}: ` : ''}`;
  expect(msg.startsWith(head), `expected "${head}..." got "${msg}"`).toBe(true);
  expect(msg).toMatch(k.says);
  // No stack frames, no error class names.
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(stderr).not.toMatch(/\b(TypeError|RangeError|ZodError|YAMLParseError)\b/);
}

const timings = new Map<string, number>();

describe('the corpus', () => {
  it('has at least 40 committed fixtures, each in the table', () => {
    const files = readdirSync(join(ROOT, BAD)).map((f) => `${BAD}/${f}`);
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.sort()).toEqual(CASES.map((k) => k.file).sort());
  });
});

describe('in process: the same line the CLI prints (how fast: bench/bad-input.bench.ts)', () => {
  const all = () => [...CASES, ...EXTRA];
  it.each(CASES.map((k) => [k.file, k] as const))('%s', (_f, k) => check(k));
  it('the generated and outside-the-repo cases', () => {
    for (const k of all().slice(CASES.length)) check(k);
  });

  function check(k: Case): void {
    const t0 = performance.now();
    let message: string | null = null;
    let code = 0;
    try {
      const scn = loadScenario(k.file);
      checkFinite(scn, runScenario(scn));
    } catch (e) {
      ({ code, message } = exitCodeFor(e));
    }
    const ms = performance.now() - t0;
    timings.set(k.file, ms);
    expect(code, message ?? 'no error').toBe(2);
    expectOneLine(`${message}\n`, k);
  }
});

// The CLI in-process answers every case as the command would (same program, same streams, same
// exit code); a few real processes check that the command itself exits 2 with the one line.
const cliMs: number[] = [];
afterAll(() => {
  if (cliMs.length) console.log(`slowest CLI answer in process: ${Math.max(...cliMs).toFixed(0)} ms`);
});
describe.each(['validate', 'run'])('tariff-sim %s <bad file>', (command) => {
  it.each([...CASES.map((k) => [k.file, k] as const), ['(generated and outside cases)', null] as const])(
    '%s',
    async (_f, k) => {
      for (const kase of k ? [k] : EXTRA) {
        const r = await runCli([command, kase.file]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expectOneLine(r.stderr, kase);
        cliMs.push(r.ms);
      }
    },
    120_000,
  );
});

describe.concurrent('the command in a real process', () => {
  it.each([
    ['validate', `${BAD}/horizon-string.yaml`],
    ['run', `${BAD}/rule-unknown-metric.yaml`],
  ])('tariff-sim %s %s exits 2 with one line', async (command, file) => {
    const r = await spawnCli([command, file]);
    const k = CASES.find((c) => c.file === file)!;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, k);
  });
});
