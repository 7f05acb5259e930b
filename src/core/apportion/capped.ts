/**
 * Capped apportionment ("water filling"): the re-distribution of the requisitions job.
 *
 * Rule: `total` whole units are handed out in proportion to the weights (keys), and nobody
 * gets more than their cap. It goes in rounds over the recipients still open (at the start:
 * every recipient with a weight above zero; a zero weight gets nothing):
 *   1. Each open recipient's proportional share of the money still to place is
 *      M × w_i / S (S: the open recipients' weight sum).
 *   2. Every open recipient whose share reaches their cap (cap_i <= M × w_i / S) gets
 *      exactly the cap and leaves; M goes down by those caps. All of them leave in the same
 *      round, whatever their order.
 *   3. Repeat from 1 while money is left and someone is open. A round where nobody reaches
 *      their cap is the last: M is split over the open recipients by largest remainder
 *      (floor of each quota, then the units left over one each to the larger remainder,
 *      then larger weight, then name in Unicode code point order, then earlier row; see
 *      largest-remainder.ts). Nobody passes their cap there, since each quota is below it.
 * What cannot be placed is `leftOver`: the part of `total` above the open recipients' caps
 * (total > Σ caps), or everything when no weight is above zero. `rounds` counts the rounds
 * in which money was shared out (0 when total is 0 or nobody can take part; the last round
 * included).
 *
 * The result is the water level of the textbook: each capped recipient's cap is at most
 * λ × w_i and everyone else gets λ × w_i rounded by largest remainder, for the one λ at
 * which the money runs out. It is exact (safe integers while every product fits in 2^53,
 * BigInt otherwise), deterministic, and with distinct names does not depend on row order.
 *
 * Each round is one pass over the open recipients. Most inputs finish in a few rounds; if
 * they have not after ROUNDS_BEFORE_SORTING, the open recipients are sorted once by
 * cap / weight, after which every round only looks at the next of them in that order
 * (a round's capped recipients are always those with the smallest cap / weight), so the
 * worst case is O(n log n), not n rounds of n.
 */
import { Decimal } from "../money";
import { decimalWeights, unitsOfPot } from "./decimal";
import {
  type IntegerWeights,
  MAX_SAFE,
  fitsSafe,
  integerWeights,
  largestRemainderBig,
  largestRemainderSafe,
  toBigWeights,
} from "./largest-remainder";

export interface CappedDistribution {
  units: bigint[];
  leftOver: bigint;
  rounds: number;
}

export const ROUNDS_BEFORE_SORTING = 24;

/** What the engine returns on either path (numbers on the safe one, BigInt otherwise). */
export type CappedSplit =
  | { path: "safe"; units: Float64Array; leftOver: number; rounds: number }
  | { path: "big"; units: bigint[]; leftOver: bigint; rounds: number };

/**
 * Hands `total` units out by weight, never more than caps[i] to recipient i (rule above).
 * Requires total >= 0, weights >= 0, caps >= 0, one cap (and name, if given) per weight.
 */
export function distributeCapped(
  total: bigint,
  weights: readonly bigint[],
  caps: readonly bigint[],
  names?: readonly string[]
): CappedDistribution {
  if (total < 0n) throw new RangeError("total must not be negative");
  if (caps.length !== weights.length) throw new RangeError("one cap per weight");
  if (names && names.length !== weights.length) throw new RangeError("one name per weight");
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0n) throw new RangeError("weights must not be negative");
    if (caps[i] < 0n) throw new RangeError("caps must not be negative");
  }
  // Nobody can take part (every weight or cap is 0): no round is run, as the rule says.
  if (!weights.some((w, i) => w > 0n && caps[i] > 0n))
    return { units: weights.map(() => 0n), leftOver: total, rounds: 0 };
  const split = cappedUnits(total, integerWeights(weights), capsOf(caps), names);
  const units = split.path === "big" ? split.units : Array.from(split.units, (u) => BigInt(u));
  return { units, leftOver: BigInt(split.leftOver), rounds: split.rounds };
}

