/**
 * The shaped sheet's formulas in a real spreadsheet engine: with last year beside this year,
 * LibreOffice recalculates the totals of this year, last year and the change (and the
 * change in %) from the formulas alone, every cached result removed.
 */
import { recalculate } from "./recalculate";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { saveWorkbook } from "../../../src/cli/workbook-io";

jest.setTimeout(120_000);

test("LibreOffice gives the year totals and the zero check from the formulas", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "statsbidrag-shapes-lo-"));
  const input = path.join(dir, "in.xlsx");
  const output = path.join(dir, "out.xlsx");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  sheet.addRow(["Stadsdel", "Invånare 80+", "Golv", "Förra året"]);
  sheet.addRow(["Norr", 100, 80000, 50000]);
  sheet.addRow(["Söder", 300, null, 140000]);
  sheet.addRow(["Öster", 500, null, null]);
  sheet.addRow(["Väster", 1100, null, 500000]);
  await saveWorkbook(book, input);
  const result = await run([
    "allocate",
    input,
    "--total",
    "1000000",
    "--key-column",
    "Invånare 80+",
    "--floor-column",
    "Golv",
    "--last-year-column",
    "Förra året",
    "--output",
    output,
  ]);
  expect(result.exitCode).toBe(0);

  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(output);
  const { formulas, rows } = await recalculate(written, "Fördelning", dir);
  // Key, share, amount, last year, change, change % and the check.
  expect(formulas).toBe(7);
  const total = rows.find((r) => r[0] === "Summa")!;
  expect(total.slice(3, 6)).toEqual(["1000000", "690000", "310000"]);
  expect(total[6]).toMatch(/^44\.9\d*%$/);
  expect(rows.find((r) => r[0] === "Kontroll: summa minus belopp att fördela")![1]).toBe("0");
});
