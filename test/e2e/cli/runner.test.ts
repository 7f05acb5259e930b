/**
 * The runner end to end on real .xlsx files: the demo, the JSON contract, the output
 * workbook (layout, formulas, formats), re-running, and users' sheets left untouched.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { allocate } from "../../../src/cli/allocate-command";
import { DEMO_KEY_HEADER, demoInputWorkbook } from "../../../src/cli/demo";
import { saveWorkbook } from "../../../src/cli/workbook-io";
import { STOCKHOLM_2024 } from "../../fixtures/stockholm-2024";

const ROOT = path.join(__dirname, "../../..");
const BIN = path.join(ROOT, "bin/statsbidrag.js");
const PAPER_AMOUNTS: Record<string, number> = Object.fromEntries(
  STOCKHOLM_2024.map((d) => [d.name, d.amount])
);
const STOCKHOLM_ARGS = [
  "--total",
  "6 069 306",
  "--reserve",
  "Äldreförvaltningen=400000",
  "--date",
  "2026-11-25",
];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "statsbidrag-"));
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every cell of a sheet as [address, value, numFmt, bold]: what a user would see changed. */
function sheetFingerprint(sheet: ExcelJS.Worksheet): string {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      cells.push([cell.address, cell.value, cell.numFmt, cell.font?.bold])
    )
  );
  return JSON.stringify({ name: sheet.name, cells, widths: sheet.columns?.map((c) => c.width) });
}

async function stockholmInput(dir: string): Promise<string> {
  const file = path.join(dir, "in.xlsx");
  await saveWorkbook(demoInputWorkbook(), file);
  return file;
}

beforeAll(() => {
  // The bin script runs the compiled runner, as a user's `npx statsbidrag` does.
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT });
});

test("--json prints exactly the documented shape, rows in input order", async () => {
  const input = await stockholmInput(tempDir());
  const result = await run(["allocate", input, ...STOCKHOLM_ARGS, "--json"]);
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    total: "6069306",
    reserves: [{ name: "Äldreförvaltningen", amount: "400000" }],
    rows: Object.entries(PAPER_AMOUNTS).map(([name, amount]) => ({
      name,
      key: String(amount),
      amount: String(amount),
    })),
    // Which columns were used, as the text output and the pane say them.
    columns: {
      name: "Stadsdelsförvaltning",
      key: DEMO_KEY_HEADER,
      interest: ["Beställarenhet", "Förebyggande enhet"],
    },
  });
});

test("the text output says which columns it used and which rows are not recipients", async () => {
  const dir = tempDir();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Blad1");
  sheet.addRow(["Stadsdel", "Antal 80+"]);
  sheet.addRow(["Bromma", 300]);
  sheet.addRow(["Kista", 700]);
  sheet.getRow(3).hidden = true;
  sheet.addRow(["S:a", { formula: "SUM(B2:B3)", result: 1000 }]);
  const input = path.join(dir, "in.xlsx");
  await workbook.xlsx.writeFile(input);
  const result = await run(["allocate", input, "--total", "1000"]);
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toContain("Kolumner: namn 'Stadsdel', nyckel 'Antal 80+'");
  expect(result.stderr).toContain(
    "Inga mottagare (summor, delsummor, rader under summan): S:a (Blad1!A4)"
  );
  expect(result.stderr).toContain("Varning: dolda rader används: Kista (Blad1!A3)");
  const excluded = await run([
    "allocate",
    input,
    "--total",
    "1000",
    "--hidden-rows",
    "exclude",
    "--json",
  ]);
  expect(JSON.parse(excluded.stdout).rows).toEqual([
    { name: "Bromma", key: "300", amount: "1000" },
  ]);
  expect(excluded.stderr).toContain("Dolda rader utelämnade: Kista (Blad1!A3)");
});

test("the demo reproduces the Stockholm paper's table to the krona", () => {
  const dir = tempDir();
  const result = spawnSync("node", [BIN, "demo", "--output-dir", dir, "--date", "2026-11-25"], {
    encoding: "utf8",
  });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("alla 11 belopp stämmer på kronan");
  expect(result.stdout).toContain(path.join(dir, "statsbidrag-demo.xlsx"));
});

