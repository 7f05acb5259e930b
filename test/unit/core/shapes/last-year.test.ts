/** Last year beside this year: from a column or from an allocation sheet the add-in wrote. */
import type { Grid } from "../../../../src/core/grid";
import {
  compareYears,
  lastYearFromColumn,
  lastYearFromSheet,
  percentOneDecimal,
} from "../../../../src/core/jobs/allocation/last-year";
import { Decimal } from "../../../../src/core/money";
import { problemsOf } from "../helpers/problems";

const d = (v: string | number) => new Decimal(v);

describe("last year's amounts", () => {
  const grid: Grid = {
    sheet: "Blad1",
    top: 2,
    left: 0,
    values: [
      ["Stadsdel", "Nyckel", "Förra året"],
      ["Norr", 10, "40 000"],
      ["Söder", 20, null],
    ],
  };
  const recipients = [
    { name: "Norr", nameCell: "Blad1!A4" },
    { name: "Söder", nameCell: "Blad1!A5" },
  ];
  const table = { headerRow: 0, headers: ["Stadsdel", "Nyckel", "Förra året"] };

  test("from a column: a blank cell is a recipient new this year", () => {
    const last = lastYearFromColumn(grid, table, recipients, "förra året", "Blad1!A3:C3");
    expect(last.entries).toEqual([{ name: "Norr", amount: d(40000) }]);
    const cmp = compareYears(
      [
        { name: "Norr", amount: d(42000) },
        { name: "Söder", amount: d(8000) },
      ],
      last
    );
    expect(cmp.rows.map((r) => [r.name, r.status, r.change.toFixed()])).toEqual([
      ["Norr", "both", "2000"],
      ["Söder", "new", "8000"],
    ]);
    expect(cmp.rows[0].changeRatio?.toFixed()).toBe("0.05");
    expect(cmp.rows[1].changeRatio).toBeNull();
    expect([cmp.lastYearTotal, cmp.thisYearTotal, cmp.change].map(String)).toEqual([
      "40000",
      "50000",
      "10000",
    ]);
  });

  test("an unknown column and a bad cell are refused", () => {
    expect(
      problemsOf(() => lastYearFromColumn(grid, table, recipients, "2025", "Blad1!A3:C3"))[0].code
    ).toBe("COLUMN_NOT_FOUND");
    const bad = { ...grid, values: [...grid.values.slice(0, 2), ["Söder", 20, "tolv"]] };
    expect(problemsOf(() => lastYearFromColumn(bad, table, recipients, "Förra året", "x"))).toEqual(
      [{ code: "NOT_A_NUMBER", cell: "Blad1!C5", params: { text: "tolv" } }]
    );
  });

  test("from the allocation sheet the add-in wrote: reserves and totals left out", () => {
    const sheet: Grid = {
      sheet: "Fördelning 2025",
      top: 0,
      left: 0,
      values: [
        ["Fördelning av statsbidrag"],
        [],
        ["Stadsdel", "Invånare 65+", "Andel", "Belopp (kr)", null, "Avrundning"],
        ["Norr", 10, 0.5, 30000, null, "Exakt andel, ingen avrundning."],
        ["Väster", 10, 0.5, 30000, null, "Exakt andel, ingen avrundning."],
        ["Förvaltningen", null, null, 4000, null, "Avsatt före fördelningen"],
        ["Summa", 20, 1, 64000],
        [],
        ["Underlag för fördelningen"],
      ],
    };
    const last = lastYearFromSheet(sheet);
    expect(last.source).toBe("'Fördelning 2025'!A3:D6");
    expect(last.entries.map((e) => [e.name, e.amount.toFixed()])).toEqual([
      ["Norr", "30000"],
      ["Väster", "30000"],
    ]);
    const cmp = compareYears([{ name: "norr", amount: d(33000) }], last);
    expect(
      cmp.rows.map((r) => [r.name, r.status, r.lastYear?.toFixed(), r.thisYear?.toFixed()])
    ).toEqual([
      ["norr", "both", "30000", "33000"],
      ["Väster", "gone", "30000", undefined],
    ]);
    expect(cmp.rows[1].changeRatio?.toFixed()).toBe("-1");
    expect(percentOneDecimal(cmp.changeRatio ?? d(0)).toFixed()).toBe("-45");
  });

  test("a sheet that is no allocation is refused", () => {
    const other: Grid = { sheet: "Blad2", top: 0, left: 0, values: [["Namn", "Summa"]] };
    expect(problemsOf(() => lastYearFromSheet(other))[0].code).toBe("LAST_YEAR_NOT_ALLOCATION");
  });
});

describe("percentOneDecimal", () => {
  test.each([
    ["0.0512", "5.1"],
    ["0.05125", "5.1"],
    ["0.05150", "5.2"],
    ["-0.0515", "-5.2"],
  ])("%s -> %s %%", (ratio, percent) => {
    expect(percentOneDecimal(d(ratio)).toFixed()).toBe(percent);
  });
});
