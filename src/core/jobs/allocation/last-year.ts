/**
 * Last year beside this year: last year's amounts from a column of the recipient table, or
 * from a previous allocation sheet the add-in wrote (in this workbook or pasted in), matched
 * to this year's recipients by normalised name. The comparison has last year, this year,
 * the change in kronor and in percent per recipient, recipients new this year or gone since,
 * and the totals of each column.
 */
import { type Grid, gridCellRef, quoteSheetName, spanReference } from "../../grid";
import { Decimal, ZERO, sum } from "../../money";
import { parseNumberCell } from "../../parse";
import { InputError, ProblemList } from "../../problems";
import { ambiguousColumn, cellText, matchColumn, normaliseHeader } from "../../table/columns";
import { isSubtotalLabel, isTotalLabel } from "../../table/rows";
import { recipientRow, type ShapeRecipient } from "./shapes";

export interface LastYearEntry {
  name: string;
  amount: Decimal;
}

export interface LastYear {
  /** "Förra året (kr)" column header or "Fördelning 2025!A3:D15": where the amounts came from. */
  source: string;
  /** In the order read; one per recipient that had an amount last year. */
  entries: LastYearEntry[];
}

export type YearStatus = "both" | "new" | "gone";

export interface YearRow {
  name: string;
  lastYear: Decimal | null;
  thisYear: Decimal | null;
  /** thisYear − lastYear (a missing year counts as 0). */
  change: Decimal;
  /** change / lastYear as a fraction (0.05 = 5 %); null when last year was 0 or missing. */
  changeRatio: Decimal | null;
  status: YearStatus;
}

export interface YearComparison {
  rows: YearRow[];
  lastYearTotal: Decimal;
  thisYearTotal: Decimal;
  change: Decimal;
  changeRatio: Decimal | null;
}

const nameKey = (name: string) => normaliseHeader(name);

/**
 * Last year's amounts from a column of the recipient table: a blank cell means the recipient
 * had nothing last year (shown as new). Bad cells are reported together.
 */
export function lastYearFromColumn(
  grid: Grid,
  table: { headerRow: number; headers: readonly string[] },
  recipients: readonly ShapeRecipient[],
  header: string,
  rangeRef: string
): LastYear {
  const match = matchColumn(table.headers, header, grid.left);
  if (match && "ambiguous" in match)
    throw new InputError([ambiguousColumn("lastYearColumn", header, match.ambiguous, grid.left)]);
  if (match === null)
    throw new InputError([
      { code: "COLUMN_NOT_FOUND", field: "lastYearColumn", params: { header, range: rangeRef } },
    ]);
  const col = match.col;
  const problems = new ProblemList();
  const entries: LastYearEntry[] = [];
  for (const recipient of recipients) {
    const r = recipientRow(grid, recipient);
    const parsed = parseNumberCell(grid.values[r]?.[col]);
    if (parsed.kind === "empty") continue;
    if (parsed.kind === "invalid")
      problems.add({
        code: parsed.code,
        cell: gridCellRef(grid, r, col),
        params: { text: parsed.text },
      });
    else entries.push({ name: recipient.name, amount: parsed.value });
  }
  problems.throwIfAny();
  return { source: header, entries };
}

/** Amount headers of the allocation sheet the add-in writes, in both languages. */
const AMOUNT_HEADERS = ["belopp (kr)", "amount (sek)"];
/** Notes of the rows that are not recipients: reserves and what could not be allocated. */
const NOT_RECIPIENT_NOTES = ["avsatt före fördelningen", "set aside before the split"];
const NOT_RECIPIENT_LABELS = [
  "ej fördelat (mindre än en avrundningsenhet)",
  "not allocated (less than one rounding unit)",
];

/**
 * Last year's amounts from an allocation sheet the add-in wrote: the header row holding
 * "Belopp (kr)" (or "Amount (SEK)"), recipient names in the first column, until the total
 * row; reserve rows and the not-allocated row are left out.
 */
export function lastYearFromSheet(grid: Grid): LastYear {
  const headerRow = grid.values.findIndex((row) =>
    row.some((v) => AMOUNT_HEADERS.includes(normaliseHeader(v)))
  );
  if (headerRow < 0)
    throw new InputError([
      {
        code: "LAST_YEAR_NOT_ALLOCATION",
        field: "lastYearSheet",
        params: { sheet: quoteSheetName(grid.sheet), header: "Belopp (kr)" },
      },
    ]);
  const header = grid.values[headerRow];
  const amountCol = header.findIndex((v) => AMOUNT_HEADERS.includes(normaliseHeader(v)));
  const problems = new ProblemList();
  const entries: LastYearEntry[] = [];
  let last = headerRow;
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    const name = cellText(row[0]);
    if (name === "") break;
    if (isTotalLabel(name)) break;
    last = r;
    if (isSubtotalLabel(name) || NOT_RECIPIENT_LABELS.includes(normaliseHeader(name))) continue;
    if (row.some((v) => NOT_RECIPIENT_NOTES.includes(normaliseHeader(v)))) continue;
    const parsed = parseNumberCell(row[amountCol]);
    if (parsed.kind === "invalid")
      problems.add({
        code: parsed.code,
        cell: gridCellRef(grid, r, amountCol),
        params: { text: parsed.text },
      });
    else entries.push({ name, amount: parsed.kind === "number" ? parsed.value : ZERO });
  }
  problems.throwIfAny();
  const range = spanReference(gridCellRef(grid, headerRow, 0), gridCellRef(grid, last, amountCol));
  return { source: range, entries };
}

/**
 * This year's amounts beside last year's: this year's recipients in their order (new ones
 * marked), then last year's recipients that are gone, in last year's order.
 */
export function compareYears(
  thisYear: readonly LastYearEntry[],
  lastYear: LastYear
): YearComparison {
  const previous = new Map<string, Decimal>();
  for (const entry of lastYear.entries) {
    const key = nameKey(entry.name);
    previous.set(key, (previous.get(key) ?? ZERO).plus(entry.amount));
  }
  const ratio = (change: Decimal, last: Decimal | null) =>
    last === null || last.isZero() ? null : change.dividedBy(last);
  const seen = new Set<string>();
  const rows: YearRow[] = thisYear.map((entry) => {
    const key = nameKey(entry.name);
    seen.add(key);
    const last = previous.get(key) ?? null;
    const change = entry.amount.minus(last ?? ZERO);
    return {
      name: entry.name,
      lastYear: last,
      thisYear: entry.amount,
      change,
      changeRatio: ratio(change, last),
      status: last === null ? "new" : "both",
    };
  });
  for (const entry of lastYear.entries) {
    const key = nameKey(entry.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const last = previous.get(key) ?? ZERO;
    rows.push({
      name: entry.name,
      lastYear: last,
      thisYear: null,
      change: last.negated(),
      changeRatio: ratio(last.negated(), last),
      status: "gone",
    });
  }
  const lastYearTotal = sum(rows.map((r) => r.lastYear ?? ZERO));
  const thisYearTotal = sum(rows.map((r) => r.thisYear ?? ZERO));
  const change = thisYearTotal.minus(lastYearTotal);
  return {
    rows,
    lastYearTotal,
    thisYearTotal,
    change,
    changeRatio: lastYearTotal.isZero() ? null : change.dividedBy(lastYearTotal),
  };
}

/** A change ratio as percent with one decimal, rounded half away from zero: 0.0512 -> 5.1. */
export function percentOneDecimal(ratio: Decimal): Decimal {
  return ratio.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
}
