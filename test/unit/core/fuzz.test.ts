/**
 * Whatever a user's sheet holds, reading it either gives an allocation that adds up to the
 * pot or a list of problems, each with a place and a readable text in both languages;
 * nothing else escapes (no TypeError, no "undefined" in a message).
 */
import fc from "fast-check";
import { runAllocation } from "../../../src/core/jobs/allocation/allocation";
import { allocationSheet } from "../../../src/core/jobs/allocation/sheet";
import type { CellValue, Grid } from "../../../src/core/grid";
import { sum } from "../../../src/core/money";
import { InputError, describeProblem, problemLocation } from "../../../src/core/problems";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Namn",
    "Nyckel",
    "Kommun",
    "Antal invånare 80+",
    "Intresse",
    "X",
    "x",
    "-",
    "ja",
    "Summa",
    ""
  ),
  fc.constantFrom(
    "#N/A",
    "#DIV/0!",
    "tolv",
    "1 234,50",
    "459\u00a0491",
    " 12 kr ",
    "1,234",
    "-5",
    "=A1",
    "0180"
  ),
  fc.integer({ min: -1000, max: 1_000_000 }),
  // Excel has no NaN or infinity in a cell.
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 12 })
);

/** A row as people fill them in: a name, a key, a mark; or, now and then, anything at all. */
const row = (width: number): fc.Arbitrary<(index: number) => CellValue[]> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom("1 200", "3,5")),
          fc.constantFrom("X", "x", "-", "ja", "", null)
        )
        .map(
          ([key, mark]) =>
            (index: number) =>
              [`Kommun ${index}`, key, mark, null, null].slice(0, width)
        ),
    },
    {
      weight: 1,
      arbitrary: fc.array(cell, { minLength: width, maxLength: width }).map((cells) => () => cells),
    }
  );

const grid: fc.Arbitrary<Grid> = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 30 }))
  .chain(([width, top]) =>
    fc.array(row(width), { minLength: 0, maxLength: 12 }).map((rows): Grid => ({
      sheet: "Blad 1",
      top,
      left: 0,
      values: [
        ["Namn", "Nyckel", "Intresse", "X", "Y"].slice(0, width),
        ...rows.map((make, i) => make(i)),
      ],
    }))
  );

const pot = fc.oneof(
  fc.constantFrom("6 069 306", "", "tolv", "0", "100,005", "-1"),
  fc.integer({ min: 1, max: 10_000_000 })
);

test("every grid gives an exact allocation or located, readable problems", () => {
  fc.assert(
    fc.property(grid, pot, fc.constantFrom("1", "100", "0.01", "3"), (values, total, unit) => {
      try {
        const run = runAllocation(values, {
          total,
          unit,
          reserves: [{ name: "Förvaltningen", amount: "1" }],
        });
        const { result } = run;
        const handedOut = sum([
          ...result.rows.map((r) => r.amount),
          ...result.reserves.map((r) => r.amount),
          result.unallocated,
        ]);
        expect(handedOut.equals(result.total)).toBe(true);
        expect(result.rows.every((r) => !r.amount.isNegative())).toBe(true);
        const sheet = allocationSheet(result, {
          lang: "sv",
          date: "2026-11-25",
          nameHeader: "Namn",
          keyHeader: "Nyckel",
          source: "x",
        });
        expect(sheet.cells.every((row) => row.length === sheet.cells[0].length)).toBe(true);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        expect(error.problems.length).toBeGreaterThan(0);
        for (const problem of error.problems) {
          expect(problemLocation(problem) ?? problem.field).toBeTruthy();
          for (const lang of ["sv", "en"] as const) {
            const text = describeProblem(problem, lang);
            expect(text).not.toMatch(/undefined|NaN|\[object/);
            expect(text.length).toBeGreaterThan(10);
          }
        }
      }
    }),
    { numRuns: 500 }
  );
});
