/**
 * The runner's shape flags on real .xlsx files (made with ExcelJS): base amounts, floors and
 * ceilings, weighted keys, last year beside this year, and the run log an auditor re-runs.
 */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { saveWorkbook } from "../../../src/cli/workbook-io";

const POT = ["--total", "1 000 000", "--date", "2026-11-25"];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "statsbidrag-shapes-"));
}

function inputWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  sheet.addRow(["Fördelning av äldregrant 2026"]);
  sheet.addRow([]);
  sheet.addRow(["Stadsdel", "Invånare 80+", "Invånare 65+", "Grund", "Golv", "Förra året"]);
  sheet.addRow(["Norr", 100, 1000, 10000, 80000, 50000]);
  sheet.addRow(["Söder", 300, 1500, 10000, null, 140000]);
  sheet.addRow(["Öster", 500, 2000, 20000, null, null]);
  sheet.addRow(["Väster", 1100, 5500, 20000, null, 500000]);
  return book;
}

async function input(dir: string): Promise<string> {
  const file = path.join(dir, "in.xlsx");
  await saveWorkbook(inputWorkbook(), file);
  return file;
}

interface JsonRow {
  name: string;
  key: string;
  amount: string;
  [field: string]: unknown;
}

async function allocateJson(file: string, flags: string[]) {
  const out = await run(["allocate", file, ...POT, "--key-column", ...flags, "--json"]);
  expect(out.stderr).toBe("");
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as { rows: JsonRow[]; [field: string]: unknown };
}

const amounts = (rows: JsonRow[]) => rows.map((r) => r.amount);

