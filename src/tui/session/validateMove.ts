// A user's move, checked against the same schema as scenario files: one line on failure.

import type { Move } from '../../model/moves.js';
import { moveSchema } from '../../scenario/schema/moves.js';

export type Checked = { ok: true; move: Move } | { ok: false; message: string };

export function checkMove(input: unknown): Checked {
  const r = moveSchema.safeParse(input);
  if (r.success) return { ok: true, move: r.data };
  const issue = r.error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `illegal move: ${where}${issue.message}` };
}
