/**
 * Floors and ceilings: each amount is clamp(t × key, floor, ceiling) for the one t at which
 * the amounts add up to the total; recipients at a bound get exactly the bound, the others
 * share the rest by largest remainder. Checked by hand, against an oracle in exact rationals
 * (brute force over the corners), and by property: exact totals, bounds respected, order
 * independence, infeasible bounds refused with the amount they are off by.
 */
import fc from "fast-check";
import { distributeUnits } from "../../../../src/core/apportion";
import { InfeasibleBounds, distributeBounded } from "../../../../src/core/apportion/bounded";
import { compareCodePoints } from "../../../../src/core/apportion/select";

const total = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

interface Fraction {
  n: bigint;
  d: bigint;
}
const frac = (n: bigint, d = 1n): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });
const cmp = (a: Fraction, b: Fraction) => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
const minF = (a: Fraction, b: Fraction) => (cmp(a, b) <= 0 ? a : b);
const maxF = (a: Fraction, b: Fraction) => (cmp(a, b) >= 0 ? a : b);

/**
 * The oracle: t found by walking every segment between corners in exact fractions, the
 * exact quotas clamp(t × w, f, c), then whole units by largest remainder (larger fraction,
 * larger weight, name, earlier row). Independent of the engine's search and bookkeeping.
 */
function oracle(
  m: bigint,
  w: readonly bigint[],
  f: readonly bigint[],
  c: readonly (bigint | null)[],
  names: readonly string[]
): bigint[] {
  const n = w.length;
  const clampAt = (t: Fraction, i: number): Fraction => {
    if (w[i] === 0n) return frac(f[i]);
    let v = maxF(frac(t.n * w[i], t.d), frac(f[i]));
    const ci = c[i];
    if (ci !== null) v = minF(v, frac(ci));
    return v;
  };
  const g = (t: Fraction): Fraction => {
    let s = frac(0n);
    for (let i = 0; i < n; i++) {
      const v = clampAt(t, i);
      s = frac(s.n * v.d + v.n * s.d, s.d * v.d);
    }
    return s;
  };
  const corners: Fraction[] = [frac(0n)];
  for (let i = 0; i < n; i++) {
    if (w[i] === 0n) continue;
    corners.push(frac(f[i], w[i]));
    const ci = c[i];
    if (ci !== null) corners.push(frac(ci, w[i]));
  }
  corners.sort(cmp);
  // A point far above every corner stands for infinity.
  const top = corners[corners.length - 1];
  corners.push(frac(top.n + (m + 1n) * top.d, 1n));
  let t: Fraction | null = null;
  for (let k = 0; k + 1 < corners.length && t === null; k++) {
    const lo = corners[k];
    const hi = corners[k + 1];
    const glo = g(lo);
    const ghi = g(hi);
    if (cmp(glo, frac(m)) > 0 || cmp(ghi, frac(m)) < 0) continue;
    if (cmp(ghi, glo) === 0) {
      t = lo;
      break;
    }
    // g is linear on [lo, hi]: t = lo + (m − g(lo)) / (g(hi) − g(lo)) × (hi − lo).
    const need = frac(m * glo.d - glo.n, glo.d);
    const rise = frac(ghi.n * glo.d - glo.n * ghi.d, ghi.d * glo.d);
    const span = frac(hi.n * lo.d - lo.n * hi.d, hi.d * lo.d);
    const step = frac(need.n * rise.d * span.n, need.d * rise.n * span.d);
    t = frac(lo.n * step.d + step.n * lo.d, lo.d * step.d);
  }
  if (t === null) throw new Error("oracle: no level");
  const quotas = Array.from({ length: n }, (_, i) => clampAt(t, i));
  const units = quotas.map((q) => q.n / q.d);
  const fractions = quotas.map((q, i) => frac(q.n - units[i] * q.d, q.d));
  let left = m - total(units);
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => fractions[i].n > 0n)
    .sort(
      (a, b) =>
        cmp(fractions[b], fractions[a]) ||
        (w[a] === w[b] ? 0 : w[a] > w[b] ? -1 : 1) ||
        compareCodePoints(names[a], names[b]) ||
        a - b
    );
  for (const i of order) {
    if (left === 0n) break;
    units[i] += 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new Error("oracle: units left");
  return units;
}

