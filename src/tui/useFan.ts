// The fan for the snapshot on screen, recomputed in the background when the snapshot changes.

import { useEffect, useState } from 'react';
import type { Scenario } from '../scenario/compile.js';
import { startFan } from './ensemble/background.js';
import type { Fan } from './ensemble/fan.js';
import type { Snapshot } from './session/types.js';

export function useFan(scn: Scenario, seed: string, snap: Snapshot, runs: number): Fan | null {
  const [fan, setFan] = useState<{ of: Snapshot; fan: Fan } | null>(null);
  useEffect(() => {
    if (runs <= 0) return;
    return startFan(scn, seed, snap, (f) => setFan({ of: snap, fan: f }), { runs });
  }, [scn, seed, snap, runs]);
  // A fan computed for another snapshot is never shown.
  return fan && fan.of === snap ? fan.fan : null;
}
