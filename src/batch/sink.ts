// Streaming text out: to stdout with back-pressure, or to a rows file beside the target that is
// renamed into place at the end, so `--out` never holds half a file. The rows file doubles as the
// CSV part of a checkpoint: writes are synchronous, so what `bytes()` reports is in the file (the
// OS has it) even if the process is killed the next moment.

import { closeSync, ftruncateSync, openSync, renameSync, writeSync } from 'node:fs';

export interface Sink {
  /** Resolves once the sink is done with the bytes: the caller may then write new ones into them. */
  write(text: string | Uint8Array): Promise<void>;
  /** Completes the output (renames the file into place). */
  close(): Promise<void>;
  /** Stops writing; a file sink keeps its rows file (a checkpoint's rows) for --resume. */
  abort(): void;
}

export interface FileSink extends Sink {
  /** Bytes in the rows file so far: a checkpoint records it, and a resume starts there. */
  bytes(): number;
}

/** A stream to write to with back-pressure: process.stdout, or what an in-process caller gave. */
export interface TextStream {
  write(text: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

async function writeTo(stream: TextStream, text: string | Uint8Array): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/**
 * Writes bytes to the process's stdout and waits until they are out (its callback): until then the
 * stream may still hold them. An error is the stream's to report (main.ts: a closed pipe ends the process).
 */
function writeOut(t: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => process.stdout.write(t, () => resolve()));
}

export function stdoutSink(stream: TextStream = process.stdout): Sink {
  // Another stream (the CLI run in-process) gets a copy of bytes: it may keep what it is given.
  const write = stream === process.stdout ? writeOut : (t: string | Uint8Array) => writeTo(stream, typeof t === 'string' ? t : t.slice());
  return { write, close: async () => {}, abort: () => {} };
}

/**
 * Writes to `rowsPath`, renamed to `path` on close. With `fromBytes`, continues a rows file kept by
 * an interrupted batch (checked by its checkpoint to hold at least that many): anything after
 * `fromBytes` (rows written after the last checkpoint) is cut.
 */
export function fileSink(path: string, rowsPath: string, fromBytes: number | null = null): FileSink {
  let fd: number | null = openSync(rowsPath, fromBytes === null ? 'w' : 'r+');
  let bytes = 0;
  if (fromBytes !== null) {
    ftruncateSync(fd, fromBytes);
    bytes = fromBytes;
  }
  const shut = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write: async (t) => {
      const buf = typeof t === 'string' ? Buffer.from(t) : t;
      for (let at = 0; at < buf.length; ) at += writeSync(fd!, buf, at, buf.length - at, bytes + at);
      bytes += buf.length;
    },
    close: async () => {
      shut();
      renameSync(rowsPath, path);
    },
    abort: shut,
    bytes: () => bytes,
  };
}
