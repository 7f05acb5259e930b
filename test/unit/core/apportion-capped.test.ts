/**
 * Capped apportionment ("water filling"): nobody above their cap, the money placed is
 * exactly min(total, caps of everyone with a key), the rest shared by key, in documented
 * rounds, whatever the order of the rows.
 */
import fc from "fast-check";
import { apportionCapped, distributeCapped, distributeUnits } from "../../../src/core/apportion";
import { capsOf, cappedUnits } from "../../../src/core/apportion/capped";
import { integerWeights } from "../../../src/core/apportion/largest-remainder";
import { Decimal } from "../../../src/core/money";

const d = (v: string | number) => new Decimal(v);
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe("distributeCapped: examples", () => {
  test.each([
    // [total, weights, caps, units, leftOver, rounds], worked by hand:
    // 1000 over 1:1:1 -> 333.3 each; the cap 100 is reached, then 900 over 1:1 -> 450, 450.
    [1000n, [1n, 1n, 1n], [100n, 500n, 1000n], [100n, 450n, 450n], 0n, 2],
    // Everybody reaches the cap in round 1: 400 cannot be placed.
    [1000n, [1n, 1n, 1n], [100n, 200n, 300n], [100n, 200n, 300n], 400n, 1],
    // 50 over 1:2:3:4 -> 5, 10, 15, 20: the caps 5 and 5 are reached; 40 over 3:4 ->
    // 17.14, 22.86: floors 17 + 22, one unit left to the larger remainder (6/7).
    [50n, [1n, 2n, 3n, 4n], [5n, 5n, 100n, 100n], [5n, 5n, 17n, 23n], 0n, 2],
    // Three rounds: 7.5 each (caps 1 and 4 reached), then 25 over 2 -> 12.5 (cap 10
    // reached), then 15 to the last one.
    [30n, [1n, 1n, 1n, 1n], [1n, 4n, 10n, 100n], [1n, 4n, 10n, 15n], 0n, 3],
    // A share exactly equal to the cap reaches it: 5 and 5, cap 5 leaves in round 1.
    [10n, [1n, 1n], [5n, 6n], [5n, 5n], 0n, 2],
    // A zero key takes no part; its cap does not count.
    [10n, [0n, 1n], [5n, 5n], [0n, 5n], 5n, 1],
    // No key above zero: nothing can be placed, no round is run.
    [10n, [0n, 0n], [5n, 5n], [0n, 0n], 10n, 0],
    // Nothing to place.
    [0n, [1n, 2n], [5n, 5n], [0n, 0n], 0n, 0],
    // A cap of zero is reached at once.
    [9n, [1n, 1n, 1n], [0n, 10n, 10n], [0n, 5n, 4n], 0n, 2],
    [7n, [], [], [], 7n, 0],
  ])("%s over %j capped at %j -> %j, left %s, %s rounds", (t, w, c, units, leftOver, rounds) => {
    expect(distributeCapped(t, w, c)).toEqual({ units, leftOver, rounds });
  });

  test("the last round breaks ties like largest remainder: key, then name, then row", () => {
    // 3 over 1:1, caps 10: 1.5 each, one unit left.
    expect(distributeCapped(3n, [1n, 1n], [10n, 10n], ["B", "A"]).units).toEqual([1n, 2n]);
    expect(distributeCapped(3n, [1n, 1n], [10n, 10n]).units).toEqual([2n, 1n]);
    // 2 over 1:3 -> 0.5 and 1.5: equal remainders, the larger key wins over the name.
    expect(distributeCapped(2n, [1n, 3n], [10n, 10n], ["A", "B"]).units).toEqual([0n, 2n]);
  });

  test("with no cap in reach it is plain largest remainder", () => {
    const w = [3n, 3n, 1n, 7n];
    const names = ["A", "B", "C", "D"];
    const plain = distributeUnits(4n, w, names).shares.map((s) => s.units);
    expect(distributeCapped(4n, w, [9n, 9n, 9n, 9n], names)).toEqual({
      units: plain,
      leftOver: 0n,
      rounds: 1,
    });
  });

  test.each([
    [-1n, [1n], [1n], undefined, /negative/],
    [1n, [-1n], [1n], undefined, /negative/],
    [1n, [1n], [-1n], undefined, /negative/],
    [1n, [1n, 1n], [1n], undefined, /one cap per weight/],
    [1n, [1n], [1n], ["A", "B"], /one name per weight/],
  ])("refuses %s over %j capped at %j", (t, w, c, names, message) => {
    expect(() => distributeCapped(t, w, c, names)).toThrow(message);
  });
});

describe("apportionCapped: money", () => {
  test("caps count as whole units: 1 000 kr in hundreds over 1:1:1, caps 150, 500, 1 000", () => {
    // Units of 100: total 10, caps 1, 5, 10. Round 1: 3.3 each, cap 1 reached. Round 2:
    // 9 over 1:1 = 4.5 each: one unit left, equal remainders and keys -> the earlier row.
    const result = apportionCapped(d(1000), d(100), [d(1), d(1), d(1)], [d(150), d(500), d(1000)]);
    expect(result.amounts.map(String)).toEqual(["100", "500", "400"]);
    expect(result.leftOver.toString()).toBe("0");
    expect(result.rounds).toBe(2);
  });

  test("what is smaller than a unit and what nobody can take both end in leftOver", () => {
    const result = apportionCapped(d(1050), d(100), [d(1), d(1)], [d(200), d(300)], ["A", "B"]);
    expect(result.amounts.map(String)).toEqual(["200", "300"]);
    expect(result.unallocated.toString()).toBe("50");
    expect(result.leftOver.toString()).toBe("550");
  });

  test("öre and decimal keys", () => {
    const result = apportionCapped(
      d("100"),
      d("0.01"),
      [d("0.5"), d("1.5"), d("1")],
      [d("10.005"), d("100"), d("100")]
    );
    // Cap 10.005 is 1000 öre. Round 1: 25, 75, 50 kr: cap 10 reached. Round 2: 90 kr over 1.5:1.
    expect(result.amounts.map((a) => a.toFixed(2))).toEqual(["10.00", "54.00", "36.00"]);
    expect(result.leftOver.isZero()).toBe(true);
  });

  test.each([
    [d(1), d(0), [d(1)], [d(1)], /unit/],
    [d(-1), d(1), [d(1)], [d(1)], /negative/],
    [d(1), d(1), [d(-1)], [d(1)], /negative/],
    [d(1), d(1), [d(1)], [d(-1)], /negative/],
    [d(1), d(1), [d(1)], [], /one cap per weight/],
  ])("refuses total %s unit %s keys %j caps %j", (t, u, k, c, message) => {
    expect(() => apportionCapped(t, u, k, c)).toThrow(message);
  });
});

