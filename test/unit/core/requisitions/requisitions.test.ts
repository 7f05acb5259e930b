/**
 * The use case: what stops a run (and names the cell or the field), the pot and the unit,
 * the add-in's own Fördelning sheet as the list of maxima, the Stockholm sample, and the
 * re-distribution's invariants over whole runs.
 */
import fc from "fast-check";
import { runAllocation } from "../../../../src/core/jobs/allocation/allocation";
import { allocationSheet } from "../../../../src/core/jobs/allocation/sheet";
import type { CellValue, Grid } from "../../../../src/core/grid";
import { Decimal, sum } from "../../../../src/core/money";
import { describeProblem, problemLocation } from "../../../../src/core/problems";
import { requisitionsJson } from "../../../../src/core/jobs/requisitions/json";
import {
  type RequisitionsRequest,
  runRequisitions,
} from "../../../../src/core/jobs/requisitions/requisitions";
import { requisitionsSample } from "../../../../src/core/jobs/requisitions/sample";
import { STOCKHOLM_2024 } from "../../../fixtures/stockholm-2024";
import { problemsOf } from "../helpers/problems";
import { KEY_HEADER, stockholmGrid } from "../helpers/stockholm";
import { THREE, maximaGrid, requisitionGrid } from "./grids";
import { municipalityList } from "./municipalities";

const ORDINARY: CellValue[][] = [
  ["Stockholm", 300_000, "2026-03-01"],
  ["Göteborg", 150_000, "2026-03-02"],
];

describe("input that cannot be read stops the run, every problem named", () => {
  const messages = (maxima: Grid, requisitions: Grid, request: RequisitionsRequest = {}) =>
    problemsOf(() => runRequisitions(maxima, requisitions, request)).map((p) =>
      describeProblem(p, "sv")
    );

  test("bad maxima cells, all at once", () => {
    expect(
      messages(
        maximaGrid([
          ["0180", "Stockholm", "tolv"],
          ["2023", "Malung-Sälen", -5],
          ["1480", null, 100],
          [1.5, "Göteborg", 100],
          ["0180", "Solna", 100],
          ["0182", "STOCKHOLM", 100],
          ["0183", "Sundbyberg", null],
          ["0184", "Lidingö", 100.5],
        ]),
        requisitionGrid(ORDINARY)
      )
    ).toEqual([
      "Fördelningslista!C2: 'tolv' är inte ett tal.",
      "Fördelningslista!C3: Maxbeloppet får inte vara negativt (-5).",
      "Fördelningslista!B4: Raden har ett maxbelopp men inget namn.",
      "Fördelningslista!A5: '1.5' är ingen kod (t.ex. kommunkoden 0180).",
      "Fördelningslista!A6: Koden 0180 finns redan i Fördelningslista!A2. Varje mottagare får bara finnas en gång.",
      "Fördelningslista!B7: 'STOCKHOLM' finns redan i Fördelningslista!B2. Varje mottagare får bara finnas en gång.",
      "Fördelningslista!C8: Sundbyberg saknar maxbelopp.",
      "Fördelningslista!C9: 100.5 har ören; med avrundningsenheten 1 kr anges beloppen i hela kronor.",
    ]);
  });

  test("missing columns in either list, and the parameters, together", () => {
    const problems = problemsOf(() =>
      runRequisitions(
        maximaGrid(THREE, ["Kod", "Kommun", "Antal"]),
        requisitionGrid(ORDINARY, ["Kommun", "Belopp"]),
        { deadline: "16 mrs", total: "noll", unit: "3" }
      )
    );
    expect(problems.map((p) => [p.code, p.field, problemLocation(p)])).toEqual([
      ["BAD_UNIT", "unit", undefined],
      ["POT_NOT_POSITIVE", "total", undefined],
      ["DEADLINE_INVALID", "deadline", undefined],
      ["COLUMN_MISSING", "maxima.maximum", "Fördelningslista!A1:C1"],
    ]);
    // With a valid deadline, the requisitions need a date column.
    expect(
      problemsOf(() =>
        runRequisitions(maximaGrid(THREE), requisitionGrid(ORDINARY, ["Kommun", "Belopp"]), {
          deadline: "2026-03-16",
        })
      ).map((p) => [p.code, p.field, problemLocation(p)])
    ).toEqual([["COLUMN_MISSING", "requisitions.received", "Rekvisitioner!A1:C1"]]);
  });

  test("empty lists", () => {
    expect(messages(maximaGrid([]), requisitionGrid([]))).toEqual([
      "Inga mottagare med maxbelopp under rubrikraden i Fördelningslista!A1:C1.",
      "Inga rekvisitioner under rubrikraden i Rekvisitioner!A1:C1.",
    ]);
    expect(
      messages({ sheet: "Tom", top: 0, left: 0, values: [] }, requisitionGrid(ORDINARY))
    ).toEqual(["Området Tom!A1 är tomt."]);
  });

  test("a pot smaller than the maxima, or with öre when the unit is whole kronor", () => {
    expect(messages(maximaGrid(THREE), requisitionGrid(ORDINARY), { total: "500 000" })).toEqual([
      "Potten 500\u00a0000 kr är mindre än summan av maxbeloppen, 600\u00a0000 kr.",
    ]);
    expect(messages(maximaGrid(THREE), requisitionGrid(ORDINARY), { total: "700 000,50" })).toEqual(
      ["700000.5 har ören; med avrundningsenheten 1 kr anges beloppen i hela kronor."]
    );
  });
});