describe("distributeBounded: examples", () => {
  test("a floor lifts the smallest recipient; the rest share by key", () => {
    // 1000 over 1:4:5 -> 100, 400, 500; floor 200 for the first -> 200, then 800 over 4:5
    // -> 355.6, 444.4 -> 356, 444.
    const r = distributeBounded(1000n, [1n, 4n, 5n], [200n, 0n, 0n], [null, null, null]);
    expect(r.units).toEqual([200n, 356n, 444n]);
    expect(r.bound).toEqual(["floor", "free", "free"]);
    expect(r.extra).toEqual([false, true, false]);
  });

  test("a ceiling caps the largest; the rest go to the others", () => {
    // 900 over 1:1:7 -> 100, 100, 700; ceiling 500 -> the others share 400 -> 200, 200.
    const r = distributeBounded(900n, [1n, 1n, 7n], [0n, 0n, 0n], [null, null, 500n]);
    expect(r.units).toEqual([200n, 200n, 500n]);
    expect(r.bound).toEqual(["free", "free", "ceiling"]);
    expect(r.level).toEqual({ numerator: 400n, denominator: 2n });
  });

  test("floor and ceiling together, one value for all", () => {
    // 100 over 1:2:3:14, floor 10, ceiling 40: 14 is capped at 40, 1 lifted to 10, then
    // 50 over 2:3 -> 20, 30.
    const w = [1n, 2n, 3n, 14n];
    const r = distributeBounded(100n, w, [10n, 10n, 10n, 10n], [40n, 40n, 40n, 40n]);
    expect(r.units).toEqual([10n, 20n, 30n, 40n]);
    expect(r.bound).toEqual(["floor", "free", "free", "ceiling"]);
  });

  test("a zero key gets its floor and nothing more", () => {
    const r = distributeBounded(10n, [0n, 1n], [3n, 0n], [null, null]);
    expect(r.units).toEqual([3n, 7n]);
    expect(r.bound).toEqual(["floor", "free"]);
  });

  test("floors that take everything leave nothing to share", () => {
    const r = distributeBounded(10n, [1n, 1n], [4n, 6n], [null, null]);
    expect(r.units).toEqual([4n, 6n]);
    expect(r.bound).toEqual(["floor", "floor"]);
  });

  test("ceilings that take everything", () => {
    const r = distributeBounded(10n, [1n, 9n], [0n, 0n], [4n, 6n]);
    expect(r.units).toEqual([4n, 6n]);
    expect(r.bound).toEqual(["ceiling", "ceiling"]);
  });

  test("a quota exactly on the floor is shown at the floor", () => {
    // 30 over 1:2 -> 10, 20: the floor 10 is met exactly.
    const r = distributeBounded(30n, [1n, 2n], [10n, 0n], [null, null]);
    expect(r.units).toEqual([10n, 20n]);
    expect(r.bound[0]).toBe("floor");
  });

  test("infeasible floors are refused with how much too high they are", () => {
    const run = () => distributeBounded(100n, [1n, 1n], [60n, 50n], [null, null]);
    expect(run).toThrow(InfeasibleBounds);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ kind: "floors", excess: 10n, bounds: 110n });
    }
  });

  test("infeasible ceilings are refused with how much too low they are", () => {
    try {
      distributeBounded(100n, [1n, 1n, 0n], [0n, 0n, 5n], [30n, 40n, 5n]);
      throw new Error("not refused");
    } catch (error) {
      // 30 + 40 + the zero key's 5 = 75: 25 short.
      expect(error).toMatchObject({ kind: "ceilings", excess: 25n, bounds: 75n });
    }
  });

  test("a floor above the ceiling is a programming error", () => {
    expect(() => distributeBounded(10n, [1n], [5n], [4n])).toThrow(RangeError);
  });
});

/** Small cases that are always feasible: floors shrunk and ceilings grown to fit. */
const feasibleCase = fc
  .array(
    fc.record({
      w: fc.bigInt({ min: 0n, max: 30n }),
      f: fc.bigInt({ min: 0n, max: 40n }),
      extra: fc.option(fc.bigInt({ min: 0n, max: 60n }), { nil: null }),
    }),
    { minLength: 1, maxLength: 7 }
  )
  .chain((rows) => {
    const floors = rows.map((r) => r.f);
    const ceilings = rows.map((r) => (r.extra === null ? null : r.f + r.extra));
    const weights = rows.map((r) => r.w);
    const low = total(floors);
    const unbounded = rows.some((r, i) => r.w > 0n && ceilings[i] === null);
    const high = rows.reduce((s, r, i) => s + (r.w === 0n ? floors[i] : (ceilings[i] ?? 0n)), 0n);
    const max = unbounded ? low + 500n : high;
    return fc.record({
      m: fc.bigInt({ min: low, max }),
      weights: fc.constant(weights),
      floors: fc.constant(floors),
      ceilings: fc.constant(ceilings),
      names: fc.constant(rows.map((_, i) => `R${i}`)),
    });
  });

