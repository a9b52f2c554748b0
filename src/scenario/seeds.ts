// Loading seeds/: parameters, the 2024 trade basket, baselines and dated records, each checked
// against its schema and for a known `source` on every fact.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Baseline } from '../model/baseline.js';
import type { ParamSpecs } from '../model/params.js';
import { InputError } from './errors.js';
import { SEEDS_DIR } from './paths.js';
import { startStatePath } from './paths.js';
export { startStatePath };
import { baselineAuthorities } from './authorities.js';
import {
  authoritiesSchema,
  baselineSchema,
  magnetSectorsSchema,
  type SeedMagnetSectors,
  parametersSchema,
  recordSchema,
  type SeedAuthorities,
  type SeedBaseline,
  type SeedRecord,
  sourcesSchema,
  tradeSchema,
} from './schema/seeds.js';
import { lineOf, parseYaml, validateWith, type YamlSource } from './yamlFile.js';

export interface LoadedBaseline {
  id: string;
  description: string;
  as_of: string;
  baseline: Baseline;
}

const cache = new Map<string, unknown>();
function memo<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

function seedPath(name: string, dir: string): string {
  if (!/^[a-z0-9][a-z0-9_.-]*$/.test(name)) throw new InputError(join(dir, name), null, null, 'not a seed name');
  return join(dir, `${name}.yaml`);
}

function sources(dir: string): Set<string> {
  return memo(`sources:${dir}`, () => {
    const src = parseYaml(join(dir, 'sources.yaml'));
    return new Set(Object.keys(validateWith(src, sourcesSchema)));
  });
}

/** Every `source` in a seed file must name an entry of sources.yaml. */
export function checkSources(src: YamlSource, dir: string, at: PropertyKey[] = [], own: Set<string> = new Set()): void {
  const seeds = sources(dir);
  const known = { has: (k: string) => seeds.has(k) || own.has(k) };
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source' && typeof x === 'string' && !known.has(x))
          throw new InputError(src.file, lineOf(src, [...path, k]), [...path, k].join('.'), `unknown source "${x}" (see sources.yaml${own.size > 0 ? `, or this file's sources: ${[...own].join(', ')}` : ''})`);
        walk(x, [...path, k]);
      }
    }
  };
  let data: unknown = src.data;
  for (const k of at) data = (data as Record<PropertyKey, unknown>)[k];
  walk(data, at);
}

function loadSeedFile<T>(name: string, dir: string, schema: import('zod').ZodType<T>): T {
  return loadSeedSource(name, dir, schema).data;
}

function loadSeedSource<T>(name: string, dir: string, schema: import('zod').ZodType<T>): { data: T; src: YamlSource } {
  const file = seedPath(name, dir);
  if (!existsSync(file)) {
    const known = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    throw new InputError(file, null, null, `no such seed (known: ${known.join(', ')})`);
  }
  const src = parseYaml(file);
  const data = validateWith(src, schema);
  checkSources(src, dir);
  return { data, src };
}

export function loadParamSpecs(dir = SEEDS_DIR): ParamSpecs {
  return memo(`params:${dir}`, () => {
    const data = loadSeedFile('parameters', dir, parametersSchema);
    const out = {} as ParamSpecs;
    for (const [k, v] of Object.entries(data)) out[k as keyof ParamSpecs] = { central: v.central, low: v.low, high: v.high };
    return out;
  });
}

function toBaseline(b: SeedBaseline, dir: string, src: YamlSource | string): Baseline {
  const trade = loadSeedFile(b.trade, dir, tradeSchema);
  const strip = <T extends { source: string; note?: string; unconfirmed?: boolean }>(x: T) => {
    const { source: _s, note: _n, unconfirmed: _u, ...rest } = x;
    return rest;
  };
  return {
    us_layers: b.us_layers.map(strip),
    cn_layers: b.cn_layers.map(strip),
    us_import_segments: trade.us_import_segments.map(strip),
    us_export_segments: trade.us_export_segments.map(strip),
    rare_earths: strip(b.rare_earths),
    pacts: b.pacts.map(strip),
    soybeans: strip(b.soybeans),
    tech: strip(b.tech),
    us_port_fees: b.port_fees.us,
    cn_port_fees: b.port_fees.cn,
    precursor_cooperation: b.precursor_cooperation.value,
    tiktok: b.tiktok.value,
    agreements: b.agreements.map(({ truce, ...a }) => ({ ...strip(a), truce })),
    escalation_index: b.escalation_index.value,
    refunds: (b.refunds ?? []).map(({ label, from, until, amount_bn }) => ({ label, from, until, amount_bn })),
    authorities: baselineAuthorities(b, src, existsSync(join(dir, 'authorities.yaml')) ? loadAuthorities(dir) : null),
  };
}

export function loadAuthorities(dir = SEEDS_DIR): SeedAuthorities {
  return memo(`authorities:${dir}`, () => loadSeedFile('authorities', dir, authoritiesSchema));
}

export function loadBaseline(name: string, dir = SEEDS_DIR): LoadedBaseline {
  return memo(`baseline:${dir}:${name}`, () => {
    const { data: b, src } = loadSeedSource(name, dir, baselineSchema);
    return { id: b.id, description: b.description, as_of: b.as_of, baseline: toBaseline(b, dir, src) };
  });
}

/**
 * A scenario's own starting state, checked as a seed baseline is: a file beside the scenario (its
 * errors name that file and line), or the state inline (already checked with the scenario file).
 */
export function loadStartState(state: string | SeedBaseline, scenarioFile: string, dir = SEEDS_DIR): { as_of: string; baseline: Baseline } {
  if (typeof state !== 'string') return { as_of: state.as_of, baseline: toBaseline(state, dir, scenarioFile) };
  const file = startStatePath(state, scenarioFile);
  if (!existsSync(file)) throw new InputError(file, null, null, 'no such start-state file');
  const src = parseYaml(file);
  const b = validateWith(src, baselineSchema);
  checkSources(src, dir);
  return { as_of: b.as_of, baseline: toBaseline(b, dir, src) };
}


/** Every `source` in an inline start state names an entry of sources.yaml; errors at the scenario's line. */
export function checkInlineSources(src: YamlSource, path: PropertyKey[], dir = SEEDS_DIR): void {
  checkSources(src, dir, path);
}

export function loadRecord(name: string, dir = SEEDS_DIR): SeedRecord {
  return memo(`record:${dir}:${name}`, () => loadSeedFile(name, dir, recordSchema));
}

/** The US magnet-dependent sectors and their 2024 output (seeds/magnet-sectors-2024.yaml). */
export function loadMagnetSectors(name = 'magnet-sectors-2024', dir = SEEDS_DIR): SeedMagnetSectors {
  return memo(`sectors:${dir}:${name}`, () => loadSeedFile(name, dir, magnetSectorsSchema));
}
