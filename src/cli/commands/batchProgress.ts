// The batch's progress bar (Ink), drawn to stderr on a terminal: runs done, rate, time left.

import { Box, render, Text } from 'ink';
import { createElement as h } from 'react';

export interface Progress {
  update(done: number): void;
  finish(): void;
}

function bar(fraction: number, width: number): string {
  const full = Math.round(fraction * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function seconds(s: number): string {
  return !Number.isFinite(s) ? '?' : s >= 90 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.ceil(s)}s`;
}

function view(done: number, total: number, elapsedS: number) {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return h(Box, { gap: 1 }, h(Text, { color: 'cyan' }, bar(total ? done / total : 1, 30)), h(Text, null, `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs`), h(Text, { dimColor: true }, `${Math.round(rate).toLocaleString('en-US')} runs/s, ${done >= total ? 'done' : `${seconds(left)} left`}`));
}

/** A progress bar on a terminal; nothing at all otherwise. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const ink = render(view(0, total, 0), { stdout: stream, patchConsole: false, exitOnCtrlC: true });
  return {
    update: (done) => ink.rerender(view(done, total, elapsed())),
    finish: () => {
      ink.rerender(view(total, total, elapsed()));
      ink.unmount();
    },
  };
}
