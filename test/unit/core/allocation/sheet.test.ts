/**
 * The output sheet as a committee paper needs it: totals that are SUM formulas over exactly
 * the right rows and give the pot, Swedish-friendly formats, and a note per row on rounding.
 * Formulas are checked by evaluating them over the sheet's own cells, not by their text alone.
 */
import { runAllocation, allocate } from "../../../../src/core/jobs/allocation/allocation";
import {
  type AllocationSheetContext,
  allocationSheet,
} from "../../../../src/core/jobs/allocation/sheet";
import { parseReference, cellAddress } from "../../../../src/core/grid";
import { Decimal } from "../../../../src/core/money";
import type { SheetCell, SheetModel } from "../../../../src/core/sheets/sheet-model";
import {
  KEY_HEADER,
  STOCKHOLM_DISTRICTS,
  STOCKHOLM_POT,
  stockholmGrid,
} from "../helpers/stockholm";

const d = (v: string | number) => new Decimal(v);
const SV: AllocationSheetContext = {
  lang: "sv",
  date: "2024-05-20",
  nameHeader: "Stadsdelsförvaltning",
  keyHeader: "Förslag på fördelning",
  source: "Blad1!A3:D15",
};
const EN: AllocationSheetContext = { ...SV, lang: "en", nameHeader: "District", keyHeader: "Key" };

function stockholmSheet(unit: string | number = 1, context = SV): SheetModel {
  const run = runAllocation(
    stockholmGrid(),
    { total: STOCKHOLM_POT, unit, reserves: [{ name: "Äldreförvaltningen", amount: 400_000 }] },
    { key: KEY_HEADER }
  );
  return allocationSheet(run.result, context);
}

/** Value of a cell, evaluating the two kinds of formula the sheet uses: SUM(range) and A1-B2. */
function evaluate(sheet: SheetModel, cell: SheetCell): number | string | null {
  if (!cell.formula) return cell.value;
  const sum = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(cell.formula);
  if (sum) {
    const { box } = parseReference(sum[1]);
    let total = d(0);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const v = evaluate(sheet, sheet.cells[r][c]);
        if (typeof v === "number") total = total.plus(v);
      }
    return total.toNumber();
  }
  const diff = /^([A-Z]+\d+)-([A-Z]+\d+)$/.exec(cell.formula);
  if (diff) {
    const at = (ref: string) => {
      const { box } = parseReference(ref);
      return Number(evaluate(sheet, sheet.cells[box.top][box.left]));
    };
    return at(diff[1]) - at(diff[2]);
  }
  throw new Error(`formula not understood: ${cell.formula}`);
}

function findRow(sheet: SheetModel, label: string): number {
  const row = sheet.cells.findIndex((r) => r[0].value === label);
  if (row < 0) throw new Error(`no row '${label}'`);
  return row;
}

const column = (sheet: SheetModel, col: number) => sheet.cells.map((r) => r[col].value);