/** Recipients with distinct names; small keys and caps make ties and caps in reach common. */
const recipient = fc.oneof(
  fc.record({
    name: fc.string({ minLength: 1, maxLength: 5 }),
    weight: fc.bigInt({ min: 0n, max: 10n ** 6n }),
    cap: fc.bigInt({ min: 0n, max: 10n ** 6n }),
  }),
  fc.record({
    name: fc.string({ minLength: 1, maxLength: 5 }),
    weight: fc.bigInt({ min: 0n, max: 4n }),
    cap: fc.bigInt({ min: 0n, max: 30n }),
  })
);
const recipients = fc.uniqueArray(recipient, { maxLength: 25, selector: (r) => r.name });
const total = fc.oneof(
  fc.bigInt({ min: 0n, max: 60n }),
  fc.bigInt({ min: 0n, max: 10n ** 7n }),
  fc.bigInt({ min: 10n ** 20n, max: 10n ** 24n }) // BigInt path
);
type Recipient = { name: string; weight: bigint; cap: bigint };
const run = (t: bigint, list: readonly Recipient[], withNames = true) =>
  distributeCapped(
    t,
    list.map((r) => r.weight),
    list.map((r) => r.cap),
    withNames ? list.map((r) => r.name) : undefined
  );

describe("distributeCapped: properties", () => {
  test("nobody above their cap or below zero; a zero key gets nothing", () => {
    fc.assert(
      fc.property(total, recipients, (t, list) => {
        const { units } = run(t, list);
        list.forEach((r, i) => {
          expect(units[i] >= 0n && units[i] <= r.cap).toBe(true);
          if (r.weight === 0n) expect(units[i]).toBe(0n);
        });
      })
    );
  });

  test("exactly min(total, caps of everyone with a key) is placed; the rest is leftOver", () => {
    fc.assert(
      fc.property(total, recipients, (t, list) => {
        const { units, leftOver } = run(t, list);
        const open = sum(list.filter((r) => r.weight > 0n).map((r) => r.cap));
        expect(sum(units)).toBe(t < open ? t : open);
        expect(sum(units) + leftOver).toBe(t);
      })
    );
  });

  test("proportional below the caps: nobody under their cap is a unit behind anyone by the key", () => {
    fc.assert(
      fc.property(total, recipients, (t, list) => {
        const { units } = run(t, list);
        list.forEach((a, i) => {
          if (a.weight === 0n || units[i] >= a.cap) return;
          list.forEach((b, j) => {
            // (units_i + 1) / w_i > (units_j − 1) / w_j
            if (b.weight > 0n)
              expect((units[i] + 1n) * b.weight > (units[j] - 1n) * a.weight).toBe(true);
          });
        });
      })
    );
  });

  test("caps out of reach: the same as largest remainder, in one round", () => {
    fc.assert(
      fc.property(total, recipients, (t, list) => {
        fc.pre(list.some((r) => r.weight > 0n));
        const loose = list.map((r) => ({ ...r, cap: t }));
        const plain = distributeUnits(
          t,
          list.map((r) => r.weight),
          list.map((r) => r.name)
        ).shares.map((s) => s.units);
        expect(run(t, loose)).toEqual({ units: plain, leftOver: 0n, rounds: t > 0n ? 1 : 0 });
      })
    );
  });

  test("the same input gives the same result, and permuting the rows gives every name the same amount", () => {
    fc.assert(
      fc.property(
        total,
        recipients.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
          )
        ),
        (t, [list, shuffled]) => {
          const byName = (l: readonly Recipient[]) => {
            const result = run(t, l);
            return {
              units: new Map(l.map((r, i) => [r.name, result.units[i]])),
              leftOver: result.leftOver,
              rounds: result.rounds,
            };
          };
          expect(byName(list)).toEqual(byName(list));
          expect(byName(shuffled)).toEqual(byName(list));
        }
      )
    );
  });

  test("the sorted continuation runs the same rounds as plain passes", () => {
    fc.assert(
      fc.property(total, recipients, fc.boolean(), (t, list, withNames) => {
        const weights = integerWeights(list.map((r) => r.weight));
        const caps = capsOf(list.map((r) => r.cap));
        const names = withNames ? list.map((r) => r.name) : undefined;
        const plain = cappedUnits(t, weights, caps, names, Infinity);
        const asBig = (s: typeof plain) => ({
          units: Array.from(s.units, (u: number | bigint) => BigInt(u)),
          leftOver: BigInt(s.leftOver),
          rounds: s.rounds,
        });
        for (const before of [0, 1, 2])
          expect(asBig(cappedUnits(t, weights, caps, names, before))).toEqual(asBig(plain));
      })
    );
  });
});
