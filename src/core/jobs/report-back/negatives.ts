/**
 * Negative sums in a report-back: a credit note booked inside the grant year whose invoice
 * lies outside it (or on another cost centre) makes a category, or all of "used", negative.
 * That is never silently netted into "unused": the report says so, naming the credit rows,
 * and "unused, to be repaid" is capped at what was received (see unusedOf).
 */
import { type Decimal, ZERO, formatNumber } from "../../money";
import type { Localised, Problem } from "../../problems";
import { CATEGORIES, CLASS_LABELS, type Category } from "./categories";

/** How many credit rows a warning names; the rest are on the sheet's detail lines. */
const SHOWN_ROWS = 5;

export interface NegativeInput {
  received: Decimal;
  totalUsed: Decimal;
  districts: readonly { name: string; used: Record<Category, Decimal> }[];
  /** Counted lines in ledger order: district, category (income is not a cost), öre, cell. */
  lines: readonly { ledger: number; kind: Category | "income"; amount: number; cell: string }[];
}

/** Unused, to be repaid: received less used, never below zero and never above received. */
export function unusedOf(received: Decimal, totalUsed: Decimal): Decimal {
  const difference = received.minus(totalUsed);
  if (difference.isNegative()) return ZERO;
  return difference.greaterThan(received) ? received : difference;
}

const kronor = (value: Decimal): Localised => ({
  sv: formatNumber(value, "sv", 2),
  en: formatNumber(value, "en", 2),
});

function cellList(cells: readonly string[]): string {
  const shown = cells.slice(0, SHOWN_ROWS).join(", ");
  return cells.length > SHOWN_ROWS ? `${shown}, …` : shown;
}

/** Problems (warnings, not errors) for each negative category per district and a negative total. */
export function negativeWarnings(input: NegativeInput): Problem[] {
  const warnings: Problem[] = [];
  const several = input.districts.length > 1;
  input.districts.forEach((district, d) => {
    for (const category of CATEGORIES) {
      const sum = district.used[category];
      if (!sum.isNegative() || sum.isZero()) continue;
      const credits = input.lines
        .filter((l) => l.ledger === d && l.kind === category && l.amount < 0)
        .map((l) => l.cell);
      warnings.push({
        code: "REPORT_NEGATIVE_CATEGORY",
        cell: credits[0],
        params: {
          category: CLASS_LABELS[category],
          district: several ? ` (${district.name})` : "",
          amount: kronor(sum),
          rows: cellList(credits),
        },
      });
    }
  });
  if (input.totalUsed.isNegative() && !input.totalUsed.isZero()) {
    const credits = input.lines
      .filter((l) => l.kind !== "income" && l.amount < 0)
      .map((l) => l.cell);
    warnings.push({
      code: "REPORT_NEGATIVE_TOTAL",
      cell: credits[0],
      params: {
        amount: kronor(input.totalUsed),
        received: kronor(input.received),
        rows: cellList(credits),
      },
    });
  }
  return warnings;
}
