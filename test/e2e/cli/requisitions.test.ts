/**
 * `statsbidrag requisitions` end to end on generated .xlsx files: the --json contract, exit
 * codes, nothing written on bad input, the output workbook (re-run replaces only our sheet),
 * and the output sheet recalculated by LibreOffice from its formulas alone.
 */
import { expectLibreOffice, recalculate } from "./recalculate";
import { existsSync, mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../../../src/core/grid";
import { saveWorkbook } from "../../../src/cli/workbook-io";
import {
  type RequisitionsOptions,
  gridsWorkbook,
  requisitionsCommand,
} from "../../../src/cli/requisitions-command";
import { requisitionsSample } from "../../../src/core/jobs/requisitions/sample";
import { STOCKHOLM_2024 } from "../../fixtures/stockholm-2024";

jest.setTimeout(120_000);

const sample = requisitionsSample(STOCKHOLM_2024);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "statsbidrag-req-"));
}

async function writeInput(dir: string, grids: readonly Grid[], name = "in.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await saveWorkbook(gridsWorkbook(grids), file);
  return file;
}

function options(input: string, extra: Partial<RequisitionsOptions> = {}): RequisitionsOptions {
  return {
    input,
    maximaSheet: "Maxbelopp",
    requisitionsSheet: "Inkomna",
    deadline: "2024-09-30",
    redistribute: true,
    json: false,
    lang: "sv",
    date: "2026-11-25",
    ...extra,
  };
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("--json", () => {
  test("prints exactly the documented shape, with problems as results and exit 0", async () => {
    const input = await writeInput(tempDir(), [sample.maxima, sample.requisitions]);
    const result = await requisitionsCommand(options(input, { json: true, lang: "en" }));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json).toEqual({
      pot: "5669306",
      requisitions: [
        ["A2", "Bromma", "459491", "459491", "459491", "ok", "A2: Approved: 459,491 kr."],
        [
          "A3",
          "Enskede-Årsta-Vantör",
          "477017",
          "477017",
          "477017",
          "ok",
          "A3: Approved: 477,017 kr.",
        ],
        ["A4", "Farsta", "300000", "355411", "300000", "ok", "A4: Approved: 300,000 kr."],
        [
          "A5",
          "Hägersten-Älvsjö",
          "700000",
          "646853",
          "646853",
          "over_max",
          "B5: Requested 700,000 kr is 53,147 kr above the maximum; 646,853 kr is approved.",
        ],
        [
          "A6",
          "Hässelby-Vällingby",
          "408609",
          "408609",
          "408609",
          "ok",
          "A6: Approved: 408,609 kr.",
        ],
        [
          "A7",
          "Järva",
          "418751",
          "418751",
          "0",
          "late",
          "C7: Received 3 October 2024, after the deadline 30 September 2024.",
        ],
        ["A8", "Kungsholmen", "457704", "457704", "457704", "ok", "A8: Approved: 457,704 kr."],
        [
          "A9",
          "Norra innerstaden",
          "1059660",
          "1059660",
          "1059660",
          "ok",
          "A9: Approved: 1,059,660 kr.",
        ],
        [
          "A10",
          "Skarpnack",
          "249453",
          null,
          "0",
          "unknown",
          "A10: 'Skarpnack' is not in the list of maxima. Did you mean 'Skarpnäck'?",
        ],
        ["A11", "Södermalm", "945876", "945876", "945876", "ok", "A11: Approved: 945,876 kr."],
      ].map(([cell, recipient, requested, maximum, approved, status, message]) => ({
        cell: `Inkomna!${cell}`,
        recipient,
        requested,
        maximum,
        approved,
        status,
        message: `Inkomna!${message}`,
      })),
      unrequisitioned: "914096",
      redistribution: [
        { recipient: "Hägersten-Älvsjö", extra: "53147", final: "700000" },
        { recipient: "Hässelby-Vällingby", extra: "300000", final: "708609" },
        { recipient: "Norra innerstaden", extra: "500000", final: "1559660" },
      ],
      leftOver: "60949",
    });
    expect(Object.keys(json)).toEqual([
      "pot",
      "requisitions",
      "unrequisitioned",
      "redistribution",
      "leftOver",
    ]);
  });

  test("without --redistribute the redistribution is empty and everything is left over", async () => {
    const input = await writeInput(tempDir(), [sample.maxima, sample.requisitions]);
    const result = await requisitionsCommand(options(input, { json: true, redistribute: false }));
    const json = JSON.parse(result.stdout);
    expect(json.redistribution).toEqual([]);
    expect(json.leftOver).toBe(json.unrequisitioned);
  });

  test("--total and --unit: a larger pot, re-distributed in thousands", async () => {
    const input = await writeInput(tempDir(), [sample.maxima, sample.requisitions]);
    const result = await requisitionsCommand(
      options(input, { json: true, total: "6 069 306", unit: "1000" })
    );
    const json = JSON.parse(result.stdout);
    expect(json.pot).toBe("6069306");
    expect(json.unrequisitioned).toBe("1314096");
    // Every claim is filled up to what it wants, in whole thousands (53 147 -> 53 000).
    expect(json.redistribution.map((r: { extra: string }) => r.extra)).toEqual([
      "53000",
      "300000",
      "500000",
    ]);
    expect(json.leftOver).toBe("461096");
  });
});

