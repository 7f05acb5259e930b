/** Amounts shown the way Swedish and English readers expect, and our own Decimal settings. */
import DecimalJs from "decimal.js";
import fc from "fast-check";
import {
  Decimal,
  formatKronor,
  formatMoney,
  formatNumber,
  moneyDecimals,
  moneyString,
  sum,
} from "../../../src/core/money";

const d = (v: string | number) => new Decimal(v);
const NBSP = "\u00a0";

describe("formatNumber", () => {
  test.each([
    [d(0), "0", "0"],
    [d(999), "999", "999"],
    [d(1000), `1${NBSP}000`, "1,000"],
    [d(1059660), `1${NBSP}059${NBSP}660`, "1,059,660"],
    [d(6069306), `6${NBSP}069${NBSP}306`, "6,069,306"],
    [d("1234.5"), `1${NBSP}234,5`, "1,234.5"],
    [d(-459491), `-459${NBSP}491`, "-459,491"],
    [d("0.01"), "0,01", "0.01"],
  ])("%s -> sv %j, en %j", (value, sv, en) => {
    expect(formatNumber(value, "sv")).toBe(sv);
    expect(formatNumber(value, "en")).toBe(en);
  });

  test("with fixed decimals, rounding half up", () => {
    expect(formatNumber(d("1234.5"), "sv", 2)).toBe(`1${NBSP}234,50`);
    expect(formatNumber(d("0.125"), "en", 2)).toBe("0.13");
    expect(formatNumber(d("0.99996"), "sv", 4)).toBe("1,0000");
  });

  test("no minus sign on a value that shows as zero", () => {
    expect(formatNumber(d("-0.001"), "sv", 2)).toBe("0,00");
    expect(formatNumber(d(-0), "en")).toBe("0");
    expect(formatNumber(d("-0.006"), "sv", 2)).toBe("-0,01");
  });
});

test("formatKronor joins the unit with a no-break space", () => {
  expect(formatKronor(d(1059660), "sv")).toBe(`1${NBSP}059${NBSP}660${NBSP}kr`);
});

test("sum is exact where binary floating point is not", () => {
  expect(sum([d("0.1"), d("0.2")]).equals(d("0.3"))).toBe(true);
  expect(sum([])).toEqual(d(0));
});

test("our Decimal has its own settings and leaves the global decimal.js alone", () => {
  expect(Decimal.precision).toBe(50);
  expect(Decimal.rounding).toBe(DecimalJs.ROUND_HALF_UP);
  expect(DecimalJs.precision).toBe(20);
  expect(d(1).dividedBy(3).toString()).toHaveLength(52);
});

describe("how many decimals money shows: one rule for a rounding unit", () => {
  test.each([
    ["0.01", 2],
    ["0.1", 2],
    ["1", 0],
    ["10", 0],
    ["1000", 0],
  ])("unit %s -> %i decimals", (unit, decimals) => {
    expect(moneyDecimals(d(unit))).toBe(decimals);
  });

  test.each([
    [d(6069306), "1", `6${NBSP}069${NBSP}306`, "6,069,306", "6069306"],
    [d("491911.5"), "0.01", `491${NBSP}911,50`, "491,911.50", "491911.50"],
    [d(491911), "0.01", `491${NBSP}911,00`, "491,911.00", "491911.00"],
    [d("491911.0"), "1", `491${NBSP}911`, "491,911", "491911"],
    [d(459000), "1000", `459${NBSP}000`, "459,000", "459000"],
    // A pot with öre split in whole kronor: the öre are shown, never rounded away.
    [d("1000.5"), "1", `1${NBSP}000,50`, "1,000.50", "1000.50"],
    [d("0.5"), "1", "0,50", "0.50", "0.50"],
    [d(-400), "1", "-400", "-400", "-400"],
    [d(0), "0.01", "0,00", "0.00", "0.00"],
  ])("%s with unit %s: sv %j, en %j, JSON %j", (value, unit, sv, en, json) => {
    expect(formatMoney(value, d(unit), "sv")).toBe(sv);
    expect(formatMoney(value, d(unit), "en")).toBe(en);
    expect(moneyString(value, d(unit))).toBe(json);
  });

  test("JSON amounts never end in a lone decimal or lose a value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.constantFrom("0.01", "1", "100", "1000"),
        fc.boolean(),
        (n, unit, cents) => {
          const value = cents ? d(n.toString()).dividedBy(100) : d(n.toString());
          const text = moneyString(value, d(unit));
          expect(text).toMatch(/^-?\d+(?:\.\d\d)?$/);
          expect(d(text).equals(value)).toBe(true);
        }
      )
    );
  });
});
