// The move palette's forms: which actor may make each move, and its parameters with defaults.
// The schema (moveSchema) stays the judge; these only make typing a move quick.

import type { Actor, State } from '../../model/types.js';
import type { MoveType } from '../../model/moves.js';

export type Who = Actor | 'both';

export interface Field {
  name: string;
  kind: 'number' | 'text' | 'choice';
  /** For choices: the options, from the state where they depend on it (layers, agreements). */
  options?: (s: State, actor: Who) => string[];
  initial?: string;
  optional?: boolean;
  /** Comma-separated list (a layer's scope). */
  list?: boolean;
}

const layer = (s: State, a: Who) => (a === 'cn' ? s.cn_layers : s.us_layers).map((l) => l.id);
const agreements = (s: State) => s.agreements.map((a) => a.id);
const yesNo = () => ['true', 'false'];
const num = (name: string, initial: string, optional = false): Field => ({ name, kind: 'number', initial, optional });
const pick = (name: string, options: Field['options'], optional = false): Field => ({ name, kind: 'choice', options, optional });

export interface MoveForm {
  type: MoveType;
  actors: Who[];
  fields: Field[];
  /** One line on what the move does, as the palette lists it. */
  about?: string;
}

// What an agreement signed here does if it lapses: the Busan truce's own terms (the suspended parts
// of both sides' tariffs come back), the moves kept at this step (a threat tied to the deadline:
// they happen at the lapse, not now), or nothing.
const RESTORE_SUSPENDED = 'restore suspended tariffs';
export const KEPT_ON_LAPSE = 'the kept moves';

/** Both sides restore every layer that now holds a suspended part. */
function restoreSuspended(s: State): Record<string, unknown>[] {
  return [...s.us_layers, ...s.cn_layers].filter((l) => l.suspended_pct > 0).map((l) => ({ type: 'restore_tariff', actor: l.imposer, layer: l.id }));
}

