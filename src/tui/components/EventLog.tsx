// What each side did and why: the model's event text with who decided (script, rule, strategy, you).

import { Box, Text } from 'ink';
import type { SimEvent } from '../../model/types.js';

const COLOR: Record<string, string> = { us: 'blue', cn: 'red', model: 'gray' };

export function recentEvents(events: SimEvent[], n: number): SimEvent[] {
  // Consecutive shortage notes say the same thing: keep the first of a run.
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
  return kept.slice(-n);
}

export function EventLog({ events, rows, dateOf }: { events: SimEvent[]; rows: number; dateOf: (step: number) => string }) {
  const shown = recentEvents(events, rows);
  return (
    <Box flexDirection="column">
      <Text bold>Events <Text dimColor>(newest last; who decided in brackets)</Text></Text>
      {shown.length === 0 ? <Text dimColor>nothing yet: press n to step</Text> : null}
      {shown.map((e, i) => (
        <Text key={i} wrap="truncate">
          <Text dimColor>{dateOf(e.step)} </Text>
          <Text color={COLOR[e.actor] ?? 'white'}>{e.actor.toUpperCase().padEnd(6)}</Text>
          <Text color={e.source === 'user' ? 'magenta' : 'gray'}>[{e.source === 'user' ? 'you' : e.source}] </Text>
          {e.text}
        </Text>
      ))}
    </Box>
  );
}
