/**
 * The engine against an oracle in exact rational arithmetic (helpers/oracle.ts): Hamilton
 * by a full sort of fractions, and by brute-force enumeration on small cases; the capped
 * split by a search for the rational water level. On both the safe-integer path and the
 * BigInt path (forced with totals and keys far beyond 2^53).
 */
import fc from "fast-check";
import { distributeCapped, distributeUnits } from "../../../src/core/apportion";
import { capsOf, cappedUnits } from "../../../src/core/apportion/capped";
import {
  fitsSafe,
  integerWeights,
  largestRemainderBig,
  largestRemainderSafe,
  splitUnits,
} from "../../../src/core/apportion/largest-remainder";
import {
  cappedOracle,
  cappedRoundsOracle,
  hamiltonByEnumeration,
  hamiltonOracle,
} from "./helpers/oracle";

/** Names with the orders that trip simple comparisons: case, å/ä/ö, above U+FFFF. */
const name = fc.oneof(
  fc.constantFrom("Bromma", "bromma", "Älvsjö", "Zeta", "Å", "Ö", "\u{1F600}", "\uFFFD", "a"),
  fc.string({ maxLength: 4, unit: "binary" })
);

interface Case {
  total: bigint;
  weights: bigint[];
  names?: string[];
}

/** n rows from `weight`, a total from `total`, names on about half of the cases. */
function cases(
  weight: fc.Arbitrary<bigint>,
  total: fc.Arbitrary<bigint>,
  maxLength: number
): fc.Arbitrary<Case> {
  return fc
    .tuple(
      total,
      fc.uniqueArray(fc.record({ name, weight }), {
        minLength: 1,
        maxLength,
        selector: (r) => r.name,
      }),
      fc.boolean()
    )
    .filter(([, rows]) => rows.some((r) => r.weight > 0n))
    .map(([t, rows, withNames]) => ({
      total: t,
      weights: rows.map((r) => r.weight),
      names: withNames ? rows.map((r) => r.name) : undefined,
    }));
}

/** Small keys and totals: equal remainders (ties) everywhere. */
const tied = cases(fc.bigInt({ min: 0n, max: 5n }), fc.bigInt({ min: 0n, max: 40n }), 10);
/** Population-like keys and grant-like totals: the safe-integer path. */
const safe = cases(
  fc.bigInt({ min: 0n, max: 10n ** 6n }),
  fc.bigInt({ min: 0n, max: 10n ** 9n }),
  30
);
/** Totals or keys beyond 2^53: the BigInt path. */
const big = fc.oneof(
  cases(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.bigInt({ min: 10n ** 18n, max: 10n ** 30n }),
    20
  ),
  cases(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), 20),
  cases(fc.bigInt({ min: 0n, max: 5n }), fc.bigInt({ min: 10n ** 20n, max: 10n ** 20n + 40n }), 10)
);
const any = fc.oneof(tied, safe, big);

const engineUnits = (c: Case) =>
  distributeUnits(c.total, c.weights, c.names).shares.map((s) => s.units);

describe("largest remainder against exact rational arithmetic", () => {
  test("the engine gives Hamilton's amounts and extra units, as a full sort of fractions does", () => {
    fc.assert(
      fc.property(any, (c) => {
        const oracle = hamiltonOracle(c.total, c.weights, c.names);
        const result = distributeUnits(c.total, c.weights, c.names);
        expect(result.shares.map((s) => s.units)).toEqual(oracle.units);
        expect(result.shares.map((s) => s.extra)).toEqual(oracle.extra);
      }),
      { numRuns: 300 }
    );
  });

  test("brute force on small cases: exactly one way to hand out the extra units obeys the tie-break, and it is the engine's", () => {
    fc.assert(
      fc.property(
        cases(fc.bigInt({ min: 0n, max: 6n }), fc.bigInt({ min: 0n, max: 30n }), 7),
        (c) => {
          expect(hamiltonByEnumeration(c.total, c.weights, c.names)).toEqual([engineUnits(c)]);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("the safe-integer path and the BigInt path agree with the oracle on the same input", () => {
    fc.assert(
      fc.property(fc.oneof(tied, safe), (c) => {
        const weights = integerWeights(c.weights);
        if (weights.kind !== "safe") throw new Error("expected safe weights");
        expect(fitsSafe(Number(c.total), weights.max, weights.sum)).toBe(true);
        const oracle = hamiltonOracle(c.total, c.weights, c.names).units;
        const viaSafe = largestRemainderSafe(Number(c.total), weights.values, weights.sum, c.names);
        const viaBig = largestRemainderBig(c.total, c.weights, BigInt(weights.sum), c.names);
        expect(Array.from(viaSafe.units, BigInt)).toEqual(oracle);
        expect(viaBig.units).toEqual(oracle);
        expect(Array.from(viaSafe.extra)).toEqual(Array.from(viaBig.extra));
      }),
      { numRuns: 300 }
    );
  });

  test("large inputs, where the threshold is found through counted buckets, equal the oracle", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5000, max: 20_000 }),
        fc.constantFrom(4n, 60_000n, 10n ** 9n),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (n, maxKey, t, seed) => {
          let state = BigInt(seed);
          const weights = Array.from({ length: n }, () => {
            state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
            return state % (maxKey + 1n);
          });
          weights[0] += 1n; // a positive sum
          const names = weights.map((_, i) => `R${(i * 7919) % n}`);
          expect(engineUnits({ total: t, weights, names })).toEqual(
            hamiltonOracle(t, weights, names).units
          );
        }
      ),
      { numRuns: 6 }
    );
  });

  test("huge totals and keys take the BigInt path and stay exact", () => {
    fc.assert(
      fc.property(big, (c) => {
        fc.pre(c.total * c.weights.reduce((a, w) => (w > a ? w : a), 0n) > 2n ** 53n);
        expect(splitUnits(c.total, integerWeights(c.weights), c.names).path).toBe("big");
        expect(engineUnits(c)).toEqual(hamiltonOracle(c.total, c.weights, c.names).units);
      }),
      { numRuns: 200 }
    );
  });

  test("at the edge of 2^53: the last safe product and the first one past it", () => {
    // total × max + sum = 2^53 − 1 exactly: safe; one more unit of total: BigInt.
    const weights = [3n, 1n];
    const edge = (2n ** 53n - 1n - 4n) / 3n;
    expect(edge * 3n + 4n <= 2n ** 53n - 1n).toBe(true);
    for (const total of [edge, edge + 1n, edge + 2n]) {
      const path = splitUnits(total, integerWeights(weights)).path;
      expect(path).toBe(total === edge ? "safe" : "big");
      expect(engineUnits({ total, weights })).toEqual(hamiltonOracle(total, weights).units);
    }
  });
});

