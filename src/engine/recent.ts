// The caches of the hot path keep a handful of recent entries, newest first, rather than a map keyed
// on objects that live for one run: a batch steps one run at a time, so the newest nearly always fits,
// and a weak map of dead keys would cost the collector more than the lookups save.

/** The newest entry of `list` that `fits`, else a new one from `make`, kept in front (at most `max`). */
export function recentOr<T>(list: T[], max: number, fits: (entry: T) => boolean, make: () => T): T {
  for (let i = 0; i < list.length; i++) if (fits(list[i])) return list[i];
  const entry = make();
  if (list.length >= max) list.pop();
  list.unshift(entry);
  return entry;
}
