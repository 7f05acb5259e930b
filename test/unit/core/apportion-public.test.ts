/**
 * The package's Node API (src/index.ts), used the way its README shows:
 *   const { apportion } = require("statsbidrag");
 *   const { amounts, unallocated } = apportion(total, keys, { unit, names });
 * Numbers or decimal strings in, decimal strings with the unit's decimals out, the same
 * amounts as the Decimal layer the pane and the runner use.
 */
import fc from "fast-check";
import statsbidrag = require("../../../src/index");
import * as core from "../../../src/core/apportion";
import { Decimal } from "../../../src/core/money";

const { apportion, apportionCapped } = statsbidrag;
const d = (v: string | number) => new Decimal(v);

describe("apportion (Node API): examples", () => {
  test.each([
    // 983 823 kr over two equal keys: 491 911.50 each.
    [983823, [1, 1], { unit: 0.01 }, ["491911.50", "491911.50"], "0.00"],
    ["983823", ["1", "1"], { unit: "0.01" }, ["491911.50", "491911.50"], "0.00"],
    // In kronor: 491 911 each and one krona left, to the earlier row (equal remainder and key).
    [983823, [1, 1], {}, ["491912", "491911"], "0"],
    [983823, [1, 1], { unit: 1 }, ["491912", "491911"], "0"],
    // In hundreds: 9 838 units, 4 919 each; 23 kr cannot be handed out.
    [983823, [1, 1], { unit: 100 }, ["491900", "491900"], "23"],
    // With names the tie goes to the name first in code point order ("Bromma" < "Södermalm").
    [983823, [1, 1], { names: ["Södermalm", "Bromma"] }, ["491911", "491912"], "0"],
    // Decimal keys as strings and as numbers, read as the decimals they print as.
    [4, ["0.5", "1.5"], {}, ["1", "3"], "0"],
    [3, [0.1, 0.2], {}, ["1", "2"], "0"],
    // A unit that is not a power of ten: 20 steps of 0.05 over 1:1:1 -> 7, 7, 6 steps.
    [1, [1, 1, 1], { unit: "0.05" }, ["0.35", "0.35", "0.30"], "0.00"],
    // The unit's written decimals are kept ("1.0" -> one decimal). 2.5 and 7.5: equal
    // remainders, the larger key gets the unit.
    [10, [1, 3], { unit: "1.0" }, ["2.0", "8.0"], "0.0"],
    // A pot with more decimals than the unit: the rest keeps the pot's decimals.
    ["100.005", [1, 1], { unit: "0.01" }, ["50.00", "50.00"], "0.005"],
    // Numbers JavaScript prints with an exponent.
    [
      1e21,
      [1, 2, 3],
      {},
      ["166666666666666666667", "333333333333333333333", "500000000000000000000"],
      "0",
    ],
    [1, [1e-7, 3e-7], {}, ["0", "1"], "0"],
    // Keys beyond 2^53 (the BigInt path), leading zeros.
    [10, ["123456789012345678901234567890", "1"], {}, ["10", "0"], "0"],
    [6, ["007", "002"], {}, ["5", "1"], "0"],
    // A zero key gets nothing; a zero pot gives zeros.
    [7, [1, 0, 1], {}, ["4", "0", "3"], "0"],
    [0, [5, 3], { unit: "0.01" }, ["0.00", "0.00"], "0.00"],
  ] as const)(
    "%s over %j with %j -> %j, unallocated %s",
    (total, keys, options, amounts, unallocated) => {
      expect(apportion(total, keys, options)).toEqual({ amounts, unallocated });
    }
  );

  test("options may be left out", () => {
    expect(apportion(100, [1, 1, 1])).toEqual({ amounts: ["34", "33", "33"], unallocated: "0" });
  });
});

