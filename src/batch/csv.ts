// The batch's long-form CSV: scenario[, swept parameter], run, step, date, then every metric.
// Cells are written exactly as `run --csv` writes them (sim/format), so rows compare equal.

import { dateOfStep } from '../model/calendar.js';
import { METRIC_NAMES } from '../model/metrics.js';
import { csvCell, round6 } from '../sim/format.js';
import type { Plan } from './plan.js';

export function csvHeader(plan: Plan): string {
  const sweep = plan.sweep ? [csvCell(plan.sweep.param)] : [];
  return `${['scenario', ...sweep, 'run', 'step', 'date', ...METRIC_NAMES].join(',')}\n`;
}

const METRICS = METRIC_NAMES.length;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NEWLINE = 0x0a;
/** Room for one row but its prefix and step: a run index and every metric, however printed. */
const ROW_BYTES = 24 + METRICS * 32;

/** Writes `digits` decimal digits of n (an integer, 0 <= n < 2^31, zero-padded) at `at`; returns the end. */
function writeDigits(bytes: Uint8Array, at: number, n: number, digits: number): number {
  for (let i = at + digits - 1; i >= at; i--) {
    const q = (n / 10) | 0;
    bytes[i] = ZERO + n - q * 10;
    n = q;
  }
  return at + digits;
}

/** Writes n (an integer, 0 <= n < 2^31) in decimal at `at`; returns the end. */
function writeInteger(bytes: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  return writeDigits(bytes, at, n, digits);
}

/**
 * Writes String(round6(x)) at `at`, from x's integer micro-units; returns the end. For |x| < 1e9 the
 * shortest decimal that reads back as round6(x) is those micro-units with the point six places in
 * and trailing zeros dropped (a double's spacing there is below 1e-6); anything else (NaN, the
 * infinities, huge values) goes through String. Like round6, a zero gets no minus sign.
 */
function writeNumber(bytes: Uint8Array, at: number, x: number): number {
  let micros = Math.round(x * 1e6); // as round6 rounds
  if (!(Math.abs(micros) < 1e15)) {
    for (const c of String(round6(x))) bytes[at++] = c.charCodeAt(0); // ASCII
    return at;
  }
  if (micros < 0) {
    bytes[at++] = MINUS;
    micros = -micros;
  }
  let fraction = micros % 1e6;
  at = writeInteger(bytes, at, (micros - fraction) / 1e6);
  if (fraction === 0) return at;
  let places = 6;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places--;
  }
  bytes[at++] = DOT;
  return writeDigits(bytes, at, fraction, places);
}

/** The size of the last chunk's rows: the next chunk of a batch (a worker writes one at a time) is about as long. */
let lastLength = 0;

/**
 * A chunk's rows, written straight into UTF-8 bytes (they cross to the main thread as bytes): going
 * through a string per number and encoding the text afterwards cost several times the runs themselves.
 */
export class CsvRows {
  private bytes: Uint8Array;
  private length = 0;
  /** Per arm: `scenario,[swept value,]`, the part of a row before its run index. */
  private readonly prefixes: Uint8Array[];
  /** Per arm and step: `,step,date`. */
  private readonly steps: Uint8Array[][];

  /**
   * `buffer`, if given, is written into (a buffer of rows already written out, see runBatch.ts);
   * else one is sized to the last chunk's rows and a sixteenth more. Either way it is rarely grown:
   * each buffer a chunk grew out of stayed behind as garbage outside the JS heap, which only a full
   * collection frees.
   */
  constructor(plan: Plan, buffer?: ArrayBuffer) {
    this.bytes = buffer ? new Uint8Array(buffer) : new Uint8Array(Math.max(1 << 16, lastLength + (lastLength >>> 4)));
    const utf8 = new TextEncoder();
    this.prefixes = plan.arms.map((a) => utf8.encode(`${csvCell(a.scenario)},${a.pin ? `${round6(a.pin.value)},` : ''}`));
    this.steps = plan.arms.map((a) => Array.from({ length: a.steps }, (_, t) => utf8.encode(`,${t},${dateOfStep(a.start, a.step_unit, t)}`)));
  }

  /** One run of arm `arm`: a row per step, from its metrics step-major in `values`. */
  addRun(arm: number, run: number, values: Float64Array): void {
    const prefix = this.prefixes[arm];
    const steps = this.steps[arm];
    for (let t = 0; t < steps.length; t++) {
      this.reserve(prefix.length + steps[t].length + ROW_BYTES);
      const bytes = this.bytes;
      let at = this.length;
      bytes.set(prefix, at);
      at = writeInteger(bytes, at + prefix.length, run);
      bytes.set(steps[t], at);
      at += steps[t].length;
      for (let i = t * METRICS; i < (t + 1) * METRICS; i++) {
        bytes[at++] = COMMA;
        at = writeNumber(bytes, at, values[i]);
      }
      bytes[at++] = NEWLINE;
      this.length = at;
    }
  }

  /**
   * The rows so far, and a fresh start. They are a view of the whole buffer, not a copy: a worker
   * hands the buffer to the main thread (worker.ts), which writes the rows and hands it back with a
   * later chunk, so that a batch's CSV goes through a fixed set of buffers.
   */
  take(): Uint8Array {
    const rows = this.bytes.subarray(0, this.length);
    lastLength = this.length;
    this.bytes = new Uint8Array(0);
    this.length = 0;
    return rows;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n, 1 << 16));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
