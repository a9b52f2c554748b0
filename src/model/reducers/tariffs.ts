// Tariff moves: set, raise, lower, add, suspend, restore, threaten.

import { resolveWhen } from '../calendar.js';
import { checkLayer, endedLayerReason, requireAuthority, startClock, unstackedScope } from '../authorities.js';
import { layerWith, withChanges } from '../copy.js';
import type { MoveOf, TariffMove } from '../moves.js';
import type { State, TariffLayer } from '../types.js';
import { fmtPct, layersOf, MoveError, type MoveContext, type Outcome, recorded, requireRange, withLayers } from './common.js';

const MAX_RATE_PCT = 1000;
/** Tension per percentage point of tariff change, and its cap for one move. */
const TENSION_PER_PP_UP = 0.15;
const TENSION_PER_PP_DOWN = 0.1;
const TENSION_CAP = 25;

type LayerMove = Exclude<TariffMove, MoveOf<'add_tariff_layer'>>;

function findLayer(state: State, move: LayerMove): { layers: TariffLayer[]; index: number } {
  const layers = layersOf(state, move.actor);
  const index = layers.findIndex((l) => l.id === move.layer);
  const ended = index < 0 ? endedLayerReason(state, move.layer) : null;
  if (ended) throw new MoveError(move, 'layer', `statutory rule: ${ended}`);
  if (index < 0)
    throw new MoveError(move, 'layer', `unknown ${move.actor} layer "${move.layer}" (known: ${layers.map((l) => l.id).join(', ')})`);
  return { layers, index };
}

function tensionFor(deltaPp: number): number {
  return deltaPp >= 0 ? Math.min(TENSION_CAP, deltaPp * TENSION_PER_PP_UP) : -Math.min(TENSION_CAP, -deltaPp * TENSION_PER_PP_DOWN);
}

interface LayerChange {
  layers: TariffLayer[];
  imposer: TariffLayer['imposer'];
  text: string;
  tension: number;
}

// The same scripted move on the same layer set gives the same new layer set in every run of a
// batch: remembering it lets runs share layer arrays (and the caches keyed on them). Layers and
// moves are never mutated, so an entry can never go stale.
const changes = new WeakMap<TariffLayer[], WeakMap<LayerMove, LayerChange>>();

function changeLayer(
  state: State,
  move: LayerMove,
  ctx: MoveContext,
  patch: (l: TariffLayer) => TariffLayer,
  verb: string,
  threatTension = 0,
): Outcome {
  const { layers, index } = findLayer(state, move);
  let byMove = changes.get(layers);
  let change = byMove?.get(move);
  if (!change) {
    const before = layers[index];
    const after = patch(before);
    if (after.rate_pct < 0) throw new MoveError(move, 'rate_pct', `would take ${before.id} below zero (${after.rate_pct})`);
    if (after.rate_pct > MAX_RATE_PCT) throw new MoveError(move, 'rate_pct', `above ${MAX_RATE_PCT}% (${after.rate_pct})`);
    const next = layers.slice();
    next[index] = after;
    const delta = after.rate_pct - before.rate_pct;
    const threatMoved = after.threatened_pct !== before.threatened_pct;
    const what =
      threatMoved && delta === 0
        ? `threat +${before.threatened_pct} pp -> +${after.threatened_pct} pp`
        : delta === 0 && after.suspended_pct === before.suspended_pct
          ? `already at ${fmtPct(after.rate_pct)}` // e.g. a lapse restoring what a side had restored itself
          : `${fmtPct(before.rate_pct)} -> ${fmtPct(after.rate_pct)}`;
    change = { layers: next, imposer: before.imposer, text: `${move.actor.toUpperCase()} ${verb} ${before.label}: ${what}`, tension: tensionFor(delta) + threatTension };
    if (!byMove) changes.set(layers, (byMove = new WeakMap()));
    byMove.set(move, change);
  }
  return recorded(underAuthority(withLayers(state, change.imposer, change.layers), move, layers[index], change.layers[index]), move, ctx, change.text, change.tension);
}

/** The statutory rules of the layer's authority (authorities.ts): checked, and its clock started. */
function underAuthority(state: State, move: TariffMove, before: TariffLayer | null, after: TariffLayer): State {
  if (after.authority == null) return state;
  checkLayer(state, move, before, after);
  const authorities = startClock(state, after, before === null);
  return authorities === state.authorities ? state : withChanges(state, { authorities });
}

