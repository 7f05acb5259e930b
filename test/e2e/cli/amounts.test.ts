/**
 * Issue 19, defect 13: every command's amount flags read "100.000" the same way: refused
 * with both readings (one hundred thousand, or a hundred with three decimals), the flag
 * named, nothing written. Before, only allocate --total said so.
 */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { demoWorkbook } from "../../../src/cli/demo";
import { saveWorkbook } from "../../../src/cli/workbook-io";

let dir: string;
let input: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "statsbidrag-amounts-"));
  input = path.join(dir, "in.xlsx");
  await saveWorkbook(demoWorkbook(), input);
});

const CASES: [string, string, string[]][] = [
  ["allocate --total", "--total", ["allocate", "--sheet", "Stadsdelar", "--total", "100.000"]],
  [
    "allocate --floor",
    "--floor",
    ["allocate", "--sheet", "Stadsdelar", "--total", "6069306", "--floor", "100.000"],
  ],
  [
    "allocate --reserve",
    "--reserve",
    ["allocate", "--sheet", "Stadsdelar", "--total", "6069306", "--reserve", "Adm=100.000"],
  ],
  [
    "requisitions --total",
    "--total",
    [
      "requisitions",
      "--maxima-sheet",
      "Maxbelopp",
      "--requisitions-sheet",
      "Inkomna",
      "--total",
      "100.000",
    ],
  ],
  [
    "report --received",
    "--received",
    ["report", "--ledger-sheet", "Huvudbok", "--received", "100.000", "--year", "2026"],
  ],
];

test.each(CASES)("%s 100.000 gives both readings", async (_, flag, [command, ...args]) => {
  const output = path.join(dir, `${command}.xlsx`);
  const sv = await run([command, input, ...args, "--output", output]);
  expect(sv.exitCode).toBe(2);
  expect(sv.stderr).toContain(`${flag}: 100.000 kan betyda 100 eller 100\u00a0000`);
  expect(existsSync(output)).toBe(false);
  const en = await run([command, input, ...args, "--lang", "en"]);
  expect(en.exitCode).toBe(2);
  expect(en.stderr).toContain(`${flag}: 100.000 can mean 100 or 100,000`);
});
