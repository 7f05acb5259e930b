/**
 * `statsbidrag report` on a ledger as Unit4/Agresso-style systems export it (issue 19, items
 * 4 and 5): the closing period 202613 as a number, and cost centre and project cells with
 * code and name. 10 000 kr of 100 000 to repay, not 70 000; nothing outside the year.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";

jest.setTimeout(60_000);

async function ledgerFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Huvudbok");
  sheet.addRow(["Period", "Konto", "Ansvar", "Projekt", "Text", "Belopp"]);
  sheet.addRow([202603, 5010, "1234 Äldreomsorg Norr", "P77 - Hälsosamtal", "Lön", 60000]);
  sheet.addRow([202606, 5010, "1234 - Äldreomsorg", "P77", "Lön", 20000]);
  sheet.addRow([202613, 5010, 1234, "P77 Hälsosamtal", "Bokslut", 10000]);
  sheet.addRow([202603, 5010, "1235 Hemtjänst", "P77", "Lön", 5000]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "statsbidrag-codes-")), "in.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

test("code-and-name cells are their code's; period 202613 is 2026's closing", async () => {
  const result = await run([
    "report",
    await ledgerFile(),
    "--received",
    "100000",
    "--year",
    "2026",
    "--cost-centre",
    "1234",
    "--project",
    "P77",
    "--json",
  ]);
  expect(result.exitCode).toBe(0);
  const json = JSON.parse(result.stdout) as {
    totalUsed: string;
    unused: string;
    flagged: { cell: string; reason: string }[];
  };
  expect(json.flagged.map((f) => [f.cell, f.reason])).toEqual([
    ["Huvudbok!C5", "other_cost_centre"],
  ]);
  expect(json.totalUsed).toBe("90000.00");
  expect(json.unused).toBe("10000.00");
});