describe("apportion (Node API): refusals, each with its named message", () => {
  test.each([
    [-1, [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    [NaN, [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    [Infinity, [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    ["1 000", [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    ["1,5", [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    ["-1", [1], undefined, statsbidrag.INVALID_TOTAL_MESSAGE],
    [1, [1], { unit: 0 }, statsbidrag.INVALID_UNIT_MESSAGE],
    [1, [1], { unit: "0.00" }, statsbidrag.INVALID_UNIT_MESSAGE],
    [1, [1], { unit: -1 }, statsbidrag.INVALID_UNIT_MESSAGE],
    [1, "1,2", undefined, statsbidrag.INVALID_KEYS_MESSAGE],
    [1, [1, -1], undefined, statsbidrag.INVALID_KEY_MESSAGE],
    [1, [1, "x"], undefined, statsbidrag.INVALID_KEY_MESSAGE],
    [1, [1, null], undefined, statsbidrag.INVALID_KEY_MESSAGE],
    [1, [1, 1n], undefined, statsbidrag.INVALID_KEY_MESSAGE],
    [1, [0, 0], undefined, statsbidrag.ZERO_KEYS_MESSAGE],
    [1, [], undefined, statsbidrag.ZERO_KEYS_MESSAGE],
    [1, [1], null, statsbidrag.INVALID_OPTIONS_MESSAGE],
    [1, [1], 5, statsbidrag.INVALID_OPTIONS_MESSAGE],
    [1, [1, 1], { names: ["A"] }, statsbidrag.INVALID_NAMES_MESSAGE],
    [1, [1, 1], { names: ["A", 2] }, statsbidrag.INVALID_NAMES_MESSAGE],
  ])("%s over %j with %j", (total, keys, options, message) => {
    const call = () => (apportion as (...args: unknown[]) => unknown)(total, keys, options);
    expect(call).toThrow(Error);
    expect(call).toThrow(message);
  });

  test("a bad key is named by its index", () => {
    expect(() => apportion(1, [1, 2, "tolv"])).toThrow(
      `${statsbidrag.INVALID_KEY_MESSAGE} keys[2] is "tolv".`
    );
  });

  test("every message has the package's prefix", () => {
    const messages = Object.entries(statsbidrag).filter(([name]) => name.endsWith("_MESSAGE"));
    expect(messages.length).toBeGreaterThanOrEqual(9);
    for (const [, text] of messages) expect(text).toMatch(/^\[statsbidrag\] /);
  });
});

describe("apportionCapped (Node API)", () => {
  test("the requisitions' re-distribution in kronor", () => {
    // 1 000 over 1:1:1, caps 100, 500, 1 000: 100, then 450 and 450 (see capped.ts).
    expect(apportionCapped(1000, [1, 1, 1], [100, 500, 1000])).toEqual({
      amounts: ["100", "450", "450"],
      leftOver: "0",
      rounds: 2,
    });
    // More than the caps: the rest is left over.
    expect(apportionCapped("1000.50", [1, 1], ["100", "200.75"], { unit: "0.01" })).toEqual({
      amounts: ["100.00", "200.75"],
      leftOver: "699.75",
      rounds: 1,
    });
    // In hundreds, caps count as whole hundreds; the 50 kr below a hundred is left over too.
    expect(apportionCapped(1050, [1, 1], [150, 1000], { unit: 100 })).toEqual({
      amounts: ["100", "900"],
      leftOver: "50",
      rounds: 2,
    });
  });

  test("no key above zero is not an error: nothing is placed", () => {
    expect(apportionCapped(10, [0, 0], [5, 5])).toEqual({
      amounts: ["0", "0"],
      leftOver: "10",
      rounds: 0,
    });
  });

  test.each([
    [1, [1], [1, 2], statsbidrag.INVALID_CAPS_MESSAGE],
    [1, [1], "1", statsbidrag.INVALID_CAPS_MESSAGE],
    [1, [1], [-1], statsbidrag.INVALID_CAP_MESSAGE],
    [1, [1], ["many"], statsbidrag.INVALID_CAP_MESSAGE],
    [1, [-1], [1], statsbidrag.INVALID_KEY_MESSAGE],
    [-1, [1], [1], statsbidrag.INVALID_TOTAL_MESSAGE],
  ])("refuses %s over %j capped at %j", (total, keys, caps, message) => {
    const call = () => (apportionCapped as (...args: unknown[]) => unknown)(total, keys, caps);
    expect(call).toThrow(message);
  });
});

/** A decimal with up to `places` decimals, as a number or as a string. */
const decimal = (max: number, places: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 10 ** places - 1 }), fc.boolean())
    .map(([whole, fraction, asString]) => {
      const text = places === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(places, "0")}`;
      return asString ? text : Number(text);
    });
const key = fc.oneof(
  decimal(2_000_000, 0),
  decimal(1000, 3),
  fc.integer({ min: 0, max: 4 }),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String) // the BigInt path
);
const unitText = fc.constantFrom("0.01", "1", "10", "100", "1000", "0.05", "1.0");
const total = fc.oneof(decimal(10 ** 9, 2), decimal(100, 0));
const keysAndNames = fc
  .uniqueArray(fc.record({ name: fc.string({ maxLength: 4 }), key }), {
    minLength: 1,
    maxLength: 25,
    selector: (r) => r.name,
  })
  .filter((list) => list.some((r) => Number(r.key) > 0));

describe("apportion (Node API): properties", () => {
  test("amounts carry the unit's decimals, are multiples of it, add up with unallocated to the total, each within one unit of its quota", () => {
    fc.assert(
      fc.property(total, unitText, keysAndNames, (t, u, list) => {
        const keys = list.map((r) => r.key);
        const { amounts, unallocated } = apportion(t, keys, { unit: u });
        const places = u.includes(".") ? u.split(".")[1].length : 0;
        const shape = places === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${places}}$`);
        const unit = d(u);
        const keySum = keys.reduce((acc: Decimal, k) => acc.plus(String(k)), d(0));
        const placed = amounts.reduce((acc, a) => acc.plus(a), d(0));
        expect(placed.plus(unallocated).equals(String(t))).toBe(true);
        expect(d(unallocated).greaterThanOrEqualTo(0) && d(unallocated).lessThan(unit)).toBe(true);
        amounts.forEach((a, i) => {
          expect(a).toMatch(shape);
          expect(d(a).modulo(unit).isZero()).toBe(true);
          const quota = placed.times(String(keys[i])).dividedBy(keySum);
          expect(d(a).minus(quota).abs().lessThan(unit)).toBe(true);
        });
      })
    );
  });

  test("the same amounts as the Decimal layer the pane and the runner use", () => {
    fc.assert(
      fc.property(total, unitText, keysAndNames, fc.boolean(), (t, u, list, withNames) => {
        const keys = list.map((r) => r.key);
        const names = withNames ? list.map((r) => r.name) : undefined;
        const viaApi = apportion(t, keys, { unit: u, names }).amounts;
        const viaCore = core
          .apportion(
            d(String(t)),
            d(u),
            keys.map((k) => d(String(k))),
            names
          )
          .shares.map((s) => s.amount);
        expect(viaApi.map((a) => d(a))).toEqual(viaCore);
      })
    );
  });

  test("with names, permuting the rows gives every name the same amount", () => {
    fc.assert(
      fc.property(
        total,
        keysAndNames.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
          )
        ),
        (t, [list, shuffled]) => {
          const byName = (l: typeof list) => {
            const { amounts } = apportion(
              t,
              l.map((r) => r.key),
              { names: l.map((r) => r.name) }
            );
            return new Map(l.map((r, i) => [r.name, amounts[i]]));
          };
          expect(byName(shuffled)).toEqual(byName(list));
        }
      )
    );
  });

  test("capped: the same as the Decimal layer, nobody above the cap", () => {
    const cap = fc.oneof(decimal(1000, 2), decimal(10 ** 8, 0));
    fc.assert(
      fc.property(
        total,
        unitText,
        keysAndNames.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.array(cap, { minLength: list.length, maxLength: list.length })
          )
        ),
        (t, u, [list, caps]) => {
          const keys = list.map((r) => r.key);
          const names = list.map((r) => r.name);
          const viaApi = apportionCapped(t, keys, caps, { unit: u, names });
          const viaCore = core.apportionCapped(
            d(String(t)),
            d(u),
            keys.map((k) => d(String(k))),
            caps.map((c) => d(String(c))),
            names
          );
          expect(viaApi.amounts.map((a) => d(a))).toEqual(viaCore.amounts);
          expect(d(viaApi.leftOver)).toEqual(viaCore.leftOver);
          expect(viaApi.rounds).toBe(viaCore.rounds);
          viaApi.amounts.forEach((a, i) =>
            expect(d(a).lessThanOrEqualTo(String(caps[i]))).toBe(true)
          );
        }
      )
    );
  });
});