describe("Stockholm allocation sheet (Swedish)", () => {
  const sheet = stockholmSheet();
  const header = 2;
  const first = 3;
  const reserveRow = first + 11;
  const totalRow = findRow(sheet, "Summa");

  test("title, header from the source columns, one row per district in input order, then the reserve, then Summa", () => {
    expect(sheet.name).toBe("Fördelning");
    expect(sheet.cells[0][0].value).toBe("Fördelning av statsbidrag");
    expect(sheet.cells[header].map((c) => c.value)).toEqual([
      "Stadsdelsförvaltning",
      "Förslag på fördelning",
      "Andel",
      "Belopp (kr)",
      null,
      "Avrundning",
    ]);
    expect(column(sheet, 0).slice(first, reserveRow)).toEqual(
      STOCKHOLM_DISTRICTS.map(([name]) => name.replace("-\n", "-"))
    );
    expect(sheet.cells[reserveRow][0].value).toBe("Äldreförvaltningen");
    expect(sheet.cells[reserveRow][3].value).toBe(400_000);
    expect(totalRow).toBe(reserveRow + 1);
  });

  test("the amounts are the paper's, to the krona", () => {
    expect(column(sheet, 3).slice(first, reserveRow)).toEqual(
      STOCKHOLM_DISTRICTS.map((row) => row[3])
    );
  });

  test("key and share totals SUM exactly the district rows; the amount total SUMs districts and reserve", () => {
    const total = sheet.cells[totalRow];
    expect(total[1].formula).toBe(`SUM(B${first + 1}:B${reserveRow})`);
    expect(total[2].formula).toBe(`SUM(C${first + 1}:C${reserveRow})`);
    expect(total[3].formula).toBe(`SUM(D${first + 1}:D${reserveRow + 1})`);
  });

  test("every formula's cached value is what Excel will compute, and the amount total is the pot", () => {
    const total = sheet.cells[totalRow];
    for (const cell of total.slice(1, 4))
      expect(cell.value).toBeCloseTo(Number(evaluate(sheet, cell)), 9);
    expect(total[3].value).toBe(STOCKHOLM_POT);
    expect(evaluate(sheet, total[3])).toBe(STOCKHOLM_POT);
    expect(total[1].value).toBe(5_669_306);
    expect(total[2].value).toBeCloseTo(1, 12);
  });

  test("the check row computes total minus pot = 0", () => {
    const check = sheet.cells[findRow(sheet, "Kontroll: summa minus belopp att fördela")][1];
    expect(check.formula).toMatch(/^D\d+-B\d+$/);
    expect(check.formula?.startsWith(cellAddress(totalRow, 3))).toBe(true);
    expect(evaluate(sheet, check)).toBe(0);
    expect(check.value).toBe(0);
  });

  test("the parameter block states pot, reserve, what the key split and the unit", () => {
    const value = (label: string) => sheet.cells[findRow(sheet, label)][1].value;
    expect(value("Belopp att fördela")).toBe(STOCKHOLM_POT);
    expect(value("Avsättning: Äldreförvaltningen")).toBe(400_000);
    expect(value("Fördelat efter nyckel")).toBe(5_669_306);
    expect(value("Avrundningsenhet (kr)")).toBe(1);
    expect(value("Nyckel från")).toBe("Förslag på fördelning (Blad1!A3:D15)");
    expect(value("Datum")).toBe("2024-05-20");
  });

  test("formats: whole kronor '#,##0' on key and amount, '0.00%' on share, down to the total row", () => {
    const formatOf = (col: number) =>
      sheet.styles.filter(
        (s) =>
          s.numberFormat &&
          s.left <= col &&
          s.right >= col &&
          s.top <= first &&
          s.bottom >= totalRow
      );
    expect(formatOf(1).map((s) => s.numberFormat)).toEqual(["#,##0"]);
    expect(formatOf(2).map((s) => s.numberFormat)).toEqual(["0.00%"]);
    expect(formatOf(3).map((s) => s.numberFormat)).toEqual(["#,##0"]);
  });

  test("header and total rows are bold", () => {
    const boldRows = sheet.styles
      .filter((s) => s.bold && s.left === 0 && s.right >= 3)
      .map((s) => s.top);
    expect(boldRows).toEqual(expect.arrayContaining([header, totalRow]));
  });

  test("the table to copy is the header to the total row, name to amount (no note column)", () => {
    expect(sheet.table).toEqual({ top: header, left: 0, bottom: totalRow, right: 3 });
  });

  test("the sheet is rectangular and every column has a width", () => {
    const width = sheet.cells[0].length;
    expect(sheet.cells.every((r) => r.length === width)).toBe(true);
    expect(sheet.columnWidths).toHaveLength(width);
    expect(sheet.columnWidths.every((w) => w > 0)).toBe(true);
  });

  test("exact quotas say so; the reserve says it was set aside", () => {
    expect(
      column(sheet, 5)
        .slice(first, reserveRow)
        .every((v) => v === "Exakt andel, ingen avrundning.")
    ).toBe(true);
    expect(sheet.cells[reserveRow][5].value).toBe("Avsatt före fördelningen");
  });
});

describe("rounding to 1 000 kr: the unallocated row and the explanations", () => {
  const sheet = stockholmSheet("1000");
  const first = 3;
  const totalRow = findRow(sheet, "Summa");
  const unallocatedRow = findRow(sheet, "Ej fördelat (mindre än en avrundningsenhet)");

  test("the unallocated 306 kr has its own row inside the amount SUM, so the total is still the pot", () => {
    expect(sheet.cells[unallocatedRow][3].value).toBe(306);
    expect(unallocatedRow).toBe(totalRow - 1);
    expect(sheet.cells[totalRow][3].formula).toBe(`SUM(D${first + 1}:D${unallocatedRow + 1})`);
    expect(evaluate(sheet, sheet.cells[totalRow][3])).toBe(STOCKHOLM_POT);
    expect(sheet.cells[totalRow][1].formula).toBe(`SUM(B${first + 1}:B${first + 11})`);
  });

  test("the note says which districts got an extra 1 000 and which were rounded down", () => {
    // 5 669 306 kr less reserve is 5 669 whole thousands (306 kr left over). Each district's exact
    // quota in thousands is 5 669 × paper amount / 5 669 306; the floors add up to 5 662, so the
    // 7 largest fractions get an extra 1 000.
    const notes = column(sheet, 5).slice(first, first + 11) as string[];
    const amounts = column(sheet, 3).slice(first, first + 11) as number[];
    const quotas = STOCKHOLM_DISTRICTS.map((row) => d(5669).times(row[3]).dividedBy(5_669_306));
    expect(quotas.reduce((acc, q) => acc.plus(q.floor()), d(0)).toNumber()).toBe(5662);
    const byFraction = quotas
      .map((q, i) => ({ i, f: q.minus(q.floor()) }))
      .sort((a, b) => b.f.comparedTo(a.f));
    const extra = new Set(byFraction.slice(0, 7).map((e) => e.i));
    notes.forEach((note, i) => {
      const floor = quotas[i].floor().toNumber() * 1000;
      const rank = byFraction.findIndex((e) => e.i === i) + 1;
      // Cut, not rounded: a remainder of 0.99996 must not read "1".
      const rest = byFraction[rank - 1].f
        .toDecimalPlaces(4, Decimal.ROUND_DOWN)
        .toString()
        .replace(".", ",");
      if (extra.has(i)) {
        expect(amounts[i]).toBe(floor + 1000);
        expect(note).toBe(
          `+1\u00a0000 kr: resten ${rest} är nr ${rank} av 7 utdelade extra enheter.`
        );
      } else {
        expect(amounts[i]).toBe(floor);
        expect(note).toBe(
          `Avrundad nedåt: resten ${rest} är nr ${rank}; bara 7 extra enheter fanns.`
        );
      }
    });
    // Enskede-Årsta-Vantör: 477 017 in the paper, quota 476.99125… thousands -> 476 000 + the first
    // extra 1 000; the remainder is cut, not rounded, to four decimals.
    expect(amounts[1]).toBe(477_000);
    expect(notes[1]).toBe("+1\u00a0000 kr: resten 0,9912 är nr 1 av 7 utdelade extra enheter.");
  });
});

