// The files a session writes: a fresh numbered name in the working directory, never overwriting.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SessionIo {
  cwd: string;
  exists(path: string): boolean;
  write(path: string, text: string): void;
}

export const nodeIo: SessionIo = {
  cwd: '.',
  exists: existsSync,
  write: (path, text) => writeFileSync(path, text, { flag: 'wx' }),
};

export function freshPath(io: SessionIo, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}-${n}.${ext}`;
    const p = io.cwd === '.' ? `./${name}` : join(io.cwd, name);
    if (!io.exists(p)) return p;
  }
}
