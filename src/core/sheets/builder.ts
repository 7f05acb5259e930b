/**
 * The parts every job's output sheet is made of: a title, a bold header row, data rows, a
 * total row whose cells are SUM formulas, a parameter block, number formats and widths
 * that fit. Each job's sheet module says what goes where; this module says how it looks,
 * so the three jobs' sheets read alike in a committee paper.
 */
import { cellAddress, type RangeBox } from "../grid";
import type { Decimal } from "../money";
import {
  type HorizontalAlignment,
  type PrintSetup,
  type SheetCell,
  type SheetModel,
  type StyleBlock,
  rectangular,
} from "./sheet-model";

export const text = (value: string): SheetCell => ({ value });
export const num = (value: Decimal | number): SheetCell => ({
  value: typeof value === "number" ? value : value.toNumber(),
});
export const empty = (): SheetCell => ({ value: null });
/** A formula and the value it gives (so files read without recalculation still show it). */
export const formula = (expression: string, value: Decimal | number | string): SheetCell => ({
  formula: expression,
  value: typeof value === "object" ? value.toNumber() : value,
});

/** "D4:D15": one column from one row to another (zero-based). */
export function columnSpan(col: number, from: number, to: number): string {
  return `${cellAddress(from, col)}:${cellAddress(to, col)}`;
}

/** "SUM(D4:D15)", or 0 written as a formula-free value when the span is empty. */
export function sumCell(col: number, from: number, to: number, value: Decimal | number): SheetCell {
  return to < from ? num(0) : formula(`SUM(${columnSpan(col, from, to)})`, value);
}

export interface WidthRules {
  /** Rows left out of the fit (a long title overflows to the right). */
  skipRows?: readonly number[];
  /** Widest a column may get, per column (default 50 characters). */
  max?: Readonly<Record<number, number>>;
  /** At least this wide, per column. */
  min?: Readonly<Record<number, number>>;
  /** Text in these columns from this row on does not widen them (a parameter block's texts). */
  overflowFrom?: { row: number; columns: readonly number[] };
}

export class SheetBuilder {
  private readonly rows: SheetCell[][] = [];
  private readonly styles: StyleBlock[] = [];

  constructor(readonly width: number) {}

  /** Index of the next row to be added. */
  get next(): number {
    return this.rows.length;
  }

  add(cells: SheetCell[]): number {
    this.rows.push(cells.slice(0, this.width));
    return this.rows.length - 1;
  }

  blank(): number {
    return this.add([]);
  }

  /** Replaces a cell already added (a check cell that refers to a row added later). */
  set(row: number, col: number, cell: SheetCell): void {
    const line = this.rows[row];
    while (line.length <= col) line.push(empty());
    line[col] = cell;
  }

  style(block: StyleBlock): void {
    this.styles.push(block);
  }

  /** The sheet's title in bold 14 pt, with an optional line under it. */
  title(title: string, subtitle?: string): number {
    const row = this.add([text(title)]);
    this.style({ top: row, left: 0, bottom: row, right: 0, bold: true, fontSize: 14 });
    if (subtitle) {
      const sub = this.add([text(subtitle)]);
      this.style({ top: sub, left: 0, bottom: sub, right: 0, italic: true });
    }
    return row;
  }

  /** Bold headers with a line under them; numeric columns right-aligned over their numbers. */
  header(labels: readonly string[], rightAligned: readonly number[] = []): number {
    const row = this.add(labels.map((label) => (label === "" ? empty() : text(label))));
    const right = labels.length - 1;
    this.style({
      top: row,
      left: 0,
      bottom: row,
      right,
      bold: true,
      borderBottom: true,
      wrapText: true,
    });
    for (const col of rightAligned) this.align(row, row, col, "Right");
    return row;
  }

  /** A bold total row with a line above it: a label, then the given cells (SUM formulas). */
  total(cells: SheetCell[], right = cells.length - 1): number {
    const row = this.add(cells);
    this.style({ top: row, left: 0, bottom: row, right, bold: true, borderTop: true });
    return row;
  }

  /** A bold heading, then one label/value row per entry. Returns the first and last value rows. */
  parameters(
    heading: string,
    entries: readonly [string, SheetCell][]
  ): { first: number; last: number } {
    const head = this.add([text(heading)]);
    this.style({ top: head, left: 0, bottom: head, right: 0, bold: true });
    const first = this.next;
    for (const [label, value] of entries) this.add([text(label), value]);
    return { first, last: this.next - 1 };
  }

  format(col: number, from: number, to: number, numberFormat: string): void {
    if (to < from) return;
    this.style({ top: from, left: col, bottom: to, right: col, numberFormat });
  }

  align(from: number, to: number, col: number, horizontalAlignment: HorizontalAlignment): void {
    this.style({ top: from, left: col, bottom: to, right: col, horizontalAlignment });
  }

  italic(col: number, from: number, to: number): void {
    if (to < from) return;
    this.style({ top: from, left: col, bottom: to, right: col, italic: true });
  }

  build(name: string, table: RangeBox, widths: WidthRules = {}, print?: PrintSetup): SheetModel {
    const cells = rectangular(this.rows, this.width);
    return {
      name,
      cells,
      columnWidths: fitWidths(cells, this.width, widths),
      styles: [...this.styles],
      table,
      ...(print && { print }),
    };
  }
}

/** The height of one line of the default font (Calibri 11), and Excel's default row height. */
export const LINE_HEIGHT_POINTS = 15;

/**
 * Heights for the rows from `fromRow` on whose text in the wrapped `columns` needs more than
 * one line at the model's column widths. Counted by characters, with room for breaks at
 * word ends, so a row is never shorter than its text.
 */
export function wrappedRowHeights(
  model: SheetModel,
  columns: readonly number[],
  fromRow: number
): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let r = fromRow; r < model.cells.length; r++) {
    let lines = 1;
    for (const c of columns) {
      const fits = Math.max(1, model.columnWidths[c] - 3);
      const value = model.cells[r][c]?.value;
      if (value !== null && value !== undefined)
        lines = Math.max(lines, Math.ceil(shownLength(value) / fits));
    }
    if (lines > 1) heights[r] = lines * LINE_HEIGHT_POINTS;
  }
  return heights;
}

/** Widths that fit the longest shown value of each column, within limits. */
export function fitWidths(cells: SheetCell[][], width: number, rules: WidthRules = {}): number[] {
  const widths = Array.from({ length: width }, (_, c) => rules.min?.[c] ?? 4);
  const skip = new Set(rules.skipRows ?? []);
  cells.forEach((row, r) => {
    if (skip.has(r)) return;
    row.forEach((cell, c) => {
      if (cell.value === null) return;
      const overflow = rules.overflowFrom;
      if (
        overflow &&
        r >= overflow.row &&
        overflow.columns.includes(c) &&
        typeof cell.value === "string"
      )
        return;
      const limit = rules.max?.[c] ?? 50;
      widths[c] = Math.max(widths[c], Math.min(limit, shownLength(cell.value) + 2));
    });
  });
  return widths;
}

/** Characters a value takes when shown with thousands separators (and two decimals if any). */
export function shownLength(value: string | number): number {
  if (typeof value === "string") return value.length;
  const digits = Math.trunc(Math.abs(value)).toString().length;
  return (
    digits + Math.floor((digits - 1) / 3) + (Number.isInteger(value) ? 0 : 3) + (value < 0 ? 1 : 0)
  );
}
