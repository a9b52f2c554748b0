// One event whole: when, who, who decided (the rule's id), what it did, why with the condition's
// values, and what the step changed in the numbers on screen.

import { Box, Text } from 'ink';
import type { Metrics } from '../../model/metrics.js';
import type { SimEvent } from '../../model/types.js';
import { COMPARE_METRICS, fmt, fmtDiff, labelOf } from '../metricLabels.js';
import { sourceLabel } from './EventLog.js';

/** An event's text as what happened and why: the reducers write `what (why)`. */
export function splitEvent(text: string): { what: string; why: string | null; condition: string | null } {
  if (!text.endsWith(')')) return { what: text, why: null, condition: null };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      if (i === 0 || text[i - 1] !== ' ') break;
      const why = text.slice(i + 1, -1);
      // A rule's why is `reason: condition with its values` (rules/compileRules.ts).
      const at = why.lastIndexOf(': ');
      const condition = at >= 0 && /[<>=]/.test(why.slice(at)) ? why.slice(at + 2) : null;
      return { what: text.slice(0, i - 1), why: condition ? why.slice(0, at) : why, condition };
    }
  }
  return { what: text, why: null, condition: null };
}

const WHO: Record<string, string> = { us: 'United States', cn: 'China', model: 'the model (no one side)' };

function decidedBy(source: string): string {
  if (source === 'user') return 'you (play)';
  if (source === 'script') return "the scenario's timeline (script)";
  if (source.startsWith('rule:')) return `rule ${source.slice(5)} (${source})`;
  if (source.startsWith('strategy:')) return `strategy ${source.slice(9)} (${source})`;
  return source;
}

export interface EventDetailProps {
  event: SimEvent;
  date: string;
  /** The numbers before and after the event's step (null before step 0). */
  before: Metrics | null;
  after: Metrics | null;
  width: number;
}

export function EventDetail({ event, date, before, after, width }: EventDetailProps) {
  const { what, why, condition } = splitEvent(event.text);
  const changed = before && after ? COMPARE_METRICS.filter((m) => fmt(before[m], labelOf(m).digits) !== fmt(after[m], labelOf(m).digits)) : [];
  const row = (k: string, v: string, color?: string) => (
    <Box>
      <Box width={14} flexShrink={0}><Text bold>{k}</Text></Box>
      <Box width={Math.max(20, width - 14)}><Text color={color} wrap="wrap">{v}</Text></Box>
    </Box>
  );
  return (
    <Box flexDirection="column">
      <Text bold>Event <Text dimColor>(Esc closes; ↑↓ the previous / next event)</Text></Text>
      {row('when', `${date} (step ${event.step})`)}
      {row('who', `${event.actor.toUpperCase()}: ${WHO[event.actor] ?? event.actor}`)}
      {row('decided by', decidedBy(event.source), event.source === 'user' ? 'magenta' : undefined)}
      {row('what', what)}
      {why ? row('why', why) : null}
      {condition ? row('condition', `${condition}  (true at the step before, values shown)`, 'yellow') : null}
      {row('move', `${event.type} (${event.kind}); escalation ${fmtDiff(event.tension_delta, 2)} directly`)}
      <Text bold>{`in this step (all moves of ${date} together), ${changed.length ? 'changed:' : 'no number on screen changed'}`}</Text>
      {changed.map((m) => (
        <Text key={m} wrap="truncate">
          {`  ${labelOf(m).label}: ${fmt(before![m], labelOf(m).digits)} -> ${fmt(after![m], labelOf(m).digits)} (${fmtDiff(after![m] - before![m], labelOf(m).digits)})`}
        </Text>
      ))}
      <Text dimColor wrap="truncate">{`source: ${sourceLabel(event.source)}`}</Text>
    </Box>
  );
}
