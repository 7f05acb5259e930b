/**
 * Columns named by header, as the runner's flags and the pane's log name them: a header over
 * several columns ("Antal" under 65+ and under 80+, a merged super-header above) is never
 * silently the first of them; "[C]" names a column by its sheet letter instead.
 */
import fc from "fast-check";
import type { Grid } from "../../../../src/core/grid";
import { runAllocation } from "../../../../src/core/jobs/allocation/allocation";
import { problemMessage } from "../../../../src/core/problems";
import { InputError } from "../../../../src/core/problems";
import { columnName, matchColumn } from "../../../../src/core/table/columns";

/** A table at B2: two "Antal" columns (65+ in D, 80+ in E) and two "Golv" columns. */
const grid: Grid = {
  sheet: "Blad1",
  top: 1,
  left: 1,
  values: [
    ["Stadsdel", "Intresse", "Antal", "Antal", "Golv", "Golv"],
    ["Norr", "X", 1000, 100, 0, 30000],
    ["Söder", "X", 1500, 300, 0, 0],
    ["Öster", "X", 2500, 600, 0, 0],
  ],
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => problemMessage(p, "sv"));
    throw error;
  }
  return [];
}

describe("matchColumn and columnName", () => {
  const headers = ["Stadsdel", "Intresse", "Antal", "Antal", "Golv", "Golv"];

  test("a unique header is found, a repeated one is ambiguous, [E] is column E", () => {
    expect(matchColumn(headers, "stadsdel ", 1)).toEqual({ col: 0 });
    expect(matchColumn(headers, "Antal", 1)).toEqual({ ambiguous: [2, 3] });
    expect(matchColumn(headers, "[E]", 1)).toEqual({ col: 3 });
    expect(matchColumn(headers, "[e]", 1)).toEqual({ col: 3 });
    expect(matchColumn(headers, "[A]", 1)).toBeNull();
    expect(matchColumn(headers, "[Z]", 1)).toBeNull();
    expect(matchColumn(headers, "Saknas", 1)).toBeNull();
  });

  test("columnName gives the header when unique, else the letter; it always finds its column again", () => {
    expect(columnName(headers, 0, 1)).toBe("Stadsdel");
    expect(columnName(headers, 3, 1)).toBe("[E]");
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Antal", "antal ", "Golv", "", "Stadsdel", "[C]"), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(20),
        (row, left) => {
          row.forEach((_, col) => {
            expect(matchColumn(row, columnName(row, col, left), left)).toEqual({ col });
          });
        }
      )
    );
  });
});

describe("the allocation refuses a header over several columns, naming them", () => {
  const pot = { total: "100 000" };

  test("--key-column Antal: which one? Both named, with how to pick one", () => {
    expect(problemsOf(() => runAllocation(grid, pot, { key: "Antal" }))).toEqual([
      "Rubriken 'Antal' står över flera kolumner (D, E). Ge kolumnerna olika rubriker, eller ange kolumnen med sin bokstav, t.ex. '[D]'.",
    ]);
  });

  test("[E] takes the 80+ column; the split follows it", () => {
    const run = runAllocation(grid, pot, { key: "[E]" });
    expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([10000, 30000, 60000]);
  });

  test("a floor from a repeated header is refused, from [G] it applies", () => {
    expect(
      problemsOf(() =>
        runAllocation(grid, { ...pot, shapes: { floor: { column: "Golv" } } }, { key: "[E]" })
      )
    ).toEqual([
      "Rubriken 'Golv' står över flera kolumner (F, G). Ge kolumnerna olika rubriker, eller ange kolumnen med sin bokstav, t.ex. '[F]'.",
    ]);
    const run = runAllocation(
      grid,
      { ...pot, shapes: { floor: { column: "[G]" } } },
      { key: "[E]" }
    );
    expect(run.result.rows[0].amount.toNumber()).toBe(30000);
    expect(run.result.rows.reduce((s, r) => s + r.amount.toNumber(), 0)).toBe(100000);
  });
});