describe("distributeBounded: properties", () => {
  test("exact total, bounds respected, and the oracle's amounts", () => {
    fc.assert(
      fc.property(feasibleCase, ({ m, weights, floors, ceilings, names }) => {
        const r = distributeBounded(m, weights, floors, ceilings, names);
        expect(total(r.units)).toBe(m);
        r.units.forEach((u, i) => {
          expect(u >= floors[i]).toBe(true);
          const c = ceilings[i];
          if (c !== null) expect(u <= c).toBe(true);
          if (r.bound[i] === "floor") expect(u).toBe(floors[i]);
          if (r.bound[i] === "ceiling") expect(u).toBe(c);
        });
        expect(r.units).toEqual(oracle(m, weights, floors, ceilings, names));
      }),
      { numRuns: 500 }
    );
  });

  test("the order of the rows does not matter (distinct names)", () => {
    fc.assert(
      fc.property(
        feasibleCase.chain((c) =>
          fc.record({
            c: fc.constant(c),
            order: fc.shuffledSubarray(
              c.weights.map((_, i) => i),
              { minLength: c.weights.length, maxLength: c.weights.length }
            ),
          })
        ),
        ({ c, order }) => {
          const a = distributeBounded(c.m, c.weights, c.floors, c.ceilings, c.names);
          const pick = <T>(xs: readonly T[]) => order.map((i) => xs[i]);
          const b = distributeBounded(
            c.m,
            pick(c.weights),
            pick(c.floors),
            pick(c.ceilings),
            pick(c.names)
          );
          expect(b.units).toEqual(pick(a.units));
          expect(b.bound).toEqual(pick(a.bound));
        }
      ),
      { numRuns: 300 }
    );
  });

  test("without bounds it is plain largest remainder", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 12 }),
        fc.bigInt({ min: 0n, max: 100000n }),
        (weights, m) => {
          fc.pre(total(weights) > 0n);
          const names = weights.map((_, i) => `N${i}`);
          const r = distributeBounded(
            m,
            weights,
            weights.map(() => 0n),
            weights.map(() => null),
            names
          );
          const plain = distributeUnits(m, weights, names);
          expect(r.units).toEqual(plain.shares.map((s) => s.units));
        }
      )
    );
  });

  test("infeasible bounds are refused with exactly the amount they are off by", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ w: fc.bigInt({ min: 1n, max: 9n }), f: fc.bigInt({ min: 0n, max: 50n }) }),
          { minLength: 1, maxLength: 6 }
        ),
        fc.bigInt({ min: 1n, max: 40n }),
        fc.boolean(),
        (rows, gap, floorsTooHigh) => {
          const weights = rows.map((r) => r.w);
          const floors = rows.map((r) => r.f);
          const ceilings = rows.map((r) => r.f + 10n);
          const m = floorsTooHigh ? total(floors) - gap : total(ceilings) + gap;
          fc.pre(m >= 0n);
          try {
            distributeBounded(m, weights, floors, ceilings);
            return false;
          } catch (error) {
            expect(error).toBeInstanceOf(InfeasibleBounds);
            expect((error as InfeasibleBounds).kind).toBe(floorsTooHigh ? "floors" : "ceilings");
            expect((error as InfeasibleBounds).excess).toBe(gap);
            return true;
          }
        }
      )
    );
  });

  test("large integers stay exact (BigInt path)", () => {
    const big = 10n ** 30n;
    const r = distributeBounded(
      big,
      [1n, 2n, big],
      [big / 10n, 0n, 0n],
      [null, null, big / 2n],
      ["a", "b", "c"]
    );
    expect(total(r.units)).toBe(big);
    expect(r.units[2]).toBe(big / 2n);
    expect(r.units).toEqual(
      oracle(big, [1n, 2n, big], [big / 10n, 0n, 0n], [null, null, big / 2n], ["a", "b", "c"])
    );
  });
});
