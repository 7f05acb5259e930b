/**
 * What the pane can decide and the runner must be able to say, so `rerun` reproduces it:
 * a range of a sheet (--range), hidden rows left out (--hidden-rows exclude) and no
 * interest columns at all (--no-interest-columns). Each is logged in Körlogg's command line
 * and re-runs to the same result.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { saveWorkbook } from "../../../src/cli/workbook-io";

const POT = ["--total", "1 000 000", "--date", "2026-11-25"];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "statsbidrag-rerun-"));
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/**
 * A sheet as offices keep them: a title above the table, the table in B3:D8 (its total row
 * last), and a note block to the right whose "Invånare 80+" column would be a second key
 * for a whole-sheet read. `edit` changes the sheet before it is saved.
 */
async function crowdedSheet(dir: string, edit?: (sheet: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  sheet.getCell("B1").value = "Bidrag till äldreomsorgen 2026";
  const rows: [string, ExcelJS.CellValue, string][] = [
    ["Stadsdel", "Invånare 65+", "Intresse"],
    ["Norr", 1000, "X"],
    ["Söder", 3000, "X"],
    ["Öster", 2000, "-"],
    ["Väster", 4000, "X"],
    ["Summa", { formula: "SUM(C4:C7)", result: 10000 }, ""],
  ];
  rows.forEach((row, i) => {
    sheet.getCell(3 + i, 2).value = row[0];
    sheet.getCell(3 + i, 3).value = row[1];
    if (row[2] !== "") sheet.getCell(3 + i, 4).value = row[2];
  });
  sheet.getCell("F3").value = "Invånare 80+ (prognos)";
  sheet.getCell("G3").value = "Kommentar";
  sheet.getCell("F4").value = 120;
  sheet.getCell("G4").value = "enligt SCB";
  sheet.getCell("F5").value = 340;
  sheet.getCell("G5").value = "osäker";
  edit?.(sheet);
  const file = path.join(dir, "in.xlsx");
  await saveWorkbook(book, file);
  return file;
}

const amountsOf = (stdout: string) =>
  Object.fromEntries(
    (JSON.parse(stdout) as { rows: { name: string; amount: string }[] }).rows.map((r) => [
      r.name,
      r.amount,
    ])
  );

/** Körlogg's row `nr`: its source range and command line. */
async function loggedRow(file: string, nr: number) {
  const log = (await readBook(file)).getWorksheet("Körlogg");
  if (!log) throw new Error("no Körlogg sheet");
  const row = log.getRow(nr + 1);
  return { source: row.getCell(4).value, commandLine: String(row.getCell(5).value) };
}

async function rerunSame(file: string, nr: number) {
  const same = await run(["rerun", file, "--log-row", String(nr)]);
  expect(same.stdout).toContain("Indata: oförändrade");
  expect(same.stdout).toContain("Resultat: detsamma");
  expect(same.exitCode).toBe(0);
}

describe("--range: one range of the sheet, as the pane reads a selection or a table", () => {
  test("the whole sheet reads the note block too; the range gives the right split", async () => {
    const file = await crowdedSheet(tempDir());
    const whole = await run(["allocate", file, ...POT, "--json"]);
    expect(whole.exitCode).toBe(2);
    expect(whole.stdout).toContain("'Invånare 65+', 'Invånare 80+ (prognos)'");

    const ranged = await run(["allocate", file, ...POT, "--range", "B3:D8", "--json"]);
    expect(ranged.exitCode).toBe(0);
    expect(amountsOf(ranged.stdout)).toEqual({
      Norr: "125000",
      Söder: "375000",
      Öster: "0",
      Väster: "500000",
    });
  });

  test("the run log names the range; rerun reproduces it", async () => {
    const dir = tempDir();
    const file = await crowdedSheet(dir);
    const out = path.join(dir, "out.xlsx");
    const result = await run(["allocate", file, ...POT, "--range", "$b$3:$d$8", "--output", out]);
    expect(result.exitCode).toBe(0);
    const logged = await loggedRow(out, 1);
    expect(logged.source).toBe("Blad1!B3:D8");
    expect(logged.commandLine).toBe(
      "statsbidrag allocate in.xlsx --sheet Blad1 --range B3:D8 --total '1 000 000' --lang sv --date 2026-11-25"
    );
    await rerunSame(out, 1);
  });

  test("messages name the real cells of the sheet, not of the range", async () => {
    const file = await crowdedSheet(tempDir(), (sheet) => {
      sheet.getCell("C6").value = "ca 2000";
      sheet.getCell("C5").value = { formula: "1000+2000" } as ExcelJS.CellFormulaValue;
    });
    const result = await run(["allocate", file, ...POT, "--range", "B3:D8"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Blad1!C5: Formeln =1000+2000 har inte räknats ut");
    expect(result.stderr).toContain("Blad1!C6: 'ca 2000' är inte ett tal.");
  });

  test("hidden rows are those of the range, above it or not", async () => {
    // Row 2 (above the range) and Söder's row 5 are hidden.
    const file = await crowdedSheet(tempDir(), (sheet) => {
      sheet.getRow(2).hidden = true;
      sheet.getRow(5).hidden = true;
    });
    const flags = ["--range", "B3:D8", "--hidden-rows", "exclude"];
    const result = await run(["allocate", file, ...POT, ...flags, "--json"]);
    expect(result.exitCode).toBe(0);
    expect(amountsOf(result.stdout)).toEqual({ Norr: "200000", Öster: "0", Väster: "800000" });
    expect(result.stderr).toContain("Dolda rader utelämnade: Söder (Blad1!B5)");
  });

  test.each([["B3-D8"], ["Blad1!B3:D8"], ["A0:D8"], ["B3:"], [""], ["XFE1:XFE2"], ["A1:A1048577"]])(
    "a malformed range %p is refused, naming the flag",
    async (range) => {
      const file = await crowdedSheet(tempDir());
      const sv = await run(["allocate", file, ...POT, "--range", range]);
      expect(sv.exitCode).toBe(2);
      expect(sv.stderr).toContain(`--range: '${range}'`);
      expect(sv.stderr).toContain("--sheet");
      const en = await run(["allocate", file, ...POT, "--range", range, "--lang", "en"]);
      expect(en.stderr).toContain(`--range: '${range}' is not a range`);
    }
  );

  test("a range beside the table is empty, and said so with the flag", async () => {
    const file = await crowdedSheet(tempDir());
    const result = await run(["allocate", file, ...POT, "--range", "J20:K30"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("--range: Området Blad1!J20:K30 är tomt.\n");
  });
});

describe("--hidden-rows exclude is logged", () => {
  test("the command line carries it and rerun leaves the hidden rows out again", async () => {
    const dir = tempDir();
    // Row 2 (above the range) and Söder's row 5 are hidden.
    const file = await crowdedSheet(dir, (sheet) => {
      sheet.getRow(2).hidden = true;
      sheet.getRow(5).hidden = true;
    });
    const out = path.join(dir, "out.xlsx");
    const flags = ["--range", "B3:D8"];
    const excluded = [...flags, "--hidden-rows", "exclude", "--output", out];
    expect((await run(["allocate", file, ...POT, ...excluded])).exitCode).toBe(0);
    expect((await loggedRow(out, 1)).commandLine).toContain(
      "--sheet Blad1 --range B3:D8 --total '1 000 000' --hidden-rows exclude --lang sv"
    );
    await rerunSame(out, 1);

    // The default (include) is not written out.
    const again = path.join(dir, "again.xlsx");
    expect((await run(["allocate", out, ...POT, ...flags, "--output", again])).exitCode).toBe(0);
    expect((await loggedRow(again, 2)).commandLine).not.toContain("--hidden-rows");
    await rerunSame(again, 2);
    await rerunSame(again, 1);
  });
});

describe("--no-interest-columns: every recipient row takes part", () => {
  test("the X/- column is not read, the run log says so, and rerun reproduces it", async () => {
    const dir = tempDir();
    const file = await crowdedSheet(dir);
    const flags = ["--range", "B3:D8", "--no-interest-columns"];
    const result = await run(["allocate", file, ...POT, ...flags, "--json"]);
    expect(result.exitCode).toBe(0);
    expect(amountsOf(result.stdout)).toEqual({
      Norr: "100000",
      Söder: "300000",
      Öster: "200000",
      Väster: "400000",
    });
    expect(JSON.parse(result.stdout).columns.interest).toEqual([]);

    const out = path.join(dir, "out.xlsx");
    expect((await run(["allocate", file, ...POT, ...flags, "--output", out])).exitCode).toBe(0);
    expect((await loggedRow(out, 1)).commandLine).toBe(
      "statsbidrag allocate in.xlsx --sheet Blad1 --range B3:D8 --total '1 000 000' --no-interest-columns --lang sv --date 2026-11-25"
    );
    await rerunSame(out, 1);
  });

  test("with --interest-column it is refused", async () => {
    const file = await crowdedSheet(tempDir());
    const both = ["--no-interest-columns", "--interest-column", "Intresse"];
    const result = await run(["allocate", file, ...POT, "--range", "B3:D8", ...both]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--interest-column | --no-interest-columns");
  });
});

test("a row logged before these flags re-runs as before (whole sheet, hidden rows included)", async () => {
  const dir = tempDir();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  sheet.addRow(["Stadsdel", "Invånare 65+"]);
  sheet.addRow(["Norr", 1000]);
  sheet.addRow(["Söder", 3000]);
  sheet.getRow(3).hidden = true;
  const file = path.join(dir, "in.xlsx");
  await saveWorkbook(book, file);
  const out = path.join(dir, "out.xlsx");
  expect((await run(["allocate", file, ...POT, "--output", out])).exitCode).toBe(0);
  expect((await loggedRow(out, 1)).commandLine).toBe(
    "statsbidrag allocate in.xlsx --sheet Blad1 --total '1 000 000' --lang sv --date 2026-11-25"
  );
  await rerunSame(out, 1);
});
