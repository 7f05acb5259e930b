/**
 * Reading back a sheet this add-in owns (the user-edited "Kontoindelning", the previous
 * report's narrative), found by its owner mark so a renamed sheet is still found. One round
 * trip: the mark, its sheet's name and the sheet's used values are queued together, each an
 * *OrNullObject so a missing mark or an empty sheet costs nothing more.
 */
import type { OutputJob } from "../core/sheets/jobs";
import { ownerMarkName } from "../core/sheets/ownership";
import type { SourceRange } from "./port";
import { queueUsedValues, usedSource } from "./sheets";
import { ownedSheetName } from "./write";

export async function readOwnedTable(
  context: Excel.RequestContext,
  job: OutputJob
): Promise<SourceRange | null> {
  const mark = context.workbook.names.getItemOrNullObject(ownerMarkName(job));
  mark.load("value");
  const sheet = mark.getRangeOrNullObject().worksheet;
  sheet.load("name");
  const used = queueUsedValues(sheet);
  await context.sync();
  if (mark.isNullObject || sheet.isNullObject) return null;
  // A mark that no longer points at A1 of a sheet does not make that sheet ours.
  if (ownedSheetName(mark.value, [sheet.name]) === null) return null;
  return usedSource(used, sheet.name);
}
