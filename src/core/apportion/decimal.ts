/**
 * The money layer the allocation job uses: a Decimal pot split over Decimal keys in
 * multiples of a rounding unit, with what the allocation sheet shows per row (quota,
 * remainder, rank). It validates and scales the keys to integers once, then runs the
 * integer core (`largest-remainder.ts`); the rule and tie-break are documented there.
 */
import { Decimal } from "../money";
import { MAX_SAFE, type IntegerWeights, remainderRanks, splitUnits } from "./largest-remainder";

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

/** Longest digit string that always fits in a safe integer. */
const SAFE_DIGITS = 15;

/**
 * Decimal keys (>= 0) as integers: all multiplied by 10^(most decimal places of any key).
 * Exact: each key is written out with that many decimals and read as digits.
 */
export function decimalWeights(keys: readonly Decimal[]): IntegerWeights {
  let scale = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.isNegative() && !k.isZero()) throw new RangeError("weights must not be negative");
    const places = k.decimalPlaces();
    if (places > scale) scale = places;
  }
  const digits = (k: Decimal) => {
    const text = k.abs().toFixed(scale);
    return scale === 0 ? text : text.replace(".", "");
  };
  const values = new Float64Array(keys.length);
  let sum = 0;
  let max = 0;
  let safe = true;
  for (let i = 0; i < keys.length && safe; i++) {
    const text = digits(keys[i]);
    const w = text.length <= SAFE_DIGITS ? Number(text) : MAX_SAFE + 1;
    values[i] = w;
    sum += w;
    if (w > max) max = w;
    safe = sum <= MAX_SAFE;
  }
  if (safe) return { kind: "safe", values, sum, max };
  const big = keys.map((k) => BigInt(digits(k)));
  let bigSum = 0n;
  let bigMax = 0n;
  for (const w of big) {
    bigSum += w;
    if (w > bigMax) bigMax = w;
  }
  return { kind: "big", values: big, sum: bigSum, max: bigMax };
}

export function weightSumIsZero(weights: IntegerWeights): boolean {
  return weights.kind === "safe" ? weights.sum === 0 : weights.sum === 0n;
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

/** Validates a pot and a rounding unit; returns the pot's whole units and the rest. */
export function unitsOfPot(total: Decimal, unit: Decimal): { units: bigint; unallocated: Decimal } {
  if (!unit.isPositive() || unit.isZero()) throw new RangeError("unit must be positive");
  if (total.isNegative() && !total.isZero()) throw new RangeError("total must not be negative");
  const wholeUnits = total.dividedToIntegerBy(unit);
  return {
    units: BigInt(wholeUnits.toFixed(0)),
    unallocated: total.minus(wholeUnits.times(unit)),
  };
}

/** Public layer: splits a money `total` over decimal `keys`, in multiples of `unit`. */
export function apportion(
  total: Decimal,
  unit: Decimal,
  keys: readonly Decimal[],
  names?: readonly string[]
): Apportionment {
  const pot = unitsOfPot(total, unit);
  if (names && names.length !== keys.length) throw new RangeError("one name per weight");
  const weights = decimalWeights(keys);
  if (weightSumIsZero(weights)) throw new RangeError("weights must not all be zero");
  const split = splitUnits(pot.units, weights, names);
  const ranks = remainderRanks(split, weights, names);
  const denominator = BigInt(split.denominator);
  const unitIsOne = unit.equals(1);
  const inMoney = (units: string) =>
    unitIsOne ? new Decimal(units) : new Decimal(units).times(unit);
  const shares = new Array<ApportionedShare>(keys.length);
  for (let i = 0; i < shares.length; i++) {
    const units = BigInt(split.units[i]);
    const remainder = BigInt(split.remainders[i]);
    const extra = split.extra[i] === 1;
    shares[i] = {
      amount: inMoney(units.toString()),
      quota: inMoney(fixedPoint(extra ? units - 1n : units, remainder, denominator)),
      remainderFraction: new Decimal(fixedPoint(0n, remainder, denominator)),
      extra,
      rank: ranks[i],
    };
  }
  return {
    shares,
    unallocated: pot.unallocated,
    leftover: split.leftover,
    withRemainder: split.withRemainder,
  };
}
