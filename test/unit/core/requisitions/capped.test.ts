/**
 * The capped apportionment's contract (apportion/capped): examples worked by hand, and the
 * invariants as properties.
 */
import fc from "fast-check";
import { distributeCapped } from "../../../../src/core/apportion/capped";

const big = (xs: number[]) => xs.map(BigInt);

describe("distributeCapped: examples", () => {
  test("nobody capped: plain largest remainder in one round", () => {
    // 10 over 1:1:1 -> 3.33 each; the one unit left goes to the name first in code point order.
    expect(distributeCapped(10n, big([1, 1, 1]), big([9, 9, 9]), ["C", "A", "B"])).toEqual({
      units: big([3, 4, 3]),
      leftOver: 0n,
      rounds: 1,
    });
  });

  test("a capped recipient's share flows to the others in the next round", () => {
    // 100 over 1:1:2 -> 25, 25, 50; A is capped at 10, so 90 goes 1:2 -> 30, 60.
    expect(distributeCapped(100n, big([1, 1, 2]), big([10, 100, 100]), ["A", "B", "C"])).toEqual({
      units: big([10, 30, 60]),
      leftOver: 0n,
      rounds: 2,
    });
  });

  test("everyone capped: the rest is left over", () => {
    // Round 1 closes A (quota 83 >= 20); round 2 gives B its 30 of the 80 left.
    expect(distributeCapped(100n, big([5, 1]), big([20, 30]))).toEqual({
      units: big([20, 30]),
      leftOver: 50n,
      rounds: 2,
    });
  });

  test("a quota exactly at the cap closes the recipient", () => {
    expect(distributeCapped(30n, big([1, 2]), big([10, 100]), ["A", "B"])).toEqual({
      units: big([10, 20]),
      leftOver: 0n,
      rounds: 2,
    });
  });

  test("equal remainders: larger weight first, then name in code point order", () => {
    // 1 unit over weights 2:2:4 -> remainders 2, 2, 4 (of 8): the larger weight gets it.
    expect(distributeCapped(1n, big([2, 2, 4]), big([5, 5, 5]), ["A", "B", "C"]).units).toEqual(
      big([0, 0, 1])
    );
    // Equal weights: "Z" (U+005A) before "Å" (U+00C5) in code point order.
    expect(distributeCapped(1n, big([1, 1]), big([5, 5]), ["Å", "Z"]).units).toEqual(big([0, 1]));
  });

  test("the last round's extra unit may fill a small recipient exactly to its cap", () => {
    // Quotas 1 400 809.49999.. and 2.50000..: the larger remainder is the small one's.
    expect(distributeCapped(1_400_812n, big([2_801_617, 5]), big([4_999_998, 3]))).toEqual({
      units: big([1_400_809, 3]),
      leftOver: 0n,
      rounds: 1,
    });
  });

  test("nothing to give, or nobody to give to", () => {
    expect(distributeCapped(0n, big([1, 2]), big([5, 5]))).toEqual({
      units: big([0, 0]),
      leftOver: 0n,
      rounds: 0,
    });
    expect(distributeCapped(7n, big([0, 3]), big([5, 0]))).toEqual({
      units: big([0, 0]),
      leftOver: 7n,
      rounds: 0,
    });
    expect(distributeCapped(7n, [], [])).toEqual({ units: [], leftOver: 7n, rounds: 0 });
  });

  test("bad input is a programming error", () => {
    expect(() => distributeCapped(-1n, [1n], [1n])).toThrow(RangeError);
    expect(() => distributeCapped(1n, [1n], [1n, 2n])).toThrow(RangeError);
    expect(() => distributeCapped(1n, [-1n], [1n])).toThrow(RangeError);
    expect(() => distributeCapped(1n, [1n], [-1n])).toThrow(RangeError);
    expect(() => distributeCapped(1n, [1n], [1n], [])).toThrow(RangeError);
  });
});

