// The package as a user gets it: `npm pack`, installed into an empty folder, run with npx and
// imported as a library; and the CLI's manners: --version, --help with examples, NO_COLOR.
// The pack and install start first and run in the background while the CLI's cases run; the
// processes a case starts run side by side (none waits on another's start).

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const COMMANDS = ['run', 'batch', 'merge', 'validate', 'list', 'schema', 'play'];

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A process run to its end, without holding this one up (unlike spawnSync, several can run at once). */
function spawnAsync(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return spawnAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

const exec = promisify(execFile);

/** `npm pack` (which runs `prepare`, building dist/), then the tarball installed into an empty folder. */
async function packAndInstall(tmp: string): Promise<string> {
  await exec('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: ROOT, maxBuffer: 64 << 20 });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack wrote no tarball');
  const app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // --prefer-offline: the dependencies from npm's cache where it has them, without asking the registry again.
  await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(tmp, tgz)], { cwd: app, maxBuffer: 64 << 20 });
  return app;
}

const tmp = mkdtempSync(join(tmpdir(), 'tariff-sim-pack-'));
let installed: Promise<string>;
beforeAll(() => {
  installed = packAndInstall(tmp);
  installed.catch(() => {}); // awaited (and so reported) by the cases that need it
});
afterAll(async () => {
  await installed.catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}, 300_000);

describe('the CLI', () => {
  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  }, 60_000);

  // In-process: the same program and streams as the command, without a node start per command.
  it.each(['', ...COMMANDS])('`%s --help` exits 0 with examples', async (command) => {
    const r = await cliInProcess([...(command ? [command] : []), '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('tariff-sim');
  }, 60_000);

  it('NO_COLOR turns off the colour chalk (and so Ink) would write, even when forced', async () => {
    const level = async (env: Record<string, string>) =>
      (
        await spawnAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./src/cli/terminalEnv.ts'); const { default: chalk } = await import('chalk'); process.stdout.write(String(chalk.level));"], {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
        })
      ).stdout;
    const [forced, off] = await Promise.all([level({ FORCE_COLOR: '3' }), level({ FORCE_COLOR: '3', NO_COLOR: '1' })]);
    expect(Number(forced)).toBeGreaterThan(0);
    expect(off).toBe('0');
  }, 60_000);

  it('writes no ANSI escapes with NO_COLOR set', async () => {
    const cases = [['run', 'busan-truce'], ['list'], ['--help'], ['validate', 'test/fixtures/bad/empty.yaml']];
    const results = await Promise.all(cases.map((args) => cli(args, { NO_COLOR: '1', FORCE_COLOR: '3' })));
    results.forEach((r, i) => expect(r.stdout + r.stderr, cases[i].join(' ')).not.toMatch(/\x1b\[/));
  }, 120_000);
});

// One pack and one install for all of these cases, which run side by side.
describe.concurrent('npm pack, installed into an empty folder', () => {
  let app: string;

  beforeAll(async () => {
    app = await installed;
  }, 300_000);

  it('runs `npx tariff-sim run busan-truce` with a summary', async () => {
    const r = await spawnAsync('npx', ['--no-install', 'tariff-sim', 'run', 'busan-truce'], { cwd: app });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^busan-truce: /);
    expect(r.stdout).toContain('Events:');
    expect(r.stderr).toBe('');
  }, 60_000);

  it('answers bad input in one line, exit 2', async () => {
    writeFileSync(join(app, 'bad.yaml'), 'name: x\nhorizon: ten\n');
    const r = await spawnAsync('npx', ['--no-install', 'tariff-sim', 'validate', 'bad.yaml'], { cwd: app });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('runs a small batch on worker threads', async () => {
    const r = await spawnAsync('npx', ['--no-install', 'tariff-sim', 'batch', 'busan-truce', '--runs', '8', '--workers', '1', '--json'], { cwd: app });
    expect(r.status, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  }, 120_000);

  it('is a typed library: loadScenario, run and batch', async () => {
    const dir = join(app, 'node_modules', 'tariff-sim');
    expect(existsSync(join(dir, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(dir, 'schema', 'scenario.schema.json'))).toBe(true);
    const script = [
      "import { loadScenario, run, batch, METRIC_NAMES, InputError } from 'tariff-sim';",
      "const scn = loadScenario('busan-truce');",
      'const r = run(scn, { steps: 5 });',
      "let bad = '';",
      "try { loadScenario('nope.yaml'); } catch (e) { bad = e instanceof InputError ? 'InputError' : String(e); }",
      'console.log(JSON.stringify({ rows: r.rows.length, metrics: METRIC_NAMES.length, runBatch: typeof batch.runBatch, bad }));',
    ].join('\n');
    const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 5, metrics: expect.any(Number), runBatch: 'function', bad: 'InputError' });
  }, 60_000);
});