describe("exit codes and nothing written on bad input", () => {
  test("bad maxima cells: exit 2, every cell named, no output file", async () => {
    const dir = tempDir();
    const broken: Grid = {
      ...sample.maxima,
      values: sample.maxima.values.map((row, r) =>
        r === 4 ? [row[0], "tolv"] : r === 6 ? [null, row[1]] : row
      ),
    };
    const input = await writeInput(dir, [broken, sample.requisitions]);
    const output = path.join(dir, "out.xlsx");
    const result = await requisitionsCommand(options(input, { output, json: true }));
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      errors: [
        { cell: "Maxbelopp!B5", message: "Maxbelopp!B5: 'tolv' är inte ett tal." },
        { cell: "Maxbelopp!A7", message: "Maxbelopp!A7: Raden har ett maxbelopp men inget namn." },
      ],
    });
    expect(result.stderr).toContain("Maxbelopp!B5: 'tolv' är inte ett tal.");
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  test("a bad deadline is named by its flag; a missing column by the header row", async () => {
    const dir = tempDir();
    const noAmounts: Grid = {
      ...sample.requisitions,
      values: sample.requisitions.values.map((row) => [row[0], row[2]]),
    };
    const input = await writeInput(dir, [sample.maxima, noAmounts]);
    const result = await requisitionsCommand(
      options(input, { deadline: "30 sept", output: path.join(dir, "out.xlsx") })
    );
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      "--deadline: Sista dag '30 sept' är inget datum; skriv den som ÅÅÅÅ-MM-DD.",
      // The column's flag first: that is how the runner chooses it.
      "--requisition-amount-column: Rubrikraden Inkomna!A1:B1 har ingen kolumn för rekvirerat belopp (t.ex. 'Rekvirerat belopp', 'Rekvirerat', 'Rekvisition'). Välj den.",
    ]);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  test("a missing sheet, an unreadable file, output onto the input: exit 2", async () => {
    const dir = tempDir();
    const input = await writeInput(dir, [sample.maxima, sample.requisitions]);
    const noSheet = await requisitionsCommand(options(input, { maximaSheet: "Max", json: true }));
    expect(noSheet.exitCode).toBe(2);
    expect(JSON.parse(noSheet.stdout)).toEqual({
      errors: [
        {
          cell: null,
          message: `Bladet 'Max' finns inte i ${input}. Bladen heter: Maxbelopp, Inkomna.`,
        },
      ],
    });
    const noFile = await requisitionsCommand(options(path.join(dir, "saknas.xlsx")));
    expect(noFile.exitCode).toBe(2);
    expect(noFile.stderr).toMatch(/^Kan inte läsa /);
    const onto = await requisitionsCommand(options(input, { output: input }));
    expect(onto.exitCode).toBe(2);
  });
});

