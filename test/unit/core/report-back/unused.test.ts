/**
 * Issue 19, defect 7: a credit note booked inside the grant year whose invoice lies in the
 * year before makes a category negative. "Unused, to be repaid" is never more than what was
 * received, and a negative category or total is said, with the rows that make it negative.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { reportJson } from "../../../../src/core/jobs/report-back/json";
import { type ReportRequest, runReport } from "../../../../src/core/jobs/report-back/report";
import { reportSheet } from "../../../../src/core/jobs/report-back/sheet";
import { Decimal } from "../../../../src/core/money";
import { describeProblem } from "../../../../src/core/problems";

const HEADER = ["Bokföringsdatum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"];
const ledger = (rows: CellValue[][], sheet = "Huvudbok"): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values: [HEADER, ...rows],
});
const request: ReportRequest = { received: "100000", year: 2026, costCentres: ["1510"] };

/** The invoice in December of the year before (flagged), its credit note in January. */
const creditNoteRows: CellValue[][] = [
  ["2025-12-10", 7490, "1510", "HS26", "Faktura konsult", 7000],
  ["2026-01-12", 7490, "1510", "HS26", "Kreditnota konsult", -7000],
];

test("a credit note without its invoice in the year: unused is what was received, not more", () => {
  const result = runReport([ledger(creditNoteRows)], request);
  expect(result.used.services.toFixed(2)).toBe("-7000.00");
  expect(result.totalUsed.toFixed(2)).toBe("-7000.00");
  expect(result.unused.toFixed(2)).toBe("100000.00");
  expect(result.ownFunding.toFixed(2)).toBe("0.00");
  expect(reportJson(result).unused).toBe("100000.00");
});

test("a negative category and a negative total are flagged, naming the credit rows", () => {
  const result = runReport([ledger(creditNoteRows)], request);
  const codes = result.warnings.map((w) => [w.code, w.cell]);
  expect(codes).toEqual([
    ["REPORT_NEGATIVE_CATEGORY", "Huvudbok!F3"],
    ["REPORT_NEGATIVE_TOTAL", "Huvudbok!F3"],
  ]);
  const sv = result.warnings.map((w) => describeProblem(w, "sv"));
  expect(sv[0]).toContain("Summan för köpta tjänster är negativ");
  expect(sv[0]).toContain("-7\u00a0000,00");
  expect(sv[1]).toContain("100\u00a0000,00");
  const en = describeProblem(result.warnings[1], "en");
  expect(en).toMatch(/never more than the grant received/);
  // In --json as well, with their cells.
  expect(reportJson(result, "en").warnings).toEqual([
    { code: "REPORT_NEGATIVE_CATEGORY", cell: "Huvudbok!F3", message: expect.any(String) },
    { code: "REPORT_NEGATIVE_TOTAL", cell: "Huvudbok!F3", message: expect.any(String) },
  ]);
});

test("a negative category inside a positive total is flagged; the total is not", () => {
  const result = runReport(
    [
      ledger([
        ["2026-02-01", 5010, "1510", "HS26", "Lön", 30000],
        ["2026-01-12", 7490, "1510", "HS26", "Kreditnota konsult", -7000],
      ]),
    ],
    request
  );
  expect(result.warnings.map((w) => w.code)).toEqual(["REPORT_NEGATIVE_CATEGORY"]);
  expect(result.unused.toFixed(2)).toBe("77000.00");
});

test("no warnings when every category is zero or more", () => {
  const result = runReport([ledger([["2026-02-01", 5010, "1510", "HS26", "Lön", 30000]])], request);
  expect(result.warnings).toEqual([]);
  expect(reportJson(result).warnings).toEqual([]);
});

test("the sheet's formulas agree: unused is MIN(received; MAX(0; received − used))", () => {
  const result = runReport([ledger(creditNoteRows)], request);
  const model = reportSheet(result, { lang: "sv", date: "2027-01-15" });
  const row = model.cells.find((r) => r[0]?.value === "Ej använt, att återbetala")!;
  const cell = row[1];
  expect(cell.formula).toMatch(/^MIN\(B\d+,MAX\(0,B\d+-B\d+\)\)$/);
  expect(cell.value).toBe(100000);
  // The warning is on the sheet too, for whoever reads the report without the runner.
  const texts = model.cells.flat().map((c) => c.value);
  expect(texts.some((t) => typeof t === "string" && t.includes("köpta tjänster är negativ"))).toBe(
    true
  );
});

test("property: unused is never more than received, never negative, and own funding only when used exceeds it", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom(5010, 6110, 7490, 6510),
          fc.integer({ min: -200_000_00, max: 200_000_00 })
        ),
        { minLength: 1, maxLength: 30 }
      ),
      fc.integer({ min: 0, max: 500_000_00 }),
      (entries, receivedOre) => {
        const rows = entries.map(([account, ore]) => [
          "2026-06-01",
          account,
          "1510",
          "HS26",
          "Post",
          ore / 100,
        ]);
        const received = new Decimal(receivedOre).dividedBy(100);
        const result = runReport([ledger(rows)], { ...request, received: received.toFixed(2) });
        expect(result.unused.lessThanOrEqualTo(received)).toBe(true);
        expect(result.unused.isNegative()).toBe(false);
        expect(result.ownFunding.isNegative()).toBe(false);
        const over = result.totalUsed.minus(received);
        expect(result.ownFunding.equals(Decimal.max(over, 0))).toBe(true);
        expect(result.warnings.some((w) => w.code === "REPORT_NEGATIVE_TOTAL")).toBe(
          result.totalUsed.isNegative() && !result.totalUsed.isZero()
        );
      }
    ),
    { numRuns: 200 }
  );
});
