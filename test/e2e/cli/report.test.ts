/**
 * The report-back runner on real .xlsx files: the sample ledger, JSON equal to core's, bad
 * input refused with cells and nothing written, a user-edited mapping sheet and narrative
 * honoured, accepting by cell, re-running on its own output, a 100 000-row ledger, and the
 * output recalculated in LibreOffice.
 */
import { expectLibreOffice, recalculate } from "./recalculate";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../../../src/core/grid";
import { reportJson } from "../../../src/core/jobs/report-back/json";
import { runReport } from "../../../src/core/jobs/report-back/report";
import { sampleLedger, sampleRequest } from "../../../src/core/jobs/report-back/sample";
import { type ReportOptions, reportCommand } from "../../../src/cli/report-command";
import { ownedWorksheet, saveWorkbook } from "../../../src/cli/workbook-io";

jest.setTimeout(300_000);

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "statsbidrag-report-"));
}

/** A workbook with one sheet per grid, dates as real Excel dates (as a ledger export has them). */
function ledgerWorkbook(grids: Grid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    grid.values.forEach((row, r) =>
      sheet.addRow(
        row.map((value, c) =>
          r > 0 && c === 0 && typeof value === "number"
            ? new Date(EXCEL_EPOCH_MS + value * 86_400_000)
            : value
        )
      )
    );
    sheet.getColumn(1).numFmt = "yyyy-mm-dd";
  }
  return workbook;
}

async function writeInput(dir: string, grids: Grid[], name = "in.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await saveWorkbook(ledgerWorkbook(grids), file);
  return file;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function options(input: string, extra: Partial<ReportOptions> = {}): ReportOptions {
  const request = sampleRequest();
  return {
    input,
    ledgerSheets: [],
    received: String(request.received),
    year: String(request.year),
    costCentres: [...(request.costCentres ?? [])],
    projects: [...(request.projects ?? [])],
    accept: [],
    json: true,
    lang: "sv",
    date: "2027-01-15",
    ...extra,
  };
}

/** Every cell of a sheet: what a user would see changed. */
function fingerprint(sheet: ExcelJS.Worksheet): string {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      cells.push([cell.address, cell.value, cell.numFmt, cell.font?.bold])
    )
  );
  return JSON.stringify({ name: sheet.name, cells, widths: sheet.columns?.map((c) => c.width) });
}

