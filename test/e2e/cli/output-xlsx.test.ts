/**
 * Issue 19, defect 11: `--output` writes an Excel workbook, so its name must end in .xlsx
 * in every command that writes one; otherwise the run is refused in the user's language,
 * naming the flag and a name that works, and nothing is written.
 */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { demoInputWorkbook } from "../../../src/cli/demo";
import { saveWorkbook } from "../../../src/cli/workbook-io";

async function input(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "statsbidrag-output-"));
  const file = path.join(dir, "in.xlsx");
  await saveWorkbook(demoInputWorkbook(), file);
  return { dir, file };
}

const COMMANDS: [string, string[]][] = [
  ["allocate", ["--total", "6 069 306"]],
  ["requisitions", ["--maxima-sheet", "Maxbelopp", "--requisitions-sheet", "Rekvisitioner"]],
  ["report", ["--received", "100000", "--year", "2026"]],
];

test.each(COMMANDS)(
  "%s --output rapport.csv is refused, nothing written",
  async (command, args) => {
    const { dir, file } = await input();
    const output = path.join(dir, "rapport.csv");
    const sv = await run([command, file, ...args, "--output", output]);
    expect(sv.exitCode).toBe(2);
    expect(sv.stderr).toContain("--output");
    expect(sv.stderr).toContain("rapport.csv");
    expect(sv.stderr).toContain(".xlsx");
    expect(sv.stderr).toMatch(/måste sluta på \.xlsx/);
    expect(sv.stderr).toContain(path.join(dir, "rapport.xlsx"));
    expect(existsSync(output)).toBe(false);

    const en = await run([command, file, ...args, "--output", output, "--lang", "en"]);
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toMatch(/--output: .*must end in \.xlsx/);
  }
);

test.each(["rapport", "rapport.xls", "rapport.xlsx.csv", "rapport.ods"])(
  "report --output %s is refused",
  async (name) => {
    const { dir, file } = await input();
    const result = await run([
      "report",
      file,
      "--received",
      "100000",
      "--year",
      "2026",
      "--output",
      path.join(dir, name),
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--output");
    expect(existsSync(path.join(dir, name))).toBe(false);
  }
);

test("an .xlsx name in capitals is an .xlsx name", async () => {
  const { dir, file } = await input();
  const output = path.join(dir, "UT.XLSX");
  const result = await run(["allocate", file, "--total", "6 069 306", "--output", output]);
  expect(result.stderr).not.toContain("måste sluta på .xlsx");
  expect(result.exitCode).toBe(0);
  expect(existsSync(output)).toBe(true);
});
