/**
 * Tables as municipal offices make them (issue 12): total and subtotal rows, two candidate
 * key columns, a stray X column, hidden rows and keys whose formulas were never calculated.
 * Each case was measured paying the wrong people or refusing with a misleading message.
 */
import { runAllocation } from "../../../../src/core/jobs/allocation/allocation";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { InputError, describeProblem } from "../../../../src/core/problems";
import { guessLayout } from "../../../../src/core/jobs/allocation/columns";

const grid = (values: CellValue[][], extra: Partial<Grid> = {}): Grid => ({
  sheet: "Blad1",
  top: 0,
  left: 0,
  values,
  ...extra,
});

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => describeProblem(p, "sv"));
    throw error;
  }
  throw new Error("expected the input to be refused");
}

const amounts = (g: Grid, total = "1000") =>
  Object.fromEntries(
    runAllocation(g, { total }).result.rows.map((r) => [r.name, r.amount.toNumber()])
  );

describe("total rows are never paid", () => {
  test("'S:a' with a SUM is a total, not a recipient", () => {
    const g = grid(
      [
        ["Stadsdel", "Antal"],
        ["Bromma", 300],
        ["Kista", 700],
        ["S:a", 1000],
      ],
      {
        formulas: [
          [null, null],
          [null, null],
          [null, null],
          [null, "=SUM(B2:B3)"],
        ],
      }
    );
    expect(amounts(g)).toEqual({ Bromma: 300, Kista: 700 });
  });

  test("'Hela staden' whose key is the sum of the rows above is a total", () => {
    const g = grid([
      ["Stadsdel", "Antal"],
      ["Bromma", 300],
      ["Kista", 700],
      ["Hela staden", 1000],
    ]);
    expect(amounts(g)).toEqual({ Bromma: 300, Kista: 700 });
  });

  test("a key given by =SUM inside the table is not a recipient, even unlabelled", () => {
    const g = grid(
      [
        ["Stadsdel", "Antal"],
        ["Bromma", 300],
        ["Väst", 300],
        ["Kista", 700],
      ],
      {
        formulas: [
          [null, null],
          [null, null],
          [null, "=SUM(B2:B2)"],
          [null, null],
        ],
      }
    );
    expect(Object.keys(amounts(g))).toEqual(["Bromma", "Kista"]);
  });
});

describe("subtotals do not end the table", () => {
  test("districts below 'Summa Väst' are paid, the subtotals are not", () => {
    const g = grid([
      ["Stadsdel", "Antal"],
      ["Bromma", 100],
      ["Hässelby-Vällingby", 300],
      ["Summa Väst", 400],
      ["Kista", 200],
      ["Rinkeby", 400],
      ["Summa Norr", 600],
      ["Summa", 1000],
      ["Källa: SCB"],
    ]);
    expect(amounts(g)).toEqual({
      Bromma: 100,
      "Hässelby-Vällingby": 300,
      Kista: 200,
      Rinkeby: 400,
    });
    const run = runAllocation(g, { total: "1000" });
    expect(run.skipped.map((s) => s.cell)).toEqual(["Blad1!A4", "Blad1!A7", "Blad1!A8"]);
  });
});

describe("column choices are never silent guesses", () => {
  test("two 'Antal …' columns: ask which is the key, naming both", () => {
    const g = grid([
      ["Stadsdel", "Antal invånare totalt", "Antal 80+ utan hemtjänst"],
      ["Bromma", 70000, 1200],
      ["Kista", 60000, 800],
    ]);
    const { problems } = guessLayout(g);
    expect(problems.map((p) => p.code)).toEqual(["COLUMN_AMBIGUOUS"]);
    const text = describeProblem(problems[0], "sv");
    expect(text).toContain("'Antal invånare totalt'");
    expect(text).toContain("'Antal 80+ utan hemtjänst'");
    expect(text).toContain("--key-column");
    expect(refusal(() => runAllocation(g, { total: "2000" }))[0]).toContain("--key-column");
  });

  test("the user's key choice settles it", () => {
    const g = grid([
      ["Stadsdel", "Antal invånare totalt", "Antal 80+ utan hemtjänst"],
      ["Bromma", 70000, 1200],
      ["Kista", 60000, 800],
    ]);
    const run = runAllocation(g, { total: "2000" }, { key: "Antal 80+ utan hemtjänst" });
    expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([1200, 800]);
  });

  test("a lone X among blanks is not an interest filter", () => {
    const g = grid([
      ["Stadsdel", "Antal", "Ändrad sedan 2023"],
      ["Bromma", 300, "X"],
      ["Kista", 700, null],
    ]);
    expect(guessLayout(g).guess?.interestColumns).toEqual([]);
    expect(amounts(g)).toEqual({ Bromma: 300, Kista: 700 });
  });

  test("a column of X and - on every row is an interest column", () => {
    const g = grid([
      ["Stadsdel", "Antal", "Förebyggande"],
      ["Bromma", 300, "X"],
      ["Kista", 700, "-"],
    ]);
    expect(guessLayout(g).guess?.interestColumns).toEqual([2]);
  });
});

