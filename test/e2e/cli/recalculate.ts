/**
 * The proof every job's output sheet gets: its formulas' cached results are removed, then
 * LibreOffice (headless) recalculates the sheet and exports it as CSV, so every total read
 * back comes from the formulas alone. One helper for every job's test.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

/** The rows of a CSV export (comma, quoted fields), as text. */
export function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\n")
    .map((line) =>
      (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((cell) =>
        cell.replace(/,$/, "").replace(/^"|"$/g, "")
      )
    );
}

export function expectLibreOffice(): void {
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  // LibreOffice must be installed (.ci/run installs it).
  expect(soffice.error).toBeUndefined();
}

export interface Recalculated {
  /** How many formulas had their cached result removed. */
  formulas: number;
  /** The sheet as LibreOffice computed it (plain values, one array per row). */
  rows: string[][];
}

/**
 * Recalculates `sheetName` of `workbook` (read from an output file) in LibreOffice, with
 * every cached result removed. With `alone`, the other sheets are removed first, so the
 * sheet must stand on its own.
 */
export async function recalculate(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  dir: string,
  { alone = false, timeout = 200_000 } = {}
): Promise<Recalculated> {
  if (alone)
    for (const sheet of [...workbook.worksheets])
      if (sheet.name !== sheetName) workbook.removeWorksheet(sheet.id);
  let formulas = 0;
  workbook.getWorksheet(sheetName)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) {
        cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    })
  );
  const stripped = path.join(dir, "stripped.xlsx");
  await workbook.xlsx.writeFile(stripped);
  const convert = spawnSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1",
      "--outdir",
      dir,
      stripped,
    ],
    { encoding: "utf8", timeout }
  );
  expect(convert.status).toBe(0);
  // One CSV per sheet ("stripped-<sheet>.csv"), or "stripped.csv" for a workbook of one sheet.
  const csv = [`stripped-${sheetName}.csv`, "stripped.csv"]
    .map((file) => path.join(dir, file))
    .find((file) => existsSync(file))!;
  return { formulas, rows: parseCsv(readFileSync(csv, "utf8")) };
}
