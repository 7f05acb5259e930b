/**
 * Bounded apportionment: floors and ceilings per recipient, on the same integers as the
 * largest-remainder core.
 *
 * Rule: `total` whole units are handed out so that recipient i gets
 *     clamp(t × w_i, floor_i, ceiling_i)
 * for the one level t (units per unit of weight) at which the amounts add up to `total`.
 * Recipients at a bound get exactly the bound; the others ("free") share what is left,
 * M' = total − Σ bounds, by largest remainder over their weights (the exact quota of each
 * is t × w_i = M' × w_i / W_free; the tie-break is the one in largest-remainder.ts). Since
 * a free recipient's quota lies between its (whole) bounds, rounding it up or down keeps it
 * inside them. A recipient with weight 0 gets its floor (0 without one).
 *
 * Finding t exactly: g(t) = Σ clamp(t × w_i, f_i, c_i) is continuous, piecewise linear and
 * non-decreasing, with corners at the rationals f_i / w_i and c_i / w_i. The corners are
 * sorted (BigInt cross-multiplication, no float), a binary search finds the last corner
 * with g <= total, and between it and the next corner every recipient is either at its
 * floor, at its ceiling or free, so t = M' / W_free. Where g is flat at `total` nobody is
 * free and every t on the flat gives the same amounts: the result is unique.
 *
 * Infeasible bounds are refused with how far off they are: the floors add up to more than
 * the total, or the ceilings (and the floors of recipients with weight 0, who cannot take
 * more) add up to less. O(n log n); exact; deterministic; with distinct names independent
 * of row order.
 */
import { distributeUnits } from "./units";

export type Bound = "floor" | "ceiling" | "free";

export interface BoundedDistribution {
  /** Whole units per recipient, in input order; Σ = total. */
  units: bigint[];
  /** Which part of the rule set each amount: a bound, or the key (free). */
  bound: Bound[];
  /** Free recipients that got one of the units handed out by largest remainder. */
  extra: boolean[];
  /** The level t as a fraction (units per unit of weight); null when nobody is free. */
  level: { numerator: bigint; denominator: bigint } | null;
  /** Units shared by the free recipients (total less the bounds). */
  shared: bigint;
  /** Free recipients whose exact quota was not whole. */
  withRemainder: number;
}

/** Bounds that cannot all hold: `short` is how many units are missing to meet them. */
export class InfeasibleBounds extends RangeError {
  constructor(
    /** "floors": Σ floors > total; "ceilings": Σ ceilings < total. */
    readonly kind: "floors" | "ceilings",
    /** Σ floors − total, or total − Σ ceilings (> 0). */
    readonly excess: bigint,
    /** Σ floors or Σ ceilings (the capacity) that was compared with the total. */
    readonly bounds: bigint
  ) {
    super(
      kind === "floors"
        ? `floors add up to ${bounds}, ${excess} more than the total`
        : `ceilings add up to ${bounds}, ${excess} less than the total`
    );
    this.name = "InfeasibleBounds";
  }
}

interface Ratio {
  n: bigint;
  d: bigint;
}

const compare = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Hands `total` units out as clamp(t × w_i, floors[i], ceilings[i]) (rule above).
 * ceilings[i] null: no ceiling. Requires total >= 0, weights >= 0, 0 <= floor <= ceiling;
 * throws InfeasibleBounds when the bounds cannot all hold.
 */
