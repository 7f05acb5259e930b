/**
 * Reading back a sheet this add-in owns (the user-edited "Kontoindelning", the previous
 * report's narrative), found by its owner mark so a renamed sheet is still found. One round
 * trip: the mark, its sheet's name and the sheet's used values are queued together, each an
 * *OrNullObject so a missing mark or an empty sheet costs nothing more.
 */
import { gridRangeRef } from "../core/grid";
import type { OutputJob } from "../core/sheets/jobs";
import { ownerMarkName } from "../core/sheets/ownership";
import type { SourceRange } from "./port";
import { boxOf, toCellValue } from "./read";
import { ownedSheetName } from "./write";

export async function readOwnedTable(
  context: Excel.RequestContext,
  job: OutputJob
): Promise<SourceRange | null> {
  const mark = context.workbook.names.getItemOrNullObject(ownerMarkName(job));
  mark.load("value");
  const sheet = mark.getRangeOrNullObject().worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount, values");
  await context.sync();
  if (mark.isNullObject || sheet.isNullObject || used.isNullObject) return null;
  // A mark that no longer points at A1 of a sheet does not make that sheet ours.
  if (ownedSheetName(mark.value, [sheet.name]) === null) return null;
  const box = boxOf(used);
  const grid = {
    sheet: sheet.name,
    top: box.top,
    left: box.left,
    values: used.values.map((row) => row.map(toCellValue)),
  };
  return { grid, address: gridRangeRef(grid) };
}
