/**
 * `distributeUnits`: the integer layer with everything a display needs (remainder, rank),
 * over BigInt weights. It validates, then runs the core in `largest-remainder.ts`.
 */
import { integerWeights, remainderRanks, splitUnits } from "./largest-remainder";

export interface UnitShare {
  /** Whole units given. */
  units: bigint;
  /** Fractional part of the exact quota, as remainder / denominator (0 <= r < d). */
  remainder: bigint;
  /** True if this entry got one of the left-over units. */
  extra: boolean;
  /** 1-based place in the remainder order among entries with a remainder; null if none. */
  rank: number | null;
}

export interface UnitDistribution {
  shares: UnitShare[];
  denominator: bigint;
  /** How many units were handed out by remainder. */
  leftover: number;
  /** How many entries had a non-zero remainder. */
  withRemainder: number;
}

/**
 * Splits `total` whole units over integer weights. Requires total >= 0, weights >= 0 and
 * a positive weight sum; `names` break exact ties (see the rule in largest-remainder.ts;
 * without names, equal remainders and weights go to the earlier row).
 */
export function distributeUnits(
  total: bigint,
  weights: readonly bigint[],
  names?: readonly string[]
): UnitDistribution {
  if (total < 0n) throw new RangeError("total must not be negative");
  if (names && weights.length !== names.length) throw new RangeError("one name per weight");
  for (let i = 0; i < weights.length; i++)
    if (weights[i] < 0n) throw new RangeError("weights must not be negative");
  const integer = integerWeights(weights);
  if (integer.kind === "safe" ? integer.sum === 0 : integer.sum === 0n)
    throw new RangeError("weights must not all be zero");

  const split = splitUnits(total, integer, names);
  const ranks = remainderRanks(split, integer, names);
  const shares = new Array<UnitShare>(weights.length);
  for (let i = 0; i < shares.length; i++) {
    shares[i] = {
      units: BigInt(split.units[i]),
      remainder: BigInt(split.remainders[i]),
      extra: split.extra[i] === 1,
      rank: ranks[i],
    };
  }
  return {
    shares,
    denominator: BigInt(split.denominator),
    leftover: split.leftover,
    withRemainder: split.withRemainder,
  };
}
