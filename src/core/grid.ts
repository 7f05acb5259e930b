/**
 * A rectangular block of cell values read from a worksheet, with enough position
 * information to name any cell in an error message ("Blad1!C7").
 * Both adapters (Office.js and the .xlsx runner) produce this shape.
 */
export type CellValue = string | number | boolean | null;

export interface Grid {
  /** Worksheet name as the user sees it. */
  sheet: string;
  /** Zero-based row index in the worksheet of values[0]. */
  top: number;
  /** Zero-based column index in the worksheet of values[r][0]. */
  left: number;
  values: CellValue[][];
  /**
   * Formula text per cell, as Excel shows it in the formula bar ("=SUM(C3:C9)"), null for a
   * cell without a formula; the same shape as `values`. Present only when the reader loaded
   * formulas; `values` then holds their calculated results (null when never calculated).
   */
  formulas?: (string | null)[][];
  /**
   * Indexes into `values` (not worksheet rows) of the rows hidden by the user or by a
   * filter, ascending. Present only when the reader knows which rows are hidden.
   */
  hiddenRows?: number[];
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Zero-based column index to letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to zero-based column index: A -> 0, AA -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`bad column letters ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/**
 * Sheet names with anything but letters, digits and underscore are quoted, as Excel does; so
 * are names that read as a cell reference ("Q1", "AB12", "R1C1"), which Excel quotes too.
 */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) &&
    !/^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc]\d*)$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "Blad1!C7" for a zero-based sheet position. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}

/** The reference of grid.values[r][c] in its worksheet. */
export function gridCellRef(grid: Grid, r: number, c: number): string {
  return cellRef(grid.sheet, grid.top + r, grid.left + c);
}

export function rangeAddress(box: RangeBox): string {
  const start = cellAddress(box.top, box.left);
  const end = cellAddress(box.bottom, box.right);
  return start === end ? start : `${start}:${end}`;
}

export function gridRangeRef(grid: Grid): string {
  const rows = grid.values.length;
  // A loop, not Math.max(...rows): spreading 100 000 rows overflows the call stack.
  let cols = 0;
  for (const row of grid.values) if (row.length > cols) cols = row.length;
  return `${quoteSheetName(grid.sheet)}!${rangeAddress({
    top: grid.top,
    left: grid.left,
    bottom: grid.top + Math.max(rows, 1) - 1,
    right: grid.left + Math.max(cols, 1) - 1,
  })}`;
}

/**
 * Splits "Blad1!B7", "'My sheet'!A1:D9" or "A1:D9" into sheet and zero-based box.
 * Excel's own addresses may carry "$" signs; they are ignored.
 */
export function parseReference(ref: string): { sheet: string | null; box: RangeBox } {
  const bang = ref.lastIndexOf("!");
  let sheet: string | null = null;
  let address = ref;
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    address = ref.slice(bang + 1);
  }
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address);
  if (!match) throw new RangeError(`not a cell reference: ${ref}`);
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? columnIndex(match[3]) : left;
  return { sheet, box: { top, left, bottom, right } };
}

/** "Blad1!B2" and "Blad1!B9" -> "Blad1!B2:B9": the block from one cell to another on the same sheet. */
export function spanReference(first: string, last: string): string {
  if (first === last) return first;
  const end = parseReference(last).box;
  return `${first}:${cellAddress(end.bottom, end.right)}`;
}

export function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Excel's addresses may carry "$" and quotes; compare what they point at. */
export function sameRange(a: string, b: string): boolean {
  try {
    const x = parseReference(a);
    const y = parseReference(b);
    const { top, left, bottom, right } = x.box;
    return (
      (x.sheet ?? "").toLowerCase() === (y.sheet ?? "").toLowerCase() &&
      top === y.box.top &&
      left === y.box.left &&
      bottom === y.box.bottom &&
      right === y.box.right
    );
  } catch {
    return false;
  }
}