test("the sample: JSON equal to core's, the report and the mapping sheet written and owned", async () => {
  const dir = tempDir();
  const input = await writeInput(dir, [sampleLedger()]);
  const output = path.join(dir, "out.xlsx");
  const result = await reportCommand(options(input, { output }));
  expect(result.exitCode).toBe(0);
  const core = runReport([sampleLedger()], sampleRequest());
  expect(JSON.parse(result.stdout)).toEqual(reportJson(core, "sv"));
  expect(result.stdout.trim()).toMatch(
    /^\{"received":"700000\.00","used":\{"personnel":"603217\.80",/
  );

  const workbook = await readWorkbook(output);
  expect(ownedWorksheet(workbook, "report")?.name).toBe("Återrapportering");
  expect(ownedWorksheet(workbook, "accounts")?.name).toBe("Kontoindelning");
  expect(workbook.getWorksheet("Huvudbok")).toBeDefined();

  const text = await reportCommand(options(input, { json: false }));
  expect(text.exitCode).toBe(0);
  expect(text.stdout).toMatch(/Summa använt\s+647\u00a0844,05/);
  // Each flagged row in words of the user's language; the reason codes are for --json.
  expect(text.stdout).toContain("Huvudbok!A31  Bokförd 2025-12-18, utanför bidragsåret 2026.");
  expect(text.stdout).not.toMatch(/outside_year|other_cost_centre|disallowed/);
});

test("bad input is refused with the cells and flags, and nothing is written", async () => {
  const dir = tempDir();
  const input = await writeInput(dir, [
    {
      sheet: "Huvudbok",
      top: 0,
      left: 0,
      values: [["Titel"], ["Datum", "Konto", "Text"], [46100, 5010, "Lön"]],
    },
  ]);
  const output = path.join(dir, "out.xlsx");
  const result = await reportCommand(options(input, { output, received: "tusen", year: "2026" }));
  expect(result.exitCode).toBe(2);
  expect(existsSync(output)).toBe(false);
  expect(JSON.parse(result.stdout)).toEqual({
    errors: [
      // The flag that chooses the missing column is named (issue 19, defect 13).
      {
        cell: "Huvudbok!A2:C2",
        field: "--amount-column",
        message: expect.stringMatching(/^--amount-column: .*Huvudbok!A2:C2/),
      },
      { cell: null, field: "--received", message: expect.stringMatching(/^--received: .*'tusen'/) },
    ],
  });
  await expect(reportCommand(options(input, { ledgerSheets: ["Finns inte"] }))).rejects.toThrow(
    /Finns inte/
  );
});

test("a user-edited mapping sheet and the narrative are read back; accepting by cell counts a row", async () => {
  const dir = tempDir();
  const input = await writeInput(dir, [sampleLedger()]);
  const first = path.join(dir, "first.xlsx");
  expect((await reportCommand(options(input, { output: first }))).exitCode).toBe(0);

  const workbook = await readWorkbook(first);
  const mapping = ownedWorksheet(workbook, "accounts")!;
  mapping.eachRow((row) => {
    if (row.getCell(1).value === "74–75") row.getCell(2).value = "Övrigt";
  });
  const report = ownedWorksheet(workbook, "report")!;
  report.eachRow((row) => {
    if (row.getCell(1).value === "Antal genomförda samtal") row.getCell(2).value = 214;
    if (row.getCell(1).value === "Resultat") row.getCell(2).value = "Fler äldre nås";
  });
  const edited = path.join(dir, "edited.xlsx");
  await saveWorkbook(workbook, edited);

  const second = path.join(dir, "second.xlsx");
  const result = await reportCommand(options(edited, { output: second, accept: ["Huvudbok!A31"] }));
  expect(result.exitCode).toBe(0);
  const json = JSON.parse(result.stdout);
  expect(json.used.services).toBe("0.00");
  expect(json.used.other).toBe("40276.25");
  // The December wage, accepted, is counted as personnel.
  expect(json.used.personnel).toBe("641467.80");

  const after = ownedWorksheet(await readWorkbook(second), "report")!;
  const answers: Record<string, unknown> = {};
  after.eachRow((row) => (answers[String(row.getCell(1).value)] = row.getCell(2).value));
  expect(answers["Antal genomförda samtal"]).toBe(214);
  expect(answers["Resultat"]).toBe("Fler äldre nås");
});

test("running three times on its own output gives the same sheets as once", async () => {
  const dir = tempDir();
  let input = await writeInput(dir, [
    sampleLedger({ sheet: "Norr" }),
    sampleLedger({ sheet: "Söder", wage: 40_000 }),
  ]);
  const ledgerSheets = ["Norr", "Söder"];
  const prints: string[] = [];
  for (let run = 1; run <= 3; run++) {
    const output = path.join(dir, `run${run}.xlsx`);
    expect((await reportCommand(options(input, { output, ledgerSheets }))).exitCode).toBe(0);
    const workbook = await readWorkbook(output);
    prints.push(
      fingerprint(ownedWorksheet(workbook, "report")!) +
        fingerprint(ownedWorksheet(workbook, "accounts")!)
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Norr",
      "Söder",
      "Kontoindelning",
      "Återrapportering",
    ]);
    input = output;
  }
  expect(prints[1]).toBe(prints[0]);
  expect(prints[2]).toBe(prints[0]);
});

test("a 100 000-row ledger goes through the runner", async () => {
  const dir = tempDir();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Huvudbok");
  sheet.addRow(["Bokföringsdatum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"]);
  const accounts = [5011, 5611, 7490, 6110, 6510, 3010];
  let used = 0;
  for (let i = 0; i < 100_000; i++) {
    const account = accounts[i % accounts.length];
    const ore = (i * 7919) % 1_000_000;
    if (account !== 3010) used += ore;
    sheet.addRow([
      new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
      account,
      "1510",
      "HS26",
      `Post ${i % 300}`,
      ore / 100,
    ]);
  }
  const input = path.join(dir, "big.xlsx");
  await saveWorkbook(workbook, input);
  const result = await reportCommand(options(input));
  expect(result.exitCode).toBe(0);
  const json = JSON.parse(result.stdout);
  expect(json.totalUsed).toBe((used / 100).toFixed(2));
  expect(json.flagged).toEqual([]);
});

test("LibreOffice recalculates every total from the formulas alone, equal to core, no error cell", async () => {
  expectLibreOffice();
  const dir = tempDir();
  const grids = [
    sampleLedger({ sheet: "Norr" }),
    sampleLedger({ sheet: "Söder", wage: 41_234.55 }),
  ];
  const input = await writeInput(dir, grids);
  const output = path.join(dir, "out.xlsx");
  const ledgerSheets = ["Norr", "Söder"];
  const result = await reportCommand(
    options(input, { output, ledgerSheets, accept: ["Söder!F33"] })
  );
  expect(result.exitCode).toBe(0);
  const core = runReport(grids, { ...sampleRequest(), accept: ["Söder!F33"] });

  // Only the report sheet is converted: it must stand on its own.
  const { formulas, rows } = await recalculate(
    await readWorkbook(output),
    "Återrapportering",
    dir,
    { alone: true }
  );
  // 4 categories and income per district and in all (15), total used (3), unused and own funding (2).
  expect(formulas).toBe(20);
  expect(rows.flat().filter((v) => /^(#|Err:)/.test(v))).toEqual([]);
  // Plain values (not as shown); rounded to öre, so a float sum in the engine compares exactly.
  const line = (label: string) =>
    rows
      .find((r) => r[0] === label)!
      .slice(1, 4)
      .map((v) => (v === "" ? "" : Number(v).toFixed(2)));
  const money = (d: { toFixed(n: number): string }) => d.toFixed(2);
  const [norr, soder] = core.districts;
  expect(line("Personal")).toEqual([
    money(norr.used.personnel),
    money(soder.used.personnel),
    money(core.used.personnel),
  ]);
  expect(line("Lokaler")).toEqual([
    money(norr.used.premises),
    money(soder.used.premises),
    money(core.used.premises),
  ]);
  expect(line("Köpta tjänster")).toEqual([
    money(norr.used.services),
    money(soder.used.services),
    money(core.used.services),
  ]);
  expect(line("Övrigt")).toEqual([
    money(norr.used.other),
    money(soder.used.other),
    money(core.used.other),
  ]);
  expect(line("Summa använt")).toEqual([
    money(norr.totalUsed),
    money(soder.totalUsed),
    money(core.totalUsed),
  ]);
  expect(line("Ej använt, att återbetala")[2]).toBe(money(core.unused));
  expect(line("Egen finansiering (kostnader över erhållet bidrag)")[2]).toBe(
    money(core.ownFunding)
  );
  expect(line("Intäkter på bidragets ansvar (redovisas separat, ej avräknade)")).toEqual([
    money(norr.income),
    money(soder.income),
    money(core.income),
  ]);
});