describe("the pot, the unit and the numbers of a run", () => {
  test("the pot defaults to the sum of the maxima; unrequisitioned is the pot less approved", () => {
    const run = runRequisitions(maximaGrid(THREE), requisitionGrid(ORDINARY), {});
    expect(run.pot.toFixed()).toBe("600000");
    expect(run.potGiven).toBe(false);
    expect(run.approved.toFixed()).toBe("450000");
    expect(run.unrequisitioned.toFixed()).toBe("150000");
    expect(run.redistributed.toFixed()).toBe("0");
    expect(run.leftOver.toFixed()).toBe("150000");
    expect(run.lines.map((l) => l.requisition?.status ?? "none")).toEqual(["ok", "none", "ok"]);
  });

  test("a given pot above the maxima leaves more unrequisitioned", () => {
    const run = runRequisitions(maximaGrid(THREE), requisitionGrid(ORDINARY), {
      total: 1_000_000,
    });
    expect(run.unrequisitioned.toFixed()).toBe("550000");
  });

  test("rows outside the list: subtotals, the total and what lies below it", () => {
    const run = runRequisitions(
      maximaGrid([
        ...THREE,
        ["", "Summa", 600_000],
        [null, null, null],
        ["", "Källa: Socialstyrelsen", null],
      ]),
      requisitionGrid([...ORDINARY, ["Summa", 450_000, null]]),
      {}
    );
    expect(run.lines).toHaveLength(3);
    expect(run.requisitions).toHaveLength(2);
    expect(run.ignored.map((i) => [i.cell, i.reason])).toEqual([
      ["Fördelningslista!B5", "total"],
      ["Rekvisitioner!A4", "total"],
    ]);
  });
});