export function reduceTariff(state: State, move: TariffMove, ctx: MoveContext): Outcome {
  switch (move.type) {
    case 'set_tariff':
      requireRange(move, 'rate_pct', move.rate_pct, 0, MAX_RATE_PCT);
      return changeLayer(state, move, ctx, (l) => layerWith(l, { rate_pct: move.rate_pct }), 'sets');
    case 'raise_tariff':
      requireRange(move, 'by_pp', move.by_pp, 0, MAX_RATE_PCT);
      return changeLayer(state, move, ctx, (l) => layerWith(l, { rate_pct: l.rate_pct + move.by_pp }), 'raises');
    case 'lower_tariff':
      requireRange(move, 'by_pp', move.by_pp, 0, MAX_RATE_PCT);
      return changeLayer(state, move, ctx, (l) => layerWith(l, { rate_pct: l.rate_pct - move.by_pp }), 'lowers');
    case 'suspend_tariff':
      requireRange(move, 'keep_pct', move.keep_pct, 0, MAX_RATE_PCT);
      return changeLayer(
        state,
        move,
        ctx,
        (l) => {
          if (move.keep_pct > l.rate_pct)
            throw new MoveError(move, 'keep_pct', `${move.keep_pct} is above the layer's rate ${l.rate_pct}`);
          return layerWith(l, { rate_pct: move.keep_pct, suspended_pct: l.suspended_pct + l.rate_pct - move.keep_pct });
        },
        'suspends part of',
      );
    case 'restore_tariff':
      return changeLayer(state, move, ctx, (l) => layerWith(l, { rate_pct: l.rate_pct + l.suspended_pct, suspended_pct: 0 }), 'restores');
    case 'threaten_tariff':
      requireRange(move, 'rate_pct', move.rate_pct, 0, MAX_RATE_PCT);
      return changeLayer(state, move, ctx, (l) => layerWith(l, { threatened_pct: move.rate_pct }), `threatens +${move.rate_pct} pp on`, tensionFor(move.rate_pct) / 2);
    case 'impose_threatened_tariff':
      return changeLayer(
        state,
        move,
        ctx,
        (l) => {
          if (l.threatened_pct <= 0) throw new MoveError(move, 'layer', `${l.id} carries no threatened rate`);
          return layerWith(l, { rate_pct: l.rate_pct + l.threatened_pct, threatened_pct: 0 });
        },
        'carries out the threat on',
      );
    case 'drop_tariff_threat': {
      const { layers, index } = findLayer(state, move);
      const relief = tensionFor(-layers[index].threatened_pct) / 2;
      return changeLayer(state, move, ctx, (l) => layerWith(l, { threatened_pct: 0 }), 'drops the threat of', relief);
    }
    case 'add_tariff_layer':
      return addLayer(state, move, ctx);
  }
}

export function resolveScope(scope: string[], segments: string[], onError: (msg: string) => never): string[] {
  if (scope.length === 0) onError('needs at least one segment, or "all"');
  if (scope.includes('all')) return ['all'];
  const out: string[] = [];
  for (const name of scope) {
    const expanded = name === 'agriculture' ? segments.filter((s) => s === 'soybeans' || s === 'other_agriculture') : [name];
    for (const s of expanded) {
      if (!segments.includes(s)) onError(`unknown segment "${name}" (known: all, ${segments.join(', ')})`);
      if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}

function addLayer(state: State, move: MoveOf<'add_tariff_layer'>, ctx: MoveContext): Outcome {
  requireRange(move, 'rate_pct', move.rate_pct, 0, MAX_RATE_PCT);
  const layers = layersOf(state, move.actor);
  if (layers.some((l) => l.id === move.layer)) throw new MoveError(move, 'layer', `a ${move.actor} layer "${move.layer}" already exists`);
  const segments = (move.actor === 'us' ? state.us_import_segments : state.us_export_segments).map((s) => s.name);
  const authority = move.authority === undefined ? null : requireAuthority(state, move, move.authority);
  if (authority && authority.imposer !== move.actor) throw new MoveError(move, 'authority', `${authority.label} is a ${authority.imposer} authority`);
  const scope = unstackedScope(
    state,
    move,
    authority,
    resolveScope(move.scope, segments, (msg) => {
      throw new MoveError(move, 'scope', msg);
    }),
    segments,
    layers,
  );
  const layer: TariffLayer = {
    id: move.layer,
    imposer: move.actor,
    label: move.label ?? move.layer,
    scope,
    applies_to: move.applies_to ?? 'partner',
    rate_pct: move.rate_pct,
    suspended_pct: 0,
    threatened_pct: 0,
    expires_step: move.expires === undefined ? null : resolveWhen(state.start_date, state.step_unit, move.expires),
    snapback_rate_pct: move.snapback_rate_pct ?? null,
    authority: authority ? authority.id : null,
  };
  const text = `${move.actor.toUpperCase()} adds ${layer.label} at ${fmtPct(layer.rate_pct)} on ${scope.join(', ')}`;
  return recorded(underAuthority(withLayers(state, move.actor, [...layers, layer]), move, null, layer), move, ctx, text, tensionFor(move.rate_pct));
}
