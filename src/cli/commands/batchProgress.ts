// The batch's progress bar (Ink), drawn to stderr on a terminal: runs done, rate, time left.

import type { Box as BoxType, Text as TextType } from 'ink';
import type { createElement as CreateElement } from 'react';

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

interface Ui {
  Box: typeof BoxType;
  Text: typeof TextType;
  h: typeof CreateElement;
}

function view({ Box, Text, h }: Ui, done: number, total: number, elapsedS: number) {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return h(Box, { gap: 1 }, h(Text, { color: 'cyan' }, bar(total ? done / total : 1, 30)), h(Text, null, `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs`), h(Text, { dimColor: true }, `${Math.round(rate).toLocaleString('en-US')} runs/s, ${done >= total ? 'done' : `${seconds(left)} left`}`));
}

/** A progress bar on a terminal; nothing at all otherwise (and then Ink and React are never loaded). */
export async function progressBar(total: number, stream: { isTTY?: boolean } = process.stderr): Promise<Progress> {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  const [{ Box, render, Text }, { createElement: h }] = await Promise.all([import('ink'), import('react')]);
  const ui = { Box, Text, h };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const ink = render(view(ui, 0, total, 0), { stdout: stream as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: true });
  return {
    update: (done) => ink.rerender(view(ui, done, total, elapsed())),
    finish: () => {
      ink.rerender(view(ui, total, total, elapsed()));
      ink.unmount();
    },
  };
}
