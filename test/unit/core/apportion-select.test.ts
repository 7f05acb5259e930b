/**
 * The selection helpers under the engine: k-th smallest and "first count rows" agree with
 * a full sort on any input, including inputs that defeat median-of-three pivots (where the
 * sort fallback takes over), and code point order agrees with comparing code points.
 */
import fc from "fast-check";
import {
  compareCodePoints,
  kthSmallest,
  kthSmallestBig,
  kthSmallestBounded,
  selectFirst,
} from "../../../src/core/apportion/select";
import { codePointOrder } from "./helpers/oracle";

const sign = (x: number) => Math.sign(x);

/** Arrays with many repeats, sorted runs and organ pipes as well as random ones. */
const values = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 200 }),
  fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 200 }),
  fc.integer({ min: 1, max: 300 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 1, max: 300 }).map((n) => Array.from({ length: n }, (_, i) => n - i)),
  fc
    .integer({ min: 1, max: 300 })
    .map((n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i)))
);
const budget = fc.constantFrom(undefined, 0, 1, 3);

describe("selection", () => {
  test("kthSmallest is the k-th of the sorted values, on numbers and BigInt, with or without the sort fallback", () => {
    fc.assert(
      fc.property(values, fc.nat(), budget, (list, at, passes) => {
        const k = at % list.length;
        const sorted = list.slice().sort((a, b) => a - b);
        const numbers = Float64Array.from(list);
        expect(kthSmallest(numbers, list.length, k, passes)).toBe(sorted[k]);
        // Only reordered, nothing lost.
        expect(Array.from(numbers).sort((a, b) => a - b)).toEqual(sorted);
        const bigs = list.map(BigInt);
        expect(kthSmallestBig(bigs, list.length, k, passes)).toBe(BigInt(sorted[k]));
      })
    );
  });

  test("kthSmallestBounded (a counting pass over buckets first) is the k-th of the sorted values", () => {
    // Long enough for the buckets; values spread, clustered, repeated, and just below the bound.
    const bounded = fc
      .tuple(
        fc.integer({ min: 4096, max: 20_000 }),
        fc.constantFrom(7, 1000, 2 ** 40, 2 ** 53 - 1),
        fc.constantFrom("spread", "few", "top", "clustered"),
        fc.integer({ min: 1, max: 2 ** 30 })
      )
      .map(([length, bound, shape, seed]) => {
        let state = seed;
        const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const list = Array.from({ length }, () => {
          if (shape === "few") return Math.floor(next() * 3);
          if (shape === "top") return bound - 1 - Math.floor(next() * 3);
          if (shape === "clustered") return Math.floor(bound / 2) + Math.floor(next() * 5);
          return Math.floor(next() * bound);
        });
        return { list, bound };
      });
    fc.assert(
      fc.property(bounded, fc.nat(), ({ list, bound }, at) => {
        const k = at % list.length;
        const sorted = Float64Array.from(list).sort();
        expect(kthSmallestBounded(Float64Array.from(list), list.length, k, bound)).toBe(sorted[k]);
      }),
      { numRuns: 40 }
    );
  });

  test("selectFirst puts the count first rows under the order in front", () => {
    fc.assert(
      fc.property(values, fc.nat(), budget, (list, at, passes) => {
        const count = at % (list.length + 1);
        // A strict order: value descending, then row.
        const order = (a: number, b: number) => list[b] - list[a] || a - b;
        const rows = Uint32Array.from(list, (_, i) => i);
        selectFirst(rows, rows.length, count, order, passes);
        const expected = Array.from(list, (_, i) => i)
          .sort(order)
          .slice(0, count)
          .sort((a, b) => a - b);
        expect(Array.from(rows.subarray(0, count)).sort((a, b) => a - b)).toEqual(expected);
      })
    );
  });

  test("a long run of equal values costs one partition pass, not one per value", () => {
    const n = 1_000_000;
    const list = new Float64Array(n).fill(7);
    list[0] = 1;
    list[n - 1] = 9;
    // With a budget of one pass the three-way partition must already have the answer.
    expect(kthSmallest(list, n, n >> 1, 1)).toBe(7);
  });

  test("compareCodePoints is code point order, also above U+FFFF", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (x, y) => {
        expect(sign(compareCodePoints(x, y))).toBe(sign(codePointOrder(x, y)));
      })
    );
    expect(compareCodePoints("\u{1F600}", "\uFFFD")).toBeGreaterThan(0);
    expect(compareCodePoints("Älvsjö", "Zeta")).toBeGreaterThan(0);
    expect(compareCodePoints("Bromma", "bromma")).toBeLessThan(0);
    expect(compareCodePoints("A", "AB")).toBeLessThan(0);
  });
});
