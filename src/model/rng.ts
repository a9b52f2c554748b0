// The seeded stream. Alea (seedrandom) with its state kept in the model state, so that a step
// is a pure function of its inputs.

import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './types.js';

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  state(): RngState;
  /** Uniforms drawn so far: tells whether the state moved without copying it. */
  draws(): number;
}

/**
 * Alea's generator (seedrandom's lib/alea.js `next`), written out for the same reason as Mash below:
 * seedrandom's keeps it behind two closures and builds a fresh Mash for every stream it restores
 * from a state, which cost a batch run more than its shocks. Its fields are numbers a class keeps
 * in place. The numbers are seedrandom's: a test holds every draw and state equal to it.
 */
class AleaStream implements Rng {
  private n = 0;
  constructor(
    private s0: number,
    private s1: number,
    private s2: number,
    private c: number,
  ) {}

  next(): number {
    this.n++;
    const t = 2091639 * this.s0 + this.c * TWO_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }

  draws(): number {
    return this.n;
  }
}

/** seedrandom's own stream, counting its draws: where a stream is made once (not in a batch's runs). */
function wrap(prng: ReturnType<typeof alea>): Rng {
  let n = 0;
  return {
    next: () => {
      n++;
      return prng();
    },
    state: () => prng.state() as RngState,
    draws: () => n,
  };
}

export function rngFromSeed(seed: string): Rng {
  return wrap(alea(seed, { state: true }));
}

// Alea's seeding (Mash, by Johannes Baagøe, as in seedrandom's lib/alea.js), giving the state
// seedrandom.alea(seed) starts from: a test holds the two equal. Written out because seedrandom's
// keeps Mash's accumulator in a closure variable that V8 boxes at every write, which made seeding a
// run's three streams cost more than all its quiet steps; here it lives in a local.
const TWO_32 = 0x100000000;
const TWO_MINUS_32 = 2.3283064365386963e-10;

function mash(n: number, data: string, from = 0): number {
  for (let i = from; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * TWO_32;
  }
  return n;
}

const mashed = (n: number): number => (n >>> 0) * TWO_MINUS_32;
// Every seed starts from Mash's three spaces.
const SPACES = [0, 0, 0];
let spaced = 0xefc8249d;
for (let k = 0; k < 3; k++) SPACES[k] = mashed((spaced = mash(spaced, ' ')));

export function aleaSeedState(seed: string): RngState {
  let n = spaced;
  const s = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    n = mash(n, seed);
    s[k] = SPACES[k] - mashed(n);
    if (s[k] < 0) s[k] += 1;
  }
  return { c: 1, s0: s[0], s1: s[1], s2: s[2] };
}

/** Three Mash accumulators, stepped in lockstep by mash3; and stream j's k-th seed number at 3j + k. */
const three = new Float64Array(3);
const seedNumbers = new Float64Array(9);

/**
 * Mash over a, b and c, one into each accumulator of `three`, together while all three have
 * characters. Mash is a chain of dependent operations a character, so alone it waits on its own
 * latency; three independent chains interleaved take little longer than one.
 */
function mash3(a: string, b: string, c: string): void {
  let na = three[0];
  let nb = three[1];
  let nc = three[2];
  const common = Math.min(a.length, b.length, c.length);
  // mash()'s loop line for line, each line once per chain; its `n = h >>> 0; h -= n` comes twice.
  for (let i = 0; i < common; i++) {
    na += a.charCodeAt(i);
    nb += b.charCodeAt(i);
    nc += c.charCodeAt(i);
    let ha = 0.02519603282416938 * na;
    let hb = 0.02519603282416938 * nb;
    let hc = 0.02519603282416938 * nc;
    na = ha >>> 0;
    nb = hb >>> 0;
    nc = hc >>> 0;
    ha -= na;
    hb -= nb;
    hc -= nc;
    ha *= na;
    hb *= nb;
    hc *= nc;
    na = ha >>> 0;
    nb = hb >>> 0;
    nc = hc >>> 0;
    ha -= na;
    hb -= nb;
    hc -= nc;
    na += ha * TWO_32;
    nb += hb * TWO_32;
    nc += hc * TWO_32;
  }
  three[0] = mash(na, a, common);
  three[1] = mash(nb, b, common);
  three[2] = mash(nc, c, common);
}

/**
 * aleaSeedState(parts.join('') + end) for each of three ends (a run's three streams), made faster
 * than one by one and without building those strings:
 * - Mash reads a seed one character at a time, so it can read it in parts. (A seed built by
 *   concatenation is a rope that V8 copies flat at its first charCodeAt.)
 * - Its first pass over the shared parts is the same for all three ends, so it is made once.
 * - The rest is made for the three in lockstep (mash3).
 */
export function aleaSeedStates(parts: readonly string[], ends: readonly [string, string, string]): [RngState, RngState, RngState] {
  let shared = spaced;
  for (const part of parts) shared = mash(shared, part);
  // Set one by one: fill() and a new typed array are calls into the runtime, dearer than this.
  three[0] = shared;
  three[1] = shared;
  three[2] = shared;
  for (let k = 0; k < 3; k++) {
    if (k > 0) for (const part of parts) mash3(part, part, part);
    mash3(ends[0], ends[1], ends[2]);
    for (let j = 0; j < 3; j++) {
      const x = SPACES[k] - mashed(three[j]);
      seedNumbers[3 * j + k] = x < 0 ? x + 1 : x;
    }
  }
  const s = seedNumbers;
  return [
    { c: 1, s0: s[0], s1: s[1], s2: s[2] },
    { c: 1, s0: s[3], s1: s[4], s2: s[5] },
    { c: 1, s0: s[6], s1: s[7], s2: s[8] },
  ];
}

export function rngFromState(state: RngState): Rng {
  return new AleaStream(state.s0, state.s1, state.s2, state.c);
}

/** Standard normal draw (Box-Muller; one uniform pair per draw keeps streams aligned). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