interface CappedCase extends Case {
  caps: bigint[];
}

function cappedCases(
  weight: fc.Arbitrary<bigint>,
  cap: fc.Arbitrary<bigint>,
  total: fc.Arbitrary<bigint>,
  maxLength: number
): fc.Arbitrary<CappedCase> {
  return fc
    .tuple(
      total,
      fc.uniqueArray(fc.record({ name, weight, cap }), { maxLength, selector: (r) => r.name }),
      fc.boolean()
    )
    .map(([t, rows, withNames]) => ({
      total: t,
      weights: rows.map((r) => r.weight),
      caps: rows.map((r) => r.cap),
      names: withNames ? rows.map((r) => r.name) : undefined,
    }));
}

const anyCapped = fc.oneof(
  cappedCases(
    fc.bigInt({ min: 0n, max: 5n }),
    fc.bigInt({ min: 0n, max: 20n }),
    fc.bigInt({ min: 0n, max: 60n }),
    10
  ),
  cappedCases(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.bigInt({ min: 0n, max: 10n ** 8n }),
    fc.bigInt({ min: 0n, max: 10n ** 9n }),
    25
  ),
  // BigInt path: totals and caps far beyond 2^53.
  cappedCases(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.bigInt({ min: 0n, max: 10n ** 26n }),
    fc.bigInt({ min: 10n ** 18n, max: 10n ** 27n }),
    15
  )
);

describe("capped split against the rational water level", () => {
  test("units and leftOver are the water level's, rounds are the rule's", () => {
    fc.assert(
      fc.property(anyCapped, (c) => {
        const oracle = cappedOracle(c.total, c.weights, c.caps, c.names);
        const result = distributeCapped(c.total, c.weights, c.caps, c.names);
        expect(result.units).toEqual(oracle.units);
        expect(result.leftOver).toBe(oracle.leftOver);
        expect(result.rounds).toBe(cappedRoundsOracle(c.total, c.weights, c.caps));
      }),
      { numRuns: 300 }
    );
  });

  test("the BigInt path and the sorted continuation give the same as the oracle", () => {
    fc.assert(
      fc.property(anyCapped, fc.constantFrom(0, 1, 2), (c, before) => {
        const oracle = cappedOracle(c.total, c.weights, c.caps, c.names);
        const weights = integerWeights(c.weights);
        const bigWeights = { kind: "big" as const, values: c.weights, sum: 0n, max: 0n };
        bigWeights.sum = c.weights.reduce((a, w) => a + w, 0n);
        bigWeights.max = c.weights.reduce((a, w) => (w > a ? w : a), 0n);
        for (const split of [
          cappedUnits(c.total, weights, capsOf(c.caps), c.names, before),
          cappedUnits(c.total, bigWeights, c.caps.slice(), c.names, before),
        ]) {
          expect(Array.from(split.units, (u: number | bigint) => BigInt(u))).toEqual(oracle.units);
          expect(BigInt(split.leftOver)).toBe(oracle.leftOver);
        }
      }),
      { numRuns: 300 }
    );
  });
});
