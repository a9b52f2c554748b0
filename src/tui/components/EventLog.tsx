// What each side did and why: the model's event text with who decided (script, rule, strategy, you).
// A pane that scrolls: one line is selected (the newest unless you move it), Enter opens it whole.

import { Box, Text } from 'ink';
import type { SimEvent } from '../../model/types.js';

const COLOR: Record<string, string> = { us: 'blue', cn: 'red', model: 'gray' };

/** The events the log lists: consecutive shortage notes say the same thing, so a run keeps its first. */
export function loggedEvents(events: SimEvent[]): SimEvent[] {
  const kept: SimEvent[] = [];
  let lastShortage = -2;
  for (const e of events) {
    if (e.kind === 'shortage') {
      const repeat = e.step === lastShortage + 1;
      lastShortage = e.step;
      if (repeat) continue;
    }
    kept.push(e);
  }
  return kept;
}

export function recentEvents(events: SimEvent[], n: number): SimEvent[] {
  return loggedEvents(events).slice(-n);
}

/** Who decided, as the log shows it. */
export function sourceLabel(source: string): string {
  return source === 'user' ? 'you' : source;
}

export interface EventLogProps {
  events: SimEvent[];
  rows: number;
  dateOf: (step: number) => string;
  /** Index into loggedEvents(events) of the selected line; null: the newest, following new ones. */
  selected?: number | null;
  focused?: boolean;
}

export function EventLog({ events, rows, dateOf, selected = null, focused = false }: EventLogProps) {
  const all = loggedEvents(events);
  const sel = all.length === 0 ? -1 : Math.min(all.length - 1, Math.max(0, selected ?? all.length - 1));
  const last = Math.max(0, all.length - rows);
  // Following the newest: the last page. Browsing: the selected line in the middle where it can be.
  const from = selected === null ? last : Math.max(0, Math.min(sel - Math.floor(rows / 2), last));
  const shown = all.slice(from, from + rows);
  const title = focused ? '↑↓ select, Enter the whole event, Tab leaves' : `${all.length ? `${sel + 1}/${all.length}, ` : ''}l to browse, Enter for the whole event`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate" color={focused ? 'cyan' : undefined}>
        {focused ? '▸' : ''}Events <Text dimColor>({title})</Text>
      </Text>
      {all.length === 0 ? <Text dimColor>nothing yet: press n to step</Text> : null}
      {shown.map((e, i) => {
        const mark = focused && from + i === sel;
        return (
          <Text key={from + i} wrap="truncate" inverse={mark}>
            <Text dimColor={!mark}>{dateOf(e.step)} </Text>
            <Text color={mark ? undefined : COLOR[e.actor] ?? 'white'}>{e.actor.toUpperCase().padEnd(6)}</Text>
            <Text color={mark ? undefined : e.source === 'user' ? 'magenta' : 'gray'}>[{sourceLabel(e.source)}] </Text>
            {e.text}
          </Text>
        );
      })}
    </Box>
  );
}
