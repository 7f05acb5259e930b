/**
 * Reading the two tables into rows: the maxima (every bad cell is a problem that stops the
 * run: the list is the basis of every decision) and the requisitions (read as they are;
 * judging them is validation's job, so a bad requisition cell is not a problem here).
 *
 * Rows are classified by the shared row rules: blank rows, subtotals and notes are not
 * rows of the list, and the list ends at its total ("Summa"), so a parameter block below
 * the add-in's own Fördelning sheet is never read as recipients.
 */
import { type CellValue, type Grid, gridCellRef, gridRangeRef, isBlank } from "../../grid";
import { type ParsedDate, parseDateCell } from "../../dates";
import { Decimal } from "../../money";
import { type ParsedNumber, parseNumberCell } from "../../parse";
import type { Problem } from "../../problems";
import {
  type ColumnChoice,
  type ColumnMatch,
  cellText,
  detectColumns,
  normaliseHeader,
} from "../../table/columns";
import { type RowClass, classifyRows } from "../../table/rows";
import {
  MAXIMA_COLUMNS,
  type MaximaColumnId,
  type RequisitionColumnId,
  requisitionColumns,
} from "./columns";
import { normaliseCode, strictName } from "./matching";

/** What a recipient would take on top of its approved amount. */
export type WantsMore =
  | { kind: "none" }
  | { kind: "amount"; value: Decimal }
  /** "X": as much as there is. */
  | { kind: "all" };

export type WantsMoreCell = WantsMore | { kind: "invalid"; text: string };

const YES = new Set(["x", "ja", "j", "yes", "y", "\u2713", "\u2714"]);
const NO = new Set(["-", "\u2013", "\u2014", "nej", "n", "no"]);

/** A wants-more cell: blank, 0 or "-" = no; an amount > 0 = up to that much more; X = all there is. */
export function parseWantsMore(value: CellValue | undefined): WantsMoreCell {
  if (isBlank(value)) return { kind: "none" };
  const mark = normaliseHeader(value);
  if (YES.has(mark)) return { kind: "all" };
  if (NO.has(mark)) return { kind: "none" };
  const parsed = parseNumberCell(value);
  if (parsed.kind === "number" && !parsed.value.isNegative()) {
    return parsed.value.isZero() ? { kind: "none" } : { kind: "amount", value: parsed.value };
  }
  return { kind: "invalid", text: cellText(value) };
}

export interface MaximumRow {
  name: string;
  /** Normalised code ("0180"), or null when the list has no code column or the cell is blank. */
  code: string | null;
  maximum: Decimal;
  /** The key for re-distribution; null when the list has no key column. */
  key: Decimal | null;
  wantsMore: WantsMore;
  nameCell: string;
  maximumCell: string;
}

/** A row left out of a list, with its reason, so nothing is skipped silently. */
export interface IgnoredRow {
  /** Index into grid.values. */
  row: number;
  cell: string;
  text: string;
  reason: "total" | "subtotal" | "no-key";
}

export interface MaximaRead {
  columns: ColumnMatch<MaximaColumnId> | null;
  recipients: MaximumRow[];
  ignored: IgnoredRow[];
  problems: Problem[];
}

export interface RequisitionRow {
  /** Index into grid.values. */
  row: number;
  recipient: CellValue;
  /** The code column's cell beside the recipient; null without one. */
  code: CellValue;
  recipientText: string;
  /** "Rekvisitioner!A5": the requisition's own cell, in messages and the JSON. */
  recipientCell: string;
  requested: ParsedNumber;
  requestedCell: string;
  /** Null when the list has no date column. */
  received: ParsedDate | null;
  /** The date cell's text as shown, for messages. */
  receivedText: string;
  receivedCell: string | null;
  wantsMore: WantsMoreCell;
  wantsMoreCell: string | null;
}

export interface RequisitionsRead {
  columns: ColumnMatch<RequisitionColumnId> | null;
  rows: RequisitionRow[];
  ignored: IgnoredRow[];
  problems: Problem[];
}

