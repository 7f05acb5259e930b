/** Cell and range references as Excel writes them, for messages and for jumping to a cell. */
import fc from "fast-check";
import {
  cellRef,
  columnIndex,
  columnLetter,
  gridCellRef,
  gridRangeRef,
  isBlank,
  parseReference,
  quoteSheetName,
  rangeAddress,
  spanReference,
} from "../../../src/core/grid";

describe("column letters", () => {
  test.each([
    [0, "A"],
    [3, "D"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i <-> %s", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test("letters and index round-trip for every column Excel has", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) =>
        expect(columnIndex(columnLetter(i))).toBe(i)
      )
    );
  });

  test.each([-1, 1.5, NaN])("refuses column index %s", (i) => {
    expect(() => columnLetter(i)).toThrow(RangeError);
  });

  test("refuses letters that are not A-Z", () => {
    expect(() => columnIndex("A1")).toThrow(RangeError);
    expect(() => columnIndex("Å")).toThrow(RangeError);
  });
});

describe("sheet names in references", () => {
  test.each([
    ["Blad1", "Blad1"],
    ["Fördelning", "Fördelning"],
    ["Mitt blad", "'Mitt blad'"],
    ["2026", "'2026'"],
    ["Stadsdel-A", "'Stadsdel-A'"],
    ["Kalle's", "'Kalle''s'"],
    // Names that read as a cell or R1C1 reference must be quoted, as Excel does ('Q1'!A1).
    ["Q1", "'Q1'"],
    ["AB12", "'AB12'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["Q1_2026", "Q1_2026"],
  ])("%j -> %j", (sheet, quoted) => {
    expect(quoteSheetName(sheet)).toBe(quoted);
  });

  test("cellRef names the cell as a user sees it: Blad1!D7", () => {
    expect(cellRef("Blad1", 6, 3)).toBe("Blad1!D7");
    expect(gridCellRef({ sheet: "Underlag", top: 4, left: 2, values: [] }, 2, 1)).toBe(
      "Underlag!D7"
    );
  });

  test("gridRangeRef covers the widest row", () => {
    expect(
      gridRangeRef({ sheet: "Blad1", top: 2, left: 0, values: [["a"], ["b", "c", "d"]] })
    ).toBe("Blad1!A3:C4");
    expect(gridRangeRef({ sheet: "Blad1", top: 0, left: 0, values: [] })).toBe("Blad1!A1");
    expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
  });
});

describe("parseReference", () => {
  test.each([
    ["Blad1!B7", "Blad1", { top: 6, left: 1, bottom: 6, right: 1 }],
    ["'My sheet'!A1:D9", "My sheet", { top: 0, left: 0, bottom: 8, right: 3 }],
    ["'Kalle''s'!$C$3", "Kalle's", { top: 2, left: 2, bottom: 2, right: 2 }],
    ["A1:D9", null, { top: 0, left: 0, bottom: 8, right: 3 }],
  ])("%s", (ref, sheet, box) => {
    expect(parseReference(ref)).toEqual({ sheet, box });
  });

  test.each(["", "Blad1!", "Blad1!7B", "A0x"])("refuses %j", (ref) => {
    expect(() => parseReference(ref)).toThrow(RangeError);
  });

  test("every reference cellRef writes reads back to the same sheet and cell", () => {
    const sheet = fc.oneof(
      fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s)),
      fc.constantFrom("Blad1", "Q1", "Mitt blad", "Kalle's")
    );
    fc.assert(
      fc.property(
        sheet,
        fc.integer({ min: 0, max: 1_048_575 }),
        fc.integer({ min: 0, max: 16383 }),
        (s, row, col) => {
          expect(parseReference(cellRef(s, row, col))).toEqual({
            sheet: s,
            box: { top: row, left: col, bottom: row, right: col },
          });
        }
      )
    );
  });
});

test("isBlank: null, undefined and white space; not zero or false", () => {
  expect([null, undefined, "", "  ", "\t"].map(isBlank)).toEqual([true, true, true, true, true]);
  expect([0, false, "0", "-"].map(isBlank)).toEqual([false, false, false, false]);
});

test("spanReference joins two cells of a sheet into a block", () => {
  expect(spanReference("Blad1!B2", "Blad1!B9")).toBe("Blad1!B2:B9");
  expect(spanReference("'Min flik'!C3", "'Min flik'!D4")).toBe("'Min flik'!C3:D4");
  expect(spanReference("Blad1!A1", "Blad1!A1")).toBe("Blad1!A1");
});

describe("gridRangeRef on a big grid", () => {
  test("200 000 rows give their address without overflowing the call stack", () => {
    const values = Array.from({ length: 200_000 }, (_, r) => (r === 7 ? [1, 2, 3] : [1]));
    expect(gridRangeRef({ sheet: "Huvudbok", top: 0, left: 0, values })).toBe(
      "Huvudbok!A1:C200000"
    );
  });
});
