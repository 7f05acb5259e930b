/**
 * Re-distribution of what was not requisitioned: the money goes to the recipients that want
 * more, by the same key, never above what each still wants, in whole rounding units, with
 * the capped apportionment ("water filling") of apportion/capped. What cannot be placed
 * (everyone has what they asked for, or less than one unit is left) is left over.
 */
import { distributeCapped } from "../../apportion/capped";
import { Decimal, ZERO, sum } from "../../money";
import type { Wanted } from "./validation";

export interface Claim {
  name: string;
  /** The key (or the maximum when the list has no key column); >= 0. */
  weight: Decimal;
  /** At most this much more, or "all" there is. */
  wanted: Wanted;
}

export interface Redistribution {
  /** Extra per claim, in claim order; a multiple of the unit, never above the claim's wanted. */
  extras: Decimal[];
  redistributed: Decimal;
  /** Unrequisitioned less redistributed. */
  leftOver: Decimal;
  rounds: number;
}

/** Decimals to integers on one common scale: 0.5 and 2 -> 5n and 20n. */
function scaledWeights(weights: readonly Decimal[]): bigint[] {
  const scale = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const factor = new Decimal(10).pow(scale);
  return weights.map((w) => BigInt(w.times(factor).toFixed(0)));
}

export function redistribute(
  unrequisitioned: Decimal,
  unit: Decimal,
  claims: readonly Claim[]
): Redistribution {
  if (!unit.isPositive() || unit.isZero()) throw new RangeError("unit must be positive");
  if (unrequisitioned.isNegative() && !unrequisitioned.isZero())
    throw new RangeError("unrequisitioned must not be negative");
  const units = BigInt(unrequisitioned.dividedToIntegerBy(unit).toFixed(0));
  const caps = claims.map((c) =>
    c.wanted === "all" ? units : BigInt(c.wanted.dividedToIntegerBy(unit).toFixed(0))
  );
  const result = distributeCapped(
    units,
    scaledWeights(claims.map((c) => c.weight)),
    caps,
    claims.map((c) => c.name)
  );
  const extras = result.units.map((u) => (u === 0n ? ZERO : new Decimal(u.toString()).times(unit)));
  const redistributed = sum(extras);
  return {
    extras,
    redistributed,
    leftOver: unrequisitioned.minus(redistributed),
    rounds: result.rounds,
  };
}
