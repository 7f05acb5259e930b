/**
 * The output's formulas in a real spreadsheet engine: LibreOffice recalculates the
 * allocation sheet with every cached result removed, so the totals come from the SUM
 * formulas themselves, not from values the runner wrote.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { demoInputWorkbook } from "../../../src/cli/demo";
import { saveWorkbook } from "../../../src/cli/workbook-io";

jest.setTimeout(120_000);

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\n")
    .map((line) =>
      (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((cell) =>
        cell.replace(/,$/, "").replace(/^"|"$/g, "")
      )
    );
}

test("LibreOffice computes the SUM total and the zero check from the formulas alone", async () => {
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  expect(soffice.error).toBeUndefined(); // LibreOffice must be installed (.ci/run installs it)

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
  const sheet = workbook.getWorksheet("Fördelning")!;
  let formulas = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) {
        cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    })
  );
  expect(formulas).toBe(4);
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
    { encoding: "utf8", timeout: 110_000 }
  );
  expect(convert.status).toBe(0);
  const rows = parseCsv(readFileSync(path.join(dir, "stripped-Fördelning.csv"), "utf8"));
  const byLabel = (label: string) => rows.find((r) => r[0] === label)!;

  // Rounded to 1 000 kr the districts get 5 669 000 kr; 306 kr is left unallocated.
  expect(byLabel("Ej fördelat (mindre än en avrundningsenhet)")[3]).toBe("306");
  expect(byLabel("Summa")[1]).toBe("5669306");
  expect(byLabel("Summa")[3]).toBe("6069306");
  expect(byLabel("Summa")[2]).toMatch(/^100(\.0+)?%$/);
  expect(byLabel("Kontroll: summa minus belopp att fördela")[1]).toBe("0");
});
