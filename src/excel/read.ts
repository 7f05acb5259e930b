/**
 * Reading ranges as core `Grid`s, with each cell's formula and the hidden rows. One round
 * trip for a normal range: the used cells' position, the values and formulas of the part
 * inside a fixed window at the sheet's top-left, and which of the window's rows are visible
 * are loaded in the same batch, so the size guard runs before anything large is
 * transferred; only a block that lies outside the window costs a second round trip.
 *
 * Hidden rows at ExcelApi 1.7: a RangeView (ExcelApi 1.3) of a column holds only the
 * visible cells, so the row numbers in its `cellAddresses` are the visible rows; every
 * other row of the grid is hidden (by hand or by a filter).
 *
 * Size: Excel on the web refuses a response over 5 MB. A read is guarded by its estimated
 * JSON size, not its cell count (a text cell is many bytes); larger ranges are read in row
 * blocks by readRangeInBlocks (blocks.ts).
 */
import {
  type CellValue,
  type Grid,
  type RangeBox,
  gridRangeRef,
  parseReference,
  quoteSheetName,
  rangeAddress,
} from "../core/grid";
import { InputError } from "../core/problems";
import type { SourceRange, TableInfo } from "./port";

/** A read whose estimated response is larger is refused (or read in blocks): the web caps it at 5 MB. */
export const READ_BUDGET_BYTES = 4_000_000;
/** JSON bytes per cell assumed before any value is seen: a short text or a long number. */
export const DEFAULT_BYTES_PER_CELL = 24;
/** JSON bytes of one visible row's address in `cellAddresses`, e.g. "'Huvudbok 2026'!A100000". */
const ADDRESS_BYTES = 28;

/** Values inside A1:Z4000 (104 000 cells) come with the first round trip. */
export const FAST_WINDOW: RangeBox = { top: 0, left: 0, bottom: 3999, right: 25 };

type Positioned = Pick<Excel.Range, "rowIndex" | "columnIndex" | "rowCount" | "columnCount">;

export function boxOf(range: Positioned): RangeBox {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount - 1,
    right: range.columnIndex + range.columnCount - 1,
  };
}

export function contains(outer: RangeBox, inner: RangeBox): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

