/**
 * Choosing the columns of both lists (issue 19, item 13): by header or by sheet letter
 * ("[D]"), for the name, code, amount and date columns; two "Belopp" columns are told apart
 * by letter; a problem of a chosen column names its list.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { describeProblem, problemLocation } from "../../../../src/core/problems";
import { runRequisitions } from "../../../../src/core/jobs/requisitions/requisitions";
import { problemsOf } from "../helpers/problems";

const maxima: Grid = {
  sheet: "Maxbelopp",
  top: 0,
  left: 0,
  values: [
    ["Fördelningslista 2026", null, null, null],
    ["Nr", "Namn", "Belopp 2025", "Belopp 2026"],
    ["0180", "Stockholm", 250_000, 300_000],
    ["1480", "Göteborg", 150_000, 200_000],
  ],
};
const requisitions = (rows: CellValue[][]): Grid => ({
  sheet: "Inkomna",
  top: 0,
  left: 0,
  values: [["Avsändare", "Id", "Summa kr", "Stämpel", "Anteckning"], ...rows],
});
const ROWS: CellValue[][] = [
  ["Sthlm", 180, 300_000, "2026-03-10", "2026-04-01"],
  ["Gbg", "1480", 180_000, "2026-03-12", "2026-04-01"],
];

test("without a choice, the two 'Belopp' columns are a question, not a guess", () => {
  const problems = problemsOf(() => runRequisitions(maxima, requisitions(ROWS), {}));
  expect(problems.map((p) => p.code)).toContain("COLUMN_AMBIGUOUS");
});

test("every column of both lists chosen, by header and by letter", () => {
  const result = runRequisitions(
    maxima,
    requisitions(ROWS),
    { deadline: "2026-03-16" },
    {
      maxima: { code: "Nr", name: "[B]", maximum: "Belopp 2026" },
      requisitions: { recipient: "Avsändare", code: "[B]", requested: "summa KR", received: "[D]" },
    }
  );
  expect(result.requisitions.map((r) => [r.status, r.recipient, r.approved.toFixed()])).toEqual([
    ["ok", 0, "300000"],
    ["ok", 1, "180000"],
  ]);
  expect(result.maximaSum.toFixed()).toBe("500000");
});

test("the maxima's amount column by letter alone, the header row found above its numbers", () => {
  const result = runRequisitions(
    maxima,
    requisitions(ROWS),
    {},
    {
      maxima: { code: "[A]", name: "[B]", maximum: "[D]" },
      requisitions: { recipient: "[A]", code: "[B]", requested: "[C]" },
    }
  );
  expect(result.maximaColumns.headerRow).toBe(1);
  expect(result.requisitions.map((r) => r.status)).toEqual(["ok", "ok"]);
});

test("a chosen column that is not there names its list and the header row", () => {
  const problems = problemsOf(() =>
    runRequisitions(
      maxima,
      requisitions(ROWS),
      { deadline: "2026-03-16" },
      {
        maxima: { maximum: "Belopp 2027" },
        requisitions: { recipient: "Avsändare", requested: "Summa kr", received: "[K]" },
      }
    )
  );
  expect(problems.map((p) => [p.code, p.field, problemLocation(p) ?? null])).toEqual([
    ["COLUMN_NOT_FOUND", "maxima.maximum", "Maxbelopp!A2:D2"],
    ["COLUMN_NOT_FOUND", "requisitions.received", "Inkomna!A1:E1"],
  ]);
});

test("a required column cannot be chosen as none", () => {
  const problems = problemsOf(() =>
    runRequisitions(
      maxima,
      requisitions(ROWS),
      {},
      {
        maxima: { maximum: "Belopp 2026", name: "" },
        requisitions: { recipient: "Avsändare", requested: "Summa kr" },
      }
    )
  );
  expect(problems.map((p) => [p.code, p.field])).toEqual([["COLUMN_REQUIRED", "maxima.name"]]);
  expect(describeProblem(problems[0], "sv")).toBe(
    "Listan måste ha en namnkolumn: ange dess rubrik, eller bokstav som '[B]'."
  );
});
