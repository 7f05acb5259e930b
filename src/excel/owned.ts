/**
 * Reading back a sheet this add-in owns (the user-edited "Kontoindelning", the previous
 * report's narrative, the Fördelning the requisitions step takes its maxima from), found by
 * its owner mark so a renamed sheet is still found. One round trip for the mark and the
 * sheet names; when the mark points at A1 of a sheet, one more for that sheet's used values,
 * reached by name: nothing is chained on a mark that may be a null object.
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
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (mark.isNullObject) return null;
  // A mark that no longer points at A1 of a sheet does not make that sheet ours.
  const owned = ownedSheetName(
    mark.value,
    sheets.items.map((sheet) => sheet.name)
  );
  if (owned === null) return null;
  const used = queueUsedValues(sheets.getItem(owned));
  await context.sync();
  return usedSource(used, owned);
}
