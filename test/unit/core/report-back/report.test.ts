/**
 * The report-back use case: totals exact to the öre, every flag, accepting flagged rows by
 * cell, income apart, own funding instead of a negative "unused", several districts, and
 * a 100 000-row ledger.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { reportJson } from "../../../../src/core/jobs/report-back/json";
import { type ReportRequest, runReport } from "../../../../src/core/jobs/report-back/report";
import { sampleLedger, sampleRequest } from "../../../../src/core/jobs/report-back/sample";
import { Decimal } from "../../../../src/core/money";
import { problemsOf } from "../helpers/problems";

const HEADER = ["Datum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"];
const ledger = (rows: CellValue[][], sheet = "Huvudbok"): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values: [HEADER, ...rows],
});
const request: ReportRequest = {
  received: "100000",
  year: 2026,
  costCentres: ["1510"],
  projects: ["HS26"],
};

test("the sample: every category, income apart, each planted row flagged once", () => {
  const result = runReport([sampleLedger()], sampleRequest());
  const json = reportJson(result, "sv");
  expect(json).toEqual({
    received: "700000.00",
    used: { personnel: "603217.80", premises: "4350.00", services: "37300.50", other: "2975.75" },
    totalUsed: "647844.05",
    unused: "52155.95",
    ownFunding: "0.00",
    income: "180000.00",
    flagged: [
      {
        cell: "Huvudbok!A31",
        reason: "outside_year",
        message: "Bokförd 2025-12-18, utanför bidragsåret 2026.",
      },
      {
        cell: "Huvudbok!D32",
        reason: "other_cost_centre",
        message: "Ansvar/kostnadsställe '1520' hör inte till bidraget (1510).",
      },
      {
        cell: "Huvudbok!F33",
        reason: "disallowed",
        message: expect.stringContaining("'aktivitet'"),
      },
    ],
    warnings: [],
  });
  expect(result.ledgers[0].skipped.map((s) => s.kind)).toEqual(["total"]);
});

test("each flag, with the cell that causes it", () => {
  const result = runReport(
    [
      ledger([
        ["2026-01-15", 5010, "1510", "HS26", "Lön", 100],
        ["2025-12-31", 5010, "1510", "HS26", "Lön", 1],
        [202701, 5010, "1510", "HS26", "Lön", 2],
        ["2026-02-01", 5010, "9999", "HS26", "Lön", 3],
        ["2026-02-01", 5010, null, "HS26", "Lön", 4],
        ["2026-02-01", 5010, "1510", "XX", "Lön", 5],
        ["2026-02-01", 6490, "1510", "HS26", "Julaktiviteter", 6],
        [null, 5010, "1510", "HS26", "Lön", 7],
        ["i våras", 5010, "1510", "HS26", "Lön", 8],
        ["2026-02-01", "Lön", "1510", "HS26", "Lön", 9],
        ["2026-02-01", 5010, "1510", "HS26", "Lön", "tolv"],
        ["2026-02-01", 8410, "1510", "HS26", "Ränta", 10],
        ["2026-02-01", "0100", "1510", "HS26", "Okänt", 11],
      ]),
    ],
    request
  );
  expect(reportJson(result).flagged.map((f) => [f.cell, f.reason])).toEqual([
    ["Huvudbok!A3", "outside_year"],
    ["Huvudbok!A4", "outside_year"],
    ["Huvudbok!C5", "other_cost_centre"],
    ["Huvudbok!C6", "other_cost_centre"],
    ["Huvudbok!D7", "other_project"],
    ["Huvudbok!E8", "disallowed"],
    ["Huvudbok!A9", "invalid"],
    ["Huvudbok!A10", "invalid"],
    ["Huvudbok!B11", "invalid"],
    ["Huvudbok!F12", "invalid"],
    ["Huvudbok!B13", "invalid"],
    ["Huvudbok!B14", "invalid"],
  ]);
  expect(result.totalUsed.toFixed(2)).toBe("100.00");
  expect(result.lines).toHaveLength(1);
});

test("accepting by cell counts the row; a row with no amount stays out", () => {
  const rows = [
    ["2026-01-15", 5010, "1510", "HS26", "Lön", 100],
    ["2025-12-31", 5010, "1510", "HS26", "Lön", 0.5],
    ["2026-02-01", 7490, "9999", "HS26", "Konsult", 20],
    ["2026-02-01", 5010, "1510", "HS26", "Lön", null],
  ];
  const accepted = runReport([ledger(rows)], {
    ...request,
    accept: ["Huvudbok!A3", "huvudbok!F4", "Huvudbok!F5"],
  });
  expect(accepted.used.personnel.toFixed(2)).toBe("100.50");
  expect(accepted.used.services.toFixed(2)).toBe("20.00");
  expect(accepted.flagged.map((f) => [f.accepted, f.counted])).toEqual([
    [true, true],
    [true, true],
    [true, false],
  ]);
  // A cell without a sheet is clear with one ledger.
  expect(runReport([ledger(rows)], { ...request, accept: ["A3"] }).used.personnel.toFixed(2)).toBe(
    "100.50"
  );
});

test("accepting a cell that is not flagged, or that is not a cell, is refused", () => {
  const rows = [["2026-01-15", 5010, "1510", "HS26", "Lön", 100]];
  expect(
    problemsOf(() => runReport([ledger(rows)], { ...request, accept: ["Huvudbok!A2"] }))
  ).toEqual([{ code: "REPORT_ACCEPT_UNKNOWN", field: "accept", params: { text: "Huvudbok!A2" } }]);
  expect(
    problemsOf(() => runReport([ledger(rows)], { ...request, accept: ["rad 12"] })).map(
      (p) => p.code
    )
  ).toEqual(["REPORT_ACCEPT_BAD"]);
});

test("income is apart, never netted; an overspend is own funding, not a negative unused", () => {
  const result = runReport(
    [
      ledger([
        ["2026-01-15", 5010, "1510", "HS26", "Lön", 90000],
        ["2026-01-15", 7490, "1510", "HS26", "Konsult", 20000.01],
        ["2026-01-20", 3010, "1510", "HS26", "Statsbidrag", -100000],
        ["2026-03-20", 3010, "1510", "HS26", "Återbetalning", 250],
      ]),
    ],
    request
  );
  expect(result.totalUsed.toFixed(2)).toBe("110000.01");
  expect(result.income.toFixed(2)).toBe("99750.00");
  expect(result.unused.toFixed(2)).toBe("0.00");
  expect(result.ownFunding.toFixed(2)).toBe("10000.01");
});

test("several districts: a total per district and in all", () => {
  const norr = sampleLedger({ sheet: "Norr" });
  const soder = sampleLedger({ sheet: "Söder", wage: 41_000.5 });
  const one = runReport([norr], sampleRequest());
  const both = runReport([norr, soder], sampleRequest());
  expect(both.districts.map((d) => d.name)).toEqual(["Norr", "Söder"]);
  expect(both.districts[0].totalUsed.equals(one.totalUsed)).toBe(true);
  expect(both.totalUsed.equals(both.districts[0].totalUsed.plus(both.districts[1].totalUsed))).toBe(
    true
  );
  expect(both.flagged.map((f) => f.flag.problem.cell)).toEqual([
    "Norr!A31",
    "Norr!D32",
    "Norr!F33",
    "Söder!A31",
    "Söder!D32",
    "Söder!F33",
  ]);
  expect(problemsOf(() => runReport([norr, norr], sampleRequest())).map((p) => p.code)).toEqual([
    "REPORT_LEDGER_TWICE",
  ]);
});

test("parameters and unreadable ledgers are reported together", () => {
  const problems = problemsOf(() =>
    runReport(
      [
        { sheet: "Tom", top: 0, left: 0, values: [] },
        ledger([["2026-01-01", 5010, "", "", "", 1]]),
      ],
      {
        received: "-5",
        year: "26",
        costCentres: ["1510"],
      }
    )
  );
  expect(problems.map((p) => p.code)).toEqual([
    "EMPTY_RANGE",
    "REPORT_RECEIVED_BAD",
    "REPORT_YEAR_BAD",
  ]);
  const noColumn = problemsOf(() =>
    runReport(
      [
        {
          sheet: "H",
          top: 0,
          left: 0,
          values: [
            ["Datum", "Konto", "Belopp"],
            ["2026-01-01", 5010, 1],
          ],
        },
      ],
      {
        received: "1",
        year: 2026,
        projects: ["HS26"],
      }
    )
  );
  expect(noColumn.map((p) => [p.code, p.params?.range])).toEqual([
    ["LEDGER_COLUMN_NEEDED", "H!A1:C1"],
  ]);
});

test("property: the totals are the exact sum of the counted rows, to the öre", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom(5010, 5611, 6110, 4610, 7490, 6510, 7910, 3010),
          fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }),
          fc.boolean()
        ),
        { minLength: 1, maxLength: 60 }
      ),
      fc.integer({ min: 0, max: 10_000_000_00 }),
      (entries, receivedOre) => {
        const rows = entries.map(([account, ore, asText]) => [
          "2026-06-01",
          account,
          "1510",
          "HS26",
          "Post",
          asText ? new Decimal(ore).dividedBy(100).toFixed(2).replace(".", ",") : ore / 100,
        ]);
        const received = new Decimal(receivedOre).dividedBy(100);
        const result = runReport([ledger(rows)], { ...request, received: received.toFixed(2) });
        let used = new Decimal(0);
        let income = new Decimal(0);
        for (const [account, ore] of entries) {
          if (account === 3010) income = income.minus(new Decimal(ore).dividedBy(100));
          else used = used.plus(new Decimal(ore).dividedBy(100));
        }
        expect(result.totalUsed.equals(used)).toBe(true);
        expect(result.income.equals(income)).toBe(true);
        // Unused is capped at received (issue 19, defect 7): a negative "used" repays no more.
        expect(
          result.unused.minus(result.ownFunding).equals(Decimal.min(received, received.minus(used)))
        ).toBe(true);
        expect(result.unused.isNegative() || result.ownFunding.isNegative()).toBe(false);
      }
    ),
    { numRuns: 200 }
  );
});

test("a 100 000-row ledger goes through core", () => {
  const accounts = [5011, 5611, 7490, 6110, 6510, 3010];
  const values: CellValue[][] = [HEADER];
  let expected = 0;
  for (let i = 0; i < 100_000; i++) {
    const account = accounts[i % accounts.length];
    const ore = (i * 7919) % 1_000_000;
    if (account !== 3010) expected += ore;
    values.push([46023 + (i % 365), account, "1510", "HS26", `Post ${i % 300}`, ore / 100]);
  }
  const result = runReport([{ sheet: "Huvudbok", top: 0, left: 0, values }], request);
  expect(result.flagged).toEqual([]);
  expect(result.lines).toHaveLength(100_000);
  expect(result.totalUsed.equals(new Decimal(expected).dividedBy(100))).toBe(true);
});
