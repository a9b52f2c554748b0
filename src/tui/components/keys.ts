// Every key, once: what each key does on the main screen, the hints line and the help view all read
// this list. Keys that arrive together (a burst over SSH, a held key, a paste) each count: a chunk
// of plain characters is one action per character.

import type { Key } from 'ink';

export type Action =
  | 'step' | 'step10' | 'undo' | 'redo' | 'palette' | 'branch' | 'prevBranch' | 'nextBranch' | 'compare'
  | 'save' | 'export' | 'focusNext' | 'focusPrev' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'open' | 'log'
  | 'fan' | 'help' | 'quit' | 'close';

interface Binding {
  action: Action;
  /** Plain characters that do it. */
  chars?: string;
  /** Or a special key. */
  special?: (key: Key, input: string) => boolean;
  /** As the help shows the key. */
  label: string;
  help: string;
  /** The hints line's word, where the action has one there. */
  hint?: string;
}

export const BINDINGS: Binding[] = [
  { action: 'step', chars: 'n', special: (k) => k.rightArrow, label: 'n / →', help: 'one step (every n counts: hold it to fast-forward)', hint: 'step' },
  { action: 'step10', chars: 'N', label: 'N', help: 'ten steps', hint: '10' },
  { action: 'undo', chars: 'u', label: 'u', help: 'undo', hint: 'undo' },
  { action: 'redo', chars: 'r', label: 'r', help: 'redo', hint: 'redo' },
  { action: 'palette', chars: 'm', label: 'm', help: 'move palette: moves for the next step (Ctrl+A or Ctrl+K keeps one)', hint: 'move' },
  { action: 'branch', chars: 'b', label: 'b', help: 'branch here (the new branch becomes current)', hint: 'branch' },
  { action: 'prevBranch', chars: '[', label: '[ / ]', help: 'previous / next branch' },
  { action: 'nextBranch', chars: ']', label: '', help: '' },
  { action: 'compare', chars: 'c', label: 'c', help: 'compare this branch with its parent (or the baseline run)', hint: 'compare' },
  { action: 'log', chars: 'l', label: 'l', help: 'the event log: ↑↓ select, Enter shows the whole event', hint: 'log' },
  { action: 'fan', chars: 'f', label: 'f', help: 'hide / show the fan (p5-p95 of runs ahead)', hint: 'fan' },
  { action: 'save', chars: 's', label: 's', help: 'save the session as a scenario file that `run` replays', hint: 'save' },
  { action: 'export', chars: 'e', label: 'e', help: 'export this branch as CSV', hint: 'csv' },
  { action: 'focusPrev', special: (k) => k.tab && k.shift, label: '', help: '' },
  { action: 'focusNext', special: (k) => k.tab, label: 'Tab / S-Tab', help: 'focus the next / previous panel (then the log)', hint: 'panel' },
  { action: 'up', special: (k) => k.upArrow, label: '↑ / ↓', help: "change the focused panel's chart; in the log, select" },
  { action: 'down', special: (k) => k.downArrow, label: '', help: '' },
  { action: 'pageUp', special: (k) => k.pageUp, label: 'PgUp / PgDn', help: 'scroll the event log by a page' },
  { action: 'pageDown', special: (k) => k.pageDown, label: '', help: '' },
  { action: 'open', special: (k) => k.return, label: 'Enter', help: 'in the log: the whole event (who, rule, values)' },
  { action: 'close', special: (k) => k.escape, label: 'Esc', help: 'close a view' },
  { action: 'help', chars: '?', label: '?', help: 'this help', hint: 'help' },
  { action: 'quit', chars: 'q', special: (k, input) => k.ctrl && input === 'c', label: 'q / Ctrl+C', help: 'quit (asks once if there is unsaved work)', hint: 'quit' },
];

/** The help view's lines: [key, what it does]. */
export const KEYS: [string, string][] = BINDINGS.filter((b) => b.label).map((b) => [b.label, b.help]);

/** The hints line: [key, word]. */
export const HINTS: [string, string][] = BINDINGS.filter((b) => b.hint).map((b) => [b.label.split(' ')[0], b.hint!]);

const BY_CHAR = new Map<string, Action>();
for (const b of BINDINGS) for (const c of b.chars ?? '') BY_CHAR.set(c, b.action);

/** The actions a chunk of input asks for, in order: one per character of a plain burst. */
export function actionsOf(input: string, key: Key): Action[] {
  for (const b of BINDINGS) if (b.special?.(key, input)) return [b.action];
  if (key.ctrl || key.meta) return [];
  const out: Action[] = [];
  for (const c of input) {
    const a = BY_CHAR.get(c);
    if (a) out.push(a);
  }
  return out;
}
