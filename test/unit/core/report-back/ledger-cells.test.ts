/**
 * Issue 19, defects 10 and 13 (the Kredit column): ledger cells as exports write them.
 * Accounts written as decimals ("5011.0", and the number 5011.0) are accounts, read and
 * accepted; a Kredit column whose numbers all carry one sign is read by that sign (a credit
 * reduces the cost), and a Kredit column of mixed signs is refused naming the column.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { readAccount, readLedger } from "../../../../src/core/jobs/report-back/ledger";
import { runReport } from "../../../../src/core/jobs/report-back/report";
import { describeProblem } from "../../../../src/core/problems";
import { problemsOf } from "../helpers/problems";

const grid = (values: CellValue[][], sheet = "Huvudbok"): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values,
});

describe("accounts written as decimals", () => {
  test.each<[CellValue, string]>([
    ["5011.0", "5011"],
    ["5011,0", "5011"],
    ["5011.00", "5011"],
    [" 7490.0 ", "7490"],
    [5011.0, "5011"],
    ["5011.0 Löner", "5011"],
    ["5011.0 - Löner", "5011"],
  ])("%p is the account %s", (value, digits) => {
    expect(readAccount(value)).toEqual({ kind: "account", digits });
  });

  test("property: any account with zeros after a point or comma reads as its digits", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,12}$/),
        fc.constantFrom(".", ","),
        fc.integer({ min: 1, max: 3 }),
        (digits, point, zeros) => {
          expect(readAccount(`${digits}${point}${"0".repeat(zeros)}`)).toEqual({
            kind: "account",
            digits,
          });
        }
      )
    );
  });

  test.each<CellValue>(["5011.5", "5011,25", 5011.5, "50.11.0"])(
    "%p is not an account (a real fraction)",
    (value) => {
      expect(readAccount(value).kind).toBe("bad");
    }
  );

  test("a ledger of text accounts with '.0' is counted, not flagged invalid", () => {
    const result = runReport(
      [
        grid([
          ["Bokföringsdatum", "Konto", "Ansvar", "Text", "Belopp"],
          ["2026-02-01", "5011.0", "1510", "Lön", 30000],
          ["2026-02-01", "7490.0", "1510", "Konsult", 5000],
        ]),
      ],
      { received: "100000", year: 2026, costCentres: ["1510"] }
    );
    expect(result.flagged).toEqual([]);
    expect(result.used.personnel.toFixed(2)).toBe("30000.00");
    expect(result.used.services.toFixed(2)).toBe("5000.00");
  });

  test("accepted, a row with a '.0' account counts (it has an account)", () => {
    const result = runReport(
      [
        grid([
          ["Bokföringsdatum", "Konto", "Ansvar", "Text", "Belopp"],
          ["2025-12-20", "5011.0", "1510", "Lön december", 1000],
          ["2026-02-01", "5011.0", "1510", "Lön", 30000],
        ]),
      ],
      { received: "100000", year: 2026, accept: ["Huvudbok!A2"] }
    );
    expect(result.flagged.map((f) => [f.flag.reason, f.accepted, f.counted])).toEqual([
      ["outside_year", true, true],
    ]);
    expect(result.used.personnel.toFixed(2)).toBe("31000.00");
  });
});

describe("the sign of a Kredit column", () => {
  const header = ["Bokföringsdatum", "Konto", "Text", "Debet", "Kredit"];

  test("credits written as negative numbers reduce the cost, as positive ones do", () => {
    const negative = readLedger(
      grid([
        header,
        ["2026-02-01", 7490, "Faktura", 10000, null],
        ["2026-02-15", 7490, "Kreditnota", null, -2500],
        ["2026-03-01", 6110, "Hyra", 4000, -1000],
      ])
    );
    const positive = readLedger(
      grid([
        header,
        ["2026-02-01", 7490, "Faktura", 10000, null],
        ["2026-02-15", 7490, "Kreditnota", null, 2500],
        ["2026-03-01", 6110, "Hyra", 4000, 1000],
      ])
    );
    expect(negative.problems).toEqual([]);
    expect(negative.ledger!.rows.map((r) => r.amount)).toEqual([1000000, -250000, 300000]);
    expect(positive.ledger!.rows.map((r) => r.amount)).toEqual([1000000, -250000, 300000]);
  });

  test("property: writing every credit with the other sign changes no amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000_00 }), fc.boolean()), {
          minLength: 1,
          maxLength: 30,
        }),
        (entries) => {
          const rows = (sign: 1 | -1) =>
            entries.map(([ore, isCredit]): CellValue[] => [
              "2026-05-01",
              7490,
              "Post",
              isCredit ? null : ore / 100,
              isCredit ? (sign * ore) / 100 : null,
            ]);
          const positive = readLedger(grid([header, ...rows(1)]));
          const negative = readLedger(grid([header, ...rows(-1)]));
          expect(negative.problems).toEqual(positive.problems);
          if (positive.ledger === null) return;
          const amounts = positive.ledger.rows.map((r) => r.amount);
          expect(negative.ledger!.rows.map((r) => r.amount)).toEqual(amounts);
          // A credit never adds to the cost.
          entries.forEach(([ore, isCredit], i) => {
            if (isCredit && positive.ledger!.rows[i]) expect(amounts[i]).toBe(-ore || 0);
          });
        }
      ),
      { numRuns: 200 }
    );
  });

  test("negative credits in the report: used is the costs less the credits", () => {
    const result = runReport(
      [
        grid([
          header,
          ["2026-02-01", 7490, "Faktura", 10000, null],
          ["2026-02-15", 7490, "Kreditnota", null, "-2 500,00"],
        ]),
      ],
      { received: "100000", year: 2026 }
    );
    expect(result.used.services.toFixed(2)).toBe("7500.00");
  });

  test("a Kredit column with both signs is refused, naming the column and a cell of each", () => {
    const problems = problemsOf(() =>
      runReport(
        [
          grid([
            header,
            ["2026-02-01", 7490, "Faktura", 10000, null],
            ["2026-02-15", 7490, "Kreditnota", null, 2500],
            ["2026-02-20", 7490, "Kreditnota", null, -300],
          ]),
        ],
        { received: "100000", year: 2026 }
      )
    );
    expect(problems.map((p) => [p.code, p.cell, p.field])).toEqual([
      ["LEDGER_CREDIT_MIXED_SIGNS", "Huvudbok!E1:E4", "credit"],
    ]);
    const sv = describeProblem(problems[0], "sv");
    expect(sv).toContain("'Kredit'");
    expect(sv).toContain("Huvudbok!E3");
    expect(sv).toContain("Huvudbok!E4");
    expect(describeProblem(problems[0], "en")).toMatch(/both positive .* and negative/);
  });
});
