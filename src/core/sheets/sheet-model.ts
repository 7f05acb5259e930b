/**
 * What to write to an output sheet, independent of how: the Office.js adapter and the
 * .xlsx runner both write this model, so the pane and the runner produce the same sheet.
 */
import type { RangeBox } from "../grid";

export type SheetValue = string | number | null;

export interface SheetCell {
  /** Text, number, or the value a formula gives (so files read without recalculation still show it). */
  value: SheetValue;
  /** A formula without the leading "=", e.g. "SUM(D4:D15)". */
  formula?: string;
}

export type HorizontalAlignment = "Left" | "Center" | "Right";

/** Formatting applied to a block of cells (one range call in Office.js). */
export interface StyleBlock extends RangeBox {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  numberFormat?: string;
  horizontalAlignment?: HorizontalAlignment;
  wrapText?: boolean;
  borderTop?: boolean;
  borderBottom?: boolean;
  /** Background colour, "#RRGGBB" (e.g. a status cell; never the only sign of the status). */
  fill?: string;
  /** Font colour, "#RRGGBB". */
  fontColor?: string;
}

export interface SheetModel {
  /** Preferred sheet name; the writer picks another if a sheet of that name is not ours. */
  name: string;
  /** Rectangular: every row has the same length. */
  cells: SheetCell[][];
  /** Width per column in characters of the default font. */
  columnWidths: number[];
  styles: StyleBlock[];
  /** The table a user copies into a committee paper ("select table for copying"). */
  table: RangeBox;
  /** Page setup so a printout or PDF keeps the table on one page width. */
  print?: PrintSetup;
  /**
   * Heights in points of rows whose wrapped text needs more than one line (row index ->
   * points). Set, not left to the reader: LibreOffice keeps a row without a height at one
   * line, and the wrapped text then runs over the rows above it.
   */
  rowHeights?: Readonly<Record<number, number>>;
}

export interface PrintSetup {
  landscape: boolean;
  /** Scale to this many pages wide (height unconstrained). */
  fitToPagesWide: number;
}

/** Grows `rows` into a rectangle of `width` columns filled with empty cells. */
export function rectangular(rows: SheetCell[][], width: number): SheetCell[][] {
  return rows.map((row) => [
    ...row,
    ...Array.from({ length: width - row.length }, () => ({ value: null })),
  ]);
}

/**
 * Text written through Excel's "values" is parsed as if typed: "=A1" becomes a formula,
 * "0180" a number. A leading apostrophe makes Excel keep it as text (and hides the apostrophe).
 */
export function asTypedText(text: string): string {
  return `'${text}`;
}
