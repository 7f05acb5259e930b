/**
 * Our own configured Decimal constructor (never the global one) and how amounts are
 * shown to people. Every sum of money in the project is done with this type.
 */
import DecimalJs from "decimal.js";
import type { Lang } from "./problems";

export const Decimal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

const GROUP = { sv: "\u00a0", en: "," } as const;
const POINT = { sv: ",", en: "." } as const;

/** 1059660 -> "1 059 660" (sv, no-break space) or "1,059,660" (en); keeps given decimals. */
export function formatNumber(value: Decimal, lang: Lang, decimals = value.decimalPlaces()): string {
  const fixed = value.abs().toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang]);
  // No minus sign when the shown digits are all zero ("-0,00" for -0.001).
  const sign = value.isNegative() && /[1-9]/.test(fixed) ? "-" : "";
  return sign + grouped + (fraction ? POINT[lang] + fraction : "");
}

/** "1 059 660 kr" */
export function formatKronor(value: Decimal, lang: Lang): string {
  return `${formatNumber(value, lang)}\u00a0kr`;
}

/**
 * How many decimals money shows for a rounding unit, everywhere (preview, sheet, runner,
 * copy for Word, messages): whole kronor for a unit of 1 kr and above, two decimals (öre)
 * for a smaller unit.
 */
export function moneyDecimals(unit: Decimal): 0 | 2 {
  return unit.greaterThanOrEqualTo(1) ? 0 : 2;
}

/**
 * The decimals one amount is shown with: the unit's (moneyDecimals), widened to two when
 * the amount has öre the unit's decimals would hide (a pot of 1 000,50 kr split in whole
 * kronor), and further only for an amount with more decimals than öre. Never rounds.
 */
function shownDecimals(value: Decimal, unit: Decimal): number {
  const decimals = value.isInteger() ? moneyDecimals(unit) : 2;
  return Math.max(decimals, value.decimalPlaces());
}

/** "6 069 306" (sv, unit 1), "491 911,50" (sv, unit 0,01), "6,069,306" (en). */
export function formatMoney(value: Decimal, unit: Decimal, lang: Lang): string {
  return formatNumber(value, lang, shownDecimals(value, unit));
}

/**
 * An amount as an exact decimal string for JSON: "491911" (unit 1), "491911.50" (unit 0.01),
 * never "491911.0". The unit's decimals, widened to two only for öre the unit would hide.
 */
export function moneyString(value: Decimal, unit: Decimal): string {
  const fixed = value.toFixed(shownDecimals(value, unit));
  return /^-0(?:\.0+)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** Excel number format for money at a unit: "#,##0" or "#,##0.00". */
export function moneyNumberFormat(unit: Decimal): string {
  return moneyDecimals(unit) === 0 ? "#,##0" : "#,##0.00";
}

/** The rounding units the pane offers (as core reads them); 1 kr is the default. */
export const UNIT_CHOICES = ["0.01", "1", "10", "100", "1000"] as const;
export type UnitChoice = (typeof UNIT_CHOICES)[number];
export const DEFAULT_UNIT: UnitChoice = "1";