/** Caps as safe numbers when every one of them is, else as BigInt. */
export function capsOf(caps: readonly bigint[]): Float64Array | bigint[] {
  const safe = BigInt(MAX_SAFE);
  for (let i = 0; i < caps.length; i++) if (caps[i] > safe) return caps.slice();
  return Float64Array.from(caps, (c) => Number(c));
}

/**
 * The engine on validated integers. `roundsBeforeSorting` is there for the tests, which
 * check that both ways of running the rounds give the same result.
 */
export function cappedUnits(
  total: bigint,
  weights: IntegerWeights,
  caps: Float64Array | bigint[],
  names?: readonly string[],
  roundsBeforeSorting = ROUNDS_BEFORE_SORTING
): CappedSplit {
  if (
    weights.kind === "safe" &&
    caps instanceof Float64Array &&
    total <= BigInt(MAX_SAFE) &&
    fitsSafe(Number(total), weights.max, weights.sum)
  )
    return cappedSafe(Number(total), weights.values, weights.sum, caps, names, roundsBeforeSorting);
  const bigCaps = caps instanceof Float64Array ? Array.from(caps, (c) => BigInt(c)) : caps;
  const sum = weights.kind === "big" ? weights.sum : BigInt(weights.sum);
  return cappedBig(total, toBigWeights(weights), sum, bigCaps, names, roundsBeforeSorting);
}

function subset<T>(values: readonly T[] | undefined, rows: Uint32Array): T[] | undefined {
  if (!values) return undefined;
  const out = new Array<T>(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = values[rows[j]];
  return out;
}

function cappedSafe(
  total: number,
  w: Float64Array,
  sum: number,
  c: Float64Array,
  names: readonly string[] | undefined,
  roundsBeforeSorting: number
): CappedSplit {
  const n = w.length;
  const units = new Float64Array(n);
  const open = new Uint32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) open[count++] = i;
  let money = total;
  let s = sum;
  let rounds = 0;
  // floor(money × w / s), exact: money × w + s stays within 2^53 (fitsSafe of the totals).
  const floorShare = (weight: number) => {
    const product = money * weight;
    const q = Math.floor(product / s);
    return q * s > product ? q - 1 : q;
  };
  const lastRound = (rows: Uint32Array) => {
    const sub = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) sub[j] = w[rows[j]];
    const split = largestRemainderSafe(money, sub, s, subset(names, rows));
    for (let j = 0; j < rows.length; j++) units[rows[j]] = split.units[j];
    money = 0;
  };

  while (money > 0 && count > 0 && rounds < roundsBeforeSorting) {
    rounds++;
    let kept = 0;
    let capped = 0;
    let keptWeight = 0;
    for (let j = 0; j < count; j++) {
      const i = open[j];
      if (c[i] <= floorShare(w[i])) {
        units[i] = c[i];
        capped += c[i];
      } else {
        open[kept++] = i;
        keptWeight += w[i];
      }
    }
    if (kept === count) lastRound(open.subarray(0, count));
    else {
      money -= capped;
      s = keptWeight;
      count = kept;
    }
  }
  if (money > 0 && count > 0) {
    // Sorted continuation: the recipients capped in a round are a prefix in cap/weight order.
    const order = open.subarray(0, count);
    order.sort((a, b) => {
      const x = c[a] * w[b];
      const y = c[b] * w[a];
      if (x <= MAX_SAFE && y <= MAX_SAFE) return x - y;
      const bx = BigInt(c[a]) * BigInt(w[b]);
      const by = BigInt(c[b]) * BigInt(w[a]);
      return bx < by ? -1 : bx > by ? 1 : 0;
    });
    let p = 0;
    while (money > 0 && p < count) {
      rounds++;
      const start = p;
      let capped = 0;
      let cappedWeight = 0;
      while (p < count && c[order[p]] <= floorShare(w[order[p]])) {
        const i = order[p++];
        units[i] = c[i];
        capped += c[i];
        cappedWeight += w[i];
      }
      if (p === start) lastRound(order.subarray(p).sort());
      else {
        money -= capped;
        s -= cappedWeight;
      }
    }
  }
  return { path: "safe", units, leftOver: money, rounds };
}

