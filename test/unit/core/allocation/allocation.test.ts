/**
 * The allocation job on a grid: the Stockholm paper reproduced to the krona, interest
 * marks, and every input problem reported with its code and the cell or field to fix.
 */
import fc from "fast-check";
import { describeProblem } from "../../../../src/core/problems";
import {
  type AllocationParameters,
  type Recipient,
  allocate,
  readParameters,
  readRecipients,
  runAllocation,
} from "../../../../src/core/jobs/allocation/allocation";
import type { Grid } from "../../../../src/core/grid";
import { Decimal } from "../../../../src/core/money";
import { detectLayout } from "../../../../src/core/jobs/allocation/columns";
import { problemsOf } from "../helpers/problems";
import {
  KEY_HEADER,
  STOCKHOLM_DISTRICTS,
  STOCKHOLM_POT,
  STOCKHOLM_RESERVE,
  stockholmGrid,
} from "../helpers/stockholm";

const d = (v: string | number) => new Decimal(v);
const CHOICE = { key: KEY_HEADER };
const REQUEST = {
  total: "6 069 306",
  reserves: [{ name: STOCKHOLM_RESERVE.name, amount: "400 000" }],
};
const DISTRICT_NAMES = [
  "Bromma",
  "Enskede-Årsta-Vantör",
  "Farsta",
  "Hägersten-Älvsjö",
  "Hässelby-Vällingby",
  "Järva",
  "Kungsholmen",
  "Norra innerstaden",
  "Skarpnäck",
  "Skärholmen",
  "Södermalm",
];

function grid(
  values: (string | number | boolean | null)[][],
  sheet = "Blad1",
  top = 0,
  left = 0
): Grid {
  return { sheet, top, left, values };
}

function recipient(name: string, key: number | string, interested = true): Recipient {
  return {
    name,
    key: d(key),
    interested,
    nameCell: `Blad1!A${name.length}`,
    keyCell: `Blad1!B${name.length}`,
  };
}

describe("Stockholm 2024: the committee paper reproduced", () => {
  // The key is the districts' proposed amounts. They add up to 6 069 306 - 400 000 = 5 669 306,
  // so every exact quota is a whole krona and must come back unchanged.
  const run = runAllocation(stockholmGrid(), REQUEST, CHOICE);

  test("eleven districts with the paper's names, in the paper's order", () => {
    expect(run.recipients.map((r) => r.name)).toEqual(DISTRICT_NAMES);
  });

  test("each district gets exactly the amount in the paper", () => {
    expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual(
      STOCKHOLM_DISTRICTS.map(([, , , amount]) => amount)
    );
    expect(run.result.rows.every((r) => r.rank === null && !r.extraUnit)).toBe(true);
  });

  test("districts plus the reserve make the pot, 6 069 306 kr, exactly", () => {
    const districts = run.result.rows.reduce((acc, r) => acc.plus(r.amount), d(0));
    expect(districts.toNumber()).toBe(5_669_306);
    expect(districts.plus(run.result.reserves[0].amount).toNumber()).toBe(STOCKHOLM_POT);
    expect(run.result.reserves).toEqual([{ name: "Äldreförvaltningen", amount: d(400_000) }]);
    expect(run.result.distributable.toNumber()).toBe(5_669_306);
    expect(run.result.unallocated.isZero()).toBe(true);
  });

  test("the two mark columns are read as interest; Norra innerstaden ('-' and 'X') takes part", () => {
    expect(run.layout.interestColumns).toEqual([1, 2]);
    const norra = run.result.rows.find((r) => r.name === "Norra innerstaden");
    expect(norra).toMatchObject({ interested: true });
    expect(norra?.amount.toNumber()).toBe(1_059_660);
  });

  test("shares add up to one; Norra innerstaden's share is 1 059 660 / 5 669 306", () => {
    const shares = run.result.rows.map((r) => r.share ?? d(0));
    expect(
      shares
        .reduce((a, b) => a.plus(b), d(0))
        .toDecimalPlaces(30)
        .toNumber()
    ).toBe(1);
    expect(shares[7].toDecimalPlaces(10).toString()).toBe(
      d(1_059_660).dividedBy(5_669_306).toDecimalPlaces(10).toString()
    );
  });

  test("cells are named where the data is: Bromma's key is Blad1!D4", () => {
    expect(run.recipients[0]).toMatchObject({ nameCell: "Blad1!A4", keyCell: "Blad1!D4" });
    expect(run.recipients[10]).toMatchObject({ nameCell: "Blad1!A14", keyCell: "Blad1!D14" });
  });

  test("the 'Total summa' row ends the table and is not a recipient", () => {
    expect(run.recipients.some((r) => /summa/i.test(r.name))).toBe(false);
  });

  test("in kronor rounded to 1 000 the districts' amounts are within 1 000 of the paper and the total stays exact", () => {
    const thousands = runAllocation(stockholmGrid(), { ...REQUEST, unit: "1 000" }, CHOICE).result;
    thousands.rows.forEach((row, i) => {
      expect(row.amount.modulo(1000).isZero()).toBe(true);
      expect(row.amount.minus(STOCKHOLM_DISTRICTS[i][3]).abs().lessThan(1000)).toBe(true);
    });
    const sum = thousands.rows.reduce((acc, r) => acc.plus(r.amount), d(0));
    expect(sum.plus(400_000).plus(thousands.unallocated).toNumber()).toBe(STOCKHOLM_POT);
    expect(thousands.unallocated.toNumber()).toBe(306);
  });
});