function boxRef(sheet: string, box: RangeBox): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(box)}`;
}

/** Excel gives "" for a blank cell and error values as text ("#DIV/0!"); core expects null for blank. */
export function toCellValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/**
 * The estimated JSON size of reading a block: its values and formulas, and the addresses of
 * its visible rows. `bytesPerCell` is measured on cells already read where there are any.
 */
export function estimateReadBytes(
  rows: number,
  columns: number,
  bytesPerCell = DEFAULT_BYTES_PER_CELL
): number {
  return rows * columns * bytesPerCell * 2 + rows * ADDRESS_BYTES;
}

/** Average JSON bytes per cell of values already read; the default when there are none. */
export function measuredBytesPerCell(values: unknown[][]): number {
  let cells = 0;
  for (const row of values) cells += row.length;
  if (cells === 0) return DEFAULT_BYTES_PER_CELL;
  return Math.max(4, JSON.stringify(values).length / cells);
}

/** What `range.formulas` gives for a cell: the formula text, or the value when it has none. */
export function toFormula(formula: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

/** Zero-based worksheet rows in `cellAddresses` of a RangeView ("Blad1!A7" -> 6). */
export function visibleRowsOf(cellAddresses: unknown[][]): Set<number> {
  const rows = new Set<number>();
  for (const line of cellAddresses) {
    const address = line[0];
    if (typeof address !== "string") continue;
    const match = /\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(address);
    if (!match) continue;
    const first = Number(match[1]) - 1;
    const last = match[2] ? Number(match[2]) - 1 : first;
    for (let row = first; row <= last; row++) rows.add(row);
  }
  return rows;
}

/** Grid row indexes (0 = box.top) of the rows of `box` that are not visible. */
export function hiddenRowsOf(box: RangeBox, visible: Set<number>): number[] {
  const hidden: number[] = [];
  for (let row = box.top; row <= box.bottom; row++)
    if (!visible.has(row)) hidden.push(row - box.top);
  return hidden;
}

/** Proxies queued for reading a range; nothing is transferred until the caller syncs. */
export interface QueuedRead {
  range: Excel.Range;
  used: Excel.Range;
  windowed: Excel.Range;
  /** The visible rows among the window's rows (column A of rows 1 to 4000). */
  windowRows: Excel.RangeView;
}

/** `sheet` is the range's worksheet: the visible-row view is taken on its column A. */
export function queueRangeRead(range: Excel.Range, sheet: Excel.Worksheet): QueuedRead {
  range.load("rowIndex, columnIndex, rowCount, columnCount");
  const used = range.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const windowed = range.getIntersectionOrNullObject(rangeAddress(FAST_WINDOW));
  windowed.load("rowIndex, columnIndex, rowCount, columnCount, values, formulas");
  // A proxy that always exists (a RangeView is not taken of a null object).
  const windowRows = sheet
    .getRange(rangeAddress({ top: FAST_WINDOW.top, left: 0, bottom: FAST_WINDOW.bottom, right: 0 }))
    .getVisibleView();
  windowRows.load("cellAddresses");
  return { range, used, windowed, windowRows };
}

/** The refusal of a range too large to read at once, with its estimated size. */
export function rangeTooLarge(sheet: string, box: RangeBox, bytes: number): InputError {
  return new InputError([
    {
      code: "RANGE_TOO_LARGE",
      params: {
        range: boxRef(sheet, box),
        rows: String(box.bottom - box.top + 1),
        megabytes: String(Math.ceil(bytes / 1_000_000)),
      },
    },
  ]);
}

/** After the caller's sync: the grid, or a refusal; one more sync only outside the window. */
export async function completeRangeRead(
  context: Excel.RequestContext,
  read: QueuedRead,
  sheet: string
): Promise<Grid> {
  if (read.used.isNullObject) {
    throw new InputError([
      { code: "EMPTY_RANGE", params: { range: boxRef(sheet, boxOf(read.range)) } },
    ]);
  }
  const usedBox = boxOf(read.used);
  if (!read.windowed.isNullObject && contains(boxOf(read.windowed), usedBox)) {
    const windowBox = boxOf(read.windowed);
    const cut = (grid: unknown[][]) =>
      grid
        .slice(usedBox.top - windowBox.top, usedBox.bottom - windowBox.top + 1)
        .map((row) => row.slice(usedBox.left - windowBox.left, usedBox.right - windowBox.left + 1));
    const visible = visibleRowsOf(read.windowRows.cellAddresses);
    return toGrid(sheet, usedBox, cut(read.windowed.values), cut(read.windowed.formulas), visible);
  }
  const sample = read.windowed.isNullObject ? [] : read.windowed.values;
  const bytes = estimateReadBytes(
    usedBox.bottom - usedBox.top + 1,
    usedBox.right - usedBox.left + 1,
    Math.max(DEFAULT_BYTES_PER_CELL, measuredBytesPerCell(sample))
  );
  if (bytes > READ_BUDGET_BYTES) throw rangeTooLarge(sheet, usedBox, bytes);
  const used = read.used;
  used.load("values, formulas");
  const rows = used.getColumn(0).getVisibleView();
  rows.load("cellAddresses");
  await context.sync();
  return toGrid(sheet, usedBox, used.values, used.formulas, visibleRowsOf(rows.cellAddresses));
}

/** A grid from what Excel returned for `box`: values, formulas and the visible rows. */
export function toGrid(
  sheet: string,
  box: RangeBox,
  values: unknown[][],
  formulas: unknown[][],
  visible: Set<number>
): Grid {
  return {
    sheet,
    top: box.top,
    left: box.left,
    values: values.map((row) => row.map(toCellValue)),
    formulas: formulas.map((row) => row.map(toFormula)),
    hiddenRows: hiddenRowsOf(box, visible),
  };
}

function source(grid: Grid, tableName?: string): SourceRange {
  return tableName === undefined
    ? { grid, address: gridRangeRef(grid) }
    : { grid, address: gridRangeRef(grid), tableName };
}

/**
 * The selection; a single selected cell stands for the Excel table it is in, else its
 * surrounding region.
 * Round trips: 1 for a block selection inside the window, 2 for a single cell, 3 for a single
 * cell on a sheet with tables (their positions are needed to find the one holding the cell).
 */
export async function readSelection(context: Excel.RequestContext): Promise<SourceRange> {
  const selection = context.workbook.getSelectedRange();
  selection.load("rowIndex, columnIndex, rowCount, columnCount");
  // The selection is always on the active sheet.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const selectionRead = queueRangeRead(selection, sheet);
  const first = selection.getCell(0, 0);
  // ExcelApi 1.7, the floor the manifest and the pane's start check require.
  const around = first.getSurroundingRegion();
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  tables.load("items/name");
  await context.sync();

  if (selection.rowCount * selection.columnCount > 1) {
    return source(await completeRangeRead(context, selectionRead, sheet.name));
  }
  const cell = boxOf(selection);
  const candidates = tables.items.map((table) => {
    table.load("showTotals");
    const range = table.getRange();
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    return { table, range };
  });
  if (candidates.length > 0) await context.sync();
  const holder = candidates.find((candidate) => contains(boxOf(candidate.range), cell));
  const targetRead = queueRangeRead(holder ? holder.range : around, sheet);
  await context.sync();
  const grid = await completeRangeRead(context, targetRead, sheet.name);
  if (!holder) return source(grid);
  return source(
    withoutTotalsRow(grid, boxOf(holder.range), holder.table.showTotals),
    holder.table.name
  );
}

/**
 * A table's range ends with its totals row when that is shown; a row of SUBTOTALs is not a
 * recipient, so it is left out (unless it is blank and the used range already ended above it).
 */
export function withoutTotalsRow(grid: Grid, tableBox: RangeBox, showTotals: boolean): Grid {
  const lastRow = grid.top + grid.values.length - 1;
  if (!showTotals || lastRow !== tableBox.bottom || grid.values.length < 2) return grid;
  const last = grid.values.length - 1;
  return {
    ...grid,
    values: grid.values.slice(0, -1),
    ...(grid.formulas && { formulas: grid.formulas.slice(0, -1) }),
    ...(grid.hiddenRows && { hiddenRows: grid.hiddenRows.filter((row) => row !== last) }),
  };
}

/** The table `name`: header and body rows, no totals row; one round trip for a normal table. */
export async function readTable(context: Excel.RequestContext, name: string): Promise<SourceRange> {
  // The sheet comes from its own proxy: the linter reads `table.worksheet` after
  // `table.load` as a property read before sync.
  const sheet = context.workbook.tables.getItem(name).worksheet;
  sheet.load("name");
  const table = context.workbook.tables.getItem(name);
  table.load("showTotals");
  const read = queueRangeRead(table.getRange(), sheet);
  await context.sync();
  const grid = await completeRangeRead(context, read, sheet.name);
  return source(withoutTotalsRow(grid, boxOf(read.range), table.showTotals), name);
}

/** The range at `address` (its used part); one round trip for a normal range. */
export async function readRange(
  context: Excel.RequestContext,
  address: string
): Promise<SourceRange> {
  const { sheet: sheetName, box } = parseReference(address);
  const sheets = context.workbook.worksheets;
  const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  sheet.load("name");
  const read = queueRangeRead(sheet.getRange(rangeAddress(box)), sheet);
  await context.sync();
  return source(await completeRangeRead(context, read, sheet.name));
}

/** Every Excel table in the workbook with its sheet and address; two round trips. */
export async function listTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const queued = tables.items.map((table) => {
    const sheet = context.workbook.tables.getItem(table.name).worksheet;
    sheet.load("name");
    const range = table.getRange();
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    return { name: table.name, sheet, range };
  });
  await context.sync();
  return queued.map(({ name, sheet, range }) => ({
    name,
    sheet: sheet.name,
    address: boxRef(sheet.name, boxOf(range)),
  }));
}
