/**
 * Issue 19, defect 13 (--accept): a cell without a sheet is clear with one ledger; with
 * several, the message says which sheets it could be and how to write it, instead of
 * calling "E3" no cell reference.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { runReport } from "../../../../src/core/jobs/report-back/report";
import { describeProblem } from "../../../../src/core/problems";
import { problemsOf } from "../helpers/problems";

const ledger = (sheet: string, rows: CellValue[][]): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values: [["Bokföringsdatum", "Konto", "Ansvar", "Text", "Belopp"], ...rows],
});
const norr = ledger("Norr", [["2025-12-20", 5010, "1510", "Lön", 100]]);
const soder = ledger("Söder", [["2025-12-20", 5010, "1510", "Lön", 200]]);

test("'E3' with two ledgers names both sheets and asks for Sheet!E3", () => {
  const problems = problemsOf(() =>
    runReport([norr, soder], { received: "1000", year: 2026, accept: ["E3"] })
  );
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ["REPORT_ACCEPT_SHEET_NEEDED", "accept"],
  ]);
  const sv = describeProblem(problems[0], "sv");
  expect(sv).not.toContain("ingen cellreferens");
  expect(sv).toContain("Norr!E3");
  expect(sv).toContain("Söder!E3");
  expect(describeProblem(problems[0], "en")).toMatch(/which sheet.*Norr!E3 or Söder!E3/);
});

test("a sheet name that needs quotes is quoted in the suggestion", () => {
  const problems = problemsOf(() =>
    runReport([norr, ledger("Hässelby-Vällingby", [["2026-01-10", 5010, "1510", "Lön", 1]])], {
      received: "1000",
      year: 2026,
      accept: ["A2"],
    })
  );
  expect(describeProblem(problems[0], "sv")).toContain("'Hässelby-Vällingby'!A2");
});

test("with the sheet given, the row is accepted; with one ledger no sheet is needed", () => {
  const both = runReport([norr, soder], { received: "1000", year: 2026, accept: ["Söder!E2"] });
  expect(both.used.personnel.toFixed(2)).toBe("200.00");
  const one = runReport([norr], { received: "1000", year: 2026, accept: ["E2"] });
  expect(one.used.personnel.toFixed(2)).toBe("100.00");
});

test("text that is no cell at all is still called so", () => {
  const problems = problemsOf(() =>
    runReport([norr, soder], { received: "1000", year: 2026, accept: ["rad 12"] })
  );
  expect(problems.map((p) => p.code)).toEqual(["REPORT_ACCEPT_BAD"]);
});
