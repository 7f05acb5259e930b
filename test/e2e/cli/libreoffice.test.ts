/**
 * The output's formulas in a real spreadsheet engine: LibreOffice recalculates the
 * allocation sheet with every cached result removed, so the totals come from the SUM
 * formulas themselves, not from values the runner wrote.
 */
import { expectLibreOffice, recalculate } from "./recalculate";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { demoInputWorkbook } from "../../../src/cli/demo";
import { saveWorkbook } from "../../../src/cli/workbook-io";

jest.setTimeout(120_000);

test("LibreOffice computes the SUM total and the zero check from the formulas alone", async () => {
  expectLibreOffice();

  const dir = mkdtempSync(path.join(tmpdir(), "statsbidrag-lo-"));
  const input = path.join(dir, "in.xlsx");
  const output = path.join(dir, "out.xlsx");
  await saveWorkbook(demoInputWorkbook(), input);
  const result = await run([
    "allocate",
    input,
    "--total",
    "6069306",
    "--reserve",
    "Äldreförvaltningen=400000",
    "--unit",
    "1000",
    "--output",
    output,
  ]);
  expect(result.exitCode).toBe(0);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const { formulas, rows } = await recalculate(workbook, "Fördelning", dir);
  expect(formulas).toBe(4);
  const byLabel = (label: string) => rows.find((r) => r[0] === label)!;

  // Rounded to 1 000 kr the districts get 5 669 000 kr; 306 kr is left unallocated.
  expect(byLabel("Ej fördelat (mindre än en avrundningsenhet)")[3]).toBe("306");
  expect(byLabel("Summa")[1]).toBe("5669306");
  expect(byLabel("Summa")[3]).toBe("6069306");
  expect(byLabel("Summa")[2]).toMatch(/^100(\.0+)?%$/);
  expect(byLabel("Kontroll: summa minus belopp att fördela")[1]).toBe("0");
});
