// The machine's speed at the moment, to compare bench runs from different minutes or days: the time
// of a dependent chain of Math.exp (the model's commonest costly call), in this process. Shared by
// the bench files (not itself a bench: its name does not end in .bench.ts).

/** Nanoseconds per chained Math.exp (a slower or busier machine gives a higher figure). */
export function speedProbe(): number {
  let x = 0.5;
  const n = 5e6;
  const t = performance.now();
  for (let i = 0; i < n; i++) x = Math.exp(-x) + 1e-9 * i;
  if (!(x > 0)) throw new Error('probe');
  return ((performance.now() - t) * 1e6) / n;
}
