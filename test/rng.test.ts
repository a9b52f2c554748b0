// The seeded streams: Alea's seeding written out (model/rng.ts) starts exactly where seedrandom's
// alea(seed) does, for any seed, so a stream is the same whichever way it is made.

import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { aleaSeedState, aleaSeedStates, normal, rngFromSeed, rngFromState } from '../src/model/rng.js';
import { runStreams, stream, streamSeed } from '../src/sim/streams.js';

const theirs = (seed: string) => seedrandom.alea(seed, { state: true }).state();

describe("Alea's seeding", () => {
  it("gives seedrandom's state for the batch's stream seeds", () => {
    for (let run = 0; run < 3000; run++)
      for (const purpose of ['params', 'shocks', 'decisions'] as const) {
        const seed = streamSeed(String(run % 13), run, purpose);
        expect(JSON.stringify(aleaSeedState(seed)), seed).toBe(JSON.stringify(theirs(seed)));
      }
    expect(aleaSeedState(streamSeed('2025', null, 'shocks'))).toEqual(theirs('2025|central|shocks'));
  });

  it("gives seedrandom's state for any text, and the same draws", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (seed) => {
        expect(JSON.stringify(aleaSeedState(seed))).toBe(JSON.stringify(theirs(seed)));
        const ours = rngFromSeed(seed);
        const ref = seedrandom.alea(seed);
        for (let k = 0; k < 5; k++) expect(ours.next()).toBe(ref());
      }),
      { numRuns: 500 },
    );
  });

  it("a stream restored from a state draws seedrandom's numbers and carries seedrandom's state, for any seed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 300 }), (seed, skip) => {
        const ref = seedrandom.alea(seed, { state: true });
        for (let k = 0; k < skip; k++) ref();
        const ours = rngFromState(ref.state());
        for (let k = 0; k < 200; k++) expect(ours.next()).toBe(ref());
        expect(ours.draws()).toBe(200);
        expect(JSON.stringify(ours.state())).toBe(JSON.stringify(ref.state()));
      }),
      { numRuns: 300 },
    );
  });

  it('a normal draw is Box-Muller on two uniforms: by hand for a stream whose first two are known', () => {
    const ref = seedrandom.alea('box-muller');
    const u1 = 1 - ref();
    const u2 = ref();
    const ours = rngFromState(seedrandom.alea('box-muller', { state: true }).state());
    expect(normal(ours)).toBe(Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    expect(ours.draws()).toBe(2);
  });

  it('a stream counts its draws and carries its state', () => {
    const s = stream('7', 3, 'shocks');
    expect(s.draws()).toBe(0);
    const first = s.next();
    expect(s.draws()).toBe(1);
    const ref = seedrandom.alea('7|3|shocks', { state: true });
    expect(first).toBe(ref());
    expect(s.state()).toEqual(ref.state());
  });

  it('seeds three streams at once from a shared start exactly as one by one, for any texts', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.tuple(text, text, text), (parts, ends) => {
        const together = aleaSeedStates(parts, ends);
        ends.forEach((end, j) => expect(JSON.stringify(together[j])).toBe(JSON.stringify(theirs(parts.join('') + end))));
      }),
      { numRuns: 500 },
    );
  });

  it("a run's three streams are the ones stream() makes", () => {
    for (const [seed, run] of [['2025', null], ['1', 0], ['20251030', 99999], ['x|y', 12]] as const) {
      const all = runStreams(seed, run);
      for (const purpose of ['params', 'shocks', 'decisions'] as const) {
        const one = stream(seed, run, purpose);
        expect(all[purpose].state(), `${seed} ${run} ${purpose}`).toEqual(one.state());
        expect(all[purpose].next()).toBe(one.next());
      }
    }
  });
});