export function distributeBounded(
  total: bigint,
  weights: readonly bigint[],
  floors: readonly bigint[],
  ceilings: readonly (bigint | null)[],
  names?: readonly string[]
): BoundedDistribution {
  const n = weights.length;
  if (total < 0n) throw new RangeError("total must not be negative");
  if (floors.length !== n || ceilings.length !== n)
    throw new RangeError("one floor and one ceiling per weight");
  if (names && names.length !== n) throw new RangeError("one name per weight");
  let floorSum = 0n;
  let capacity = 0n;
  let unbounded = false;
  for (let i = 0; i < n; i++) {
    const c = ceilings[i];
    if (weights[i] < 0n) throw new RangeError("weights must not be negative");
    if (floors[i] < 0n) throw new RangeError("floors must not be negative");
    if (c !== null && c < floors[i]) throw new RangeError(`floor above ceiling at ${i}`);
    floorSum += floors[i];
    if (weights[i] === 0n) capacity += floors[i];
    else if (c === null) unbounded = true;
    else capacity += c;
  }
  if (floorSum > total) throw new InfeasibleBounds("floors", floorSum - total, floorSum);
  if (!unbounded && capacity < total)
    throw new InfeasibleBounds("ceilings", total - capacity, capacity);

  // The corners of g, sorted and without repeats; 0 first (g(0) = Σ floors <= total).
  const corners: Ratio[] = [{ n: 0n, d: 1n }];
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w === 0n) continue;
    if (floors[i] > 0n) corners.push({ n: floors[i], d: w });
    const c = ceilings[i];
    if (c !== null && c > 0n) corners.push({ n: c, d: w });
  }
  corners.sort(compare);
  let unique = 0;
  for (let k = 0; k < corners.length; k++)
    if (k === 0 || compare(corners[k], corners[unique - 1]) !== 0) corners[unique++] = corners[k];
  corners.length = unique;

  /** g(r) <= total, exactly: Σ clamp(r.n × w, f × r.d, c × r.d) <= total × r.d. */
  const atMost = (r: Ratio): boolean => {
    let s = 0n;
    for (let i = 0; i < n; i++) {
      const f = floors[i] * r.d;
      let v = weights[i] * r.n;
      if (v < f) v = f;
      const c = ceilings[i];
      if (c !== null && weights[i] !== 0n && v > c * r.d) v = c * r.d;
      s += v;
    }
    return s <= total * r.d;
  };
  let lo = 0;
  let hi = corners.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (atMost(corners[mid])) lo = mid;
    else hi = mid - 1;
  }
  const low = corners[lo];
  const high = lo + 1 < corners.length ? corners[lo + 1] : null;

  const units = new Array<bigint>(n).fill(0n);
  const bound = new Array<Bound>(n).fill("free");
  const extra = new Array<boolean>(n).fill(false);
  const free: number[] = [];
  let shared = total;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    const c = ceilings[i];
    // No corner lies strictly between low and high: each recipient is at one bound or free.
    if (w === 0n || (high !== null && compare({ n: floors[i], d: w }, high) >= 0)) {
      units[i] = floors[i];
      bound[i] = floors[i] > 0n ? "floor" : "free";
      shared -= floors[i];
    } else if (c !== null && compare({ n: c, d: w }, low) <= 0) {
      units[i] = c;
      bound[i] = "ceiling";
      shared -= c;
    } else free.push(i);
  }

  let level: BoundedDistribution["level"] = null;
  let withRemainder = 0;
  if (free.length > 0) {
    const freeWeights = free.map((i) => weights[i]);
    const freeNames = names ? free.map((i) => names[i]) : undefined;
    const split = distributeUnits(shared, freeWeights, freeNames);
    const weightSum = freeWeights.reduce((a, b) => a + b, 0n);
    level = { numerator: shared, denominator: weightSum };
    withRemainder = split.withRemainder;
    free.forEach((i, j) => {
      const share = split.shares[j];
      units[i] = share.units;
      extra[i] = share.extra;
      // A quota exactly on a bound is that bound (t sits on the recipient's corner).
      if (share.remainder === 0n && !share.extra) {
        if (floors[i] > 0n && share.units === floors[i]) bound[i] = "floor";
        else if (ceilings[i] !== null && share.units === ceilings[i]) bound[i] = "ceiling";
      }
    });
  } else if (shared !== 0n) throw new Error("internal: money left with nobody free");

  for (let i = 0; i < n; i++) {
    const c = ceilings[i];
    if (units[i] < floors[i] || (c !== null && units[i] > c))
      throw new Error("internal: a bound was not respected");
  }
  return { units, bound, extra, level, shared, withRemainder };
}
