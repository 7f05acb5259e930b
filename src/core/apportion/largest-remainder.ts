/**
 * The integer core of largest-remainder (Hamilton) apportionment. Pure, exact, no Decimal.
 *
 * Rule: `total` whole units over integer weights w (sum S > 0). Row i's exact quota is
 * total × w_i / S; it first gets the floor of it, q_i, leaving the remainder
 * r_i = total × w_i − q_i × S (0 <= r_i < S; the fraction of a unit is r_i / S). The
 * L = total − Σq_i units left over (always fewer than the rows with a remainder) go one
 * each to the L rows first in this order (the tie-break):
 *   1. larger remainder;
 *   2. larger weight (key);
 *   3. name in Unicode code point order, when names are given;
 *   4. earlier row.
 * With distinct names the result does not depend on the order of the rows (and rows equal
 * in remainder, weight and name are interchangeable, so it does not with repeated names
 * either). Every amount is the floor or the ceiling of its exact quota.
 *
 * Two paths give the same result: safe integers (JavaScript numbers, exact while every
 * product total × w_i plus S stays within 2^53 − 1) and BigInt otherwise. The L rows are
 * found by selection, not by sorting: quickselect finds the L-th largest remainder, every
 * row above it gets a unit, and only the rows equal to it are put in tie-break order, again
 * by selection. Sorting (for the display rank) is a separate step, `remainderRanks`.
 */
import { compareCodePoints, kthSmallestBig, kthSmallestBounded, selectFirst } from "./select";

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Integer weights as the core takes them: numbers while they are safe, BigInt otherwise. */
export type IntegerWeights =
  | { kind: "safe"; values: Float64Array; sum: number; max: number }
  | { kind: "big"; values: bigint[]; sum: bigint; max: bigint };

interface SplitBase {
  /** 1 where the row got one of the left-over units. */
  extra: Uint8Array;
  /** Units handed out by remainder. */
  leftover: number;
  /** Rows whose quota was not whole. */
  withRemainder: number;
}

export interface SafeSplit extends SplitBase {
  path: "safe";
  units: Float64Array;
  /** r_i: the fraction of a unit left over is remainders[i] / denominator. */
  remainders: Float64Array;
  denominator: number;
}

export interface BigSplit extends SplitBase {
  path: "big";
  units: bigint[];
  remainders: bigint[];
  denominator: bigint;
}

export type Split = SafeSplit | BigSplit;

/**
 * True when the safe-integer path is exact for these figures: total × max + sum <= 2^53 − 1,
 * so every product, and every floor × sum on the way to a remainder, is an exact double.
 * (A product above 2^53 rounds to at least 2^53, so the float test itself is exact.)
 */
export function fitsSafe(total: number, max: number, sum: number): boolean {
  return total <= MAX_SAFE && sum <= MAX_SAFE && total * max <= MAX_SAFE - sum;
}

/** BigInt weights as `IntegerWeights` (safe numbers when their sum allows). */
export function integerWeights(weights: readonly bigint[]): IntegerWeights {
  let sum = 0n;
  let max = 0n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    sum += w;
    if (w > max) max = w;
  }
  if (sum > BigInt(MAX_SAFE)) return { kind: "big", values: weights.slice(), sum, max };
  const values = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Number(weights[i]);
  return { kind: "safe", values, sum: Number(sum), max: Number(max) };
}

export function toBigWeights(weights: IntegerWeights): bigint[] {
  if (weights.kind === "big") return weights.values;
  const values = new Array<bigint>(weights.values.length);
  for (let i = 0; i < values.length; i++) values[i] = BigInt(weights.values[i]);
  return values;
}

/**
 * Splits `total` units over the weights (sum > 0, all >= 0; callers validate). Takes the
 * safe path when it is exact, the BigInt path otherwise.
 */
export function splitUnits(
  total: bigint,
  weights: IntegerWeights,
  names?: readonly string[]
): Split {
  if (weights.kind === "safe" && total <= BigInt(MAX_SAFE)) {
    const t = Number(total);
    if (fitsSafe(t, weights.max, weights.sum))
      return largestRemainderSafe(t, weights.values, weights.sum, names);
  }
  const sum = weights.kind === "big" ? weights.sum : BigInt(weights.sum);
  return largestRemainderBig(total, toBigWeights(weights), sum, names);
}

/** Scratch space reused between calls (the core is synchronous, so never shared). */
let scratchRows = new Uint32Array(1024);
let scratchValues = new Float64Array(1024);

function scratch(length: number): void {
  if (scratchRows.length >= length) return;
  const size = Math.max(length, scratchRows.length * 2);
  scratchRows = new Uint32Array(size);
  scratchValues = new Float64Array(size);
}

/** Tie-break among equal remainders: larger weight, then name, then earlier row. */
function safeTieOrder(
  weights: ArrayLike<number>,
  names: readonly string[] | undefined
): (a: number, b: number) => number {
  if (names)
    return (a, b) => weights[b] - weights[a] || compareCodePoints(names[a], names[b]) || a - b;
  return (a, b) => weights[b] - weights[a] || a - b;
}