describe("allocate with shapes", () => {
  let file: string;
  beforeAll(async () => {
    file = await input(tempDir());
  });

  test("--base: the same base for every recipient, the rest by key", async () => {
    const json = await allocateJson(file, ["Invånare 80+", "--base", "10 000"]);
    // 40 000 in bases, 960 000 by 1:3:5:11.
    expect(amounts(json.rows)).toEqual(["58000", "154000", "250000", "538000"]);
    expect(json.rows[0]).toEqual({ name: "Norr", key: "100", amount: "58000", base: "10000" });
    expect(json.shapes).toEqual({ base: "10000" });
  });

  test("--base-column: a base per recipient from a column", async () => {
    const json = await allocateJson(file, ["Invånare 80+", "--base-column", "Grund"]);
    // 60 000 in bases, 940 000 by 1:3:5:11 -> 47 000, 141 000, 235 000, 517 000.
    expect(amounts(json.rows)).toEqual(["57000", "151000", "255000", "537000"]);
  });

  test("--floor-column and --ceiling: the bound that applied, per row", async () => {
    const json = await allocateJson(file, [
      "Invånare 80+",
      "--floor-column",
      "Golv",
      "--ceiling",
      "450000",
    ]);
    // Väster capped at 450 000, Norr lifted to 80 000; 470 000 over Söder:Öster = 3:5.
    expect(amounts(json.rows)).toEqual(["80000", "176250", "293750", "450000"]);
    expect(json.rows.map((r) => r.bound ?? null)).toEqual(["floor", null, null, "ceiling"]);
    expect(json.rows[0].floor).toBe("80000");
    expect(json.rows[3].ceiling).toBe("450000");
  });

  test("--key-column/--weight pairs: weighted keys, exact", async () => {
    const json = await allocateJson(file, [
      "Invånare 80+",
      "--weight",
      "70",
      "--key-column",
      "Invånare 65+",
      "--weight",
      "30",
    ]);
    expect(amounts(json.rows)).toEqual(["65000", "150000", "235000", "550000"]);
    expect(json.rows[0].keys).toEqual({ "Invånare 80+": "100", "Invånare 65+": "1000" });
    expect(json.rows[0].share).toBe("0.065");
  });

  test("weights that do not add up to 100 are refused, saying by how much", async () => {
    const out = await run([
      "allocate",
      file,
      ...POT,
      "--key-column",
      "Invånare 80+",
      "--weight",
      "60",
      "--key-column",
      "Invånare 65+",
      "--weight",
      "30",
    ]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(
      "--weight: Vikterna summerar till 90 %, inte 100 % (10 procentenheter fel).\n"
    );
  });

  test("a key column without its weight is refused", async () => {
    const out = await run([
      "allocate",
      file,
      ...POT,
      "--key-column",
      "Invånare 80+",
      "--key-column",
      "Invånare 65+",
    ]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain("2 kolumner, 0 vikter");
  });

  test("infeasible floors are refused with the amount, nothing written", async () => {
    const dir = tempDir();
    const out = await run([
      "allocate",
      file,
      ...POT,
      "--key-column",
      "Invånare 80+",
      "--floor",
      "300000",
      "--output",
      path.join(dir, "out.xlsx"),
    ]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr.replace(/\u00a0/g, " ")).toBe(
      "--floor: Golven summerar till 1 200 000 kr, 200 000 kr mer än det som fördelas (1 000 000 kr). Sänk golven med minst 200 000 kr.\n"
    );
  });

  test("bases above the pot are refused naming the inputs", async () => {
    const out = await run([
      "allocate",
      file,
      ...POT,
      "--key-column",
      "Invånare 80+",
      "--base",
      "300000",
      "--lang",
      "en",
    ]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr.replace(/\u00a0/g, " ")).toContain(
      "The base amounts (1,200,000 kr) are 200,000 kr more than what is left"
    );
  });

  test("--last-year-column: last year, change in kr and %, new recipients, totals", async () => {
    const json = await allocateJson(file, ["Invånare 80+", "--last-year-column", "Förra året"]);
    expect(json.rows.map((r) => [r.name, r.lastYear, r.change, r.changePercent, r.status])).toEqual(
      [
        ["Norr", "50000", "0", "0.0", "both"],
        ["Söder", "140000", "10000", "7.1", "both"],
        ["Öster", null, "250000", null, "new"],
        ["Väster", "500000", "50000", "10.0", "both"],
      ]
    );
    expect(json.lastYear).toEqual({
      source: "Förra året",
      lastYear: "690000",
      thisYear: "1000000",
      change: "310000",
      changePercent: "44.9",
    });
    expect(json.gone).toEqual([]);
  });
});

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe("the output sheet and the run log", () => {
  test("the sheet shows last year with totals, and the shape per row", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const out = path.join(dir, "out.xlsx");
    const result = await run([
      "allocate",
      file,
      ...POT,
      "--key-column",
      "Invånare 80+",
      "--floor-column",
      "Golv",
      "--last-year-column",
      "Förra året",
      "--output",
      out,
    ]);
    expect(result.exitCode).toBe(0);
    const sheet = (await readBook(out)).getWorksheet("Fördelning");
    if (!sheet) throw new Error("no Fördelning sheet");
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      "Stadsdel",
      "Invånare 80+",
      "Andel",
      "Belopp (kr)",
      "Förra året (kr)",
      "Förändring (kr)",
      "Förändring (%)",
      undefined,
      "Avrundning",
    ]);
    expect(sheet.getCell("I4").value).toBe("Golv: får golvet 80\u00a0000 kr (nyckeln gav mindre).");
    expect(sheet.getCell("I6").value).toContain("Ny i år.");
    // The total row: SUM formulas for this year, last year and the change.
    expect(sheet.getCell("A8").value).toBe("Summa");
    expect(sheet.getCell("D8").value).toMatchObject({ formula: "SUM(D4:D7)", result: 1000000 });
    expect(sheet.getCell("E8").value).toMatchObject({ formula: "SUM(E4:E7)", result: 690000 });
    expect(sheet.getCell("F8").value).toMatchObject({ formula: "SUM(F4:F7)", result: 310000 });
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain("Golv per mottagare");
    expect(texts).toContain("Förra årets belopp från");
  });

  test("each write appends to Körlogg; rerun says whether input and result are the same", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const first = path.join(dir, "first.xlsx");
    const flags = [
      "--key-column",
      "Invånare 80+",
      "--base",
      "10000",
      "--reserve",
      "Förvaltningen=100 000",
    ];
    expect((await run(["allocate", file, ...POT, ...flags, "--output", first])).exitCode).toBe(0);

    const book = await readBook(first);
    const log = book.getWorksheet("Körlogg");
    if (!log) throw new Error("no Körlogg sheet");
    expect(log.getCell("A1").value).toBe("Nr");
    expect(log.getCell("A2").value).toBe(1);
    expect(log.getCell("C2").value).toBe("allocate");
    expect(log.getCell("D2").value).toBe("Blad1!A1:F7");
    expect(log.getCell("E2").value).toBe(
      "statsbidrag allocate in.xlsx --sheet Blad1 --total '1 000 000' --reserve 'Förvaltningen=100 000' --key-column 'Invånare 80+' --base 10000 --lang sv --date 2026-11-25"
    );
    expect(log.getCell("F2").value).toBe(4);
    expect(String(log.getCell("G2").value)).toMatch(/^[0-9a-f]{64}$/);
    expect(log.getCell("H2").value).toBe(1000000);
    expect(String(log.getCell("B2").value)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // The wrapped command line gets the row height it needs (LibreOffice keeps one line else).
    expect(log.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(log.pageSetup.orientation).toBe("landscape");

    // A second write to a copy appends row 2 and keeps row 1.
    const second = path.join(dir, "second.xlsx");
    expect((await run(["allocate", first, ...POT, ...flags, "--output", second])).exitCode).toBe(0);
    const log2 = (await readBook(second)).getWorksheet("Körlogg");
    expect([log2?.getCell("A2").value, log2?.getCell("A3").value]).toEqual([1, 2]);
    expect(log2?.getCell("G3").value).toBe(log.getCell("G2").value);

    const same = await run(["rerun", second, "--log-row", "1"]);
    expect(same.exitCode).toBe(0);
    expect(same.stdout).toContain("Indata: oförändrade");
    expect(same.stdout).toContain(
      "Resultat: detsamma – alla 4 belopp och summan 1000000 stämmer med loggen."
    );

    // Someone changes a key in the source afterwards: the checksum and the result differ.
    const changed = await readBook(second);
    changed.getWorksheet("Blad1")!.getCell("B4").value = 200;
    const third = path.join(dir, "changed.xlsx");
    await saveWorkbook(changed, third);
    const differs = await run(["rerun", third, "--log-row", "1", "--json"]);
    expect(differs.exitCode).toBe(3);
    expect(JSON.parse(differs.stdout)).toMatchObject({
      row: 1,
      inputSame: false,
      resultSame: false,
    });

    const missing = await run(["rerun", third, "--log-row", "9"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("ingen rad nr 9");
  });

  test("with --last-year-sheet, the logged input covers last year's sheet too", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const first = path.join(dir, "first.xlsx");
    expect(
      (await run(["allocate", file, ...POT, "--key-column", "Invånare 80+", "--output", first]))
        .exitCode
    ).toBe(0);
    // Last year's allocation kept as values under its own name.
    const book = await readBook(first);
    const kept = book.addWorksheet("Fördelning 2025");
    book.getWorksheet("Fördelning")!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        kept.getCell(r, c).value =
          v && typeof v === "object" && "result" in v ? (v.result as ExcelJS.CellValue) : v;
      })
    );
    const withLast = path.join(dir, "with-last.xlsx");
    await saveWorkbook(book, withLast);
    const out = path.join(dir, "out.xlsx");
    const flags = ["--sheet", "Blad1", "--key-column", "Invånare 80+"];
    const lastYear = ["--last-year-sheet", "Fördelning 2025"];
    expect(
      (await run(["allocate", withLast, ...POT, ...flags, ...lastYear, "--output", out])).exitCode
    ).toBe(0);

    // Row 2 (row 1 is the write that made last year's sheet) names both ranges read.
    const log = (await readBook(out)).getWorksheet("Körlogg")!;
    expect(log.getCell("D3").value).toBe("Blad1!A1:F7; 'Fördelning 2025'!A1:F18");

    const same = await run(["rerun", out, "--log-row", "2"]);
    expect(same.stdout).toContain("Indata: oförändrade");
    expect(same.exitCode).toBe(0);

    // Someone edits last year's amount for Norr: the source range is as it was, but the
    // input the run read is not.
    const changed = await readBook(out);
    const norr = changed.getWorksheet("Fördelning 2025")!.getCell("D4");
    expect(typeof norr.value).toBe("number");
    norr.value = Number(norr.value) + 1;
    const edited = path.join(dir, "edited.xlsx");
    await saveWorkbook(changed, edited);
    const differs = await run(["rerun", edited, "--log-row", "2"]);
    expect(differs.stdout).toContain("Indata: ÄNDRADE");
    // The result checksum (name and amount per row) cannot see it: only the input one can.
    expect(differs.stdout).toContain("Resultat: detsamma");
    expect(differs.exitCode).toBe(3);
  });

  test("rerun on a workbook without a run log says so", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const out = await run(["rerun", file, "--log-row", "1"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain("har ingen Körlogg");
  });

  test("--last-year-sheet may not name the sheet the same run overwrites", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const first = path.join(dir, "first.xlsx");
    const args = [...POT, "--key-column", "Invånare 80+"];
    expect((await run(["allocate", file, ...args, "--output", first])).exitCode).toBe(0);
    const second = path.join(dir, "second.xlsx");
    const refused = await run([
      "allocate",
      first,
      ...args,
      "--last-year-sheet",
      "Fördelning",
      "--output",
      second,
    ]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(
      "--last-year-sheet: 'Fördelning' är bladet som den här körningen skriver över"
    );
    expect(existsSync(second)).toBe(false);
    // Without --output nothing is overwritten: comparing with the sheet as it is, is fine.
    const compared = await run(["allocate", first, ...args, "--last-year-sheet", "Fördelning"]);
    expect(compared.exitCode).toBe(0);
  });

  test("--last-year-sheet: last year from a previous allocation sheet, gone recipients shown", async () => {
    const dir = tempDir();
    const file = await input(dir);
    const first = path.join(dir, "first.xlsx");
    expect(
      (await run(["allocate", file, ...POT, "--key-column", "Invånare 80+", "--output", first]))
        .exitCode
    ).toBe(0);
    // Last year's sheet kept as values under its own name; one district is gone this year.
    const book = await readBook(first);
    const previous = book.getWorksheet("Fördelning")!;
    const kept = book.addWorksheet("Fördelning 2025");
    previous.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        kept.getCell(r, c).value =
          v && typeof v === "object" && "result" in v ? (v.result as ExcelJS.CellValue) : v;
      })
    );
    kept.getCell("A5").value = "Gamla Söder";
    const withLast = path.join(dir, "with-last.xlsx");
    await saveWorkbook(book, withLast);
    const json = JSON.parse(
      (
        await run([
          "allocate",
          withLast,
          ...POT,
          "--sheet",
          "Blad1",
          "--key-column",
          "Invånare 80+",
          "--last-year-sheet",
          "Fördelning 2025",
          "--json",
        ])
      ).stdout
    );
    expect(json.lastYear.source).toBe("'Fördelning 2025'!A3:D7");
    expect(json.rows[1]).toMatchObject({ name: "Söder", lastYear: null, status: "new" });
    expect(json.gone).toEqual([{ name: "Gamla Söder", lastYear: "150000" }]);
  });
});