describe("the output workbook", () => {
  test("a copy with the Rekvisitioner sheet; re-running replaces only that sheet", async () => {
    const dir = tempDir();
    const input = await writeInput(dir, [sample.maxima, sample.requisitions]);
    const output = path.join(dir, "out.xlsx");
    const result = await requisitionsCommand(options(input, { output }));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`Skrev bladet 'Rekvisitioner' i ${output}\n`);
    expect(result.stdout).toContain("Kvar");

    const workbook = await readWorkbook(output);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Maxbelopp",
      "Inkomna",
      "Rekvisitioner",
    ]);
    const sheet = workbook.getWorksheet("Rekvisitioner")!;
    expect(sheet.getCell("A3").value).toBe("Stadsdelsförvaltning");
    expect(sheet.getCell("B15").value).toEqual({ formula: "SUM(B4:B14)", result: 5_669_306 });
    expect(sheet.getCell("B15").numFmt).toBe("#,##0");
    expect(sheet.getCell("G7").value).toBe("Över max");
    expect(sheet.getCell("G7").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFEB9C" },
    });
    expect(sheet.getCell("G7").font?.color).toEqual({ argb: "FF9C5700" });

    // Run again on the copy: our sheet is replaced in place, nothing else changes.
    const again = path.join(dir, "again.xlsx");
    const rerun = await requisitionsCommand(
      options(output, { output: again, redistribute: false })
    );
    expect(rerun.exitCode).toBe(0);
    const second = await readWorkbook(again);
    expect(second.worksheets.map((s) => s.name)).toEqual(["Maxbelopp", "Inkomna", "Rekvisitioner"]);
    expect(second.getWorksheet("Rekvisitioner")!.getCell("E3").value).toBe("Status");
  });

  test("a user's own sheet called Rekvisitioner is left alone", async () => {
    const dir = tempDir();
    const own: Grid = { sheet: "Rekvisitioner", top: 0, left: 0, values: [["Mina anteckningar"]] };
    const input = await writeInput(dir, [sample.maxima, sample.requisitions, own]);
    const output = path.join(dir, "out.xlsx");
    const result = await requisitionsCommand(options(input, { output }));
    expect(result.stderr).toBe(`Skrev bladet 'Rekvisitioner (2)' i ${output}\n`);
    const workbook = await readWorkbook(output);
    expect(workbook.getWorksheet("Rekvisitioner")!.getCell("A1").value).toBe("Mina anteckningar");
  });
});

test("LibreOffice recalculates the sheet from its formulas: no error cells, core's totals", async () => {
  expectLibreOffice();

  const dir = tempDir();
  const input = await writeInput(dir, [sample.maxima, sample.requisitions]);
  const output = path.join(dir, "out.xlsx");
  const result = await requisitionsCommand(options(input, { output }));
  expect(result.exitCode).toBe(0);
  const run = result.run!;

  // Remove every cached result, so the numbers can only come from LibreOffice.
  const workbook = await readWorkbook(output);
  const { formulas, rows } = await recalculate(workbook, "Rekvisitioner", dir);
  expect(formulas).toBe(9); // five SUMs, four summary formulas
  for (const row of rows)
    for (const value of row) expect(value).not.toMatch(/^(#[A-Z/0!?]+|Err:\d+)/);
  const byLabel = (label: string) => rows.find((r) => r[0] === label)!;
  const money = (value: { toFixed(): string }) => value.toFixed();

  expect(byLabel("Summa").slice(1, 6)).toEqual([
    money(run.maximaSum),
    "5227108",
    money(run.approved),
    money(run.redistributed),
    money(run.approved.plus(run.redistributed)),
  ]);
  expect(byLabel("Summa godkänt")[1]).toBe(money(run.approved));
  expect(byLabel("Ej rekvirerat (pott minus godkänt)")[1]).toBe(money(run.unrequisitioned));
  expect(byLabel("Omfördelat")[1]).toBe(money(run.redistributed));
  expect(byLabel("Kvar efter omfördelning")[1]).toBe(money(run.leftOver));
});