// hold_summit's moves are the ones kept at this step (Ctrl+A in Palette.tsx): its form asks only
// for the summit's name (see takesKept).
export const MOVE_FORMS: MoveForm[] = [
  { type: 'set_tariff', about: 'set a tariff layer to a rate', actors: ['us', 'cn'], fields: [pick('layer', layer), num('rate_pct', '50')] },
  { type: 'raise_tariff', about: 'raise a tariff layer by some points', actors: ['us', 'cn'], fields: [pick('layer', layer), num('by_pp', '10')] },
  { type: 'lower_tariff', about: 'lower a tariff layer by some points', actors: ['us', 'cn'], fields: [pick('layer', layer), num('by_pp', '10')] },
  {
    type: 'add_tariff_layer',
    about: 'a new tariff layer on some goods',
    actors: ['us', 'cn'],
    fields: [{ name: 'layer', kind: 'text', initial: 'new_layer' }, { name: 'scope', kind: 'text', initial: 'all', list: true }, num('rate_pct', '25'), { name: 'label', kind: 'text', initial: '', optional: true }],
  },
  { type: 'suspend_tariff', about: 'suspend a layer, keeping part of it (a truce term)', actors: ['us', 'cn'], fields: [pick('layer', layer), num('keep_pct', '10')] },
  { type: 'restore_tariff', about: "bring back a layer's suspended part", actors: ['us', 'cn'], fields: [pick('layer', layer)] },
  { type: 'threaten_tariff', about: 'announce a rate to come on a layer (a threat)', actors: ['us', 'cn'], fields: [pick('layer', layer), num('rate_pct', '100')] },
  { type: 'impose_threatened_tariff', about: 'carry out the threat on a layer', actors: ['us', 'cn'], fields: [pick('layer', layer)] },
  { type: 'drop_tariff_threat', about: 'withdraw the threat on a layer', actors: ['us', 'cn'], fields: [pick('layer', layer)] },
  { type: 'impose_rare_earth_curbs', about: 'restrict rare-earth and magnet exports (0 none, 1 ban)', actors: ['cn'], fields: [num('level', '0.8'), num('licence_delay_weeks', '', true)] },
  { type: 'relax_rare_earth_curbs', about: 'ease the rare-earth curbs to a lower level', actors: ['cn'], fields: [num('level', '0.2')] },
  { type: 'issue_general_licences', about: 'general licences: the curbs stop biting US users', actors: ['cn'], fields: [] },
  {
    type: 'sign_diversification_pact',
    about: 'a magnet supply pact with a third country',
    actors: ['us'],
    fields: [{ name: 'partner', kind: 'text', initial: 'australia' }, num('capacity_share', '0.1'), num('lag_weeks', '26'), num('ramp_weeks', '52')],
  },
  { type: 'commit_soybean_purchases', about: 'commit to buy US soybeans, MMT a year', actors: ['cn'], fields: [num('mmt_per_yr', '25')] },
  { type: 'stop_soybean_purchases', about: 'stop buying US soybeans (a boycott)', actors: ['cn'], fields: [] },
  { type: 'impose_tech_controls', about: 'tighten US technology export controls', actors: ['us'], fields: [num('level', '0.5'), pick('software_controls', yesNo, true), pick('affiliates_rule', yesNo, true)] },
  { type: 'relax_tech_controls', about: 'ease US technology export controls', actors: ['us'], fields: [num('level', '0'), pick('software_controls', yesNo, true), pick('affiliates_rule', yesNo, true)] },
  { type: 'set_port_fees', about: "port fees on the other side's ships, on or off", actors: ['us', 'cn'], fields: [pick('active', yesNo)] },
  {
    type: 'sign_agreement',
    about: 'an agreement until a date; a truce if marked so',
    actors: ['both', 'us', 'cn'],
    fields: [
      { name: 'agreement', kind: 'text', initial: 'new_deal' },
      { name: 'until', kind: 'text', initial: '52' },
      pick('truce', yesNo, true),
      { name: 'label', kind: 'text', initial: '', optional: true },
      pick('on_lapse', () => [RESTORE_SUSPENDED, KEPT_ON_LAPSE, 'nothing']),
    ],
  },
  { type: 'extend_agreement', about: "move an agreement's end date", actors: ['both', 'us', 'cn'], fields: [pick('agreement', agreements), { name: 'until', kind: 'text', initial: '2027-11-10' }] },
  { type: 'let_agreement_lapse', about: 'let an agreement lapse now', actors: ['both', 'us', 'cn'], fields: [pick('agreement', agreements)] },
  { type: 'cooperate_on_precursors', about: 'fentanyl precursor cooperation (0 none, 1 full)', actors: ['cn'], fields: [num('level', '0.8')] },
  { type: 'settle_tiktok', about: 'settle the TikTok question', actors: ['us', 'cn'], fields: [pick('outcome', () => ['framework', 'divested', 'banned'])] },
  { type: 'hold_summit', about: 'a named summit holding the kept moves (eases tension)', actors: ['both'], fields: [{ name: 'name', kind: 'text', initial: 'summit' }] },
  {
    type: 'court_voids_authority',
    actors: ['us'],
    fields: [pick('authority', (s) => authorities(s, (a) => !a.ended)), { name: 'stop', kind: 'text', initial: '2027-01-04' }, { name: 'case', kind: 'text', initial: '', optional: true }],
    about: "a court holds that an authority does not support tariffs: every layer under it ends on the stop date (a step or a date); a refund can follow",
  },
  {
    type: 'congress_extends',
    actors: ['us'],
    fields: [pick('authority', (s) => authorities(s, (a) => a.max_days !== null && !a.ended)), { name: 'until', kind: 'text', initial: '2027-07-24' }],
    about: 'Congress extends a time-limited authority (Section 122: 150 days unless extended) to a date',
  },
  {
    type: 'request_continuation',
    actors: ['us'],
    fields: [pick('authority', (s) => authorities(s, (a) => a.end_kind === 'lapse' && !a.ended))],
    about: 'continuation of a Section 301 action is requested: it runs another four years instead of lapsing',
  },
  {
    type: 'refund_duties',
    actors: ['us'],
    fields: [pick('authority', (s) => authorities(s, (a) => a.end_kind === 'void')), num('amount_bn', '10'), { name: 'from', kind: 'text', initial: '2027-01-04' }, { name: 'until', kind: 'text', initial: '2027-07-05' }],
    about: 'duties collected under a voided authority are paid back evenly from `from` to `until` (shown as us_tariff_refunds_bn; duties collected are unchanged)',
  },
];

