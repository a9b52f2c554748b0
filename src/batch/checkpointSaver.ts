// When to write a batch's checkpoint: after a chunk, but seldom enough that writing costs a few
// percent of the time at most (a long batch's summaries are megabytes of JSON).

/** Wraps `write` so that calls are skipped until max(minGapMs, 20 x the last write's time) has passed; `force` always writes. */
export function throttled<A extends unknown[]>(write: (...args: A) => void, minGapMs = 1000): (force: boolean, ...args: A) => void {
  let nextMs = 0;
  return (force, ...args) => {
    const startMs = performance.now();
    if (!force && startMs < nextMs) return;
    write(...args);
    const tookMs = performance.now() - startMs;
    nextMs = performance.now() + Math.max(minGapMs, 20 * tookMs);
  };
}