function bigTieOrder(
  weights: readonly bigint[],
  names: readonly string[] | undefined
): (a: number, b: number) => number {
  return (a, b) => {
    const wa = weights[a];
    const wb = weights[b];
    if (wa !== wb) return wa > wb ? -1 : 1;
    if (names) {
      const byName = compareCodePoints(names[a], names[b]);
      if (byName !== 0) return byName;
    }
    return a - b;
  };
}

/**
 * Safe-integer path. Requires fitsSafe(total, max weight, sum), sum > 0, integer weights >= 0.
 */
export function largestRemainderSafe(
  total: number,
  weights: ArrayLike<number>,
  sum: number,
  names?: readonly string[]
): SafeSplit {
  const n = weights.length;
  const units = new Float64Array(n);
  const remainders = new Float64Array(n);
  const extra = new Uint8Array(n);
  scratch(n);
  const rows = scratchRows;
  const values = scratchValues;
  let given = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const product = total * weights[i];
    // The float quotient can round up to the next integer, never down past the floor.
    let q = Math.floor(product / sum);
    let r = product - q * sum;
    if (r < 0) {
      q -= 1;
      r += sum;
    }
    units[i] = q;
    given += q;
    if (r > 0) {
      remainders[i] = r;
      rows[m] = i;
      values[m++] = r;
    }
  }
  const leftover = total - given;
  if (leftover > m) throw new Error("internal: more left-over units than remainders");
  if (leftover === m) {
    for (let j = 0; j < m; j++) {
      const i = rows[j];
      extra[i] = 1;
      units[i] += 1;
    }
  } else if (leftover > 0) {
    // The leftover-th largest remainder: rows above it get a unit, rows equal to it compete.
    const threshold = kthSmallestBounded(values, m, m - leftover, sum);
    let tied = 0;
    let above = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j];
      const r = remainders[i];
      if (r > threshold) {
        extra[i] = 1;
        units[i] += 1;
        above++;
      } else if (r === threshold) rows[tied++] = i;
    }
    const need = leftover - above;
    if (need < tied) selectFirst(rows, tied, need, safeTieOrder(weights, names));
    for (let j = 0; j < need; j++) {
      const i = rows[j];
      extra[i] = 1;
      units[i] += 1;
    }
  }
  return { path: "safe", units, remainders, denominator: sum, extra, leftover, withRemainder: m };
}

/** BigInt path: the same rule for any size of integers. Requires sum > 0, weights >= 0. */
export function largestRemainderBig(
  total: bigint,
  weights: readonly bigint[],
  sum: bigint,
  names?: readonly string[]
): BigSplit {
  const n = weights.length;
  const units = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  const extra = new Uint8Array(n);
  const rows = new Uint32Array(n);
  const values: bigint[] = [];
  let given = 0n;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const product = total * weights[i];
    const q = product / sum;
    const r = product - q * sum;
    units[i] = q;
    remainders[i] = r;
    given += q;
    if (r > 0n) {
      rows[m++] = i;
      values.push(r);
    }
  }
  const leftover = Number(total - given);
  if (leftover > m) throw new Error("internal: more left-over units than remainders");
  if (leftover === m) {
    for (let j = 0; j < m; j++) {
      const i = rows[j];
      extra[i] = 1;
      units[i] += 1n;
    }
  } else if (leftover > 0) {
    const threshold = kthSmallestBig(values, m, m - leftover);
    let tied = 0;
    let above = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j];
      const r = remainders[i];
      if (r > threshold) {
        extra[i] = 1;
        units[i] += 1n;
        above++;
      } else if (r === threshold) rows[tied++] = i;
    }
    const need = leftover - above;
    if (need < tied) selectFirst(rows, tied, need, bigTieOrder(weights, names));
    for (let j = 0; j < need; j++) {
      const i = rows[j];
      extra[i] = 1;
      units[i] += 1n;
    }
  }
  return { path: "big", units, remainders, denominator: sum, extra, leftover, withRemainder: m };
}

/**
 * The 1-based place of each row with a remainder in the full tie-break order (null for a
 * whole quota): for display only. Sorts the rows with a remainder, so keep it off hot paths.
 */
export function remainderRanks(
  split: Split,
  weights: IntegerWeights,
  names?: readonly string[]
): (number | null)[] {
  const n = split.extra.length;
  const ranks = new Array<number | null>(n).fill(null);
  const rows = new Uint32Array(split.withRemainder);
  let m = 0;
  let order: (a: number, b: number) => number;
  if (split.path === "safe" && weights.kind === "safe") {
    const r = split.remainders;
    for (let i = 0; i < n; i++) if (r[i] > 0) rows[m++] = i;
    const tie = safeTieOrder(weights.values, names);
    order = (a, b) => r[b] - r[a] || tie(a, b);
  } else {
    const r =
      split.path === "big" ? split.remainders : Array.from(split.remainders, (x) => BigInt(x));
    for (let i = 0; i < n; i++) if (r[i] > 0n) rows[m++] = i;
    const tie = bigTieOrder(toBigWeights(weights), names);
    order = (a, b) => (r[a] === r[b] ? tie(a, b) : r[a] > r[b] ? -1 : 1);
  }
  rows.sort(order);
  for (let j = 0; j < m; j++) ranks[rows[j]] = j + 1;
  return ranks;
}
