// The move palette: actor, then move, then its parameters; Enter applies at the current step.
// Ctrl+A keeps a move and starts another, so that several (a package, an answer in the same
// week) are applied together at this step. A summit (both, hold_summit) holds the kept moves, and
// an agreement can make them what its lapse brings.

import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { State } from '../../model/types.js';
import { buildMove, formsFor, initialValues, takesKept, WHO, type Who } from './forms.js';

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
  return 'Ctrl+A keep this move and add another at this step';
}

export function Palette({ state, date, error, rows, onApply, check, onClose }: PaletteProps) {
  const [stage, setStage] = useState<Stage>('actor');
  const [actorIdx, setActorIdx] = useState(0);
  const [typeIdx, setTypeIdx] = useState(0);
  const [fieldIdx, setFieldIdx] = useState(0);
  const [values, setValues] = useState<string[]>([]);
  const [kept, setKept] = useState<Record<string, unknown>[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const actor: Who = WHO[actorIdx];
  const forms = formsFor(actor);
  const form = forms[Math.min(typeIdx, forms.length - 1)];

  // A summit, or an agreement whose lapse brings the kept moves: it holds them (forms.ts takesKept).
  const holds = stage === 'fields' ? takesKept(form, values) : form.type === 'hold_summit' ? 'summit' : null;
  /** Keeps a move for this step and starts the next one, or says why it cannot be kept. */
  const keep = (move: Record<string, unknown>) => {
    const why = holds ? HOLDS_KEPT[holds] : check(move);
    setRefusal(why);
    if (why !== null) return;
    setKept((k) => [...k, move]);
    setStage('actor');
  };

  useInput((input, key) => {
    if (key.escape) return onClose();
    const ctrlA = key.ctrl && input === 'a';
    if (stage !== 'fields' && kept.length > 0) {
      if (input === 'a' && !key.ctrl) return onApply(kept);
      if (key.backspace || key.delete) {
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
      else if (key.leftArrow || key.backspace || key.delete) setStage('actor');
      else if (ctrlA && form.fields.length === 0) keep(buildMove(form, actor, [], state));
      else if (key.return || key.rightArrow || ctrlA) {
        setValues(initialValues(form, state, actor));
        setFieldIdx(0);
        setRefusal(null);
        if (form.fields.length === 0) onApply([...kept, buildMove(form, actor, [], state)]);
        else setStage('fields');
      }
      return;
    }
    const field = form.fields[fieldIdx];
    if (key.return) {
      if (holds && kept.length === 0) return setRefusal(`${holds === 'summit' ? 'a summit holds' : "the agreement's lapse would be"} the moves kept at this step: keep them first (Ctrl+A on each)`);
      setRefusal(null);
      const move = buildMove(form, actor, values, state, kept);
      return onApply(holds ? [move] : [...kept, move]);
    }
    if (ctrlA) return keep(buildMove(form, actor, values, state));
    if (key.upArrow || (key.tab && key.shift)) return setFieldIdx((i) => cycle(i, -1, form.fields.length));
    if (key.downArrow || key.tab) return setFieldIdx((i) => cycle(i, 1, form.fields.length));
    const set = (v: string) => {
      setRefusal(null);
      setValues((vs) => vs.map((x, i) => (i === fieldIdx ? v : x)));
    };
    if (field.kind === 'choice') {
      const options = [...(field.optional ? [''] : []), ...(field.options?.(state, actor) ?? [])];
      const at = options.indexOf(values[fieldIdx]);
      if (key.leftArrow) set(options[cycle(at, -1, options.length)]);
      else if (key.rightArrow) set(options[cycle(at, 1, options.length)]);
      return;
    }
    if (key.backspace || key.delete) set(values[fieldIdx].slice(0, -1));
    else if (input && !key.ctrl && !key.meta && input.length === 1 && input >= ' ') set(values[fieldIdx] + input);
  });

  const listRows = Math.max(3, rows - 6 - (kept.length > 0 ? kept.length + 2 : 0));
  const window = <T,>(items: T[], at: number) => {
    const start = Math.max(0, Math.min(at - Math.floor(listRows / 2), items.length - listRows));
    return items.map((item, i) => ({ item, i })).slice(start, start + listRows);
  };

  return (
    <Box flexDirection="column">
      <Text bold>Move palette: a move at this step ({date}), applied as the step is taken</Text>
      <Text dimColor>
        {stage === 'actor' ? '↑↓ choose the actor, Enter next' : stage === 'type' ? '↑↓ choose the move, Enter next, ← back' : '↑↓ field, ←→ change a choice, type to edit, Enter apply'}
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
      {stage === 'type' &&
        window(forms, typeIdx).map(({ item, i }) => (
          <Text key={item.type} inverse={i === typeIdx} wrap="truncate">
            {i === typeIdx ? '> ' : '  '}
            {item.type}
          </Text>
        ))}
      {stage === 'fields' &&
        form.fields.map((f, i) => (
          <Text key={f.name} inverse={i === fieldIdx} wrap="truncate">
            {i === fieldIdx ? '> ' : '  '}
            {f.name}
            {f.optional ? ' (optional)' : ''}: {f.kind === 'choice' ? `< ${values[i] || '-'} >` : `${values[i]}${i === fieldIdx ? '_' : ''}`}
          </Text>
        ))}
      {stage !== 'actor' && form.description ? <Text dimColor wrap="truncate">{form.description}</Text> : null}
      {refusal ?? error ? <Text color="red" wrap="truncate">{refusal ?? error}</Text> : null}
    </Box>
  );
}
