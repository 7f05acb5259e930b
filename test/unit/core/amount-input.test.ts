/**
 * Issue 19, defect 13: an amount typed on the command line or in the pane reads the same in
 * every job. "100.000" has two readings (one hundred thousand with a thousands dot, or a
 * hundred with three decimals): every job refuses it with both readings, as allocate does.
 */
import { parseAmountInput } from "../../../src/core/parse";
import { runReport } from "../../../src/core/jobs/report-back/report";
import { runRequisitions } from "../../../src/core/jobs/requisitions/requisitions";
import { readParameters } from "../../../src/core/jobs/allocation/allocation";
import { problemMessage } from "../../../src/core/problems";
import type { Grid } from "../../../src/core/grid";
import { problemsOf } from "./helpers/problems";

const BOTH_SV = "100.000 kan betyda 100 eller 100\u00a0000";
const BOTH_EN = "100.000 can mean 100 or 100,000";

test.each([
  ["100.000", { ok: false, code: "AMBIGUOUS_DOT", text: "100.000" }],
  ["100 000", { ok: true }],
  ["100000,50", { ok: true }],
  ["1.234.567", { ok: true }],
  ["0,125", { ok: false, code: "TOO_MANY_DECIMALS", text: "0,125" }],
  ["tusen", { ok: false, code: "NOT_A_NUMBER", text: "tusen" }],
])("parseAmountInput(%p)", (text, expected) => {
  expect(parseAmountInput(text)).toMatchObject(expected);
});

test("allocate --total 100.000 names both readings (as before)", () => {
  const problems = problemsOf(() => readParameters({ total: "100.000" }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([["AMBIGUOUS_DOT", "total"]]);
  expect(problemMessage(problems[0], "sv")).toContain(BOTH_SV);
});

test("report --received 100.000 names both readings", () => {
  const ledger: Grid = {
    sheet: "Huvudbok",
    top: 0,
    left: 0,
    values: [
      ["Bokföringsdatum", "Konto", "Belopp"],
      ["2026-02-01", 5010, 100],
    ],
  };
  const problems = problemsOf(() => runReport([ledger], { received: "100.000", year: 2026 }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([["AMBIGUOUS_DOT", "received"]]);
  expect(problemMessage(problems[0], "sv")).toContain(BOTH_SV);
  expect(problemMessage(problems[0], "en")).toContain(BOTH_EN);
});

test("requisitions --total 100.000 names both readings", () => {
  const maxima: Grid = {
    sheet: "Maxbelopp",
    top: 0,
    left: 0,
    values: [
      ["Kommunkod", "Kommun", "Maxbelopp"],
      ["0180", "Stockholm", 60000],
      ["1480", "Göteborg", 40000],
    ],
  };
  const requisitions: Grid = {
    sheet: "Rekvisitioner",
    top: 0,
    left: 0,
    values: [
      ["Kommun", "Belopp", "Datum"],
      ["Stockholm", 50000, "2026-03-01"],
    ],
  };
  const problems = problemsOf(() => runRequisitions(maxima, requisitions, { total: "100.000" }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([["AMBIGUOUS_DOT", "total"]]);
  expect(problemMessage(problems[0], "sv")).toContain(BOTH_SV);
});