describe("interest marks", () => {
  test("a district with '-' in every mark column gets nothing; the others share its part by key", () => {
    const run = runAllocation(
      stockholmGrid({
        edits: [
          [9, 1, "-"],
          [9, 2, "-"],
        ],
      }),
      REQUEST,
      CHOICE
    );
    const skarholmen = run.result.rows[9];
    expect(skarholmen).toMatchObject({
      name: "Skärholmen",
      interested: false,
      share: null,
      rank: null,
      extraUnit: false,
    });
    expect(skarholmen.amount.isZero()).toBe(true);
    const keySum = 5_669_306 - 190_481;
    const total = run.result.rows.reduce((acc, r) => acc.plus(r.amount), d(0));
    expect(total.toNumber()).toBe(5_669_306);
    run.result.rows.forEach((row, i) => {
      if (i === 9) return;
      const quota = d(5_669_306).times(STOCKHOLM_DISTRICTS[i][3]).dividedBy(keySum);
      expect(row.amount.minus(quota).abs().lessThan(1)).toBe(true);
      expect(row.amount.greaterThan(STOCKHOLM_DISTRICTS[i][3])).toBe(true);
    });
  });

  test("a typo in a mark column is reported at its cell; it does not silently drop the column (and Norra innerstaden with it)", () => {
    const problems = problemsOf(() =>
      runAllocation(stockholmGrid({ edits: [[0, 2, "x."]] }), REQUEST, CHOICE)
    );
    expect(problems).toEqual([
      { code: "BAD_INTEREST_MARK", cell: "Blad1!C4", params: { text: "x." } },
    ]);
  });

  test.each([["x"], ["X "], ["ja"], ["Ja"], ["yes"], ["1"], [1], [true], ["\u2713"]])(
    "%j counts as interested",
    (mark) => {
      const values = [
        ["Namn", "Nyckel", "Intresse"],
        ["A", 1, mark],
        ["B", 1, "-"],
      ];
      const run = runAllocation(grid(values), { total: 10 });
      expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([10, 0]);
    }
  );

  test.each([["-"], ["\u2013"], ["nej"], ["Nej"], ["no"], ["0"], [0], [false], [null], [""]])(
    "%j counts as not interested",
    (mark) => {
      const values = [
        ["Namn", "Nyckel", "Intresse"],
        ["A", 1, mark],
        ["B", 1, "X"],
      ];
      const run = runAllocation(grid(values), { total: 10 });
      expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([0, 10]);
    }
  );

  test("without an interest column everybody takes part", () => {
    const run = runAllocation(
      grid([
        ["Namn", "Nyckel"],
        ["A", 1],
        ["B", 3],
      ]),
      { total: 100 }
    );
    expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([25, 75]);
  });

  test("nobody interested is refused with NO_INTERESTED", () => {
    const values = [
      ["Namn", "Nyckel", "Intresse"],
      ["A", 1, "-"],
      ["B", 1, "nej"],
    ];
    expect(problemsOf(() => runAllocation(grid(values), { total: 10 }))).toEqual([
      { code: "NO_INTERESTED", field: "interestColumns" },
    ]);
  });
});

