/**
 * Base amounts, floors and ceilings, and weighted keys on the allocation's recipients:
 * reading them from a value or a column, refusing what cannot hold (with the amount), and
 * the combined key of weighted columns as an exact fraction.
 */
import fc from "fast-check";
import type { Grid } from "../../../../src/core/grid";
import {
  combineKeys,
  readShapes,
  shapedSplit,
  weightProblem,
} from "../../../../src/core/jobs/allocation/shapes";
import { Decimal, sum } from "../../../../src/core/money";
import { problemMessage } from "../../../../src/core/problems";
import { problemsOf } from "../helpers/problems";

const d = (v: string | number) => new Decimal(v);

const grid: Grid = {
  sheet: "Blad1",
  top: 0,
  left: 0,
  values: [
    ["Stadsdel", "Invånare 80+", "Invånare 65+", "Grund", "Golv", "Tak", "Förra året"],
    ["Norr", 100, 1000, 5000, 20000, null, 40000],
    ["Söder", 300, 1500, 5000, 0, 50000, 60000],
    ["Öster", 600, 2500, 10000, null, 45000, null],
  ],
};
const table = { headerRow: 0, headers: grid.values[0].map(String) };
const recipients = [
  { name: "Norr", nameCell: "Blad1!A2" },
  { name: "Söder", nameCell: "Blad1!A3" },
  { name: "Öster", nameCell: "Blad1!A4" },
];
const names = recipients.map((r) => r.name);
const all = [0, 1, 2];
const keys80 = [d(100), d(300), d(600)];

describe("combineKeys: weighted keys as exact fractions", () => {
  test("70 % by 80+ and 30 % by 65+", () => {
    const { weights, denominator } = combineKeys(
      [keys80, [d(1000), d(1500), d(2500)]],
      [d(70), d(30)]
    );
    // Norr: 0.7 × 100/1000 + 0.3 × 1000/5000 = 0.07 + 0.06 = 0.13, and so on.
    const shares = weights.map((w) => new Decimal(w.toString()).div(denominator.toString()));
    expect(shares.map((s) => s.toFixed(4))).toEqual(["0.1300", "0.3000", "0.5700"]);
    expect(weights.reduce((a, b) => a + b, 0n)).toBe(denominator);
  });

  test("equals Σ p_j/100 × k_ij / Σ k_ij exactly (rational oracle)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((cols) =>
          fc.record({
            columns: fc.array(
              fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }),
              { minLength: cols, maxLength: cols }
            ),
            cuts: fc.array(fc.integer({ min: 1, max: 99 }), {
              minLength: cols - 1,
              maxLength: cols - 1,
            }),
            decimals: fc.integer({ min: 0, max: 2 }),
          })
        ),
        ({ columns, cuts, decimals }) => {
          fc.pre(columns.every((c) => c.some((v) => v > 0)));
          // Weights from sorted cut points of 0..100: they add up to exactly 100.
          const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), 100];
          fc.pre(points.length === columns.length + 1);
          const percents = points.slice(1).map((p, j) => d(p - points[j]));
          const cols = columns.map((c) => c.map((v) => d(v).div(10 ** decimals)));
          const { weights, denominator } = combineKeys(cols, percents);
          for (let i = 0; i < 3; i++) {
            // weights[i] / denominator == Σ_j (p_j / 100) × (k_ij / S_j), cross-multiplied
            // over integers (the columns' values × 10^decimals are integers).
            let num = 0n;
            let den = 1n;
            columns.forEach((col, j) => {
              const s = BigInt(col.reduce((a, b) => a + b, 0));
              const p = BigInt(percents[j].toFixed(0));
              // num/den += p × k / (100 × s)
              const n2 = p * BigInt(col[i]);
              const d2 = 100n * s;
              num = num * d2 + n2 * den;
              den = den * d2;
            });
            expect(weights[i] * den).toBe(num * denominator);
          }
        }
      )
    );
  });

  test("the weights must add up to 100", () => {
    expect(weightProblem([d(70), d(30)])).toBeNull();
    const problem = weightProblem([d(60), d(30)]);
    expect(problem && problemMessage(problem, "sv")).toBe(
      "Vikterna summerar till 90 %, inte 100 % (10 procentenheter fel)."
    );
    expect(() => combineKeys([keys80, keys80], [d(50), d(49)])).toThrow(RangeError);
  });

  test("does not depend on the order of the recipients", () => {
    const a = combineKeys([keys80, [d(1), d(2), d(3)]], [d(50), d(50)]);
    const b = combineKeys([[...keys80].reverse(), [d(3), d(2), d(1)]], [d(50), d(50)]);
    expect(b.weights).toEqual([...a.weights].reverse());
  });
});