test("the output workbook has the allocation sheet beside the unchanged input sheet", async () => {
  const dir = tempDir();
  const input = await stockholmInput(dir);
  const output = path.join(dir, "out.xlsx");
  const result = await run(["allocate", input, ...STOCKHOLM_ARGS, "--output", output]);
  expect(result.exitCode).toBe(0);

  const before = await readWorkbook(input);
  const after = await readWorkbook(output);
  expect(after.worksheets.map((s) => s.name)).toEqual(["Stadsdelar", "Fördelning", "Körlogg"]);
  expect(sheetFingerprint(after.getWorksheet("Stadsdelar")!)).toBe(
    sheetFingerprint(before.getWorksheet("Stadsdelar")!)
  );

  const sheet = after.getWorksheet("Fördelning")!;
  expect(sheet.getCell("A3").value).toBe("Stadsdelsförvaltning");
  expect(sheet.getCell("D3").value).toBe("Belopp (kr)");
  for (const [i, [name, amount]] of Object.entries(PAPER_AMOUNTS).entries()) {
    expect(sheet.getCell(`A${4 + i}`).value).toBe(name);
    expect(sheet.getCell(`D${4 + i}`).value).toBe(amount);
    expect(sheet.getCell(`D${4 + i}`).numFmt).toBe("#,##0");
  }
  expect(sheet.getCell("A15").value).toBe("Äldreförvaltningen");
  expect(sheet.getCell("D15").value).toBe(400_000);
  expect(sheet.getCell("A16").value).toBe("Summa");
  expect(sheet.getCell("D16").value).toEqual({ formula: "SUM(D4:D15)", result: 6_069_306 });
  expect(sheet.getCell("A16").font?.bold).toBe(true);
  expect(sheet.getCell("C16").numFmt).toBe("0.00%");
  expect(after.definedNames.getRanges("Statsbidrag_allocation").ranges).toEqual([
    "'Fördelning'!$A$1",
  ]);
});

test("re-running on its own output replaces only its own sheet", async () => {
  const dir = tempDir();
  const first = path.join(dir, "first.xlsx");
  const second = path.join(dir, "second.xlsx");
  await run(["allocate", await stockholmInput(dir), ...STOCKHOLM_ARGS, "--output", first]);
  const result = await run([
    "allocate",
    first,
    ...STOCKHOLM_ARGS,
    "--unit",
    "1000",
    "--output",
    second,
  ]);
  expect(result.exitCode).toBe(0);
  const workbook = await readWorkbook(second);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Stadsdelar", "Fördelning", "Körlogg"]);
  expect(workbook.getWorksheet("Fördelning")!.getCell("D4").value).toBe(459_000);
});

test("a user's own sheet named Fördelning is never touched; the output gets a free name", async () => {
  const dir = tempDir();
  const workbook = demoInputWorkbook();
  const mine = workbook.addWorksheet("Fördelning");
  mine.getCell("A1").value = "Mina anteckningar";
  mine.getCell("B2").value = 42;
  const input = path.join(dir, "in.xlsx");
  await saveWorkbook(workbook, input);
  const output = path.join(dir, "out.xlsx");
  expect((await run(["allocate", input, ...STOCKHOLM_ARGS, "--output", output])).exitCode).toBe(0);

  const before = await readWorkbook(input);
  const after = await readWorkbook(output);
  expect(after.worksheets.map((s) => s.name)).toEqual([
    "Stadsdelar",
    "Fördelning",
    "Fördelning (2)",
    "Körlogg",
  ]);
  expect(sheetFingerprint(after.getWorksheet("Fördelning")!)).toBe(
    sheetFingerprint(before.getWorksheet("Fördelning")!)
  );
});