describe("input problems, each with its code and where to fix it", () => {
  test("a non-numeric key 'tolv' is reported at its cell, Blad1!D7", () => {
    const problems = problemsOf(() =>
      runAllocation(stockholmGrid({ edits: [[3, 3, "tolv"]] }), REQUEST, CHOICE)
    );
    expect(problems).toEqual([
      { code: "NOT_A_NUMBER", cell: "Blad1!D7", params: { text: "tolv" } },
    ]);
  });

  test("cell references carry the grid's position and a quoted sheet name", () => {
    const values = [
      ["Namn", "Nyckel"],
      ["A", 1],
      ["B", "tolv"],
    ];
    expect(
      problemsOf(() => runAllocation(grid(values, "Underlag 2026", 4, 2), { total: 10 }))
    ).toEqual([{ code: "NOT_A_NUMBER", cell: "'Underlag 2026'!D7", params: { text: "tolv" } }]);
  });

  test("a negative key", () => {
    expect(
      problemsOf(() => runAllocation(stockholmGrid({ edits: [[0, 3, -5]] }), REQUEST, CHOICE))
    ).toEqual([{ code: "KEY_NEGATIVE", cell: "Blad1!D4", params: { text: "-5" } }]);
    expect(
      problemsOf(() =>
        runAllocation(stockholmGrid({ edits: [[0, 3, "\u22125"]] }), REQUEST, CHOICE)
      )
    ).toEqual([{ code: "KEY_NEGATIVE", cell: "Blad1!D4", params: { text: "-5" } }]);
  });

  test("an Excel error in a key cell", () => {
    expect(
      problemsOf(() => runAllocation(stockholmGrid({ edits: [[2, 3, "#N/A"]] }), REQUEST, CHOICE))
    ).toEqual([{ code: "EXCEL_ERROR", cell: "Blad1!D6", params: { text: "#N/A" } }]);
  });

  test("a missing key names the recipient", () => {
    expect(
      problemsOf(() => runAllocation(stockholmGrid({ edits: [[1, 3, null]] }), REQUEST, CHOICE))
    ).toEqual([
      { code: "KEY_MISSING", cell: "Blad1!D5", params: { name: "Enskede-Årsta-Vantör" } },
    ]);
  });

  test("a key without a name", () => {
    expect(
      problemsOf(() => runAllocation(stockholmGrid({ edits: [[4, 0, "  "]] }), REQUEST, CHOICE))
    ).toEqual([{ code: "NAME_MISSING", cell: "Blad1!A8" }]);
  });

  test("a bad interest mark", () => {
    expect(
      problemsOf(() =>
        runAllocation(stockholmGrid({ edits: [[6, 2, "kanske"]] }), REQUEST, {
          ...CHOICE,
          interest: ["Beställar-\nenhet", "Förebyggande enhet"],
        })
      )
    ).toEqual([{ code: "BAD_INTEREST_MARK", cell: "Blad1!C10", params: { text: "kanske" } }]);
  });

  test.each([["Bromma"], ["BROMMA"], ["  bromma "]])(
    "a duplicate name (%j, case and spaces ignored) names the first cell",
    (twin) => {
      expect(
        problemsOf(() => runAllocation(stockholmGrid({ edits: [[5, 0, twin]] }), REQUEST, CHOICE))
      ).toEqual([
        {
          code: "DUPLICATE_NAME",
          cell: "Blad1!A9",
          params: { name: twin.trim(), other: "Blad1!A4" },
        },
      ]);
    }
  );

  test("names that differ only by a line break or doubled spaces are duplicates", () => {
    const values = [
      ["Namn", "Nyckel"],
      ["Hässelby-Vällingby", 1],
      ["Hässelby-\nVällingby", 2],
      ["Norra  innerstaden", 1],
      ["Norra innerstaden", 1],
    ];
    expect(
      problemsOf(() => runAllocation(grid(values), { total: 10 })).map((p) => [
        p.code,
        p.cell,
        p.params?.other,
      ])
    ).toEqual([
      ["DUPLICATE_NAME", "Blad1!A3", "Blad1!A2"],
      ["DUPLICATE_NAME", "Blad1!A5", "Blad1!A4"],
    ]);
  });

  test("all keys zero", () => {
    const values = [
      ["Namn", "Nyckel"],
      ["A", 0],
      ["B", "0"],
    ];
    expect(problemsOf(() => runAllocation(grid(values), { total: 10 }))).toEqual([
      { code: "ALL_KEYS_ZERO", field: "keyColumn", cell: "Blad1!B2:B3" },
    ]);
  });

  test("no header row", () => {
    const values = [
      ["Bromma", 459491],
      ["Farsta", 355411],
    ];
    expect(problemsOf(() => runAllocation(grid(values), { total: 10 }))).toEqual([
      { code: "NO_HEADER", field: "range", params: { range: "Blad1!A1:B2" } },
    ]);
  });

  test("a header with a name column but no key column", () => {
    const values = [
      ["Stadsdel", "Kommentar"],
      ["Bromma", "x"],
    ];
    expect(problemsOf(() => runAllocation(grid(values), { total: 10 }))).toEqual([
      { code: "KEY_COLUMN_MISSING", field: "keyColumn", params: { range: "Blad1!A1:B1" } },
    ]);
  });

  test("an empty range", () => {
    expect(problemsOf(() => runAllocation(grid([[null, ""]]), { total: 10 }))[0]).toMatchObject({
      code: "EMPTY_RANGE",
    });
  });

  test("a header and nothing under it", () => {
    expect(
      problemsOf(() =>
        runAllocation(
          grid([
            ["Namn", "Nyckel"],
            [null, null],
          ]),
          { total: 10 }
        )
      )
    ).toEqual([{ code: "NO_RECIPIENTS", field: "range", params: { range: "Blad1!A1:B2" } }]);
  });

  test("a pot smaller than the reserves", () => {
    expect(
      problemsOf(() =>
        runAllocation(
          stockholmGrid(),
          { total: "300 000", reserves: [{ name: "Äldreförvaltningen", amount: "400 000" }] },
          CHOICE
        )
      )
    ).toEqual([
      {
        code: "RESERVES_EXCEED_TOTAL",
        field: "reserves",
        params: {
          reserves: { sv: "400\u00a0000\u00a0kr", en: "400,000\u00a0kr" },
          total: { sv: "300\u00a0000\u00a0kr", en: "300,000\u00a0kr" },
          over: { sv: "100\u00a0000\u00a0kr", en: "100,000\u00a0kr" },
        },
      },
    ]);
  });

  test("a pot equal to the reserves leaves zero for everybody, and that is fine", () => {
    const run = runAllocation(
      stockholmGrid(),
      { total: 400_000, reserves: [{ name: "Äldreförvaltningen", amount: 400_000 }] },
      CHOICE
    );
    expect(run.result.rows.every((r) => r.amount.isZero())).toBe(true);
  });

  test("a reserve named like a recipient (the paper's own Äldreförvaltningen row)", () => {
    expect(
      problemsOf(() =>
        runAllocation(stockholmGrid({ withAdministrationRow: true }), REQUEST, CHOICE)
      )
    ).toEqual([
      {
        code: "RESERVE_DUPLICATE",
        field: "reserves",
        params: { name: "Äldreförvaltningen", index: "1", part: "name" },
      },
    ]);
  });

  test("without the reserve, the paper's table with its Äldreförvaltningen row is twelve recipients", () => {
    const run = runAllocation(
      stockholmGrid({ withAdministrationRow: true }),
      { total: STOCKHOLM_POT },
      CHOICE
    );
    expect(run.result.rows.map((r) => r.amount.toNumber())).toEqual([
      ...STOCKHOLM_DISTRICTS.map((row) => row[3]),
      400_000,
    ]);
  });

  test("every problem is reported at once: cells and parameters together", () => {
    const problems = problemsOf(() =>
      runAllocation(
        stockholmGrid({
          edits: [
            [3, 3, "tolv"],
            [5, 0, "Bromma"],
            [8, 2, "?"],
          ],
        }),
        { total: "6 069 306,125", unit: 7, reserves: [{ name: "", amount: 1 }] },
        CHOICE
      )
    );
    expect(problems.map((p) => [p.code, p.cell ?? p.field])).toEqual([
      ["NOT_A_NUMBER", "Blad1!D7"],
      ["DUPLICATE_NAME", "Blad1!A9"],
      ["BAD_INTEREST_MARK", "Blad1!C12"],
      ["TOO_MANY_DECIMALS", "total"],
      ["BAD_UNIT", "unit"],
      ["RESERVE_NAME_MISSING", "reserves"],
    ]);
  });

  test.each([["Summa"], ["Total summa"], ["Totalt"], ["SUMMA:"], ["Total"], ["Grand total"]])(
    "a %j row ends the table; rows below it are not read",
    (label) => {
      const values = [
        ["Namn", "Nyckel"],
        ["A", 1],
        ["B", 3],
        [label, 4],
        ["Anteckning", "inte ett tal"],
      ];
      const run = runAllocation(grid(values), { total: 100 });
      expect(run.recipients.map((r) => r.name)).toEqual(["A", "B"]);
    }
  );

  test("a name that only starts like 'Summa' is a recipient", () => {
    const values = [
      ["Namn", "Nyckel"],
      ["Summerfield", 1],
      ["Totalförsvaret", 1],
    ];
    expect(runAllocation(grid(values), { total: 2 }).recipients.map((r) => r.name)).toEqual([
      "Summerfield",
      "Totalförsvaret",
    ]);
  });

  test("blank rows inside the table are skipped", () => {
    const values = [
      ["Namn", "Nyckel"],
      ["A", 1],
      [null, ""],
      ["B", 1],
    ];
    expect(runAllocation(grid(values), { total: 2 }).recipients.map((r) => r.name)).toEqual([
      "A",
      "B",
    ]);
  });
});

