// Memory stays flat whatever the number of runs and workers: the main thread keeps a fixed number of
// chunks in flight (it holds the workers back when the sink is slower than they are), and a batch
// never starts more than 8 threads, whatever --workers asks. Measured as counts and ratios, never
// as a time.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Pool, runBatch } from '../src/batch/index.js';
import { defaultWorkers } from '../src/batch/pool.js';
import { type ChunkTask, simulateChunk } from '../src/batch/simulate.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { ROOT } from './helpers/cli.js';

describe('chunks in flight', () => {
  it.each([2, 16, 64])('at --workers %i with a slow sink: never more than 16 chunks dispatched and not yet written', async (workers) => {
    const { plan, sources } = await planBatch(['busan-truce'], { runs: '3000', steps: '4', workers: String(workers), csv: true });
    let dispatched = 0;
    let written = 0;
    let most = 0;
    // A pool of as many "threads" as asked, each answering at once: only the main thread can hold them back.
    const pool: Pool = {
      run: async (task) => {
        dispatched++;
        most = Math.max(most, dispatched - written);
        await new Promise((r) => setImmediate(r));
        return simulateChunk(task as ChunkTask);
      },
      warm: () => {},
      close: async () => {},
    };
    await runBatch(plan, {
      workers,
      sources,
      pool,
      // The sink: slower than the workers (a disk, a pipe to a slow reader).
      csv: async () => {
        await new Promise((r) => setTimeout(r, 2));
        written++;
      },
    });
    expect(written).toBeGreaterThan(32); // enough chunks for a window of 2 x workers to show
    // 16 = two chunks for each of at most 8 threads; before, it was 2 x workers (128 at 64 workers).
    expect(most).toBeLessThanOrEqual(16);
  }, 120_000);
});

/** A real batch in a child process with --csv, its output read slowly; returns its peak RSS (bytes). */
function peakRss(args: string[]): Promise<number> {
  const report = "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));";
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, '--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // A slow reader: a pause after every piece it reads.
    child.stdout.on('data', () => {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 5);
    });
    child.on('close', (code) => {
      const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1]);
      if (code !== 0 || !kb) fail(new Error(`exit ${code}: ${stderr}`));
      else done(kb * 1024);
    });
  });
}

describe('peak memory of a real batch, oversubscribed on this machine', () => {
  it('is flat in the number of runs and in --workers: 7,500 runs on --workers 64 against 1,500 on --workers 8', async () => {
    const batch = (runs: number, workers: number) => ['batch', 'busan-truce', '--runs', String(runs), '--steps', '13', '--seed', '4', '--workers', String(workers), '--csv'];
    const small = await peakRss(batch(1500, 8));
    const large = await peakRss(batch(7500, 64));
    console.log(`peak RSS: ${(small / 1e6).toFixed(0)} MB at 1,500 runs on --workers 8, ${(large / 1e6).toFixed(0)} MB at 7,500 runs on --workers 64`);
    // Five times the runs and eight times the workers asked: within half as much again (measured here:
    // 1.24, the workers' heaps settling). Before, every thread asked for was started: 64 threads
    // at some 13 MB each idle and 30-45 MB working, more than twice the memory of 8.
    expect(large / small).toBeLessThan(1.5);
  }, 600_000);
});

describe('the default worker count', () => {
  it('is sized to the batch: one worker per 10,000 run-arms, at least one, never more than 8 or the cores', async () => {
    const { availableParallelism } = await import('node:os');
    const cores = availableParallelism();
    expect(defaultWorkers(500)).toBe(1);
    expect(defaultWorkers(19_999)).toBe(1);
    expect(defaultWorkers(20_000)).toBe(Math.min(2, cores));
    expect(defaultWorkers(1_000_000)).toBe(Math.min(8, cores));
    // Through the CLI's planning: a small batch gets one worker, a sweep counts its points.
    expect((await planBatch(['busan-truce'], { runs: '1000' })).workers).toBe(1);
    expect((await planBatch(['busan-truce'], { runs: '10000', sweep: 'armington_sigma=2:3:4' })).workers).toBe(Math.min(4, cores));
    expect((await planBatch(['busan-truce'], { runs: '10', workers: '64' })).workers).toBe(8);
  });
});
