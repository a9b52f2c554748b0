// The nested CES (Armington) demand written out from its definition, for tests to compare the model
// with: an outside formula, not the model's own function.

/**
 * Partner quantity relative to 2024 at partner price p and other suppliers' price o (both relative
 * to 2024): the segment's price index P = (s p^(1-sigma) + (1-s) o^(1-sigma))^(1/(1-sigma)), total
 * demand P^(-e), and the partner's part of it (p/P)^(-sigma).
 */
export function armington(p: number, o: number, s: number, sigma: number, e: number): number {
  const P = Math.pow(s * Math.pow(p, 1 - sigma) + (1 - s) * Math.pow(o, 1 - sigma), 1 / (1 - sigma));
  return Math.pow(P, -e) * Math.pow(p / P, -sigma);
}

/** The buyers' price relative to 2024 with pass-through `pt`: 1 + pt ((1 + t1) / (1 + t0) - 1), tariffs in percent. */
export function buyersPrice(t1Pct: number, t0Pct: number, pt: number): number {
  return 1 + pt * ((1 + t1Pct / 100) / (1 + t0Pct / 100) - 1);
}