describe("readParameters", () => {
  test("pot, unit and reserves as typed in the pane", () => {
    expect(
      readParameters({
        total: "6 069 306 kr",
        unit: "1 000",
        reserves: [{ name: " Äldreförvaltningen ", amount: "400 000" }],
      })
    ).toEqual({
      total: d(6_069_306),
      unit: d(1000),
      reserves: [{ name: "Äldreförvaltningen", amount: d(400_000) }],
    });
  });

  test("the unit defaults to 1 kr", () => {
    expect(readParameters({ total: 100 }).unit).toEqual(d(1));
  });

  test.each([["0,01"], ["0.01"], [1], ["10"], [100], ["1 000"]])("unit %j is accepted", (unit) => {
    expect(() => readParameters({ total: 100, unit })).not.toThrow();
  });

  test.each([[0], ["7"], ["0,001"], ["-1"], ["tolv"], [""], ["10 000 000"], [50]])(
    "unit %j is refused with BAD_UNIT",
    (unit) => {
      expect(problemsOf(() => readParameters({ total: 100, unit }))).toEqual([
        { code: "BAD_UNIT", field: "unit", params: { text: String(unit).trim() } },
      ]);
    }
  );

  test.each([
    [{ total: "" }, "TOTAL_MISSING"],
    [{ total: "  " }, "TOTAL_MISSING"],
    [{ total: "tolv" }, "NOT_A_NUMBER"],
    [{ total: 0 }, "TOTAL_NOT_POSITIVE"],
    [{ total: "-100" }, "TOTAL_NOT_POSITIVE"],
    [{ total: "1 000,125" }, "TOO_MANY_DECIMALS"],
    [{ total: "0,125" }, "TOO_MANY_DECIMALS"],
    [{ total: 100.125 }, "TOO_MANY_DECIMALS"],
    [{ total: "#N/A" }, "NOT_A_NUMBER"],
  ])("pot %j is refused with %s", (request, code) => {
    expect(problemsOf(() => readParameters(request))).toEqual([
      expect.objectContaining({ code, field: "total" }),
    ]);
  });

  test("a pot or reserve that reads two ways is refused with both readings (issue 12: 400.000 was 400 kr)", () => {
    const problems = problemsOf(() =>
      readParameters({ total: "1.000", reserves: [{ name: "Adm", amount: "400.000" }] })
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ["AMBIGUOUS_DOT", "total"],
      ["AMBIGUOUS_DOT", "reserves"],
    ]);
    expect(describeProblem(problems[1], "sv")).toContain(
      "400.000 kan betyda 400 eller 400\u00a0000"
    );
  });

  test("a pot with two decimals is accepted", () => {
    expect(readParameters({ total: "100,25" }).total).toEqual(d("100.25"));
  });

  test.each([
    [{ name: "Adm", amount: "tolv" }, "RESERVE_AMOUNT_BAD"],
    [{ name: "Adm", amount: "-5" }, "RESERVE_NEGATIVE"],
    [{ name: "Adm", amount: "400.000" }, "AMBIGUOUS_DOT"],
    [{ name: "Adm", amount: "1 000,005" }, "TOO_MANY_DECIMALS"],
    [{ name: " ", amount: 5 }, "RESERVE_NAME_MISSING"],
  ])("reserve %j is refused with %s", (reserve, code) => {
    expect(problemsOf(() => readParameters({ total: 100, reserves: [reserve] }))).toEqual([
      expect.objectContaining({ code, field: "reserves" }),
    ]);
  });

  test("two reserves with the same name (case-insensitive)", () => {
    expect(
      problemsOf(() =>
        readParameters({
          total: 100,
          reserves: [
            { name: "Adm", amount: 1 },
            { name: "ADM", amount: 1 },
          ],
        })
      )
    ).toEqual([
      {
        code: "RESERVE_DUPLICATE",
        field: "reserves",
        params: { name: "ADM", index: "2", part: "name" },
      },
    ]);
  });

  test("a reserve named like a recipient", () => {
    expect(
      problemsOf(() =>
        readParameters({ total: 100, reserves: [{ name: "bromma", amount: 1 }] }, ["Bromma"])
      )
    ).toEqual([
      {
        code: "RESERVE_DUPLICATE",
        field: "reserves",
        params: { name: "bromma", index: "1", part: "name" },
      },
    ]);
  });
});

