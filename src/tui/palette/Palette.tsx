// The move palette: actor, then move, then its parameters; Enter applies at the current step.
// Ctrl+A keeps a move and starts another, so that several (a package, an answer in the same
// week) are applied together at this step. A summit (both, hold_summit) holds the kept moves, and
// an agreement can make them what its lapse brings.

import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { z } from 'zod';
import type { State } from '../../model/types.js';
import { moveSchema } from '../../scenario/schema/moves.js';
import { fmt } from '../metricLabels.js';
import { buildMove, formsFor, initialValues, type MoveForm, numberRanges, takesKept, WHO, type Who } from './forms.js';

/** The number fields' ranges, read once from the move schema. */
const rangesOf = () => numberRanges(() => z.toJSONSchema(moveSchema, { unrepresentable: 'any', io: 'input' }) as never);

/** Keep this move and add another: Ctrl+A, or Ctrl+K where Ctrl+A is taken (GNU screen's prefix). */
const isKeep = (input: string, key: { ctrl: boolean }) => key.ctrl && (input === 'a' || input === 'k');

/** Typed text as a field takes it: every printable character of the chunk (a paste, a burst). */
const printable = (input: string) => input.replace(/[\u0000-\u001f\u007f]/g, '');

/** The forms whose type or description has the filter's text. */
export function filterForms(forms: MoveForm[], filter: string): MoveForm[] {
  const f = filter.trim().toLowerCase();
  return f ? forms.filter((x) => x.type.includes(f.replace(/ /g, '_')) || (x.about ?? '').toLowerCase().includes(f)) : forms;
}

/** A choice as the palette shows it: a layer with its label and current rate. */
function optionText(name: string, value: string, s: State, actor: Who): string {
  if (name !== 'layer' || !value) return value || '-';
  const l = (actor === 'cn' ? s.cn_layers : s.us_layers).find((x) => x.id === value);
  return l ? `${value} (${l.label}, now ${fmt(l.rate_pct, 1)}%${l.suspended_pct ? `, ${fmt(l.suspended_pct, 0)} suspended` : ''}${l.threatened_pct ? `, +${fmt(l.threatened_pct, 0)} threatened` : ''})` : value;
}

export interface PaletteProps {
  state: State;
  date: string;
  error: string | null;
  rows: number;
  /** The moves to make at this step, in the order chosen. */
  onApply(moves: Record<string, unknown>[]): void;
  /** Why a move would be refused before it is tried (the schema's word), or null. */
  check(move: Record<string, unknown>): string | null;
  onClose(): void;
}

type Stage = 'actor' | 'type' | 'fields';

function cycle(i: number, by: number, n: number): number {
  return n === 0 ? 0 : (i + by + n) % n;
}

