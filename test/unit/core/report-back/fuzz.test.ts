/**
 * Whatever a pasted ledger holds, the report either comes out (totals adding up, every flag
 * naming a cell) or the input is refused with an InputError whose problems each name a
 * place; nothing else escapes, and no message says "undefined".
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { reportJson } from "../../../../src/core/jobs/report-back/json";
import { runReport } from "../../../../src/core/jobs/report-back/report";
import { readMapping } from "../../../../src/core/jobs/report-back/categories";
import { reportSheet } from "../../../../src/core/jobs/report-back/sheet";
import { InputError, describeProblem, problemLocation } from "../../../../src/core/problems";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Datum",
    "Konto",
    "Belopp",
    "Debet",
    "Kredit",
    "Ansvar",
    "Projekt",
    "Text",
    "Summa",
    "Period"
  ),
  fc.constantFrom(
    "2026-03-16",
    "202603",
    "16 mars 2026",
    "2025-12",
    "13/13 2026",
    "#N/A",
    "tolv",
    "1 234,50",
    "1 234,50-",
    "-5",
    "=A1",
    "0180",
    "5010 Löner",
    "aktivitet",
    "150:-"
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 10 })
);

const row: fc.Arbitrary<CellValue[]> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 45000, max: 47000 }),
          fc.constantFrom("2026-05-01", 202606, null)
        ),
        fc.constantFrom(5010, 5611, 3010, 7490, "6110", 8410, "x", null),
        fc.constantFrom("1510", "1520", 1510, null),
        fc.constantFrom("HS26", "", null),
        fc.constantFrom("Lön", "Aktiviteter", "Summa", null),
        fc.oneof(
          fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
          cell
        )
      )
      .map((t) => [...t]),
  },
  { weight: 1, arbitrary: fc.array(cell, { maxLength: 7 }) }
);

const grid: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.oneof(
      fc.constant(["Datum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"] as CellValue[]),
      fc.array(cell, { maxLength: 7 })
    ),
    fc.array(row, { maxLength: 25 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 3 })
  )
  .map(([header, rows, top, left]) => ({
    sheet: "Huvudbok",
    top,
    left,
    values: [header, ...rows],
  }));

test("a ledger gives a report or problems that each name a place", () => {
  fc.assert(
    fc.property(
      grid,
      fc.array(fc.constantFrom("Huvudbok!A2", "Huvudbok!F3", "B4", "xyz"), { maxLength: 2 }),
      (g, accept) => {
        try {
          const result = runReport([g], {
            received: "1000",
            year: 2026,
            costCentres: ["1510"],
            accept,
          });
          const json = reportJson(result, "en");
          for (const f of json.flagged) {
            expect(f.cell).toMatch(/^Huvudbok!\$?[A-Z]+\d+$/);
            expect(f.message).not.toMatch(/undefined/);
          }
          const model = reportSheet(result, { lang: "sv", date: "2027-01-01" });
          expect(model.cells.every((r) => r.length === model.cells[0].length)).toBe(true);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const problem of error.problems) {
            expect(problemLocation(problem) ?? problem.field).toBeTruthy();
            for (const lang of ["sv", "en"] as const)
              expect(describeProblem(problem, lang)).not.toMatch(/undefined/);
          }
        }
      }
    ),
    { numRuns: 500 }
  );
});

test("any mapping sheet reads or gives problems that name a place", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.array(
          fc.oneof(
            cell,
            fc.constantFrom(
              "Konto eller intervall",
              "Kategori",
              "Personal",
              "60–62",
              "5–6",
              "Ord som bidraget inte får betala"
            )
          ),
          { maxLength: 4 }
        ),
        { maxLength: 12 }
      ),
      (values) => {
        const { problems } = readMapping({ sheet: "Kontoindelning", top: 0, left: 0, values });
        for (const problem of problems) {
          expect(problemLocation(problem)).toBeTruthy();
          expect(describeProblem(problem, "sv")).not.toMatch(/undefined/);
        }
      }
    ),
    { numRuns: 300 }
  );
});
