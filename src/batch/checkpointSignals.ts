// Ctrl-C (SIGINT) and SIGTERM during a batch: the first one aborts the batch (which then writes its
// checkpoint and exits 130 / 143); a second one exits at once, the last checkpoint being whole on disk.

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof EXIT_CODES;

export interface SignalStop {
  signal: AbortSignal;
  /** The exit code for the signal received (130 or 143), or null if none came. */
  exitCode(): number | null;
  /** Puts the default handling back. */
  release(): void;
}

export function stopOnSignals(): SignalStop {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const on = (sig: StopSignal) => () => {
    if (received) process.exit(EXIT_CODES[received]);
    received = sig;
    controller.abort();
  };
  const handlers = { SIGINT: on('SIGINT'), SIGTERM: on('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  return {
    signal: controller.signal,
    exitCode: () => (received ? EXIT_CODES[received] : null),
    release: () => {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    },
  };
}