test("bad input through the installed command: exit 2, cell on stderr, JSON errors on stdout", () => {
  const fixture = path.join(ROOT, "test/fixtures/allocation/error-tolv.xlsx");
  const result = spawnSync("node", [BIN, "allocate", fixture, "--total", "1000", "--json"], {
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe("Blad1!D7: 'tolv' är inte ett tal.\n");
  expect(JSON.parse(result.stdout)).toEqual({
    errors: [{ cell: "Blad1!D7", message: "Blad1!D7: 'tolv' är inte ett tal." }],
  });
});

test("usage problems: exit 2 with a hint, in English with --lang en", () => {
  const fixture = path.join(ROOT, "test/fixtures/allocation/good-equal-keys.xlsx");
  const missingTotal = spawnSync("node", [BIN, "allocate", fixture, "--lang", "en"], {
    encoding: "utf8",
  });
  expect(missingTotal.status).toBe(2);
  expect(missingTotal.stderr).toBe("--total: Enter the amount to allocate.\n");
  const unknown = spawnSync("node", [BIN, "allocate", fixture, "--totl", "5"], {
    encoding: "utf8",
  });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain("statsbidrag --help");
  const sameFile = spawnSync(
    "node",
    [BIN, "allocate", fixture, "--total", "5", "--output", fixture],
    { encoding: "utf8" }
  );
  expect(sameFile.status).toBe(2);
  expect(sameFile.stderr).toContain("--output får inte vara indatafilen");
});

test("a file or sheet that is not there: exit 2 and a plain message, in JSON too", async () => {
  const missing = await run(["allocate", "/nonexistent/in.xlsx", "--total", "5", "--json"]);
  expect(missing.exitCode).toBe(2);
  expect(missing.stderr).toMatch(/^Kan inte läsa \/nonexistent\/in\.xlsx: /);
  expect(JSON.parse(missing.stdout)).toEqual({
    errors: [{ cell: null, message: missing.stderr.trim() }],
  });

  const fixture = path.join(ROOT, "test/fixtures/allocation/good-equal-keys.xlsx");
  const noSheet = await run(["allocate", fixture, "--total", "5", "--sheet", "Blad9"]);
  expect(noSheet.exitCode).toBe(2);
  expect(noSheet.stderr).toBe(`Bladet 'Blad9' finns inte i ${fixture}. Bladen heter: Blad1.\n`);
  const english = await run([
    "allocate",
    fixture,
    "--total",
    "5",
    "--sheet",
    "Blad9",
    "--lang",
    "en",
  ]);
  expect(english.stderr).toBe(`There is no sheet 'Blad9' in ${fixture}. The sheets are: Blad1.\n`);
});

describe("help in the user's language", () => {
  test.each([
    [["--help"], "sv", "Kommandon:"],
    [["-h"], "sv", "Kommandon:"],
    [[], "sv", "Kommandon:"],
    [["help"], "sv", "Kommandon:"],
    [["--help", "--lang", "en"], "en", "Commands:"],
    [["--lang", "en", "--help"], "en", "Commands:"],
  ])("statsbidrag %j lists every command", async (args, _lang, heading) => {
    const result = await run(args);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(heading);
    expect(result.stdout).toMatch(/^ {2}allocate {2}/m);
    expect(result.stdout).toMatch(/^ {2}demo {6}/m);
  });

  test("allocate --help gives the command's usage, in Swedish or English", async () => {
    const sv = await run(["allocate", "--help"]);
    expect(sv.exitCode).toBe(0);
    expect(sv.stdout).toContain("statsbidrag allocate <indata.xlsx> --total <belopp>");
    expect(sv.stdout).toContain('--reserve "<namn>=<belopp>"');
    const en = await run(["allocate", "--help", "--lang", "en"]);
    expect(en.stdout).toContain("statsbidrag allocate <input.xlsx> --total <amount>");
    expect(en.stdout).not.toMatch(/Användning|Flaggor|belopp|indata/);
    expect((await run(["help", "allocate", "--lang", "en"])).stdout).toBe(en.stdout);
  });

  test("allocate --help lists every flag allocate takes, in both languages", () => {
    for (const flag of Object.keys(allocate.options)) {
      expect(allocate.usage.sv).toContain(`--${flag} `);
      expect(allocate.usage.en).toContain(`--${flag} `);
    }
  });

  test("an unknown command names the commands there are", async () => {
    const result = await run(["fördela", "--lang", "en"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "Unknown command 'fördela'. The commands are: allocate, requisitions, report, rerun, demo."
    );
  });

  test("the installed command prints the same help", () => {
    const result = spawnSync("node", [BIN, "--help", "--lang", "en"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Commands:");
  });
});

test("a pot in öre split in whole kronor: JSON amounts carry the unit's decimals, never '.0'", async () => {
  const fixture = path.join(ROOT, "test/fixtures/allocation/good-equal-keys.xlsx");
  const result = await run(["allocate", fixture, "--total", "1000,5", "--unit", "1", "--json"]);
  expect(result.exitCode).toBe(0);
  const json = JSON.parse(result.stdout) as {
    total: string;
    rows: { amount: string }[];
    unallocated: string;
  };
  expect(json.total).toBe("1000.50");
  expect(json.unallocated).toBe("0.50");
  expect(json.rows.map((r) => r.amount).sort()).toEqual(["333", "333", "334"]);
  expect(result.stdout).not.toMatch(/"\d+\.\d"/);

  const ore = await run(["allocate", fixture, "--total", "1000", "--unit", "0.01", "--json"]);
  const rows = (JSON.parse(ore.stdout) as { rows: { amount: string }[] }).rows;
  expect(rows.map((r) => r.amount).sort()).toEqual(["333.33", "333.33", "333.34"]);
  const text = await run(["allocate", fixture, "--total", "1000", "--unit", "0.01"]);
  expect(text.stdout).toContain("333,34");
  expect(text.stdout).toMatch(/Summa\s+1\u00a0000,00\n$/);
});

test("'400.000' as a pot or reserve is refused, never read as 400", async () => {
  const fixture = path.join(ROOT, "test/fixtures/allocation/good-equal-keys.xlsx");
  const reserve = await run([
    "allocate",
    fixture,
    "--total",
    "1 000 000",
    "--reserve",
    "Förvaltningen=400.000",
  ]);
  expect(reserve.exitCode).toBe(2);
  expect(reserve.stderr).toContain("400.000");
  const pot = await run(["allocate", fixture, "--total", "1.000", "--json"]);
  expect(pot.exitCode).toBe(2);
  expect(pot.stdout).not.toContain('"rows"');
});

test("bold and italic cells of the output carry the workbook's font and size", async () => {
  const dir = tempDir();
  const output = path.join(dir, "out.xlsx");
  await run(["allocate", await stockholmInput(dir), ...STOCKHOLM_ARGS, "--output", output]);
  const sheet = (await readWorkbook(output)).getWorksheet("Fördelning")!;
  const styled: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cell.font && styled.push(cell)));
  expect(styled.length).toBeGreaterThan(10);
  for (const cell of styled) {
    expect({ cell: cell.address, name: cell.font.name }).toEqual({
      cell: cell.address,
      name: "Calibri",
    });
    expect(cell.font.size).toBeGreaterThanOrEqual(10);
  }
});

test("--reserve without '=' is a usage problem, not a guess", async () => {
  const fixture = path.join(ROOT, "test/fixtures/allocation/good-equal-keys.xlsx");
  const result = await run([
    "allocate",
    fixture,
    "--total",
    "100",
    "--reserve",
    "Förvaltningen 40",
  ]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toBe(`--reserve: 'Förvaltningen 40' ska skrivas som "namn=belopp".\n`);
});

test("a mark a cut carried into the user's own sheet never makes that sheet ours", async () => {
  const dir = tempDir();
  const workbook = demoInputWorkbook();
  const theirs = workbook.addWorksheet("Min rapport");
  theirs.getCell("A1").value = "Min egen rapport";
  theirs.getCell("B5").value = "Fördelning av statsbidrag";
  // As after cutting our sheet's A1 and pasting it at B5 of theirs: the name followed the cut.
  workbook.definedNames.add("'Min rapport'!$B$5", "Statsbidrag_allocation");
  const input = path.join(dir, "in.xlsx");
  await saveWorkbook(workbook, input);
  const output = path.join(dir, "out.xlsx");
  expect((await run(["allocate", input, ...STOCKHOLM_ARGS, "--output", output])).exitCode).toBe(0);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(output);
  expect(after.getWorksheet("Min rapport")?.getCell("A1").value).toBe("Min egen rapport");
  expect(after.getWorksheet("Min rapport")?.getCell("B5").value).toBe("Fördelning av statsbidrag");
  expect(after.getWorksheet("Fördelning")?.getCell("A1").value).toBe("Fördelning av statsbidrag");
});

test("a --date that is no date is a usage problem, and nothing is written", async () => {
  const dir = tempDir();
  const input = await stockholmInput(dir);
  const output = path.join(dir, "out.xlsx");
  const result = await run([
    "allocate",
    input,
    ...STOCKHOLM_ARGS,
    "--output",
    output,
    "--date",
    "igår",
  ]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("--date");
  expect(existsSync(output)).toBe(false);
});