describe("allocate: properties", () => {
  const recipients = fc
    .uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[A-Za-zÅÄÖåäö]{1,8}$/),
        key: fc.integer({ min: 0, max: 1_000_000 }),
        interested: fc.boolean(),
      }),
      {
        minLength: 1,
        maxLength: 20,
        selector: (r) => r.name.toLowerCase(),
      }
    )
    .filter((list) => list.some((r) => r.interested && r.key > 0))
    .map((list) => list.map((r) => recipient(r.name, r.key, r.interested)));
  const parameters = fc
    .tuple(
      fc.integer({ min: 1, max: 100_000_000 }),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom("0.01", "1", "100", "1000")
    )
    .map(([pot, reservePercent, unit]): AllocationParameters => {
      const reserve = Math.floor((pot * reservePercent) / 100);
      return {
        total: d(pot),
        unit: d(unit),
        reserves: reserve > 0 ? [{ name: "Reserv", amount: d(reserve) }] : [],
      };
    });

  test("recipients, reserves and the unallocated part add up to the pot; only the interested get money", () => {
    fc.assert(
      fc.property(recipients, parameters, (list, params) => {
        const result = allocate(list, params);
        const paid = result.rows.reduce((acc, r) => acc.plus(r.amount), d(0));
        const reserved = params.reserves.reduce((acc, r) => acc.plus(r.amount), d(0));
        expect(paid.plus(reserved).plus(result.unallocated).equals(params.total)).toBe(true);
        expect(result.unallocated.lessThan(params.unit)).toBe(true);
        const keySum = list.filter((r) => r.interested).reduce((acc, r) => acc.plus(r.key), d(0));
        result.rows.forEach((row, i) => {
          expect(row.name).toBe(list[i].name);
          if (!list[i].interested) expect(row.amount.isZero()).toBe(true);
          const exact = list[i].interested
            ? result.distributable.times(list[i].key).dividedBy(keySum)
            : d(0);
          expect(row.amount.minus(exact).abs().lessThan(params.unit)).toBe(true);
          // The quota shown in the explanation is the exact one, give or take a display rounding.
          expect(row.quota.minus(exact).abs().lessThan(params.unit.times("1e-9"))).toBe(true);
          expect(row.amount.isNegative() && !row.amount.isZero()).toBe(false);
        });
      })
    );
  });

  test("the rows come out in input order and the amounts do not depend on it", () => {
    fc.assert(
      fc.property(
        recipients.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
          )
        ),
        parameters,
        ([list, shuffled], params) => {
          const amounts = (l: Recipient[]) =>
            new Map(allocate(l, params).rows.map((r) => [r.name, r.amount.toString()]));
          expect(amounts(shuffled)).toEqual(amounts(list));
        }
      )
    );
  });
});

describe("reading with a given layout", () => {
  test("readRecipients follows the layout it is given", () => {
    const g = stockholmGrid();
    const layout = detectLayout(g, CHOICE);
    expect(readRecipients(g, layout)).toHaveLength(11);
  });
});
