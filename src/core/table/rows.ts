/**
 * Which rows below a header are data, as officers build their tables: blank spacer rows,
 * subtotals per area ("Summa Väst") inside the table, a total at the end ("Summa",
 * "Totalt", "S:a", or a row named for the whole, "Hela staden", whose number is a SUM of
 * the rows above), and footnotes under it ("Källa: SCB"). A total or subtotal row is never
 * data; every row left out is reported with its reason so nothing is skipped silently.
 */
import { type Grid, isBlank } from "../grid";
import { Decimal, ZERO } from "../money";
import { parseNumberCell } from "../parse";
import { cellText } from "./columns";

export type RowKind = "data" | "blank" | "total" | "subtotal" | "note";

export interface RowClass {
  /** Index into grid.values. */
  row: number;
  kind: RowKind;
  /** Why a row that is not data was left out (for the message). */
  reason?: "label" | "formula" | "sum-of-rows" | "note";
}

export interface RowShape {
  headerRow: number;
  /** Columns whose text names the row (name, code): where "Summa" would stand. */
  labelColumns: readonly number[];
  /** The column summed by total rows (the key, the amount); null when there is none. */
  sumColumn: number | null;
  /** Columns that make a row data when filled; defaults to label and sum columns. */
  dataColumns?: readonly number[];
}

const TOTAL_WORDS =
  /^(?:summa|s:a|totalt|total|totalsumma|total summa|sum|grand total|samtliga|alla)$/i;
const TOTAL_PREFIX = /^(?:summa|totalt|total|sum|delsumma|subtotal)\b\s*\S/i;
/** "S:a Väst" is a subtotal, but "S:a Clara" is a parish: the short form needs its sum too. */
const SHORT_TOTAL_PREFIX = /^s:a\s+\S/i;
/** A label for the whole ("Hela staden", "Alla stadsdelar"): with the sum of the rows above, a total. */
const WHOLE_LABEL = /\b(?:hela|alla|samtliga|totalt|sammanlagt|whole|all)\b/i;
const SUM_FORMULA = /^=\s*(?:SUM|SUMMA|SUBTOTAL|DELSUMMA|AGGREGATE|MÄNGD)\s*\(/i;
const NOTE_START = /^(?:källa|källor|not|anm|anmärkning|obs|\*|source|note)\b/i;

/** "Summa", "Totalt", "S:a", "Total summa": a label that alone marks a total row. */
export function isTotalLabel(text: string): boolean {
  return TOTAL_WORDS.test(text.trim().replace(/[:.]$/, ""));
}

/** "Summa Väst", "S:a Norr", "Delsumma": a label that marks a subtotal (or total) row. */
export function isSubtotalLabel(text: string): boolean {
  return TOTAL_PREFIX.test(text.trim()) || /^delsumma$/i.test(text.trim());
}

/** "=SUM(C3:C9)", "=SUBTOTAL(9;C3:C9)", "=SUMMA(...)": a formula that adds up rows. */
export function isSumFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && SUM_FORMULA.test(formula);
}

/**
 * Classifies every row below the header. Subtotals inside the table do not end it: the
 * rows after them are data again. A number equal to the sum of at least two data rows above
 * it (since the last total) marks a total even when its label is a name ("Hela staden").
 */
export function classifyRows(grid: Grid, shape: RowShape): RowClass[] {
  const dataColumns = shape.dataColumns ?? [
    ...shape.labelColumns,
    ...(shape.sumColumn === null ? [] : [shape.sumColumn]),
  ];
  const classes: RowClass[] = [];
  let runningSum: Decimal = ZERO;
  let rowsInRun = 0;
  let totalSum: Decimal = ZERO;
  let totalRows = 0;
  /** The last data row whose number is the sum of the data rows above it. */
  let lastEqualsSum = -1;

  for (let r = shape.headerRow + 1; r < grid.values.length; r++) {
    const values = grid.values[r];
    if (dataColumns.every((c) => isBlank(values[c]))) {
      classes.push({ row: r, kind: "blank" });
      continue;
    }
    const label = shape.labelColumns.map((c) => cellText(values[c])).find((t) => t !== "") ?? "";
    const formula = shape.sumColumn === null ? null : grid.formulas?.[r]?.[shape.sumColumn];
    const parsed = shape.sumColumn === null ? null : parseNumberCell(values[shape.sumColumn]);
    const amount = parsed?.kind === "number" ? parsed.value : null;

    let kind: RowKind = "data";
    let reason: RowClass["reason"];
    if (isTotalLabel(label)) [kind, reason] = ["total", "label"];
    else if (isSubtotalLabel(label)) [kind, reason] = ["subtotal", "label"];
    else if (
      SHORT_TOTAL_PREFIX.test(label) &&
      amount !== null &&
      rowsInRun >= 2 &&
      amount.equals(runningSum)
    )
      [kind, reason] = ["subtotal", "sum-of-rows"];
    else if (isSumFormula(formula)) [kind, reason] = ["subtotal", "formula"];
    else if (amount === null && NOTE_START.test(label) && onlyOneFilled(values))
      [kind, reason] = ["note", "note"];

    if (kind === "data") {
      const sumOfAbove =
        amount !== null &&
        !amount.isZero() &&
        ((rowsInRun >= 2 && amount.equals(runningSum)) ||
          (totalRows >= 2 && amount.equals(totalSum)));
      // Only a label for the whole ("Hela staden") makes the sum a total: keys 1, 1, 2 are
      // three recipients (the third is not the others' total).
      if (sumOfAbove && (label === "" || WHOLE_LABEL.test(label))) lastEqualsSum = r;
      if (amount !== null) {
        runningSum = runningSum.plus(amount);
        totalSum = totalSum.plus(amount);
      }
      rowsInRun++;
      totalRows++;
    } else if (kind === "subtotal" || kind === "total") {
      runningSum = ZERO;
      rowsInRun = 0;
    }
    classes.push({ row: r, kind, reason });
  }
  // The last row decides what a sum means: a subtotal there is the table's total, and a row
  // whose number adds up the rows above it is a total whatever its label ("Hela staden").
  // Inside the table such a row may be a real recipient (keys 100, 200, 300), so it stays.
  for (let i = classes.length - 1; i >= 0; i--) {
    const kind = classes[i].kind;
    if (kind === "blank" || kind === "note") continue;
    if (kind === "subtotal") classes[i] = { ...classes[i], kind: "total" };
    else if (kind === "data" && classes[i].row === lastEqualsSum)
      classes[i] = { row: classes[i].row, kind: "total", reason: "sum-of-rows" };
    break;
  }
  return classes;
}

function onlyOneFilled(values: readonly unknown[]): boolean {
  let filled = 0;
  for (const value of values) if (!isBlank(value as string | null)) filled++;
  return filled <= 1;
}