describe("the add-in's own Fördelning sheet as the list of maxima", () => {
  /** The allocation sheet as the Office adapter would read it back: values only. */
  function allocationGrid(): Grid {
    const allocation = runAllocation(
      stockholmGrid(),
      {
        total: 6_069_306,
        reserves: [{ name: "Äldreförvaltningen", amount: 400_000 }],
      },
      { key: KEY_HEADER }
    );
    const model = allocationSheet(allocation.result, {
      lang: "sv",
      date: "2026-11-25",
      nameHeader: "Stadsdelsförvaltning",
      keyHeader: "Förslag på fördelning",
      source: "Blad1!A3:D15",
    });
    return {
      sheet: model.name,
      top: 0,
      left: 0,
      values: model.cells.map((row) => row.map((cell) => cell.value)),
      formulas: model.cells.map((row) =>
        row.map((cell) => (cell.formula ? `=${cell.formula}` : null))
      ),
    };
  }

  test("districts are the recipients; the reserve is left out and said so; the key is used", () => {
    const run = runRequisitions(
      allocationGrid(),
      requisitionGrid(
        [
          ["Bromma", 500_000, null, "X"],
          ["Äldreförvaltningen", 400_000, null],
        ],
        ["Stadsdel", "Belopp", "Datum", "Vill ha mer"]
      ),
      { redistribute: true }
    );
    expect(run.lines.map((l) => l.recipient.name)).toEqual(STOCKHOLM_2024.map((d) => d.name));
    expect(run.maximaSum.toFixed()).toBe("5669306");
    expect(run.byKey).toBe(true);
    expect(run.ignored).toEqual([
      { row: 14, cell: "Fördelning!A15", text: "Äldreförvaltningen", reason: "no-key" },
      { row: 15, cell: "Fördelning!A16", text: "Summa", reason: "total" },
    ]);
    const [bromma, reserve] = run.requisitions;
    expect(bromma.status).toBe("over_max");
    expect(reserve.status).toBe("unknown");
    expect(describeProblem(reserve.note, "sv")).toBe(
      "Rekvisitioner!A3: Äldreförvaltningen saknar nyckel i Fördelning!A15 och är ingen mottagare (en avsättning eller ej fördelat belopp)."
    );
    // Bromma wants all there is: it gets everything nobody requisitioned.
    expect(run.lines[0].extra.toFixed()).toBe(run.unrequisitioned.toFixed());
    expect(run.leftOver.toFixed()).toBe("0");
  });
});

describe("the Stockholm sample", () => {
  const sample = requisitionsSample(STOCKHOLM_2024);
  const run = runRequisitions(sample.maxima, sample.requisitions, sample.request);

  test("one over its maximum, one late, one unknown with a hint, the rest ok", () => {
    expect(run.requisitions.map((r) => [r.row.recipientText, r.status])).toEqual([
      ["Bromma", "ok"],
      ["Enskede-Årsta-Vantör", "ok"],
      ["Farsta", "ok"],
      ["Hägersten-Älvsjö", "over_max"],
      ["Hässelby Vällingby", "ok"],
      ["Järva", "late"],
      ["Kungsholmen", "ok"],
      ["Norra innerstaden", "ok"],
      ["Skarpnack", "unknown"],
      ["Södermalm", "ok"],
    ]);
    expect(describeProblem(run.requisitions[8].note, "en")).toBe(
      "Inkomna!A10: 'Skarpnack' is not in the list of maxima. Did you mean 'Skarpnäck'?"
    );
  });

  test("the re-distribution fills three claims in three rounds and leaves the rest", () => {
    const json = requisitionsJson(run, "sv");
    expect(json.pot).toBe("5669306");
    expect(json.unrequisitioned).toBe("914096");
    expect(json.redistribution).toEqual([
      { recipient: "Hägersten-Älvsjö", extra: "53147", final: "700000" },
      { recipient: "Hässelby-Vällingby", extra: "300000", final: "708609" },
      { recipient: "Norra innerstaden", extra: "500000", final: "1559660" },
    ]);
    expect(json.leftOver).toBe("60949");
    expect(run.rounds).toBe(3);
  });
});

