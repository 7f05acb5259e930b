/**
 * Finding the sheet this add-in owns for a job through its owner mark (so a renamed sheet is
 * still found, and a sheet the mark was cut into is not ours), and reading it back (the
 * user-edited "Kontoindelning", the previous report's narrative, the run log, the Fördelning
 * the requisitions step takes its maxima from). One round trip for the mark and the sheet
 * names; to read, one more for the sheet's used values, reached by name: nothing is chained
 * on a mark that may be a null object.
 */
import type { OutputJob } from "../core/sheets/jobs";
import { ownedSheetName, ownerMarkName } from "../core/sheets/ownership";
import type { SourceRange } from "./port";
import { queueUsedValues, usedSource } from "./sheets";

/** Where a job's output goes: the owner mark, the workbook's sheet names and our sheet, if any. */
export interface OwnedLookup {
  mark: Excel.NamedItem;
  sheets: Excel.WorksheetCollection;
  sheetNames: string[];
  owned: string | null;
  /** With `readUsed`: our sheet's used values (null when there is no sheet or it is empty). */
  used: SourceRange | null;
}

export async function findOwned(
  context: Excel.RequestContext,
  job: OutputJob,
  readUsed: boolean
): Promise<OwnedLookup> {
  const mark = context.workbook.names.getItemOrNullObject(ownerMarkName(job));
  mark.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const sheetNames = sheets.items.map((sheet) => sheet.name);
  const owned = mark.isNullObject ? null : ownedSheetName(mark.value, sheetNames);
  let used: SourceRange | null = null;
  if (readUsed && owned !== null) {
    const range = queueUsedValues(sheets.getItem(owned));
    await context.sync();
    used = usedSource(range, owned);
  }
  return { mark, sheets, sheetNames, owned, used };
}

export async function readOwnedTable(
  context: Excel.RequestContext,
  job: OutputJob
): Promise<SourceRange | null> {
  return (await findOwned(context, job, true)).used;
}