const input = fc
  .array(
    fc.record({
      weight: fc.bigInt({ min: 0n, max: 10_000_000n }),
      cap: fc.bigInt({ min: 0n, max: 5_000_000n }),
    }),
    { minLength: 0, maxLength: 30 }
  )
  .chain((rows) =>
    fc.record({
      total: fc.bigInt({ min: 0n, max: 20_000_000n }),
      rows: fc.constant(rows),
    })
  );
const namesFor = (n: number) => Array.from({ length: n }, (_, i) => `R${i}`);

describe("distributeCapped: properties", () => {
  test("the units and the left-over add up to the total exactly; nobody above the cap", () => {
    fc.assert(
      fc.property(input, ({ total, rows }) => {
        const { units, leftOver } = distributeCapped(
          total,
          rows.map((r) => r.weight),
          rows.map((r) => r.cap),
          namesFor(rows.length)
        );
        expect(units.reduce((a, b) => a + b, 0n) + leftOver).toBe(total);
        expect(leftOver >= 0n).toBe(true);
        units.forEach((u, i) => {
          expect(u >= 0n).toBe(true);
          expect(u <= rows[i].cap).toBe(true);
          if (rows[i].weight === 0n) expect(u).toBe(0n);
        });
      })
    );
  });

  test("money is left over only when every recipient with a weight is full", () => {
    fc.assert(
      fc.property(input, ({ total, rows }) => {
        const { units, leftOver } = distributeCapped(
          total,
          rows.map((r) => r.weight),
          rows.map((r) => r.cap)
        );
        if (leftOver > 0n)
          rows.forEach((r, i) => {
            if (r.weight > 0n) expect(units[i]).toBe(r.cap);
          });
      })
    );
  });

  test("where nobody is capped, each gets its exact quota rounded down or up", () => {
    fc.assert(
      fc.property(input, ({ total, rows }) => {
        const weights = rows.map((r) => r.weight);
        const weightSum = weights.reduce((a, b) => a + b, 0n);
        if (weightSum === 0n) return;
        // Caps well above every quota: nobody is capped.
        const caps = weights.map((w) => (total * w) / weightSum + 2n);
        const { units, leftOver, rounds } = distributeCapped(total, weights, caps);
        expect(leftOver).toBe(0n);
        expect(rounds).toBe(total === 0n ? 0 : 1);
        units.forEach((u, i) => {
          const floor = (total * weights[i]) / weightSum;
          expect(u === floor || u === floor + 1n).toBe(true);
        });
      })
    );
  });

  test("the result does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        input.chain(({ total, rows }) =>
          fc.record({
            total: fc.constant(total),
            rows: fc.constant(rows),
            order: fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length, maxLength: rows.length }
            ),
          })
        ),
        ({ total, rows, order }) => {
          const names = namesFor(rows.length);
          const straight = distributeCapped(
            total,
            rows.map((r) => r.weight),
            rows.map((r) => r.cap),
            names
          );
          const shuffled = distributeCapped(
            total,
            order.map((i) => rows[i].weight),
            order.map((i) => rows[i].cap),
            order.map((i) => names[i])
          );
          order.forEach((from, to) => expect(shuffled.units[to]).toBe(straight.units[from]));
          expect(shuffled.leftOver).toBe(straight.leftOver);
        }
      )
    );
  });

  test("water filling: an open recipient never gets less per weight than a full one", () => {
    fc.assert(
      fc.property(input, ({ total, rows }) => {
        const weights = rows.map((r) => r.weight);
        const caps = rows.map((r) => r.cap);
        const { units } = distributeCapped(total, weights, caps);
        rows.forEach((a, i) => {
          rows.forEach((b, j) => {
            if (a.weight === 0n || b.weight === 0n) return;
            // i below its cap, j full: per weight, i is not behind j by more than a unit of
            // rounding on each side (j may have been filled by the last round's extra unit).
            if (units[i] < a.cap && units[j] === b.cap && units[j] > 0n)
              expect((units[i] + 1n) * b.weight >= (units[j] - 1n) * a.weight).toBe(true);
          });
        });
      })
    );
  });
});
