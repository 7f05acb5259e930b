/** Amounts shown the way Swedish and English readers expect, and our own Decimal settings. */
import DecimalJs from "decimal.js";
import { Decimal, formatKronor, formatNumber, sum } from "../../../src/core/money";

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
