/**
 * Whole worksheets by name: the workbook's sheet names, and a sheet's used values as a grid
 * (e.g. last year's Fördelning sheet a user copied into this workbook). One round trip each.
 */
import { gridRangeRef } from "../core/grid";
import { OUTPUT_JOBS } from "../core/sheets/jobs";
import { ownedSheetName, ownerMarkName } from "../core/sheets/ownership";
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

/**
 * The workbook's worksheet names, in the order of their tabs, without the sheets this add-in
 * owns (found by their owner marks in the same round trip): a sheet the add-in is about to
 * rewrite is never offered as an input. A copy of one (a copy has no mark) is offered.
 */
export async function listSheets(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const marks = OUTPUT_JOBS.map((job) => {
    const mark = context.workbook.names.getItemOrNullObject(ownerMarkName(job));
    mark.load("value");
    return mark;
  });
  await context.sync();
  const names = sheets.items.map((sheet) => sheet.name);
  const owned = new Set(
    marks.flatMap((mark) => {
      const sheet = mark.isNullObject ? null : ownedSheetName(mark.value, names);
      return sheet === null ? [] : [sheet];
    })
  );
  return names.filter((name) => !owned.has(name));
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
