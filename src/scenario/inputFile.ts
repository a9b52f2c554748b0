// Reading a file named on the command line as untrusted input: opened once, then checked and read
// through that one handle (a file swapped or deleted between a check and a read cannot slip
// through), only if it is a regular file, and never more than a limit.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file cannot be read, in words for a one-line message. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

export function readInputFile(file: string, maxBytes: number, limitNote: string): Buffer {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputFileError('is a directory');
    // A device or a pipe (/dev/zero, /dev/stdin) could be read forever.
    if (!st.isFile()) throw new InputFileError('is not a regular file');
    if (st.size > maxBytes) throw new InputFileError(`is ${st.size} bytes; ${limitNote} ${maxBytes}`);
    // Read to the end, but no further than the limit: the file may grow after the check.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    if (got > maxBytes) throw new InputFileError(`is more than ${maxBytes} bytes; ${limitNote} ${maxBytes}`);
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(`cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}
