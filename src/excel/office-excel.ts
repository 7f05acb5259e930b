/**
 * The ExcelPort on Office.js. Each operation is one `Excel.run` with as few `context.sync()`
 * as the job allows, counted so tests and logs can watch the budget. Office failures become
 * `OfficeCallError`s; input problems stay `InputError`s.
 *
 * Every batch runs with `delayForCellEdit` (ExcelApi 1.5, below our 1.7 floor): while the
 * user is still typing in a cell, Excel waits for the edit to end instead of failing the
 * batch with InvalidOperationInCellEditMode (officeProblem in errors.ts words it if a host
 * still refuses).
 */
import { type CellValue, gridRangeRef, parseReference, rangeAddress } from "../core/grid";
import type { OutputJob } from "../core/sheets/jobs";
import type { SheetModel } from "../core/sheets/sheet-model";
import { readBlocks } from "./blocks";
import { officeCall } from "./errors";
import type {
  BlockProgress,
  ExcelPort,
  SelectOutcome,
  SourceRange,
  TableInfo,
  WrittenOutput,
} from "./port";
import { readOwnedTable } from "./owned";
import { listTables, readRange, readSelection, readTable } from "./read";
import { listSheets, readSheet } from "./sheets";
import { displayLanguage, loadSetting, saveSetting } from "./settings";
import { rewriteOwnedSheet, writeOutput, writeToOwnedSheet } from "./write";

/**
 * Runs `work` in one Excel.run and reports how many round trips it took. The count wraps
 * context.sync itself, so the modules keep calling `context.sync()` where the linter sees it.
 */
async function runCounted<T>(
  work: (context: Excel.RequestContext) => Promise<T>
): Promise<{ result: T; syncs: number }> {
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    let syncs = 0;
    const sync = context.sync.bind(context);
    context.sync = <V>(passThroughValue?: V): Promise<V> => {
      syncs += 1;
      return sync(passThroughValue);
    };
    const result = await work(context);
    return { result, syncs };
  });
}

/**
 * Selects the range, then moves keyboard focus to the sheet where Excel can (desktop,
 * ExcelApiDesktop 1.1), so a Ctrl+C copies the selection and not the pane's text.
 */
async function selectReference(
  context: Excel.RequestContext,
  reference: string
): Promise<SelectOutcome> {
  const { sheet: sheetName, box } = parseReference(reference);
  const sheets = context.workbook.worksheets;
  const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(rangeAddress(box)).select();
  const focused = Office.context.requirements.isSetSupported("ExcelApiDesktop", "1.1");
  if (focused) context.workbook.focus();
  await context.sync();
  return { focused };
}

/** Excel's "the requested resource doesn't exist", whatever wraps it. */
function isItemNotFound(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "ItemNotFound"
  );
}

export function createOfficeExcel(): ExcelPort {
  /** The sheet this session wrote per job, by id: the next write reaches it in one sync. */
  const written = new Map<OutputJob, string>();
  const selectWithFocus = (reference: string): Promise<SelectOutcome> =>
    officeCall(
      { kind: "select", reference },
      async () => (await runCounted((context) => selectReference(context, reference))).result
    );
  return {
    readSelection: (): Promise<SourceRange> =>
      officeCall({ kind: "readSelection" }, async () => (await runCounted(readSelection)).result),
    listTables: (): Promise<TableInfo[]> =>
      officeCall({ kind: "listTables" }, async () => (await runCounted(listTables)).result),
    readTable: (name: string): Promise<SourceRange> =>
      officeCall(
        { kind: "readTable", name },
        async () => (await runCounted((context) => readTable(context, name))).result
      ),
    readRange: (address: string): Promise<SourceRange> =>
      officeCall(
        { kind: "readRange", address },
        async () => (await runCounted((context) => readRange(context, address))).result
      ),
    readOwnedTable: (job: OutputJob): Promise<SourceRange | null> =>
      officeCall({ kind: "readOwnedTable", job }, async () => {
        const { result } = await runCounted((context) => readOwnedTable(context, job));
        return result;
      }),
    listSheets: (): Promise<string[]> =>
      officeCall({ kind: "listSheets" }, async () => (await runCounted(listSheets)).result),
    readSheet: (name: string): Promise<SourceRange> =>
      officeCall(
        { kind: "readSheet", name },
        async () => (await runCounted((context) => readSheet(context, name))).result
      ),
    writeOutput: (job: OutputJob, model: SheetModel): Promise<WrittenOutput> =>
      officeCall({ kind: "writeOutput" }, async () => {
        // A sheet this session wrote is reached through its owner mark in one round trip; if it
        // has gone since (deleted, mark removed), that batch fails before writing anything.
        const known = written.get(job);
        if (known !== undefined) {
          try {
            const { result, syncs } = await runCounted((context) =>
              writeToOwnedSheet(context, known, model)
            );
            written.set(job, result.sheetId);
            return { sheetName: result.sheetName, tableAddress: result.tableAddress, syncs };
          } catch (error) {
            // Only a sheet that has gone is retried the long way; any other failure is the user's to see.
            written.delete(job);
            if (!isItemNotFound(error)) throw error;
          }
        }
        const { result, syncs } = await runCounted((context) => writeOutput(context, job, model));
        written.set(job, result.sheetId);
        return { sheetName: result.sheetName, tableAddress: result.tableAddress, syncs };
      }),
    rewriteOwned: (
      job: OutputJob,
      rebuild: (previous: CellValue[][] | null) => SheetModel
    ): Promise<WrittenOutput> =>
      officeCall({ kind: "writeOutput" }, async () => {
        const { result, syncs } = await runCounted((context) =>
          rewriteOwnedSheet(context, job, rebuild)
        );
        return { sheetName: result.sheetName, tableAddress: result.tableAddress, syncs };
      }),
    select: async (reference: string): Promise<void> => {
      await selectWithFocus(reference);
    },
    selectForCopy: (reference: string): Promise<SelectOutcome> => selectWithFocus(reference),
    readRangeInBlocks: (
      address: string,
      onProgress?: (progress: BlockProgress) => void,
      signal?: AbortSignal
    ): Promise<SourceRange> =>
      officeCall({ kind: "readRange", address }, async () => {
        const { result: grid } = await runCounted((context) =>
          readBlocks(context, address, onProgress, signal)
        );
        return { grid, address: gridRangeRef(grid) };
      }),
    loadSettings: <T>(key: string): T | null => loadSetting<T>(key),
    saveSettings: <T>(key: string, value: T): Promise<void> =>
      officeCall({ kind: "saveSettings" }, () => saveSetting(key, value)),
    displayLanguage,
  };
}
