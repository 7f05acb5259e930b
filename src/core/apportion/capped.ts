/**
 * Capped apportionment ("water filling"), exact in integers: `total` units are split in
 * proportion to `weights`, nobody gets more than their cap, and what a capped recipient
 * cannot take flows to the others, round after round, until the money or the demand runs
 * out.
 *
 * A reference implementation of the engine's contract, so the requisitions job can be built
 * and tested before the engine's own version lands; keep its behaviour to that contract.
 *
 * Rounds: each round computes every open recipient's exact quota of what is left
 * (left × weight / sum of open weights). Every recipient whose quota reaches what its cap
 * still allows is filled to its cap and closed; then the next round starts with the rest.
 * When a round closes nobody, it is the last: each open recipient gets the whole units of its
 * quota and the units left over go one each by largest remainder. Equal remainders: the
 * larger weight first, then the name in Unicode code point order (then the input position
 * when no names are given). Recipients with weight 0 or cap 0 take no part. What cannot be
 * placed (everyone capped, or nobody with weight) is `leftOver`.
 */

export interface CappedDistribution {
  /** Units per recipient, in input order: 0 <= units[i] <= caps[i]. */
  units: bigint[];
  /** Units nobody could take: total - sum(units). */
  leftOver: bigint;
  /** Rounds run (0 when there was nothing to give or nobody to give to). */
  rounds: number;
}

export function distributeCapped(
  total: bigint,
  weights: readonly bigint[],
  caps: readonly bigint[],
  names?: readonly string[]
): CappedDistribution {
  if (total < 0n) throw new RangeError("total must not be negative");
  if (weights.length !== caps.length) throw new RangeError("one cap per weight");
  if (names && names.length !== weights.length) throw new RangeError("one name per weight");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  if (caps.some((c) => c < 0n)) throw new RangeError("caps must not be negative");

  const units = weights.map(() => 0n);
  let open = weights.map((_, i) => i).filter((i) => weights[i] > 0n && caps[i] > 0n);
  let left = total;
  let rounds = 0;

  while (left > 0n && open.length > 0) {
    rounds++;
    let weightSum = 0n;
    for (const i of open) weightSum += weights[i];
    // quota >= room  <=>  left × w >= room × weightSum (no division needed).
    const full = open.filter((i) => left * weights[i] >= (caps[i] - units[i]) * weightSum);
    if (full.length > 0) {
      for (const i of full) {
        left -= caps[i] - units[i];
        units[i] = caps[i];
      }
      const closed = new Set(full);
      open = open.filter((i) => !closed.has(i));
      continue;
    }
    // Last round: nobody reaches the cap, so whole quota + 1 never exceeds it.
    const remainders = new Map<number, bigint>();
    let given = 0n;
    for (const i of open) {
      const numerator = left * weights[i];
      const whole = numerator / weightSum;
      units[i] += whole;
      given += whole;
      remainders.set(i, numerator % weightSum);
    }
    const extra = Number(left - given);
    const order = [...open].sort((a, b) => {
      const byRemainder = compare(remainders.get(b) ?? 0n, remainders.get(a) ?? 0n);
      if (byRemainder !== 0) return byRemainder;
      const byWeight = compare(weights[b], weights[a]);
      if (byWeight !== 0) return byWeight;
      const byName = names ? compareCodePoints(names[a], names[b]) : 0;
      return byName !== 0 ? byName : a - b;
    });
    for (let k = 0; k < extra; k++) units[order[k]] += 1n;
    left = 0n;
  }
  return { units, leftOver: left, rounds };
}

function compare(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Unicode code point order (JavaScript's `<` compares UTF-16 code units). */
function compareCodePoints(x: string, y: string): number {
  const xs = Array.from(x, (ch) => ch.codePointAt(0) ?? 0);
  const ys = Array.from(y, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++)
    if (xs[i] !== ys[i]) return xs[i] - ys[i];
  return xs.length - ys.length;
}
