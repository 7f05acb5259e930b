/**
 * Slow, obviously right versions of the engine, in exact rational arithmetic (BigInt
 * fractions), written without the engine's tricks (no shared denominator, no selection, no
 * safe-integer path): the oracle the apportion tests compare the engine against.
 */

/** n / d with d > 0, reduced. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(n: bigint, d: bigint): Fraction {
  if (d === 0n) throw new Error("zero denominator");
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

const floorOf = (f: Fraction): bigint => (f.n >= 0n ? f.n / f.d : -((-f.n + f.d - 1n) / f.d));

/** Code point order by way of the code points themselves. */
export function codePointOrder(x: string, y: string): number {
  const xs = Array.from(x, (ch) => ch.codePointAt(0) as number);
  const ys = Array.from(y, (ch) => ch.codePointAt(0) as number);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++)
    if (xs[i] !== ys[i]) return xs[i] - ys[i];
  return xs.length - ys.length;
}

export interface HamiltonRow {
  quota: Fraction;
  floor: bigint;
  remainder: Fraction;
}

export function quotas(total: bigint, weights: readonly bigint[]): HamiltonRow[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  return weights.map((w) => {
    const quota = fraction(total * w, sum);
    const floor = floorOf(quota);
    return { quota, floor, remainder: fraction(quota.n - floor * quota.d, quota.d) };
  });
}

/** True if row i comes before row j in the documented tie-break order. */
export function before(
  rows: readonly HamiltonRow[],
  weights: readonly bigint[],
  names: readonly string[] | undefined,
  i: number,
  j: number
): boolean {
  const byRemainder = compareFractions(rows[i].remainder, rows[j].remainder);
  if (byRemainder !== 0) return byRemainder > 0;
  if (weights[i] !== weights[j]) return weights[i] > weights[j];
  if (names) {
    const byName = codePointOrder(names[i], names[j]);
    if (byName !== 0) return byName < 0;
  }
  return i < j;
}

/** Hamilton by the book: floors, then every row sorted by the tie-break order. */
export function hamiltonOracle(
  total: bigint,
  weights: readonly bigint[],
  names?: readonly string[]
): { units: bigint[]; extra: boolean[] } {
  const rows = quotas(total, weights);
  const units = rows.map((r) => r.floor);
  const extra = rows.map(() => false);
  let left = total - units.reduce((a, b) => a + b, 0n);
  const order = rows.map((_, i) => i).sort((i, j) => (before(rows, weights, names, i, j) ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    units[i] += 1n;
    extra[i] = true;
    left -= 1n;
  }
  return { units, extra };
}

/**
 * Brute force: every way to give the left-over units to rows with a remainder, kept if no
 * row left out comes before a row given one. Returns all such ways (there must be one).
 */
export function hamiltonByEnumeration(
  total: bigint,
  weights: readonly bigint[],
  names?: readonly string[]
): bigint[][] {
  const rows = quotas(total, weights);
  const candidates = rows.map((_, i) => i).filter((i) => rows[i].remainder.n > 0n);
  const left = Number(total - rows.reduce((a, r) => a + r.floor, 0n));
  const found: bigint[][] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, k) => mask & (1 << k));
    if (chosen.length !== left) continue;
    const others = candidates.filter((_, k) => !(mask & (1 << k)));
    if (others.some((j) => chosen.some((i) => before(rows, weights, names, j, i)))) continue;
    found.push(rows.map((r, i) => r.floor + (chosen.includes(i) ? 1n : 0n)));
  }
  return found;
}

/**
 * Capped split by its textbook definition: the water level λ at which the money runs out.
 * Sort the recipients with a key by cap / key; the capped ones are the prefix P with
 * max over P of cap/key <= λ(P) < min over the rest, where λ(P) = (total − caps of P) / keys
 * of the rest. Everyone in P gets the cap; the rest share total − caps of P by Hamilton.
 */
export function cappedOracle(
  total: bigint,
  weights: readonly bigint[],
  caps: readonly bigint[],
  names?: readonly string[]
): { units: bigint[]; leftOver: bigint } {
  const units = weights.map(() => 0n);
  const open = weights.map((_, i) => i).filter((i) => weights[i] > 0n);
  const ratio = (i: number) => fraction(caps[i], weights[i]);
  open.sort((i, j) => compareFractions(ratio(i), ratio(j)));
  for (let k = 0; k <= open.length; k++) {
    const prefix = open.slice(0, k);
    const rest = open.slice(k);
    const capped = prefix.reduce((a, i) => a + caps[i], 0n);
    if (capped > total) continue;
    if (rest.length === 0) {
      for (const i of prefix) units[i] = caps[i];
      return { units, leftOver: total - capped };
    }
    const level = fraction(
      total - capped,
      rest.reduce((a, i) => a + weights[i], 0n)
    );
    const lowOk = k === 0 || compareFractions(ratio(open[k - 1]), level) <= 0;
    const highOk = compareFractions(ratio(open[k]), level) > 0;
    if (!lowOk || !highOk) continue;
    for (const i of prefix) units[i] = caps[i];
    const inRowOrder = rest.slice().sort((a, b) => a - b);
    const shared = hamiltonOracle(
      total - capped,
      inRowOrder.map((i) => weights[i]),
      names && inRowOrder.map((i) => names[i])
    );
    inRowOrder.forEach((i, j) => (units[i] = shared.units[j]));
    return { units, leftOver: 0n };
  }
  throw new Error("oracle: no water level found");
}

/** The number of rounds of capped.ts's rule, simulated in fractions one recipient at a time. */
export function cappedRoundsOracle(
  total: bigint,
  weights: readonly bigint[],
  caps: readonly bigint[]
): number {
  let open = weights.map((_, i) => i).filter((i) => weights[i] > 0n);
  let money = total;
  let rounds = 0;
  while (money > 0n && open.length > 0) {
    rounds++;
    const s = open.reduce((a, i) => a + weights[i], 0n);
    const reached = open.filter(
      (i) => compareFractions(fraction(caps[i], 1n), fraction(money * weights[i], s)) <= 0
    );
    if (reached.length === 0) break;
    money -= reached.reduce((a, i) => a + caps[i], 0n);
    open = open.filter((i) => !reached.includes(i));
  }
  return rounds;
}
