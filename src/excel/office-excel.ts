/**
 * The ExcelPort on Office.js. Each operation is one `Excel.run` with as few `context.sync()`
 * as the job allows, counted so tests and logs can watch the budget. Office failures become
 * `OfficeCallError`s; input problems stay `InputError`s.
 */
import { parseReference, rangeAddress } from "../core/grid";
import type { OutputJob } from "../core/jobs";
import type { SheetModel } from "../core/sheet-model";
import { officeCall } from "./errors";
import type { ExcelPort, SourceRange, TableInfo, WrittenOutput } from "./port";
import { listTables, readOwnedTable, readRange, readSelection, readTable } from "./read";
import { displayLanguage, loadSetting, saveSetting } from "./settings";
import { writeOutput } from "./write";

/**
 * Runs `work` in one Excel.run and reports how many round trips it took. The count wraps
 * context.sync itself, so the modules keep calling `context.sync()` where the linter sees it.
 */
async function runCounted<T>(
  work: (context: Excel.RequestContext) => Promise<T>
): Promise<{ result: T; syncs: number }> {
  return Excel.run(async (context) => {
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

async function selectReference(context: Excel.RequestContext, reference: string): Promise<void> {
  const { sheet: sheetName, box } = parseReference(reference);
  const sheets = context.workbook.worksheets;
  const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(rangeAddress(box)).select();
  await context.sync();
}

export function createOfficeExcel(): ExcelPort {
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
      officeCall(
        { kind: "readOwnedTable", job },
        async () => (await runCounted((context) => readOwnedTable(context, job))).result
      ),
    writeOutput: (job: OutputJob, model: SheetModel): Promise<WrittenOutput> =>
      officeCall({ kind: "writeOutput" }, async () => {
        const { result, syncs } = await runCounted((context) => writeOutput(context, job, model));
        return { ...result, syncs };
      }),
    select: (reference: string): Promise<void> =>
      officeCall({ kind: "select", reference }, async () => {
        await runCounted((context) => selectReference(context, reference));
      }),
    loadSettings: <T>(key: string): T | null => loadSetting<T>(key),
    saveSettings: <T>(key: string, value: T): Promise<void> =>
      officeCall({ kind: "saveSettings" }, () => saveSetting(key, value)),
    displayLanguage,
  };
}