describe("readShapes", () => {
  test("one value for all, or a column (blank ceiling = none, blank floor = 0)", () => {
    const shapes = readShapes(
      grid,
      table,
      recipients,
      { base: { value: "5 000" }, floor: { column: "Golv" }, ceiling: { column: "tak" } },
      d(1)
    );
    expect(shapes.base?.amounts.map(String)).toEqual(["5000", "5000", "5000"]);
    expect(shapes.floor?.amounts.map(String)).toEqual(["20000", "0", "0"]);
    expect(shapes.ceiling?.amounts.map((a) => a.isFinite())).toEqual([false, true, true]);
  });

  test("every problem together: unknown column, bad weight, weights not 100", () => {
    const problems = problemsOf(() =>
      readShapes(
        grid,
        table,
        recipients,
        {
          floor: { column: "Minimum" },
          weightedKeys: [
            { column: "Invånare 80+", weight: "60" },
            { column: "Invånare 65+", weight: "30" },
          ],
        },
        d(1)
      )
    );
    expect(problems.map((p) => p.code)).toEqual(["COLUMN_NOT_FOUND", "WEIGHTS_NOT_100"]);
  });

  test("a single weighted column is refused", () => {
    const problems = problemsOf(() =>
      readShapes(
        grid,
        table,
        recipients,
        { weightedKeys: [{ column: "Grund", weight: 100 }] },
        d(1)
      )
    );
    expect(problems.map((p) => p.code)).toEqual(["WEIGHTED_KEYS_PAIRS"]);
  });

  test("amounts must be whole rounding units; floor above ceiling is refused per row", () => {
    const problems = problemsOf(() =>
      readShapes(
        grid,
        table,
        recipients,
        { base: { value: "150" }, floor: { value: "60000" }, ceiling: { column: "Tak" } },
        d(100)
      )
    );
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ["SHAPE_NOT_WHOLE_UNITS", undefined],
      ["FLOOR_ABOVE_CEILING", "Blad1!A3"],
      ["FLOOR_ABOVE_CEILING", "Blad1!A4"],
    ]);
  });
});

describe("shapedSplit", () => {
  test("a base amount per recipient, then the rest by key", () => {
    const shapes = readShapes(grid, table, recipients, { base: { value: 10000 } }, d(1));
    const split = shapedSplit(d(100000), d(1), shapes, all, keys80, names);
    // 30 000 in bases, 70 000 by 1:3:6 -> 7 000, 21 000, 42 000.
    expect(split.shares.map((s) => s.amount.toFixed())).toEqual(["17000", "31000", "52000"]);
    expect(split.shares.map((s) => s.base.toFixed())).toEqual(["10000", "10000", "10000"]);
    expect(split.bases.toFixed()).toBe("30000");
  });

  test("bases from a column; refused, naming the amounts, when they exceed the pool", () => {
    const shapes = readShapes(grid, table, recipients, { base: { column: "Grund" } }, d(1));
    const problems = problemsOf(() => shapedSplit(d(15000), d(1), shapes, all, keys80, names));
    expect(problems.map((p) => problemMessage(p, "sv"))).toEqual([
      "Grundbeloppen (20\u00a0000\u00a0kr) är 5\u00a0000\u00a0kr mer än det som finns att fördela efter avsättningarna (15\u00a0000\u00a0kr).",
    ]);
  });

  test("floors and ceilings apply to the whole amount (base included)", () => {
    const shapes = readShapes(
      grid,
      table,
      recipients,
      { base: { value: 5000 }, floor: { value: 25000 }, ceiling: { value: 45000 } },
      d(1)
    );
    const split = shapedSplit(d(100000), d(1), shapes, all, keys80, names);
    // By key alone: 5 000 + 8 500 / 25 500 / 51 000; Norr lifted to 25 000, Öster capped at
    // 45 000, Söder gets the rest: 30 000 (its key part 25 000 = 3 × t, t = 8 333.3, so
    // Norr's 8 333 is below its floor and Öster's 50 000 above its ceiling).
    expect(split.shares.map((s) => s.amount.toFixed())).toEqual(["25000", "30000", "45000"]);
    expect(split.shares.map((s) => s.bound)).toEqual(["floor", "free", "ceiling"]);
    expect(sum(split.shares.map((s) => s.amount)).toFixed()).toBe("100000");
  });

  test("infeasible floors: the message says by how much", () => {
    const shapes = readShapes(grid, table, recipients, { floor: { value: 40000 } }, d(1));
    const problems = problemsOf(() => shapedSplit(d(100000), d(1), shapes, all, keys80, names));
    expect(problemMessage(problems[0], "en").replace(/\u00a0/g, " ")).toBe(
      "The floors add up to 120,000 kr, 20,000 kr more than what is allocated (100,000 kr). Lower them by at least 20,000 kr."
    );
  });

  test("infeasible ceilings: the message says by how much", () => {
    const shapes = readShapes(grid, table, recipients, { ceiling: { value: 30000 } }, d(1));
    const problems = problemsOf(() => shapedSplit(d(100000), d(1), shapes, all, keys80, names));
    expect(problems[0].code).toBe("CEILINGS_BELOW_POOL");
    expect(problemMessage(problems[0], "sv")).toContain("10\u00a0000\u00a0kr mindre");
  });

  test("weighted keys, in hundreds of kronor", () => {
    const shapes = readShapes(
      grid,
      table,
      recipients,
      {
        weightedKeys: [
          { column: "Invånare 80+", weight: "70" },
          { column: "Invånare 65+", weight: "30" },
        ],
      },
      d(100)
    );
    const split = shapedSplit(d(1000000), d(100), shapes, all, keys80, names);
    expect(split.shares.map((s) => s.amount.toFixed())).toEqual(["130000", "300000", "570000"]);
    expect(split.shares.map((s) => s.share.toFixed(2))).toEqual(["0.13", "0.30", "0.57"]);
  });

  test("properties: exact total and bounds whatever the pot", () => {
    const shapes = readShapes(
      grid,
      table,
      recipients,
      { base: { column: "Grund" }, floor: { column: "Golv" }, ceiling: { column: "Tak" } },
      d(1)
    );
    fc.assert(
      fc.property(fc.integer({ min: 40000, max: 150000 }), (pot) => {
        const split = shapedSplit(d(pot), d(1), shapes, all, keys80, names);
        expect(sum(split.shares.map((s) => s.amount)).toFixed()).toBe(String(pot));
        split.shares.forEach((s) => {
          if (s.floor) expect(s.amount.gte(s.floor)).toBe(true);
          if (s.ceiling) expect(s.amount.lte(s.ceiling)).toBe(true);
          expect(s.amount.gte(s.base)).toBe(true);
        });
      })
    );
  });
});
