/**
 * The shaped sheet's formulas in a real spreadsheet engine: with last year beside this year,
 * LibreOffice recalculates the totals of this year, last year and the change (and the
 * change in %) from the formulas alone, every cached result removed.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
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
  const allocation = written.getWorksheet("Fördelning")!;
  let formulas = 0;
  allocation.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) {
        cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    })
  );
  // Key, share, amount, last year, change, change % and the check.
  expect(formulas).toBe(7);
  const stripped = path.join(dir, "stripped.xlsx");
  await written.xlsx.writeFile(stripped);
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
    { encoding: "utf8", timeout: 110_000 }
  );
  expect(convert.status).toBe(0);
  const rows = readFileSync(path.join(dir, "stripped-Fördelning.csv"), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
  const total = rows.find((r) => r[0] === "Summa")!;
  expect(total.slice(3, 6)).toEqual(["1000000", "690000", "310000"]);
  expect(total[6]).toMatch(/^44\.9\d*%$/);
  expect(rows.find((r) => r[0] === "Kontroll: summa minus belopp att fördela")![1]).toBe("0");
});
