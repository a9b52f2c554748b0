// The package as a user gets it: `npm pack`, installed into an empty folder, run with npx and
// imported as a library; and the CLI's manners: --version, --help with examples, NO_COLOR.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const COMMANDS = ['run', 'batch', 'merge', 'validate', 'list', 'schema', 'play'];

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the CLI', () => {
  it('--version prints the package version', () => {
    const r = cli(['--version']);
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

  it('NO_COLOR turns off the colour chalk (and so Ink) would write, even when forced', () => {
    const level = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./src/cli/terminalEnv.ts'); const { default: chalk } = await import('chalk'); process.stdout.write(String(chalk.level));"], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
      }).stdout;
    expect(Number(level({ FORCE_COLOR: '3' }))).toBeGreaterThan(0);
    expect(level({ FORCE_COLOR: '3', NO_COLOR: '1' })).toBe('0');
  }, 60_000);

  it('writes no ANSI escapes with NO_COLOR set', () => {
    for (const args of [['run', 'busan-truce'], ['list'], ['--help'], ['validate', 'test/fixtures/bad/empty.yaml']]) {
      const r = cli(args, { NO_COLOR: '1', FORCE_COLOR: '3' });
      expect(r.stdout + r.stderr).not.toMatch(/\x1b\[/);
    }
  }, 120_000);
});

describe('npm pack, installed into an empty folder', () => {
  let tmp: string;
  let app: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tariff-sim-pack-'));
    // `npm pack` runs `prepare`, which builds dist/.
    execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack wrote no tarball');
    app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(tmp, tgz)], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  }, 300_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('runs `npx tariff-sim run busan-truce` with a summary', () => {
    const r = spawnSync('npx', ['--no-install', 'tariff-sim', 'run', 'busan-truce'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^busan-truce: /);
    expect(r.stdout).toContain('Events:');
    expect(r.stderr).toBe('');
  }, 60_000);

  it('answers bad input in one line, exit 2', () => {
    writeFileSync(join(app, 'bad.yaml'), 'name: x\nhorizon: ten\n');
    const r = spawnSync('npx', ['--no-install', 'tariff-sim', 'validate', 'bad.yaml'], { cwd: app, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('runs a small batch on worker threads', () => {
    const r = spawnSync('npx', ['--no-install', 'tariff-sim', 'batch', 'busan-truce', '--runs', '8', '--workers', '1', '--json'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  }, 120_000);

  it('is a typed library: loadScenario, run and batch', () => {
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
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 5, metrics: expect.any(Number), runBatch: 'function', bad: 'InputError' });
  }, 60_000);
});