/** The rows of a list: data rows up to its total; totals and subtotals reported. */
function listRows(
  grid: Grid,
  headerRow: number,
  labelColumns: number[],
  sumColumn: number
): { data: number[]; ignored: IgnoredRow[] } {
  const classes: RowClass[] = classifyRows(grid, { headerRow, labelColumns, sumColumn });
  const data: number[] = [];
  const ignored: IgnoredRow[] = [];
  for (const { row, kind } of classes) {
    if (kind === "data") data.push(row);
    else if (kind === "total" || kind === "subtotal") {
      const label = labelColumns.map((c) => cellText(grid.values[row][c])).find((t) => t !== "");
      ignored.push({
        row,
        cell: gridCellRef(grid, row, labelColumns[0]),
        text: label ?? "",
        reason: kind,
      });
      if (kind === "total") break;
    }
  }
  return { data, ignored };
}

/** Checks an amount against the unit's decimals: whole kronor for units of 1 kr and up. */
export function amountDecimalsProblem(
  value: Decimal,
  unit: Decimal,
  cell: string | undefined,
  field?: string
): Problem | null {
  const text = value.toFixed();
  if (unit.greaterThanOrEqualTo(1) && !value.isInteger())
    return { code: "AMOUNT_ORE", cell, field, params: { text, unit: unit.toFixed() } };
  if (value.decimalPlaces() > 2)
    return { code: "TOO_MANY_DECIMALS", cell, field, params: { text } };
  return null;
}

export function readMaxima(
  grid: Grid,
  unit: Decimal,
  choice: ColumnChoice<MaximaColumnId> = {}
): MaximaRead {
  const detection = detectColumns(grid, MAXIMA_COLUMNS, choice);
  const match = detection.match;
  if (!match || detection.problems.length > 0)
    return { columns: match, recipients: [], ignored: [], problems: detection.problems };
  // Without problems, every required column was found.
  const { code: codeCol, key: keyCol, wantsMore: moreCol } = match.columns;
  const nameCol = match.columns.name as number;
  const maxCol = match.columns.maximum as number;
  const labels = codeCol === undefined ? [nameCol] : [nameCol, codeCol];
  const { data, ignored } = listRows(grid, match.headerRow, labels, maxCol);

  const problems: Problem[] = [];
  const recipients: MaximumRow[] = [];
  const names = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const r of data) {
    const values = grid.values[r];
    const cell = (c: number) => gridCellRef(grid, r, c);
    const name = cellText(values[nameCol]);
    const nameCell = cell(nameCol);
    // The Fördelning sheet's reserves and "not allocated" row have an amount but no key.
    if (keyCol !== undefined && isBlank(values[keyCol])) {
      ignored.push({ row: r, cell: nameCell, text: name, reason: "no-key" });
      continue;
    }
    const before = problems.length;
    if (name === "") problems.push({ code: "MAXIMA_NAME_MISSING", cell: nameCell });
    else {
      const earlier = names.get(strictName(name));
      if (earlier)
        problems.push({ code: "DUPLICATE_NAME", cell: nameCell, params: { name, other: earlier } });
      else names.set(strictName(name), nameCell);
    }

    let code: string | null = null;
    if (codeCol !== undefined && !isBlank(values[codeCol])) {
      code = normaliseCode(values[codeCol]);
      if (code === null) {
        problems.push({
          code: "CODE_INVALID",
          cell: cell(codeCol),
          params: { text: cellText(values[codeCol]) },
        });
      } else if (codes.has(code)) {
        problems.push({
          code: "DUPLICATE_CODE",
          cell: cell(codeCol),
          params: { code, other: codes.get(code) ?? "" },
        });
      } else codes.set(code, cell(codeCol));
    }

    const maximumCell = cell(maxCol);
    const maximum = readAmount(values[maxCol], maximumCell, name, unit, problems);
    let key: Decimal | null = null;
    if (keyCol !== undefined) {
      const parsed = parseNumberCell(values[keyCol]);
      if (parsed.kind === "invalid")
        problems.push({ code: parsed.code, cell: cell(keyCol), params: { text: parsed.text } });
      else if (parsed.kind === "number" && parsed.value.isNegative() && !parsed.value.isZero())
        problems.push({
          code: "MAXIMA_KEY_NEGATIVE",
          cell: cell(keyCol),
          params: { text: parsed.value.toFixed() },
        });
      else if (parsed.kind === "number") key = parsed.value;
    }
    let wantsMore: WantsMore = { kind: "none" };
    if (moreCol !== undefined) {
      const parsed = parseWantsMore(values[moreCol]);
      if (parsed.kind === "invalid")
        problems.push({
          code: "WANTS_MORE_INVALID",
          cell: cell(moreCol),
          params: { text: parsed.text },
        });
      else wantsMore = parsed;
    }
    if (problems.length === before && maximum !== null)
      recipients.push({ name, code, maximum, key, wantsMore, nameCell, maximumCell });
  }
  if (data.length === 0)
    problems.push({ code: "NO_MAXIMA", field: "maxima", params: { range: gridRangeRef(grid) } });
  ignored.sort((a, b) => a.row - b.row);
  return { columns: match, recipients, ignored, problems };
}

