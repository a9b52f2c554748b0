// The move palette: actor, then move, then its parameters; Enter applies at the current step.

import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { State } from '../../model/types.js';
import { buildMove, formsFor, initialValues, WHO, type Who } from './forms.js';

export interface PaletteProps {
  state: State;
  date: string;
  error: string | null;
  rows: number;
  onApply(move: Record<string, unknown>): void;
  onClose(): void;
}

type Stage = 'actor' | 'type' | 'fields';

function cycle(i: number, by: number, n: number): number {
  return n === 0 ? 0 : (i + by + n) % n;
}

export function Palette({ state, date, error, rows, onApply, onClose }: PaletteProps) {
  const [stage, setStage] = useState<Stage>('actor');
  const [actorIdx, setActorIdx] = useState(0);
  const [typeIdx, setTypeIdx] = useState(0);
  const [fieldIdx, setFieldIdx] = useState(0);
  const [values, setValues] = useState<string[]>([]);
  const actor: Who = WHO[actorIdx];
  const forms = formsFor(actor);
  const form = forms[Math.min(typeIdx, forms.length - 1)];

  useInput((input, key) => {
    if (key.escape) return onClose();
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
      else if (key.return || key.rightArrow) {
        setValues(initialValues(form, state, actor));
        setFieldIdx(0);
        if (form.fields.length === 0) onApply(buildMove(form, actor, [], state));
        else setStage('fields');
      }
      return;
    }
    const field = form.fields[fieldIdx];
    if (key.return) return onApply(buildMove(form, actor, values, state));
    if (key.upArrow || (key.tab && key.shift)) return setFieldIdx((i) => cycle(i, -1, form.fields.length));
    if (key.downArrow || key.tab) return setFieldIdx((i) => cycle(i, 1, form.fields.length));
    const set = (v: string) => setValues((vs) => vs.map((x, i) => (i === fieldIdx ? v : x)));
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

  const listRows = Math.max(3, rows - 6);
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
      {error ? <Text color="red" wrap="truncate">{error}</Text> : null}
    </Box>
  );
}
