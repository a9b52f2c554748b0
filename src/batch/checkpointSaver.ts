// When to write a batch's checkpoint: after a chunk, but seldom enough that writing costs about 2% of
// the time at most. A comparison's summaries are megabytes of JSON, and the main thread that writes
// them shares the cores with the workers: at most once a second, writing was a tenth of a
// three-scenario comparison's main thread. Ctrl-C and SIGTERM write one at once whatever the gap,
// so the gap only bounds what a hard kill loses: a few seconds of runs.

/** Wraps `write` so that calls are skipped until max(minGapMs, 50 x the last write's time) has passed; `force` always writes. */
export function throttled<A extends unknown[]>(write: (...args: A) => void, minGapMs = 5000): (force: boolean, ...args: A) => void {
  let nextMs = 0;
  return (force, ...args) => {
    const startMs = performance.now();
    if (!force && startMs < nextMs) return;
    write(...args);
    const tookMs = performance.now() - startMs;
    nextMs = performance.now() + Math.max(minGapMs, 50 * tookMs);
  };
}
