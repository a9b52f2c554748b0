// Where a command writes: the process's streams, or (when the CLI is run in-process, as the tests
// do) the streams a caller gave. Kept per call through async context, so calls may overlap.

import { AsyncLocalStorage } from 'node:async_hooks';

export interface CliStream {
  write(text: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
}

const current = new AsyncLocalStorage<CliIo>();

export function io(): CliIo {
  return current.getStore() ?? { stdout: process.stdout, stderr: process.stderr };
}

export function withIo<T>(streams: CliIo, body: () => Promise<T>): Promise<T> {
  return current.run(streams, body);
}
