// Bad input: one line naming the file, the line and the field. The CLI prints it and exits 2.

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'InputError';
  }
}

/** A path such as ['timeline', 2, 'moves', 0, 'rate_pct'] as `timeline[2].moves[0].rate_pct`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