function cappedBig(
  total: bigint,
  w: readonly bigint[],
  sum: bigint,
  c: readonly bigint[],
  names: readonly string[] | undefined,
  roundsBeforeSorting: number
): CappedSplit {
  const n = w.length;
  const units = new Array<bigint>(n).fill(0n);
  const open = new Uint32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0n) open[count++] = i;
  let money = total;
  let s = sum;
  let rounds = 0;
  const lastRound = (rows: Uint32Array) => {
    const sub = new Array<bigint>(rows.length);
    for (let j = 0; j < rows.length; j++) sub[j] = w[rows[j]];
    const split = largestRemainderBig(money, sub, s, subset(names, rows));
    for (let j = 0; j < rows.length; j++) units[rows[j]] = split.units[j];
    money = 0n;
  };

  while (money > 0n && count > 0 && rounds < roundsBeforeSorting) {
    rounds++;
    let kept = 0;
    let capped = 0n;
    let keptWeight = 0n;
    for (let j = 0; j < count; j++) {
      const i = open[j];
      if (c[i] <= (money * w[i]) / s) {
        units[i] = c[i];
        capped += c[i];
      } else {
        open[kept++] = i;
        keptWeight += w[i];
      }
    }
    if (kept === count) lastRound(open.subarray(0, count));
    else {
      money -= capped;
      s = keptWeight;
      count = kept;
    }
  }
  if (money > 0n && count > 0) {
    const order = open.subarray(0, count);
    order.sort((a, b) => {
      const x = c[a] * w[b];
      const y = c[b] * w[a];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    let p = 0;
    while (money > 0n && p < count) {
      rounds++;
      const start = p;
      let capped = 0n;
      let cappedWeight = 0n;
      while (p < count && c[order[p]] <= (money * w[order[p]]) / s) {
        const i = order[p++];
        units[i] = c[i];
        capped += c[i];
        cappedWeight += w[i];
      }
      if (p === start) lastRound(order.subarray(p).sort());
      else {
        money -= capped;
        s -= cappedWeight;
      }
    }
  }
  return { path: "big", units, leftOver: money, rounds };
}

export interface CappedApportionment {
  /** Per recipient, in input order: a multiple of the unit, never above the cap. */
  amounts: Decimal[];
  /** total − Σ amounts: what could not be placed, including `unallocated`. */
  leftOver: Decimal;
  /** The part of `total` smaller than one unit (0 when total is a multiple of the unit). */
  unallocated: Decimal;
  rounds: number;
}

/**
 * Money layer of the capped split: `total` over Decimal `keys` in multiples of `unit`,
 * recipient i getting at most caps[i] (a cap that is not a multiple of the unit counts as
 * its whole units). Same rule, round order and tie-break as `distributeCapped`.
 */
export function apportionCapped(
  total: Decimal,
  unit: Decimal,
  keys: readonly Decimal[],
  caps: readonly Decimal[],
  names?: readonly string[]
): CappedApportionment {
  const pot = unitsOfPot(total, unit);
  if (caps.length !== keys.length) throw new RangeError("one cap per weight");
  if (names && names.length !== keys.length) throw new RangeError("one name per weight");
  const capUnits = caps.map((cap) => {
    if (cap.isNegative() && !cap.isZero()) throw new RangeError("caps must not be negative");
    return BigInt(cap.dividedToIntegerBy(unit).toFixed(0));
  });
  const split = cappedUnits(pot.units, decimalWeights(keys), capsOf(capUnits), names);
  const unitIsOne = unit.equals(1);
  const amounts = new Array<Decimal>(keys.length);
  for (let i = 0; i < amounts.length; i++) {
    const units = new Decimal(split.units[i].toString());
    amounts[i] = unitIsOne ? units : units.times(unit);
  }
  const leftOverUnits = new Decimal(split.leftOver.toString());
  return {
    amounts,
    leftOver: (unitIsOne ? leftOverUnits : leftOverUnits.times(unit)).plus(pot.unallocated),
    unallocated: pot.unallocated,
    rounds: split.rounds,
  };
}
