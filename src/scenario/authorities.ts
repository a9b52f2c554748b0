// A baseline's legal authorities: the statutes' rules (seeds/authorities.yaml) joined to the
// authorities its layers name and to where each stands on the baseline's date.

import type { BaselineAuthority } from '../model/baseline.js';
import { fieldName, InputError } from './errors.js';
import type { SeedAuthorities, SeedBaseline } from './schema/seeds.js';
import { lineOf, type YamlSource } from './yamlFile.js';

const DEFAULT_WHY = {
  void: 'a court held that it does not authorise tariffs',
  limit: 'its statutory time limit ran out',
  lapse: 'the action lapsed without a request for its continuation',
} as const;

/** Every authority of the file, with its statute's rules and its status on the baseline's date. */
/** `src` is the baseline's file, or the scenario's name for a start state written inline in it (its line unknown here). */
export function baselineAuthorities(b: SeedBaseline, src: YamlSource | string, known: SeedAuthorities | null): BaselineAuthority[] {
  const fail = (path: (string | number)[], msg: string): never => {
    if (typeof src === 'string') throw new InputError(src, null, fieldName(['start_state', ...path]), msg);
    throw new InputError(src.file, lineOf(src, path), fieldName(path), msg);
  };
  const all = known?.authorities ?? [];
  const byId = new Map(all.map((a) => [a.id, a]));
  for (const side of ['us_layers', 'cn_layers'] as const)
    b[side].forEach((l, i) => {
      if (l.authority === undefined) return;
      const a = byId.get(l.authority);
      if (!a) fail([side, i, 'authority'], `unknown authority "${l.authority}" (known: ${all.map((x) => x.id).join(', ') || 'none: seeds/authorities.yaml is missing'})`);
      else if (a.imposer !== (side === 'us_layers' ? 'us' : 'cn')) fail([side, i, 'authority'], `${a.label} is a ${a.imposer} authority`);
    });
  (b.refunds ?? []).forEach((r, i) => {
    if (!byId.has(r.authority)) fail(['refunds', i, 'authority'], `unknown authority "${r.authority}" (known: ${all.map((x) => x.id).join(', ')})`);
  });
  const status = new Map((b.authorities ?? []).map((s) => [s.id, s]));
  (b.authorities ?? []).forEach((s, i) => {
    if (!byId.has(s.id)) fail(['authorities', i, 'id'], `unknown authority "${s.id}" (known: ${all.map((x) => x.id).join(', ')})`);
    if ((s.ends === undefined) !== (s.end_kind === undefined)) fail(['authorities', i, s.ends === undefined ? 'ends' : 'end_kind'], 'ends and end_kind go together');
  });
  return all.map((a) => {
    const rules = known?.statutes[a.kind];
    const s = status.get(a.id);
    return {
      id: a.id,
      label: a.label,
      imposer: a.imposer,
      kind: a.kind,
      max_rate_pct: rules?.max_rate_pct ?? null,
      max_days: rules?.max_days ?? null,
      not_stacked_on: rules?.not_stacked_on ?? [],
      lapse_years: rules?.lapse_years ?? null,
      ends: s?.ends ?? null,
      end_kind: s?.end_kind ?? null,
      end_why: s?.end_why ?? (s?.end_kind ? DEFAULT_WHY[s.end_kind] : null),
      ended: s?.ended ?? false,
      ended_layers: s?.ended_layers ?? [],
      extended: s?.extended ?? false,
    };
  });
}
