/**
 * Largest-remainder (Hamilton) apportionment, exact in integers.
 *
 * Layers, as in money libraries: `apportion` (public, decimal amounts and keys) validates
 * and scales to integers; `distributeUnits` is the pure integer core.
 *
 * Rule: every recipient first gets the whole units of its exact quota
 * (pot × key / sum of keys). The units left over (fewer than the number of recipients)
 * go one each to the largest remainders. Ties are broken, in order, by the larger key,
 * then by the name in Unicode code point order, so the result never depends on the
 * order of the input rows. Each amount is therefore within one unit of its exact quota,
 * and the amounts add up to the pot exactly.
 */
import { Decimal } from "./money";

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
 * a positive weight sum; `names` break exact ties (they must be distinct).
 */
export function distributeUnits(
  total: bigint,
  weights: readonly bigint[],
  names: readonly string[]
): UnitDistribution {
  if (total < 0n) throw new RangeError("total must not be negative");
  if (weights.length !== names.length) throw new RangeError("one name per weight");
  let denominator = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError("weights must not be negative");
    denominator += w;
  }
  if (denominator === 0n) throw new RangeError("weights must not all be zero");

  let given = 0n;
  const shares: UnitShare[] = weights.map((w) => {
    const numerator = total * w;
    const units = numerator / denominator;
    given += units;
    return { units, remainder: numerator % denominator, extra: false, rank: null };
  });

  const order = shares
    .map((_, i) => i)
    .filter((i) => shares[i].remainder > 0n)
    .sort((a, b) => compareForExtraUnit(a, b, shares, weights, names));
  order.forEach((index, place) => {
    shares[index].rank = place + 1;
  });

  const leftover = Number(total - given);
  // Sum of remainders is leftover × denominator, so fewer than `order.length` units remain.
  if (leftover > order.length) throw new Error("internal: more left-over units than remainders");
  for (let k = 0; k < leftover; k++) {
    const share = shares[order[k]];
    share.units += 1n;
    share.extra = true;
  }
  return { shares, denominator, leftover, withRemainder: order.length };
}

function compareForExtraUnit(
  a: number,
  b: number,
  shares: readonly UnitShare[],
  weights: readonly bigint[],
  names: readonly string[]
): number {
  const byRemainder = compare(shares[b].remainder, shares[a].remainder);
  if (byRemainder !== 0) return byRemainder;
  const byWeight = compare(weights[b], weights[a]);
  if (byWeight !== 0) return byWeight;
  return compareCodePoints(names[a], names[b]);
}

/** Unicode code point order, as documented (JavaScript's `<` compares UTF-16 code units). */
function compareCodePoints(x: string, y: string): number {
  const xs = Array.from(x, (ch) => ch.codePointAt(0) ?? 0);
  const ys = Array.from(y, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++)
    if (xs[i] !== ys[i]) return xs[i] - ys[i];
  return xs.length - ys.length;
}

function compare(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface ApportionedShare {
  amount: Decimal;
  /** Quota in money: the exact pot × key / key sum, cut (not rounded) after 12 decimals of a unit. */
  quota: Decimal;
  /** Fraction of a unit left after the whole units of the quota, 0 <= f < 1, cut after 12 decimals. */
  remainderFraction: Decimal;
  extra: boolean;
  rank: number | null;
}

export interface Apportionment {
  shares: ApportionedShare[];
  /** Part of the pot smaller than one unit that cannot be handed out (0 unless the pot is not a multiple of the unit). */
  unallocated: Decimal;
  /** Number of units handed out by largest remainder. */
  leftover: number;
  withRemainder: number;
}

/** Digits kept of the display-only quota and remainder; the amounts themselves are exact. */
const DISPLAY_DECIMALS = 12;
const DISPLAY_SCALE = 10n ** BigInt(DISPLAY_DECIMALS);

/**
 * whole + numerator/denominator as a decimal string cut after DISPLAY_DECIMALS digits.
 * Built from integers because a Decimal division per row would cost more than the whole
 * apportionment (see `npm run bench`).
 */
function fixedPoint(whole: bigint, numerator: bigint, denominator: bigint): string {
  const fraction = ((numerator * DISPLAY_SCALE) / denominator)
    .toString()
    .padStart(DISPLAY_DECIMALS, "0");
  return `${whole}.${fraction}`;
}

/** Public layer: splits a money `total` over decimal `keys`, in multiples of `unit`. */
export function apportion(
  total: Decimal,
  unit: Decimal,
  keys: readonly Decimal[],
  names: readonly string[]
): Apportionment {
  if (!unit.isPositive() || unit.isZero()) throw new RangeError("unit must be positive");
  if (total.isNegative()) throw new RangeError("total must not be negative");
  const wholeUnits = total.dividedToIntegerBy(unit);
  const unallocated = total.minus(wholeUnits.times(unit));
  const scale = Math.max(0, ...keys.map((k) => k.decimalPlaces()));
  const factor = new Decimal(10).pow(scale);
  const weights = keys.map((k) => BigInt((scale === 0 ? k : k.times(factor)).toFixed(0)));
  const distribution = distributeUnits(BigInt(wholeUnits.toFixed(0)), weights, names);
  const unitIsOne = unit.equals(1);
  const inMoney = (units: string) =>
    unitIsOne ? new Decimal(units) : new Decimal(units).times(unit);
  const shares = distribution.shares.map((share) => {
    const quotaUnits = share.extra ? share.units - 1n : share.units;
    return {
      amount: inMoney(share.units.toString()),
      quota: inMoney(fixedPoint(quotaUnits, share.remainder, distribution.denominator)),
      remainderFraction: new Decimal(fixedPoint(0n, share.remainder, distribution.denominator)),
      extra: share.extra,
      rank: share.rank,
    };
  });
  return {
    shares,
    unallocated,
    leftover: distribution.leftover,
    withRemainder: distribution.withRemainder,
  };
}
