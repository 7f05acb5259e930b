/**
 * Whatever the two sheets hold, a run either gives a result whose totals add up, with every
 * requisition's message naming a cell, or an InputError whose every problem names a cell,
 * a range or a field, with a readable text in both languages. Nothing else escapes.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { sum } from "../../../../src/core/money";
import {
  InputError,
  type Problem,
  describeProblem,
  problemLocation,
} from "../../../../src/core/problems";
import { requisitionsJson } from "../../../../src/core/jobs/requisitions/json";
import { runRequisitions } from "../../../../src/core/jobs/requisitions/requisitions";
import { requisitionsSheet } from "../../../../src/core/jobs/requisitions/sheet";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Kommunkod",
    "Kommun",
    "Max",
    "Maxbelopp",
    "Belopp",
    "Nyckel",
    "Vill ha mer",
    "Rekvirerat belopp",
    "Inkom",
    "Summa",
    "Stockholm",
    "STOCKHOLM",
    "Malung Salen",
    "Malung-Sälen",
    "0180",
    "180 Stockholm",
    "Stockholms kommun",
    "Göteborgs Stad",
    "Region Gotland",
    "Salas kommun",
    "Kod",
    "X",
    "-",
    ""
  ),
  fc.constantFrom(
    "#N/A",
    "tolv",
    "1 234,50",
    "459\u00a0491",
    "-5",
    "=A1",
    "2026-03-16",
    "16 mars 2026",
    "mars 2026",
    "16/3 2026",
    "2026-03-16T23:30:00Z",
    "16 mars 2026 kl. 14.32",
    "2026-03-16 25:61",
    "202613",
    "[B]"
  ),
  fc.integer({ min: -1000, max: 2_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 10 })
);

const maximaRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.oneof(fc.integer({ min: 1, max: 2999 }), fc.constant(null)),
      fc.constantFrom("Stockholm", "Malung-Sälen", "Göteborg", "Malå", "Sala", "Upplands Väsby"),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null)),
      fc.oneof(fc.constant(null), fc.constant("X"), fc.integer({ min: 0, max: 100_000 }))
    ),
  },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: 5 }) }
);
const requisitionRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "Stockholm",
          "malung sälen",
          "GÖTEBORG",
          "Mala",
          "Sala",
          "Uppsala",
          "Salas kommun",
          "Malås kommun",
          "Göteborgs Stad"
        ),
        fc.integer({ min: 1, max: 2999 })
      ),
      fc.oneof(fc.integer({ min: -10, max: 1_500_000 }), cell),
      fc.oneof(fc.constantFrom("2026-03-10", "2026-03-20", null), cell),
      fc.oneof(fc.constant(null), fc.constant("X"), cell)
    ),
  },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: 4 }) }
);

function grid(sheet: string, header: CellValue[], rows: CellValue[][], junk: CellValue[][]): Grid {
  return { sheet, top: 0, left: 0, values: [...junk, header, ...rows] };
}

const header = (words: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant<CellValue[]>(words) },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: 5 }) }
  );

const scenario = fc.record({
  maxima: fc.tuple(
    header(["Kommunkod", "Kommun", "Maxbelopp", "Nyckel", "Vill ha mer"]),
    fc.array(maximaRow, { maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 2 })
  ),
  requisitions: fc.tuple(
    header(["Kommun", "Rekvirerat belopp", "Inkom", "Vill ha mer"]),
    fc.array(requisitionRow, { maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 2 })
  ),
  deadline: fc.constantFrom(undefined, "2026-03-16", "16 mars", ""),
  total: fc.constantFrom(undefined, "5 000 000", "0", "tolv", 1_000),
  unit: fc.constantFrom(undefined, "1", "1000", "0.01", "3"),
  redistribute: fc.boolean(),
});

function expectReadable(problem: Problem): void {
  expect(problemLocation(problem) ?? problem.field).toBeTruthy();
  for (const lang of ["sv", "en"] as const) {
    const text = describeProblem(problem, lang);
    expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(text.length).toBeGreaterThan(5);
  }
}

test("a run gives a result or an InputError whose problems all name where they are", () => {
  const outcomes = { results: 0, refused: 0 };
  fc.assert(
    fc.property(scenario, (s) => {
      const maxima = grid("Max", ...s.maxima);
      const requisitions = grid("Rekvisitioner", ...s.requisitions);
      let run;
      try {
        run = runRequisitions(maxima, requisitions, {
          deadline: s.deadline,
          total: s.total,
          unit: s.unit,
          redistribute: s.redistribute,
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        expect(error.problems.length).toBeGreaterThan(0);
        error.problems.forEach(expectReadable);
        outcomes.refused++;
        return;
      }
      for (const requisition of run.requisitions) {
        expect(requisition.note.cell).toMatch(/^Rekvisitioner!\$?[A-Z]+\d+$/);
        expectReadable(requisition.note);
      }
      expect(
        sum(run.lines.map((l) => l.final))
          .plus(run.leftOver)
          .equals(run.pot)
      ).toBe(true);
      const json = JSON.parse(JSON.stringify(requisitionsJson(run, "sv")));
      expect(json.requisitions).toHaveLength(run.requisitions.length);
      const sheet = requisitionsSheet(run, { lang: "en", date: "2026-11-25" });
      for (const row of sheet.cells) expect(row).toHaveLength(sheet.columnWidths.length);
      outcomes.results++;
    }),
    { numRuns: 400 }
  );
  // Both paths are exercised, not just the refusals.
  expect(outcomes.results).toBeGreaterThan(10);
  expect(outcomes.refused).toBeGreaterThan(10);
});