describe("explanations on a small example", () => {
  // 100 kr over 1:1:1 -> 33.33 each: one extra krona, to A by name order; D is not interested.
  const recipients = ["A", "B", "C", "D"].map((name, i) => ({
    name,
    key: d(1),
    interested: i < 3,
    nameCell: `Blad1!A${i + 2}`,
    keyCell: `Blad1!B${i + 2}`,
  }));
  const result = allocate(recipients, { total: d(100), unit: d(1), reserves: [] });

  test("Swedish", () => {
    const sheet = allocationSheet(result, SV);
    expect(sheet.cells.slice(3, 7).map((r) => [r[0].value, r[3].value, r[5].value])).toEqual([
      ["A", 34, "+1 kr: resten 0,3333 är nr 1 av 1 utdelade extra enheter."],
      ["B", 33, "Avrundad nedåt: resten 0,3333 är nr 2; bara 1 extra enheter fanns."],
      ["C", 33, "Avrundad nedåt: resten 0,3333 är nr 3; bara 1 extra enheter fanns."],
      ["D", 0, "Ej intresserad: ingen andel."],
    ]);
    expect(sheet.cells[6][2].value).toBeNull();
  });

  test("English", () => {
    const sheet = allocationSheet(result, EN);
    expect(sheet.name).toBe("Allocation");
    expect(sheet.cells[0][0].value).toBe("Allocation of state grant");
    expect(sheet.cells[2].map((c) => c.value)).toEqual([
      "District",
      "Key",
      "Share",
      "Amount (SEK)",
      null,
      "Rounding",
    ]);
    expect(sheet.cells.slice(3, 7).map((r) => r[5].value)).toEqual([
      "+1 SEK: remainder 0.3333 is no. 1 of 1 extra units handed out.",
      "Rounded down: remainder 0.3333 is no. 2; only 1 extra units were left.",
      "Rounded down: remainder 0.3333 is no. 3; only 1 extra units were left.",
      "Not interested: no share.",
    ]);
    const totalRow = findRow(sheet, "Total");
    expect(evaluate(sheet, sheet.cells[totalRow][3])).toBe(100);
    expect(sheet.cells[totalRow][3].value).toBe(100);
  });

  test("öre: amounts with decimals get '#,##0.00' and still add up to the pot", () => {
    const ore = allocate(recipients, { total: d(100), unit: d("0.01"), reserves: [] });
    const sheet = allocationSheet(ore, SV);
    const totalRow = findRow(sheet, "Summa");
    expect(sheet.cells.slice(3, 6).map((r) => r[3].value)).toEqual([33.34, 33.33, 33.33]);
    expect(sheet.styles.find((s) => s.left === 3 && s.top === 3)?.numberFormat).toBe("#,##0.00");
    expect(evaluate(sheet, sheet.cells[totalRow][3])).toBeCloseTo(100, 9);
  });

  test("the rounding unit in the parameter block shows as 1 or 0,01, never with a trailing separator", () => {
    const formatOfUnit = (result: ReturnType<typeof allocate>) => {
      const model = allocationSheet(result, SV);
      const row = findRow(model, "Avrundningsenhet (kr)");
      return model.styles.find((s) => s.top === row && s.left === 1)?.numberFormat;
    };
    expect(formatOfUnit(allocate(recipients, { total: d(100), unit: d(1), reserves: [] }))).toBe(
      "#,##0"
    );
    expect(
      formatOfUnit(allocate(recipients, { total: d(100), unit: d("0.01"), reserves: [] }))
    ).toBe("#,##0.00");
  });
});
