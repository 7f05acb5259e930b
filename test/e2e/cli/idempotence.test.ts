/**
 * Proof that a job's output does not drift (issue 14): each job run three times on its own
 * output gives the same workbook as running it once: the same sheets, and the owned sheet
 * cell for cell (values, formulas, number formats, bold, fills) and width for width. The
 * run log (Körlogg) gains a row per write by design, so it is not compared. The
 * report-back's own test does the same for its two sheets.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { gridsWorkbook } from "../../../src/cli/requisitions-command";
import { demoInputWorkbook } from "../../../src/cli/demo";
import { run } from "../../../src/cli/main";
import { ownedWorksheet, saveWorkbook } from "../../../src/cli/workbook-io";
import { requisitionsSample } from "../../../src/core/jobs/requisitions/sample";
import type { OutputJob } from "../../../src/core/sheets/jobs";
import { STOCKHOLM_2024 } from "../../fixtures/stockholm-2024";

function fingerprint(workbook: ExcelJS.Workbook, job: OutputJob): string {
  const sheet = ownedWorksheet(workbook, job);
  if (!sheet) throw new Error(`no ${job} sheet`);
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      cells.push([cell.address, cell.value, cell.numFmt, cell.font?.bold, cell.fill])
    )
  );
  return JSON.stringify({
    sheets: workbook.worksheets.map((s) => s.name),
    name: sheet.name,
    cells,
    widths: sheet.columns?.map((c) => c.width),
  });
}

/** Runs `args` on its own output three times; the fingerprints after each run. */
async function threeRuns(input: string, job: OutputJob, args: string[]): Promise<string[]> {
  const prints: string[] = [];
  let current = input;
  for (let i = 1; i <= 3; i++) {
    const output = path.join(path.dirname(input), `run-${i}.xlsx`);
    const result = await run([
      ...args.slice(0, 1),
      current,
      ...args.slice(1),
      "--output",
      output,
      "--date",
      "2026-11-25",
    ]);
    expect(result.exitCode).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    prints.push(fingerprint(workbook, job));
    current = output;
  }
  return prints;
}

test("allocate three times on its own output: the same workbook as once", async () => {
  const input = path.join(mkdtempSync(path.join(tmpdir(), "statsbidrag-idem-")), "in.xlsx");
  await saveWorkbook(demoInputWorkbook(), input);
  const prints = await threeRuns(input, "allocation", [
    "allocate",
    "--total",
    "6069306",
    "--reserve",
    "Äldreförvaltningen=400000",
  ]);
  expect(prints[1]).toBe(prints[0]);
  expect(prints[2]).toBe(prints[0]);
});

test("requisitions three times on its own output: the same workbook as once", async () => {
  const sample = requisitionsSample(STOCKHOLM_2024);
  const input = path.join(mkdtempSync(path.join(tmpdir(), "statsbidrag-idem-")), "in.xlsx");
  await saveWorkbook(gridsWorkbook([sample.maxima, sample.requisitions]), input);
  const prints = await threeRuns(input, "requisitions", [
    "requisitions",
    "--maxima-sheet",
    sample.maxima.sheet,
    "--requisitions-sheet",
    sample.requisitions.sheet,
    "--deadline",
    "2024-09-30",
    "--redistribute",
  ]);
  expect(prints[1]).toBe(prints[0]);
  expect(prints[2]).toBe(prints[0]);
});
