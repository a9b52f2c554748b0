// The tension index (0..100): pulled toward a level implied by the two sides' measures, pushed by
// each move's own effect, and jostled by noise.

export interface TensionInputs {
  us_tariff_pct: number;
  cn_tariff_pct: number;
  curb: number;
  tech_restriction: number;
  port_fees: number;
  truce_active: boolean;
  precursor_cooperation: number;
  fentanyl_tariff_pct: number;
  supply_index: number;
}

/** Tension that remains with no measures in force: the two powers remain rivals. */
const STRUCTURAL_RIVALRY = 20;
/** A move's own effect on tension, before the pull toward the target takes over. */
export const MOVE_TENSION_WEIGHT = 0.5;

/** The level tension settles at if nothing else happens. */
export function tensionTarget(x: TensionInputs): number {
  return tensionTargetAt(tensionFromMeasures(x), x.supply_index);
}

/** The part of the target the two sides' measures set: fixed while the measures are. */
export function tensionFromMeasures(x: Omit<TensionInputs, 'supply_index'>): number {
  return (
    STRUCTURAL_RIVALRY +
    0.3 * Math.max(0, x.us_tariff_pct - 10) +
    0.3 * Math.max(0, x.cn_tariff_pct - 10) +
    25 * x.curb +
    10 * x.tech_restriction +
    3 * x.port_fees +
    (x.truce_active ? -10 : 0) +
    (x.fentanyl_tariff_pct > 0 ? 5 * (1 - x.precursor_cooperation) : 0)
  );
}

/** The target given the measures' part and US magnet supply (a shortage raises tension). */
export function tensionTargetAt(fromMeasures: number, supplyIndex: number): number {
  return clamp(fromMeasures + 20 * Math.max(0, 0.9 - supplyIndex), 0, 100);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