describe("re-distribution over whole runs", () => {
  const header = ["Kommun", "Rekvirerat belopp", "Inkom", "Vill ha mer"];
  const scenario = fc
    .array(
      fc.record({
        maximum: fc.integer({ min: 0, max: 2_000_000 }),
        key: fc.integer({ min: 0, max: 50_000 }),
        requested: fc.option(fc.integer({ min: -10, max: 3_000_000 }), { nil: null }),
        more: fc.oneof(
          fc.constant<CellValue>(null),
          fc.constant<CellValue>("X"),
          fc.integer({ min: 0, max: 500_000 })
        ),
      }),
      { minLength: 1, maxLength: 25 }
    )
    .chain((rows) =>
      fc.record({
        rows: fc.constant(rows),
        unit: fc.constantFrom("1", "10", "100", "1000"),
        withKey: fc.boolean(),
        extraPot: fc.integer({ min: 1, max: 1_000_000 }),
        order: fc.shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length }
        ),
      })
    );

  function runScenario(
    s: { rows: { maximum: number; key: number; requested: number | null; more: CellValue }[] } & {
      unit: string;
      withKey: boolean;
      extraPot: number;
    },
    order: readonly number[]
  ) {
    const maxima = maximaGrid(
      s.rows.map((r, i) => [
        String(i + 1),
        `Kommun ${i + 1}`,
        r.maximum,
        ...(s.withKey ? [r.key] : []),
      ]),
      ["Kod", "Kommun", "Max", ...(s.withKey ? ["Nyckel"] : [])]
    );
    const requisitions = requisitionGrid(
      order
        // The first recipient always requisitions, so the list is never empty.
        .filter((i) => i === 0 || s.rows[i].requested !== null)
        .map((i) => [i + 1, s.rows[i].requested, "2026-03-01", s.rows[i].more]),
      header
    );
    const pot = sum(s.rows.map((r) => new Decimal(r.maximum))).plus(s.extraPot);
    return runRequisitions(maxima, requisitions, {
      redistribute: true,
      unit: s.unit,
      total: pot.toFixed(),
    });
  }

  test("exact totals; nobody below their approved amount or above what they asked for", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const run = runScenario(
          s,
          s.rows.map((_, i) => i)
        );
        const finals = sum(run.lines.map((l) => l.final));
        expect(finals.plus(run.leftOver).equals(run.pot)).toBe(true);
        expect(run.redistributed.plus(run.leftOver).equals(run.unrequisitioned)).toBe(true);
        for (const line of run.lines) {
          expect(line.final.greaterThanOrEqualTo(line.approved)).toBe(true);
          expect(line.approved.lessThanOrEqualTo(line.recipient.maximum)).toBe(true);
          if (line.wanted !== "all") expect(line.extra.lessThanOrEqualTo(line.wanted)).toBe(true);
          expect(line.extra.mod(new Decimal(s.unit)).isZero()).toBe(true);
          if (!line.claimed) expect(line.extra.isZero()).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });

  test("independent of the order of the requisition rows", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const straight = runScenario(
          s,
          s.rows.map((_, i) => i)
        );
        const shuffled = runScenario(s, s.order);
        expect(shuffled.lines.map((l) => l.final.toFixed())).toEqual(
          straight.lines.map((l) => l.final.toFixed())
        );
        expect(shuffled.leftOver.toFixed()).toBe(straight.leftOver.toFixed());
      }),
      { numRuns: 100 }
    );
  });

  test("proportional to the key where nobody is capped", () => {
    // Four recipients requisition their maximum and want all there is: 100 000 kr by key 1:2:3:4.
    const maxima = maximaGrid(
      [1, 2, 3, 4].map((k) => [String(k), `Kommun ${k}`, 10_000, k]),
      ["Kod", "Kommun", "Max", "Nyckel"]
    );
    const requisitions = requisitionGrid(
      [1, 2, 3, 4].map((k) => [k, 10_000, null, "X"]),
      header
    );
    const run = runRequisitions(maxima, requisitions, { redistribute: true, total: 140_000 });
    expect(run.lines.map((l) => l.extra.toFixed())).toEqual(["10000", "20000", "30000", "40000"]);
    expect(run.rounds).toBe(1);
  });
});

describe("290 municipalities", () => {
  test("codes without zeros, upper-case names and hyphen swaps all find their maximum", () => {
    const list = municipalityList();
    const maxima = maximaGrid(list.map((m, i) => [m.code, m.name, 10_000 + i]));
    const requisitions = requisitionGrid(
      list.map((m, i) => {
        const typed =
          i % 3 === 0
            ? Number(m.code)
            : i % 3 === 1
              ? m.name.toUpperCase()
              : m.name.includes("-")
                ? m.name.replace(/-/g, " ")
                : m.name.replace(/ /g, "-");
        return [typed, 10_000 + i, "2026-03-16"];
      })
    );
    const run = runRequisitions(maxima, requisitions, { deadline: "2026-03-16" });
    expect(run.requisitions.filter((r) => r.status !== "ok")).toEqual([]);
    expect(run.requisitions.map((r) => r.recipient)).toEqual(list.map((_, i) => i));
    expect(run.unrequisitioned.toFixed()).toBe("0");
  });
});
