// `tariff-sim play` speed: a key or a move to its new frame (target < 50 ms), and the 200-run
// fan over the remaining horizon (target < 150 ms). Medians after a warm-up.

import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { loadScenario } from '../src/scenario/load.js';
import { App } from '../src/tui/App.js';
import { startFan } from '../src/tui/ensemble/background.js';
import { computeFan } from '../src/tui/ensemble/fan.js';
import { createSession, currentSnapshot, reduce } from '../src/tui/session/index.js';

const scn = loadScenario('busan-truce');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tick = () => new Promise((r) => setImmediate(r));
const ms = (x: number) => `${x.toFixed(1)} ms`;

// The fan, synchronously, from the start (the whole horizon: the worst case) and from mid-way.
const start = createSession(scn);
const mid = reduce(reduce(reduce(start, { type: 'step10' }), { type: 'step10' }), { type: 'step10' });
for (let i = 0; i < 3; i++) computeFan(scn, start.seed, currentSnapshot(start));
for (const [label, s] of [[`from step 0, ${scn.horizon} steps`, start], [`from step 30, ${scn.horizon - 30} steps`, mid]] as const) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    computeFan(scn, s.seed, currentSnapshot(s), 200);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  // CPU time as well as wall time: on a shared, loaded machine the wall clock mostly measures waiting.
  console.log(`fan of 200 runs ${label}: median ${ms(median(times))} wall, ${ms(median(cpu))} cpu (min ${ms(Math.min(...times))} wall)`);
}

// The same in the background job (chunks between event-loop turns), first snapshot to last.
const bg: number[] = [];
for (let i = 0; i < 5; i++) {
  bg.push(await new Promise<number>((resolve) => startFan(scn, start.seed, currentSnapshot(start), () => {}, { onDone: resolve })));
}
console.log(`fan of 200 runs in the background, from step 0: median ${ms(median(bg))}`);

// A key, and a move from the palette, to the new frame on screen (fan running as in use). The header
// names the row on screen out of the last one, horizon - 1.
const app = render(createElement(App, { scn, io: { cwd: '.', exists: () => false, write: () => {} }, fanRuns: 200 }));
// A frame that never comes (a changed label, say) fails the bench instead of spinning for ever.
const until = async (check: (f: string) => boolean) => {
  const deadline = performance.now() + 10_000;
  while (!check(app.lastFrame() ?? '')) {
    if (performance.now() > deadline) throw new Error(`bench: the frame never came; last frame:\n${app.lastFrame()}`);
    await tick();
  }
};
const settle = () => new Promise((r) => setTimeout(r, 40));
await until((f) => f.includes('200/200 runs'));
const stepTimes: number[] = [];
const stepCpu: number[] = [];
for (let k = 1; k <= 20; k++) {
  await settle();
  const t = performance.now();
  const c = process.cpuUsage();
  app.stdin.write('n');
  await until((f) => f.includes(`step ${k}/${scn.horizon - 1}`));
  stepTimes.push(performance.now() - t);
  const d = process.cpuUsage(c);
  stepCpu.push((d.user + d.system) / 1000);
}
const moveTimes: number[] = [];
for (let k = 21; k <= 30; k++) {
  await settle();
  app.stdin.write('m');
  await until((f) => f.includes('Move palette'));
  await settle();
  app.stdin.write('\u001b[B');
  await until((f) => f.includes('> cn (China)'));
  await settle();
  app.stdin.write('\r');
  await until((f) => f.includes('> set_tariff'));
  await settle();
  for (let d = 0; d < 9; d++) app.stdin.write('\u001b[B');
  await until((f) => f.includes('> impose_rare_earth_curbs'));
  await settle();
  app.stdin.write('\r');
  await until((f) => /level[^\n]*: 0\.8/.test(f));
  await settle();
  const t = performance.now();
  app.stdin.write('\r');
  await until((f) => f.includes(`step ${k}/${scn.horizon - 1}`) && !f.includes('Move palette'));
  moveTimes.push(performance.now() - t);
}
app.unmount();
console.log(`step key to new frame: median ${ms(median(stepTimes))} wall (${ms(median(stepCpu))} cpu, fan chunks included), max ${ms(Math.max(...stepTimes))}`);
console.log(`load average while measuring: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
console.log(`palette move (Enter) to new frame: median ${ms(median(moveTimes))}, max ${ms(Math.max(...moveTimes))}`);
