// Steps <-> ISO dates. Pure date arithmetic in UTC; the model never reads the clock.

import type { StepUnit } from './types.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

function parseIso(text: string): number {
  if (!isIsoDate(text)) throw new RangeError(`not an ISO date (yyyy-mm-dd): ${JSON.stringify(text)}`);
  return Date.parse(`${text}T00:00:00Z`);
}

/**
 * Parsing and formatting dates is slow next to a step, and every run of a batch asks for the same
 * few: remember them (bounded, and pure: the same key always gives the same answer).
 */
function remembered<T>(limit: number, compute: (start: string, unit: StepUnit, at: number | string) => T) {
  const memo = new Map<string, T>();
  return (start: string, unit: StepUnit, at: number | string): T => {
    const key = `${start}|${unit}|${at}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = compute(start, unit, at);
      if (memo.size >= limit) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}

const rememberedDate = remembered(100_000, (start, unit, step) => computeDateOfStep(start, unit, step as number));

export function dateOfStep(start: string, unit: StepUnit, step: number): string {
  return rememberedDate(start, unit, step);
}

function computeDateOfStep(start: string, unit: StepUnit, step: number): string {
  const startMs = parseIso(start);
  if (unit === 'week') return new Date(startMs + step * 7 * DAY_MS).toISOString().slice(0, 10);
  const d = new Date(startMs);
  d.setUTCMonth(d.getUTCMonth() + step);
  return d.toISOString().slice(0, 10);
}

/** The first step on or after the date (a move dated between two steps takes effect at the later). */
export function stepOfDate(start: string, unit: StepUnit, date: string): number {
  const target = parseIso(date);
  const startMs = parseIso(start);
  if (unit === 'week') return Math.ceil((target - startMs) / (7 * DAY_MS));
  let step = Math.floor((target - startMs) / (31 * DAY_MS));
  while (parseIso(dateOfStep(start, unit, step)) < target) step++;
  while (step > 0 && parseIso(dateOfStep(start, unit, step - 1)) >= target) step--;
  return step;
}

const rememberedStep = remembered(10_000, (start, unit, date) => stepOfDate(start, unit, date as string));

/** A step index or an ISO date, as a step index. */
export function resolveWhen(start: string, unit: StepUnit, when: number | string): number {
  return typeof when === 'number' ? when : rememberedStep(start, unit, when);
}

const rememberedDay = remembered(1_000, (date) => {
  const ms = parseIso(date);
  return (ms - Date.UTC(new Date(ms).getUTCFullYear(), 0, 1)) / DAY_MS;
});

/** Day of the year of an ISO date (1 January = 0): where a step falls in the soybean season. */
export function dayOfYear(date: string): number {
  return rememberedDay(date, 'week', 0);
}

/** Length of one step in weeks: the unit that rates of adjustment are calibrated in. */
export function weeksPerStep(unit: StepUnit): number {
  return unit === 'week' ? 1 : 365.25 / 12 / 7;
}