/** A maximum: a number >= 0 in whole kronor (or öre with the öre unit); null with a problem. */
function readAmount(
  value: CellValue,
  cell: string,
  name: string,
  unit: Decimal,
  problems: Problem[]
): Decimal | null {
  const parsed = parseNumberCell(value);
  if (parsed.kind === "empty") {
    problems.push({ code: "MAXIMUM_MISSING", cell, params: { name: name || cell } });
    return null;
  }
  if (parsed.kind === "invalid") {
    problems.push({ code: parsed.code, cell, params: { text: parsed.text } });
    return null;
  }
  if (parsed.value.isNegative() && !parsed.value.isZero()) {
    problems.push({ code: "MAXIMUM_NEGATIVE", cell, params: { text: parsed.value.toFixed() } });
    return null;
  }
  const decimals = amountDecimalsProblem(parsed.value, unit, cell);
  if (decimals) {
    problems.push(decimals);
    return null;
  }
  // -0 from a cell is 0.
  return parsed.value.isZero() ? new Decimal(0) : parsed.value;
}

export function readRequisitions(
  grid: Grid,
  withDeadline: boolean,
  choice: ColumnChoice<RequisitionColumnId> = {}
): RequisitionsRead {
  const detection = detectColumns(grid, requisitionColumns(withDeadline), choice);
  const match = detection.match;
  if (!match || detection.problems.length > 0)
    return { columns: match, rows: [], ignored: [], problems: detection.problems };
  const recipientCol = match.columns.recipient as number;
  const requestedCol = match.columns.requested as number;
  const { code: codeCol, received: receivedCol, wantsMore: moreCol } = match.columns;
  const { data, ignored } = listRows(grid, match.headerRow, [recipientCol], requestedCol);
  const rows = data.map((r): RequisitionRow => {
    const values = grid.values[r];
    const cell = (c: number | undefined) => (c === undefined ? null : gridCellRef(grid, r, c));
    return {
      row: r,
      recipient: values[recipientCol] ?? null,
      code: codeCol === undefined ? null : (values[codeCol] ?? null),
      recipientText: cellText(values[recipientCol]),
      recipientCell: gridCellRef(grid, r, recipientCol),
      requested: parseNumberCell(values[requestedCol]),
      requestedCell: gridCellRef(grid, r, requestedCol),
      received: receivedCol === undefined ? null : parseDateCell(values[receivedCol]),
      receivedText: receivedCol === undefined ? "" : cellText(values[receivedCol]),
      receivedCell: cell(receivedCol),
      wantsMore: moreCol === undefined ? { kind: "none" } : parseWantsMore(values[moreCol]),
      wantsMoreCell: cell(moreCol),
    };
  });
  const problems: Problem[] =
    rows.length === 0
      ? [{ code: "NO_REQUISITIONS", field: "requisitions", params: { range: gridRangeRef(grid) } }]
      : [];
  return { columns: match, rows, ignored, problems };
}
