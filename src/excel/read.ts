/**
 * Reading ranges as core `Grid`s. One round trip for a normal range: the used cells' position
 * and the values of the part inside a fixed window at the sheet's top-left are loaded in the
 * same batch, so the size guard runs before anything large is transferred; only a block that
 * lies outside the window costs a second round trip.
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
import type { OutputJob } from "../core/jobs";
import { ownerMarkName } from "../core/ownership";
import { InputError } from "../core/problems";
import type { SourceRange, TableInfo } from "./port";

/** Above this many cells a read is refused: Excel on the web caps a response at 5 MB. */
export const MAX_READ_CELLS = 500_000;

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

function cellCount(box: RangeBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
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

/** Proxies queued for reading a range; nothing is transferred until the caller syncs. */
export interface QueuedRead {
  range: Excel.Range;
  used: Excel.Range;
  windowed: Excel.Range;
}

export function queueRangeRead(range: Excel.Range): QueuedRead {
  range.load("rowIndex, columnIndex, rowCount, columnCount");
  const used = range.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const windowed = range.getIntersectionOrNullObject(rangeAddress(FAST_WINDOW));
  windowed.load("rowIndex, columnIndex, rowCount, columnCount, values");
  return { range, used, windowed };
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
  const cells = cellCount(usedBox);
  if (cells > MAX_READ_CELLS) {
    throw new InputError([
      {
        code: "RANGE_TOO_LARGE",
        params: {
          range: boxRef(sheet, usedBox),
          cells: String(cells),
          max: String(MAX_READ_CELLS),
        },
      },
    ]);
  }
  if (!read.windowed.isNullObject && contains(boxOf(read.windowed), usedBox)) {
    const windowBox = boxOf(read.windowed);
    const values = read.windowed.values
      .slice(usedBox.top - windowBox.top, usedBox.bottom - windowBox.top + 1)
      .map((row) => row.slice(usedBox.left - windowBox.left, usedBox.right - windowBox.left + 1));
    return toGrid(sheet, usedBox, values);
  }
  const used = read.used;
  used.load("values");
  await context.sync();
  return toGrid(sheet, usedBox, used.values);
}

function toGrid(sheet: string, box: RangeBox, values: unknown[][]): Grid {
  return { sheet, top: box.top, left: box.left, values: values.map((row) => row.map(toCellValue)) };
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
  const selectionRead = queueRangeRead(selection);
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
  const targetRead = queueRangeRead(holder ? holder.range : around);
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
  return { ...grid, values: grid.values.slice(0, -1) };
}

/** The table `name`: header and body rows, no totals row; one round trip for a normal table. */
export async function readTable(context: Excel.RequestContext, name: string): Promise<SourceRange> {
  // The sheet comes from its own proxy: the linter reads `table.worksheet` after
  // `table.load` as a property read before sync.
  const sheet = context.workbook.tables.getItem(name).worksheet;
  sheet.load("name");
  const table = context.workbook.tables.getItem(name);
  table.load("showTotals");
  const read = queueRangeRead(table.getRange());
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
  const read = queueRangeRead(sheet.getRange(rangeAddress(box)));
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

/**
 * The used range of the sheet the add-in owns for `job`, or null when it has none (no owner
 * mark, or its sheet was deleted). One round trip: the sheet is reached through the owner
 * mark's range in the same batch as its used range and values, so a renamed sheet is still
 * found and a same-named sheet of the user's is never read. The sheet is one the add-in
 * wrote (hundreds of rows), so its values come in that one response.
 */
export async function readOwnedTable(
  context: Excel.RequestContext,
  job: OutputJob
): Promise<SourceRange | null> {
  // One chain of proxies: the linter reads `range.worksheet` on a range variable as a read.
  const sheet = context.workbook.names
    .getItemOrNullObject(ownerMarkName(job))
    .getRangeOrNullObject().worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount, values");
  await context.sync();
  // A null mark makes a null range, sheet and used range (Office.js propagates null objects).
  if (sheet.isNullObject || used.isNullObject) return null;
  const box = boxOf(used);
  if (cellCount(box) > MAX_READ_CELLS) {
    throw new InputError([
      {
        code: "RANGE_TOO_LARGE",
        params: {
          range: boxRef(sheet.name, box),
          cells: String(cellCount(box)),
          max: String(MAX_READ_CELLS),
        },
      },
    ]);
  }
  return source(toGrid(sheet.name, box, used.values));
}