/** The authorities a form offers: ids of those that pass `keep`. */
function authorities(s: State, keep: (a: State['authorities'][number]) => boolean): string[] {
  return s.authorities.filter(keep).map((a) => a.id);
}

export const WHO: Who[] = ['us', 'cn', 'both'];

export function formsFor(actor: Who): MoveForm[] {
  return MOVE_FORMS.filter((f) => f.actors.includes(actor));
}

export function initialValues(form: MoveForm, s: State, actor: Who): string[] {
  return form.fields.map((f) => (f.kind === 'choice' && !f.optional ? (f.options?.(s, actor)[0] ?? '') : (f.initial ?? '')));
}

/**
 * Whether the move holds the moves kept at this step instead of going beside them: a summit (its
 * moves), or an agreement whose lapse they are.
 */
export function takesKept(form: MoveForm, values: string[]): 'summit' | 'lapse' | null {
  if (form.type === 'hold_summit') return 'summit';
  const k = form.fields.findIndex((f) => f.name === 'on_lapse');
  return k >= 0 && values[k] === KEPT_ON_LAPSE ? 'lapse' : null;
}

/** The typed values as a move object, holding `kept` where takesKept says so; the schema decides whether it is legal. */
export function buildMove(form: MoveForm, actor: Who, values: string[], s: State, kept: Record<string, unknown>[] = []): Record<string, unknown> {
  const move: Record<string, unknown> = { type: form.type, actor };
  form.fields.forEach((f, i) => {
    const raw = values[i].trim();
    if (raw === '' && f.optional) return;
    if (f.name === 'on_lapse') move.on_lapse = raw === RESTORE_SUSPENDED ? restoreSuspended(s) : raw === KEPT_ON_LAPSE ? kept : [];
    else if (f.list) move[f.name] = raw.split(',').map((x) => x.trim()).filter(Boolean);
    else if (f.kind === 'number') move[f.name] = raw === '' ? NaN : Number(raw);
    else if (raw === 'true' || raw === 'false') move[f.name] = raw === 'true';
    else if ((f.name === 'until' || f.name === 'stop' || f.name === 'from') && /^\d+$/.test(raw)) move[f.name] = Number(raw);
    else move[f.name] = raw;
  });
  if (form.type === 'hold_summit') move.moves = kept; // after its name, as a scenario file has it
  if (form.type === 'refund_duties') {
    // The form asks for one phase: the whole amount from `from` to `until`.
    move.schedule = [{ from: move.from, until: move.until, amount_bn: move.amount_bn }];
    delete move.from;
    delete move.until;
  }
  return move;
}

/** A number field's range (`level 0..1`), from the move schema itself: new moves bring theirs. */
export type Ranges = Record<string, Record<string, [number, number]>>;

let ranges: Ranges | null = null;

export function numberRanges(schemaOf: () => { oneOf?: { properties?: Record<string, { const?: string; minimum?: number; maximum?: number }> }[] }): Ranges {
  if (ranges) return ranges;
  const out: Ranges = {};
  for (const variant of schemaOf().oneOf ?? []) {
    const props = variant.properties ?? {};
    const type = props.type?.const;
    if (!type) continue;
    for (const [name, p] of Object.entries(props)) if (typeof p.minimum === 'number' && typeof p.maximum === 'number') (out[type] ??= {})[name] = [p.minimum, p.maximum];
  }
  return (ranges = out);
}
