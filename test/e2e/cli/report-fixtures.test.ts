/**
 * Fixture-driven report-back (test/fixtures/report-back, made by its generate.js as
 * Raindance, Unit4/Agresso and Visma export ledgers): every good-*.xlsx gives the totals,
 * flags and warnings of its sidecar through the runner and writes its report; every
 * error-*.xlsx is refused with exit code 2, the cells and words of its sidecar, and nothing
 * written. The credit-note report is recalculated in LibreOffice: unused stays at received.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import { expectLibreOffice, recalculate } from "./recalculate";

jest.setTimeout(300_000);

const FIXTURES = path.join(__dirname, "../../fixtures/report-back");
const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

interface Sidecar {
  args: string[];
  expect?: Record<string, unknown>;
  flagged?: [string, string][];
  warnings?: [string, string][];
  cells?: string[];
  stderr?: string[];
  notStderr?: string[];
}

function sidecar(file: string): Sidecar {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, file.replace(/\.xlsx$/, ".json")), "utf8")
  ) as Sidecar;
}

const tempOutput = () => path.join(mkdtempSync(path.join(tmpdir(), "sb-report-")), "out.xlsx");

test("there are good and bad fixtures of each ledger system", () => {
  for (const system of ["raindance", "unit4", "visma"])
    expect(files.filter((f) => f.includes(system)).length).toBeGreaterThanOrEqual(2);
  expect(files.filter((f) => f.startsWith("error-")).length).toBeGreaterThanOrEqual(4);
});

describe.each(files.filter((f) => f.startsWith("good-")))("%s", (file) => {
  const { args, expect: expected = {}, flagged = [], warnings = [] } = sidecar(file);

  test("totals, flags and warnings as in its sidecar; the report is written", async () => {
    const output = tempOutput();
    const input = path.join(FIXTURES, file);
    const result = await run(["report", input, ...args, "--json", "--output", output]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as {
      flagged: { cell: string; reason: string }[];
      warnings: { code: string; cell: string | null }[];
    };
    expect(json).toMatchObject(expected);
    expect(json.flagged.map((f) => [f.cell, f.reason])).toEqual(flagged);
    expect(json.warnings.map((w) => [w.code, w.cell])).toEqual(warnings);
    expect(existsSync(output)).toBe(true);
  });
});

describe.each(files.filter((f) => f.startsWith("error-")))("%s is refused", (file) => {
  const { args, cells = [], stderr = [], notStderr = [] } = sidecar(file);

  test("exit code 2, the cells and words named, nothing written", async () => {
    const output = tempOutput();
    const input = path.join(FIXTURES, file);
    const result = await run(["report", input, ...args, "--json", "--output", output]);
    expect(result.exitCode).toBe(2);
    const { errors } = JSON.parse(result.stdout) as { errors: { cell: string | null }[] };
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.cell).filter(Boolean)).toEqual(cells);
    for (const text of [...cells, ...stderr]) expect(result.stderr).toContain(text);
    for (const text of notStderr) expect(result.stderr).not.toContain(text);
    expect(existsSync(output)).toBe(false);
  });
});

test("the credit-note report recalculated in LibreOffice: unused is received, not more", async () => {
  expectLibreOffice();
  const output = tempOutput();
  const file = "good-raindance-credit-note.xlsx";
  const result = await run([
    "report",
    path.join(FIXTURES, file),
    ...sidecar(file).args,
    "--output",
    output,
  ]);
  expect(result.exitCode).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const { rows } = await recalculate(workbook, "Återrapportering", path.dirname(output), {
    alone: true,
  });
  const value = (label: string) => Number(rows.find((r) => r[0] === label)![1]).toFixed(2);
  expect(value("Köpta tjänster")).toBe("-7000.00");
  expect(value("Summa använt")).toBe("-7000.00");
  expect(value("Ej använt, att återbetala")).toBe("100000.00");
  expect(value("Egen finansiering (kostnader över erhållet bidrag)")).toBe("0.00");
  expect(
    rows.some((r) => r[0].startsWith("Kontrollera: Summan för köpta tjänster är negativ"))
  ).toBe(true);
});
