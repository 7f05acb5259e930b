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

/** The one rule for how many decimals money shows: whole kronor for units of 1 kr and up, öre below. */
export function moneyDecimals(unit: Decimal): 0 | 2 {
  return unit.greaterThanOrEqualTo(1) ? 0 : 2;
}

/** "6 069 306" (unit 1) or "491 911,50" (unit 0,01): an amount as people read it. */
export function formatMoney(value: Decimal, unit: Decimal, lang: Lang): string {
  return formatNumber(value, lang, moneyDecimals(unit));
}

/** "491911" (unit 1) or "491911.50" (unit 0.01): an exact amount for JSON, the unit's decimals. */
export function moneyString(value: Decimal, unit: Decimal): string {
  return value.toFixed(moneyDecimals(unit));
}

/** Excel number format for money at a unit: "#,##0" or "#,##0.00". */
export function moneyNumberFormat(unit: Decimal): string {
  return moneyDecimals(unit) === 0 ? "#,##0" : "#,##0.00";
}
