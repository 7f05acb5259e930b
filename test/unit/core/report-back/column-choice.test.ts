/**
 * Issue 19, defect 13 (column choices): "Belopp 2025" beside "Belopp 2026" asks the user to
 * choose, so core takes a choice for every ledger column, by header or by letter ("[F]"):
 * date, account, cost centre, project, amount, debit and credit.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { readLedger } from "../../../../src/core/jobs/report-back/ledger";
import { runReport } from "../../../../src/core/jobs/report-back/report";
import { describeProblem } from "../../../../src/core/problems";
import { problemsOf } from "../helpers/problems";

const grid = (values: CellValue[][], sheet = "Huvudbok"): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values,
});

const twoYears = grid([
  ["Bokföringsdatum", "Konto", "Ansvar", "Text", "Belopp 2025", "Belopp 2026"],
  ["2026-02-01", 5010, "1510", "Lön", 900, 1000],
  ["2026-03-01", 7490, "1510", "Konsult", 90, 200],
]);

test("'Belopp 2025' and 'Belopp 2026': refused naming both and the flag that chooses", () => {
  const problems = problemsOf(() => runReport([twoYears], { received: "5000", year: 2026 }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([["COLUMN_AMBIGUOUS", "amount"]]);
  const sv = describeProblem(problems[0], "sv");
  expect(sv).toContain("'Belopp 2025', 'Belopp 2026'");
  expect(sv).toContain("--amount-column");
});

test.each(["Belopp 2026", "belopp  2026", "[F]", "[f]"])(
  "the amount column chosen as %p",
  (choice) => {
    const result = runReport([twoYears], {
      received: "5000",
      year: 2026,
      columns: { amount: choice },
    });
    expect(result.used.personnel.toFixed(2)).toBe("1000.00");
    expect(result.used.services.toFixed(2)).toBe("200.00");
  }
);

test("every ledger column by header or by letter, where the headers are words no list holds", () => {
  const odd = grid([
    ["Huvudboksutdrag 2026", null, null, null, null, null],
    ["Transdag", "Huvudkonto", "Resultatenhet", "Objekt", "Notering", "SEK"],
    ["2026-02-01", 5010, "1510", "HS26", "Lön", 1000],
    ["2026-03-01", 7490, "1520", "HS26", "Konsult", 200],
  ]);
  const result = runReport([odd], {
    received: "5000",
    year: 2026,
    costCentres: ["1510"],
    projects: ["HS26"],
    columns: {
      date: "Transdag",
      account: "[B]",
      costCentre: "Resultatenhet",
      project: "[D]",
      amount: "[F]",
    },
  });
  expect(result.ledgers[0].columns.headerRow).toBe(1);
  expect(result.used.personnel.toFixed(2)).toBe("1000.00");
  expect(result.flagged.map((f) => [f.flag.reason, f.flag.problem.cell])).toEqual([
    ["other_cost_centre", "Huvudbok!C4"],
  ]);
});

test("debit and credit chosen by letter are used even beside a 'Belopp' column", () => {
  const ledger = grid([
    ["Datum", "Konto", "Belopp", "Deb", "Kred"],
    ["2026-02-01", 5010, 99999, 1000, null],
    ["2026-02-10", 5010, 99999, null, 250],
  ]);
  const { ledger: read, problems } = readLedger(ledger, { debit: "[D]", credit: "[E]" });
  expect(problems).toEqual([]);
  expect(read!.rows.map((r) => r.amount)).toEqual([100000, -25000]);
});

test("letters never make the title rows the header", () => {
  const ledger = grid([
    ["Utdrag ur huvudboken"],
    ["Period 202601–202612"],
    [],
    ["Dag", "Kto", "Text", "Summa"],
    ["2026-02-01", 5010, "Lön", 1000],
  ]);
  const { ledger: read, problems } = readLedger(ledger, {
    date: "[A]",
    account: "[B]",
    amount: "[D]",
  });
  expect(problems).toEqual([]);
  expect(read!.columns.headerRow).toBe(3);
  expect(read!.rows.map((r) => r.amount)).toEqual([100000]);
});

test("a chosen header that is not there, or stands over two columns, is refused", () => {
  const missing = readLedger(twoYears, { amount: "Belopp 2027" });
  expect(missing.problems.map((p) => [p.code, p.field, p.params?.range])).toEqual([
    ["COLUMN_NOT_FOUND", "amount", "Huvudbok!A1:F1"],
  ]);
  const twice = grid([
    ["Datum", "Konto", "Belopp", "Belopp"],
    ["2026-02-01", 5010, 1, 2],
  ]);
  const ambiguous = readLedger(twice, { amount: "Belopp" });
  expect(ambiguous.problems.map((p) => p.code)).toEqual(["HEADER_AMBIGUOUS"]);
  expect(describeProblem(ambiguous.problems[0], "sv")).toContain("'[C]'");
});
