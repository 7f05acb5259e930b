/**
 * Whole worksheets by name: the workbook's sheet names, and a sheet's used values as a grid
 * (e.g. last year's Fördelning sheet a user copied into this workbook). One round trip each.
 */
import { gridRangeRef } from "../core/grid";
import type { SourceRange } from "./port";
import { boxOf, toCellValue } from "./read";

/** Queues the load of a sheet's used values (valuesOnly: formatting alone does not count). */
export function queueUsedValues(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount, values");
  return used;
}

/** After the sync, the values queueUsedValues loaded as the source read; null for a null object. */
export function usedSource(used: Excel.Range, sheetName: string): SourceRange | null {
  if (used.isNullObject) return null;
  const box = boxOf(used);
  const grid = {
    sheet: sheetName,
    top: box.top,
    left: box.left,
    values: used.values.map((row) => row.map(toCellValue)),
  };
  return { grid, address: gridRangeRef(grid) };
}

/** The workbook's worksheet names, in the order of their tabs; one round trip. */
export async function listSheets(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((sheet) => sheet.name);
}

/**
 * The used values of the sheet named `name` (found whatever the case; ItemNotFound when there
 * is none), under the sheet's own spelling; an empty sheet gives an empty grid at A1.
 * One round trip.
 */
export async function readSheet(context: Excel.RequestContext, name: string): Promise<SourceRange> {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.load("name");
  const used = queueUsedValues(sheet);
  await context.sync();
  const source = usedSource(used, sheet.name);
  if (source) return source;
  const grid = { sheet: sheet.name, top: 0, left: 0, values: [] };
  return { grid, address: gridRangeRef(grid) };
}
