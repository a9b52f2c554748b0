// Streaming text out: to stdout with back-pressure, or to a file written beside its target and
// renamed into place at the end, so a failed batch leaves nothing half-written.

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Sink {
  write(text: string): Promise<void>;
  /** Completes the output (renames the file into place). */
  close(): Promise<void>;
  /** Drops a partial file. */
  abort(): void;
}

async function writeTo(stream: NodeJS.WritableStream | WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function stdoutSink(): Sink {
  return { write: (t) => writeTo(process.stdout, t), close: async () => {}, abort: () => {} };
}

export function fileSink(path: string): Sink {
  const dir = mkdtempSync(join(dirname(path), `.${basename(path)}.tmp-`));
  const tmp = join(dir, basename(path));
  const stream = createWriteStream(tmp);
  let failure: Error | null = null;
  stream.on('error', (e) => {
    failure = e;
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    write: async (t) => {
      check();
      await writeTo(stream, t);
    },
    close: async () => {
      stream.end();
      await once(stream, 'close');
      check();
      renameSync(tmp, path);
      rmSync(dir, { recursive: true, force: true });
    },
    abort: () => {
      stream.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