describe("hidden rows and uncalculated formulas", () => {
  test("hidden rows are used and listed, or left out when asked", () => {
    const g = grid(
      [
        ["Stadsdel", "Antal"],
        ["Bromma", 300],
        ["Kista", 700],
      ],
      { hiddenRows: [2] }
    );
    const run = runAllocation(g, { total: "1000" });
    expect(run.hidden.map((h) => h.cell)).toEqual(["Blad1!A3"]);
    expect(run.result.rows).toHaveLength(2);
    const without = runAllocation(g, { total: "1000" }, {}, undefined, { hiddenRows: "exclude" });
    expect(without.result.rows.map((r) => [r.name, r.amount.toNumber()])).toEqual([
      ["Bromma", 1000],
    ]);
  });

  test("a key formula never calculated says so and how to fix it", () => {
    const g = grid(
      [
        ["Stadsdel", "Antal"],
        ["Bromma", 300],
        ["Kista", null],
      ],
      {
        formulas: [
          [null, null],
          [null, null],
          [null, "=C3*2"],
        ],
      }
    );
    const messages = refusal(() => runAllocation(g, { total: "1000" }));
    expect(messages).toEqual([
      expect.stringContaining("Blad1!B3: Formeln =C3*2 har inte räknats ut"),
    ]);
  });
});

test("a key column of text is one problem over its cells, not one per cell", () => {
  const g = grid([
    ["Stadsdel", "Antal", "Kommentar"],
    ["Bromma", "många", "x"],
    ["Kista", "få", "y"],
    ["Rinkeby", "fler", "z"],
  ]);
  const messages = refusal(() => runAllocation(g, { total: "1000" }, { key: "Antal" }));
  expect(messages).toEqual([
    "Blad1!B2:B4: Nyckelkolumnen har text i stället för tal (3 av 3 rader). Välj kolumnen med talen som nyckel.",
  ]);
});

describe("real recipients are never taken for totals (review findings)", () => {
  test("small keys: the last row equal to the sum above is a recipient, not a total", () => {
    const g = grid([
      ["Stadsdel", "Antal"],
      ["Bromma", 1],
      ["Kista", 1],
      ["Skärholmen", 2],
    ]);
    expect(amounts(g, "1000")).toEqual({ Bromma: 250, Kista: 250, Skärholmen: 500 });
  });

  test("'S:a Clara' is a parish; 'S:a Väst' with the sum of its rows is a subtotal", () => {
    const g = grid([
      ["Mottagare", "Antal"],
      ["Adolf Fredrik", 300],
      ["S:a Clara", 200],
      ["Engelbrekt", 500],
      ["S:a Väst", 1000],
      ["Kista", 1000],
    ]);
    expect(amounts(g, "2000")).toEqual({
      "Adolf Fredrik": 300,
      "S:a Clara": 200,
      Engelbrekt: 500,
      Kista: 1000,
    });
  });
});

test("a 'Hela staden' total or a footnote without a mark does not turn off the X/- column", () => {
  const g = grid([
    ["Stadsdel", "Antal", "Ansökt"],
    ["A", 10, "X"],
    ["B", 5, "-"],
    ["C", 7, "X"],
    ["Hela staden", 22, null],
    ["Källa: SCB"],
  ]);
  expect(guessLayout(g).guess?.interestColumns).toEqual([2]);
  expect(amounts(g, "1700")).toEqual({ A: 1000, B: 0, C: 700 });
});

test("rows below a total in the middle are named, never dropped without a word", () => {
  const g = grid([
    ["Stadsdel", "Antal"],
    ["A", 10],
    ["B", 5],
    ["Totalt", 15],
    ["C", 7],
    ["D", 3],
  ]);
  const run = runAllocation(g, { total: "1500" });
  expect(run.result.rows.map((r) => r.name)).toEqual(["A", "B"]);
  expect(run.skipped.map((s) => [s.cell, s.kind])).toEqual([
    ["Blad1!A4", "total"],
    ["Blad1!A5", "after-total"],
    ["Blad1!A6", "after-total"],
  ]);
});

test("'Kommun' is the name column beside 'Kommun nr' (codes), not the other way round", () => {
  const g = grid([
    ["Kommun nr", "Kommun", "Antal 80+"],
    ["0180", "Stockholm", 300],
    ["1480", "Göteborg", 700],
  ]);
  expect(Object.keys(amounts(g))).toEqual(["Stockholm", "Göteborg"]);
});