/** A kept move in a line: who and what, with its numbers. */
function describeMove(m: Record<string, unknown>): string {
  const args = Object.entries(m)
    .filter(([k, v]) => k !== 'type' && k !== 'actor' && k !== 'on_lapse' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'))
    .map(([k, v]) => `${k} ${String(v)}`);
  return `${String(m.actor)} ${String(m.type)}${args.length ? ` (${args.join(', ')})` : ''}`;
}

/** Why Ctrl+A does not keep a move that holds the kept moves itself. */
const HOLDS_KEPT = { summit: 'a summit holds the kept moves: Enter holds it', lapse: "the kept moves are this agreement's lapse: Enter signs it" };

/** The fields stage's second hint: what Enter does with the kept moves. */
function fieldsHint(holds: 'summit' | 'lapse' | null, kept: number): string {
  const moves = `${kept} kept move${kept === 1 ? '' : 's'}`;
  if (holds === 'summit') return `Enter holds the summit with the ${moves}`;
  if (holds === 'lapse') return `Enter signs it; the ${moves} ${kept === 1 ? 'happens' : 'happen'} if it lapses, not now`;
  return 'Ctrl+A or Ctrl+K: keep this move and add another at this step';
}

export function Palette({ state, date, error, rows, onApply, check, onClose }: PaletteProps) {
  const [stage, setStage] = useState<Stage>('actor');
  const [actorIdx, setActorIdx] = useState(0);
  const [typeIdx, setTypeIdx] = useState(0);
  const [fieldIdx, setFieldIdx] = useState(0);
  const [values, setValues] = useState<string[]>([]);
  const [kept, setKept] = useState<Record<string, unknown>[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  /** Whether a value was edited since the palette opened: the session's old refusal then goes. */
  const [edited, setEdited] = useState(false);
  const actor: Who = WHO[actorIdx];
  const all = formsFor(actor);
  const matching = filterForms(all, filter);
  const forms = matching.length ? matching : all;
  const form = forms[Math.min(typeIdx, forms.length - 1)];
  const ranges = rangesOf()[form.type] ?? {};

  // A summit, or an agreement whose lapse brings the kept moves: it holds them (forms.ts takesKept).
  const holds = stage === 'fields' ? takesKept(form, values) : form.type === 'hold_summit' ? 'summit' : null;
  /** Keeps a move for this step and starts the next one, or says why it cannot be kept. */
  const keep = (move: Record<string, unknown>) => {
    const why = holds ? HOLDS_KEPT[holds] : check(move);
    setRefusal(why);
    if (why !== null) return;
    setKept((k) => [...k, move]);
    // The next move starts from the top: actor, move list and filter all reset.
    setActorIdx(0);
    setTypeIdx(0);
    setFilter('');
    setStage('actor');
  };

  useInput((input, key) => {
    if (key.escape) return onClose();
    const ctrlA = isKeep(input, key);
    if (stage !== 'fields' && kept.length > 0) {
      if (stage === 'actor' && input === 'a' && !key.ctrl) return onApply(kept);
      if ((key.backspace || key.delete) && (stage === 'actor' || filter === '')) {
        if (stage === 'actor') setKept((k) => k.slice(0, -1));
        else setStage('actor');
        return;
      }
    }
    if (stage === 'actor') {
      if (key.upArrow) setActorIdx((i) => cycle(i, -1, WHO.length));
      else if (key.downArrow) setActorIdx((i) => cycle(i, 1, WHO.length));
      else if (key.return || key.rightArrow) {
        setTypeIdx(0);
        setStage('type');
      }
      return;
    }
    if (stage === 'type') {
      if (key.upArrow) setTypeIdx((i) => cycle(i, -1, forms.length));
      else if (key.downArrow) setTypeIdx((i) => cycle(i, 1, forms.length));
      else if ((key.backspace || key.delete) && filter !== '') {
        setFilter((f) => f.slice(0, -1));
        setTypeIdx(0);
      } else if (key.leftArrow || key.backspace || key.delete) setStage('actor');
      else if (ctrlA && form.fields.length === 0) keep(buildMove(form, actor, [], state));
      else if (key.return || key.rightArrow || ctrlA) {
        setValues(initialValues(form, state, actor));
        setFieldIdx(0);
        setRefusal(null);
        if (form.fields.length === 0) onApply([...kept, buildMove(form, actor, [], state)]);
        else setStage('fields');
      } else if (!key.ctrl && !key.meta && printable(input)) {
        // Typing filters the list (by name or description).
        setFilter((f) => f + printable(input));
        setTypeIdx(0);
      }
      return;
    }
    const field = form.fields[fieldIdx];
    if (key.return) {
      if (holds && kept.length === 0) return setRefusal(`${holds === 'summit' ? 'a summit holds' : "the agreement's lapse would be"} the moves kept at this step: keep them first (Ctrl+A on each)`);
      setRefusal(null);
      setEdited(false);
      const move = buildMove(form, actor, values, state, kept);
      return onApply(holds ? [move] : [...kept, move]);
    }
    if (ctrlA) return keep(buildMove(form, actor, values, state));
    if (key.upArrow || (key.tab && key.shift)) return setFieldIdx((i) => cycle(i, -1, form.fields.length));
    if (key.downArrow || key.tab) return setFieldIdx((i) => cycle(i, 1, form.fields.length));
    // Updates from the latest values, so that events arriving before a render all count.
    const edit = (f: (v: string) => string) => {
      setRefusal(null);
      setEdited(true);
      setValues((vs) => vs.map((x, i) => (i === fieldIdx ? f(x) : x)));
    };
    const set = (v: string) => edit(() => v);
    if (field.kind === 'choice') {
      const options = [...(field.optional ? [''] : []), ...(field.options?.(state, actor) ?? [])];
      const at = options.indexOf(values[fieldIdx]);
      if (key.leftArrow) set(options[cycle(at, -1, options.length)]);
      else if (key.rightArrow) set(options[cycle(at, 1, options.length)]);
      return;
    }
    if (key.backspace || key.delete) edit((v) => v.slice(0, -1));
    else if (!key.ctrl && !key.meta && printable(input)) edit((v) => v + printable(input));
  });

  // The session's refusal of the last try stays until a value is edited; then the live check speaks.
  const live = stage === 'fields' && edited ? check(buildMove(form, actor, values, state, kept)) : null;
  const shownError = refusal ?? (edited ? live : error);
  const listRows = Math.max(3, rows - 6 - (kept.length > 0 ? kept.length + 2 : 0));
  const window = <T,>(items: T[], at: number) => {
    const start = Math.max(0, Math.min(at - Math.floor(listRows / 2), items.length - listRows));
    return items.map((item, i) => ({ item, i })).slice(start, start + listRows);
  };

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">Move palette: moves for the next step ({date}), applied as it is taken</Text>
      <Text dimColor>
        {stage === 'actor' ? '↑↓ choose the actor, Enter next' : stage === 'type' ? '↑↓ choose, type to filter, Enter next, ← back' : '↑↓ field, ←→ change a choice, type to edit, Enter apply'}
        {', Esc close'}
      </Text>
      {stage === 'fields' ? <Text dimColor>{fieldsHint(holds, kept.length)}</Text> : null}
      {stage !== 'fields' && kept.length > 0 ? <Text dimColor>{`a apply the ${kept.length} kept, ⌫ ${stage === 'actor' ? 'drop the last' : 'back'}`}</Text> : null}
      {kept.length > 0 ? (
        <Box flexDirection="column">
          <Text>
            At this step, kept: <Text dimColor>{stage !== 'fields' ? '' : holds === 'summit' ? "(the summit's moves)" : holds === 'lapse' ? '(what its lapse brings)' : '(Enter applies them with this one)'}</Text>
          </Text>
          {kept.map((m, i) => (
            <Text key={i} color="cyan" wrap="truncate">
              {`  ${i + 1}. ${describeMove(m)}`}
            </Text>
          ))}
        </Box>
      ) : null}
      <Text>
        actor: <Text color="cyan">{actor}</Text>
        {stage !== 'actor' ? <Text> move: <Text color="cyan">{form.type}</Text></Text> : null}
      </Text>
      {stage === 'actor' &&
        WHO.map((w, i) => (
          <Text key={w} inverse={i === actorIdx}>
            {i === actorIdx ? '> ' : '  '}
            {w === 'both' ? 'both (agreements, jointly)' : w === 'us' ? 'us (United States)' : 'cn (China)'}
          </Text>
        ))}
      {stage === 'type' ? (
        <Text dimColor={!filter} wrap="truncate">
          {filter ? `filter: ${filter}_${matching.length ? '' : ' (nothing matches: all shown)'}` : 'type to filter'}
        </Text>
      ) : null}
      {stage === 'type' &&
        window(forms, typeIdx).map(({ item, i }) => (
          <Text key={item.type} inverse={i === typeIdx} wrap="truncate">
            {i === typeIdx ? '> ' : '  '}
            {item.type}
            <Text dimColor={i !== typeIdx}>{item.about ? `  ${item.about}` : ''}</Text>
          </Text>
        ))}
      {stage === 'fields' &&
        form.fields.map((f, i) => (
          <Text key={f.name} inverse={i === fieldIdx} wrap="truncate">
            {i === fieldIdx ? '> ' : '  '}
            {f.name}
            {ranges[f.name] ? ` ${ranges[f.name][0]}..${ranges[f.name][1]}` : ''}
            {f.optional ? ' (optional)' : ''}: {f.kind === 'choice' ? `< ${optionText(f.name, values[i], state, actor)} >` : `${values[i]}${i === fieldIdx ? '_' : ''}`}
          </Text>
        ))}
      {shownError ? <Text color="red" wrap="truncate">{shownError}</Text> : null}
    </Box>
  );
}
