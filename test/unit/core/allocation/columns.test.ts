/**
 * Finding the header row and the name, key and interest columns the way a person would
 * read the table: Swedish or English words, headers broken over lines, a title above.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { InputError } from "../../../../src/core/problems";
import {
  cellText,
  detectLayout,
  guessLayout,
  layoutProblems,
  interestMark,
  normaliseHeader,
} from "../../../../src/core/jobs/allocation/columns";
import { problemsOf } from "../helpers/problems";
import { KEY_HEADER, stockholmGrid } from "../helpers/stockholm";

function grid(values: CellValue[][], sheet = "Blad1", top = 0, left = 0): Grid {
  return { sheet, top, left, values };
}

describe("header words", () => {
  test.each([
    [["Stadsdel", "Antal invånare 65+"], 0, 1],
    [["Kommun", "Folkmängd"], 0, 1],
    [["Nyckel", "Namn"], 1, 0],
    [["Kommunkod", "Kommun", "Antal 80+"], 1, 2],
    [["Mottagare", "Fördelningsnyckel"], 0, 1],
    [["Municipality", "Population 80+"], 0, 1],
    [["District", "Residents 65+"], 0, 1],
    [["Name", "Key"], 0, 1],
    [["NAMN", "  NYCKEL  "], 0, 1],
  ])("%j: name column %i, key column %i", (headers, name, key) => {
    const layout = detectLayout(grid([headers, headers.map((_, i) => (i === key ? 1 : `r${i}`))]));
    expect(layout).toMatchObject({
      headerRow: 0,
      nameColumn: name,
      keyColumn: key,
      interestColumns: [],
    });
  });

  test("a word inside a longer word is not a header match ('Kommunens' is not 'Kommun')", () => {
    const values = [
      ["Kommunens kommentar", "Stadsdel", "Antal"],
      ["x", "Bromma", 1],
    ];
    expect(detectLayout(grid(values))).toMatchObject({ nameColumn: 1, keyColumn: 2 });
  });

  test("an 'Intresserad' / 'Interested' column is read as interest marks", () => {
    expect(
      detectLayout(
        grid([
          ["Namn", "Nyckel", "Intresserad"],
          ["A", 1, "ja"],
        ])
      ).interestColumns
    ).toEqual([2]);
    expect(
      detectLayout(
        grid([
          ["Name", "Key", "Interested"],
          ["A", 1, "yes"],
        ])
      ).interestColumns
    ).toEqual([2]);
  });

  test("a column of nothing but X and - is read as interest marks; a column of text is not", () => {
    const values = [
      ["Namn", "Nyckel", "Enhet A", "Kommentar"],
      ["A", 1, "X", "bra"],
      ["B", 2, "-", "x"],
    ];
    expect(detectLayout(grid(values)).interestColumns).toEqual([2]);
  });

  test("a column of only '-' is not an interest column (nobody would be interested)", () => {
    const values = [
      ["Namn", "Nyckel", "Enhet"],
      ["A", 1, "-"],
      ["B", 2, "-"],
    ];
    expect(detectLayout(grid(values)).interestColumns).toEqual([]);
  });
});

describe("the Stockholm paper's table", () => {
  const layout = detectLayout(stockholmGrid(), { key: KEY_HEADER });

  test("the title row above is skipped; the header is the third row", () => {
    expect(layout.headerRow).toBe(2);
  });

  test("headers broken with a hyphen are joined; the header texts read as one line", () => {
    expect(layout.headers).toEqual([
      "Stadsdelsförvaltning",
      "Beställarenhet",
      "Förebyggande enhet",
      "Förslag på fördelning",
    ]);
    expect(layout).toMatchObject({ nameColumn: 0, keyColumn: 3, interestColumns: [1, 2] });
  });

  test("without a chosen key column the missing key is named with the header row", () => {
    expect(problemsOf(() => detectLayout(stockholmGrid()))).toEqual([
      { code: "KEY_COLUMN_MISSING", field: "keyColumn", params: { range: "Blad1!A3:D3" } },
    ]);
  });
});

describe("line breaks in cells", () => {
  test.each([
    ["Stadsdels-\nförvaltning", "Stadsdelsförvaltning"],
    ["Beställar-\r\nenhet", "Beställarenhet"],
    ["Förslag på \nfördelning", "Förslag på fördelning"],
    ["Hässelby-\nVällingby", "Hässelby-Vällingby"],
    ["Enskede-Årsta-\nVantör", "Enskede-Årsta-Vantör"],
    ["Hägersten-Älvsjö", "Hägersten-Älvsjö"],
    ["  Bromma  ", "Bromma"],
    ["Antal\n65+", "Antal 65+"],
  ])("%j reads as %j", (raw, expected) => {
    expect(cellText(raw)).toBe(expected);
  });

  test("normaliseHeader also lower-cases and folds no-break spaces", () => {
    expect(normaliseHeader("Antal\u00a0invånare\u202f65+")).toBe("antal invånare 65+");
    expect(normaliseHeader("Stadsdels-\nFörvaltning")).toBe("stadsdels-förvaltning");
    expect(normaliseHeader(null)).toBe("");
    expect(normaliseHeader(12)).toBe("12");
  });

  test("a decomposed 'ä' (from a Mac or a PDF) matches the composed one", () => {
    expect(normaliseHeader("Ja\u0308rva")).toBe(normaliseHeader("Järva"));
  });
});

describe("headers chosen by text (ColumnChoice)", () => {
  const values = [
    ["Område", "Siffra", "Vill ha"],
    ["Bromma", 1, "X"],
    ["Farsta", 2, "-"],
  ];

  test("name, key and interest picked by their header text, case- and space-insensitively", () => {
    expect(
      detectLayout(grid(values), { name: " område ", key: "SIFFRA", interest: ["vill  ha"] })
    ).toMatchObject({
      headerRow: 0,
      nameColumn: 0,
      keyColumn: 1,
      interestColumns: [2],
    });
  });

  test("a chosen header may be given as it is printed, with a hyphenated line break", () => {
    expect(
      detectLayout(stockholmGrid(), {
        name: "Stadsdels-\nförvaltning",
        key: "förslag på fördelning",
      })
    ).toMatchObject({
      nameColumn: 0,
      keyColumn: 3,
    });
  });

  test("a chosen key header that is not there: COLUMN_NOT_FOUND naming the header row", () => {
    expect(
      problemsOf(() => detectLayout(grid(values), { name: "Område", key: "Invånare" }))
    ).toEqual([
      {
        code: "COLUMN_NOT_FOUND",
        field: "keyColumn",
        params: { header: "Invånare", range: "Blad1!A1:C1" },
      },
    ]);
  });

  test("a chosen name header that is not there", () => {
    expect(problemsOf(() => detectLayout(grid(values), { name: "Namn", key: "Siffra" }))).toEqual([
      {
        code: "COLUMN_NOT_FOUND",
        field: "nameColumn",
        params: { header: "Namn", range: "Blad1!A1:C1" },
      },
    ]);
  });

  test("chosen interest headers that are not there are all reported", () => {
    expect(
      problemsOf(() =>
        detectLayout(grid(values), {
          name: "Område",
          key: "Siffra",
          interest: ["A", "Vill ha", "B"],
        })
      )
    ).toEqual([
      {
        code: "COLUMN_NOT_FOUND",
        field: "interestColumns",
        params: { header: "A", range: "Blad1!A1:C1" },
      },
      {
        code: "COLUMN_NOT_FOUND",
        field: "interestColumns",
        params: { header: "B", range: "Blad1!A1:C1" },
      },
    ]);
  });

  test("name and key the same column", () => {
    expect(problemsOf(() => detectLayout(grid(values), { name: "Område", key: "område" }))).toEqual(
      [{ code: "SAME_COLUMN", field: "keyColumn" }]
    );
  });

  test("the header row reference follows the grid's place in the sheet", () => {
    expect(
      problemsOf(() =>
        detectLayout(grid([["Titel"], ...values], "Mitt blad", 9, 1), { name: "Område", key: "X" })
      )
    ).toEqual([
      {
        code: "COLUMN_NOT_FOUND",
        field: "keyColumn",
        params: { header: "X", range: "'Mitt blad'!B11:D11" },
      },
    ]);
  });
});

describe("no header", () => {
  test("numbers and names but no header words: NO_HEADER with the range", () => {
    expect(
      problemsOf(() =>
        detectLayout(
          grid(
            [
              ["Bromma", 1],
              ["Farsta", 2],
            ],
            "Blad1",
            2,
            1
          )
        )
      )
    ).toEqual([{ code: "NO_HEADER", field: "range", params: { range: "Blad1!B3:C4" } }]);
  });

  test("a key header but no name header: NAME_COLUMN_MISSING", () => {
    expect(
      problemsOf(() =>
        detectLayout(
          grid([
            ["Vad", "Antal"],
            ["Bromma", 1],
          ])
        )
      )
    ).toEqual([
      { code: "NAME_COLUMN_MISSING", field: "nameColumn", params: { range: "Blad1!A1:B1" } },
    ]);
  });

  test("an empty range: EMPTY_RANGE", () => {
    expect(problemsOf(() => detectLayout(grid([])))[0]).toMatchObject({
      code: "EMPTY_RANGE",
      field: "range",
    });
    expect(
      problemsOf(() =>
        detectLayout(
          grid([
            [null, " "],
            ["", null],
          ])
        )
      )[0]
    ).toMatchObject({ code: "EMPTY_RANGE" });
  });

  test("the header is looked for in the first 20 rows only", () => {
    const filler: CellValue[][] = Array.from({ length: 20 }, (_, i) => [`rad ${i}`, i]);
    expect(
      problemsOf(() => detectLayout(grid([...filler, ["Namn", "Nyckel"], ["A", 1]])))[0]
    ).toMatchObject({ code: "NO_HEADER" });
    expect(detectLayout(grid([...filler.slice(1), ["Namn", "Nyckel"], ["A", 1]])).headerRow).toBe(
      19
    );
  });
});

describe("interestMark", () => {
  test.each([
    ["X"],
    ["x"],
    [" X "],
    ["Ja"],
    ["J"],
    ["yes"],
    ["Y"],
    ["1"],
    [1],
    [true],
    ["SANT"],
    ["\u2713"],
    ["\u2714"],
  ])("%j is yes", (v) => {
    expect(interestMark(v)).toBe("yes");
  });
  test.each([
    [null],
    [""],
    ["-"],
    ["\u2013"],
    ["\u2014"],
    ["Nej"],
    ["n"],
    ["no"],
    ["0"],
    [0],
    [false],
    ["FALSKT"],
  ])("%j is no", (v) => {
    expect(interestMark(v)).toBe("no");
  });
  test.each([["kanske"], ["x."], ["2"], [2], ["?"], ["XX"]])("%j is not a mark", (v) => {
    expect(interestMark(v)).toBe("invalid");
  });
});

describe("guessLayout: what was found when not everything was", () => {
  test("a name column but an unknown key header: the name is kept, the key left for the user", () => {
    const { guess, problems } = guessLayout(
      grid([
        ["Stadsdelsförvaltning", "Beställarenhet", "Förslag på fördelning"],
        ["Bromma", "X", 459491],
        ["Farsta", "-", 355411],
      ])
    );
    expect(guess).toEqual({
      headerRow: 0,
      headers: ["Stadsdelsförvaltning", "Beställarenhet", "Förslag på fördelning"],
      nameColumn: 0,
      keyColumn: null,
      interestColumns: [1],
    });
    expect(problems).toEqual([
      { code: "KEY_COLUMN_MISSING", field: "keyColumn", params: { range: "Blad1!A1:C1" } },
    ]);
  });

  test("a later row naming both columns wins over an earlier row naming one", () => {
    const { guess, problems } = guessLayout(
      grid([
        ["Kommun 2026", null],
        ["Kommun", "Antal invånare 80+"],
        ["Ale", 1200],
      ])
    );
    expect(problems).toEqual([]);
    expect(guess).toMatchObject({ headerRow: 1, nameColumn: 0, keyColumn: 1 });
  });

  test("nothing that looks like a header: no guess, NO_HEADER", () => {
    const { guess, problems } = guessLayout(
      grid([
        ["a", 1],
        ["b", 2],
      ])
    );
    expect(guess).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(["NO_HEADER"]);
  });

  test("detectLayout refuses exactly what guessLayout reports", () => {
    const values = grid([
      ["Namn", "Något"],
      ["A", 1],
    ]);
    expect(() => detectLayout(values)).toThrow(InputError);
    expect(guessLayout(values).problems.map((p) => p.code)).toEqual(["KEY_COLUMN_MISSING"]);
  });
});

test("an empty interest choice means no interest columns, not 'detect them'", () => {
  const values = grid([
    ["Namn", "Nyckel", "Intresse"],
    ["A", 1, "-"],
    ["B", 1, "X"],
  ]);
  expect(detectLayout(values).interestColumns).toEqual([2]);
  expect(detectLayout(values, { interest: [] }).interestColumns).toEqual([]);
});

test("layoutProblems names what a partly chosen layout lacks, at the header row", () => {
  const values = grid([
    ["Namn", "Något", "Annat"],
    ["A", 1, 2],
  ]);
  const base = { headerRow: 0, headers: ["Namn", "Något", "Annat"], interestColumns: [] };
  expect(layoutProblems(values, { ...base, nameColumn: 0, keyColumn: 1 })).toEqual([]);
  expect(layoutProblems(values, { ...base, nameColumn: null, keyColumn: null })).toEqual([
    { code: "NAME_COLUMN_MISSING", field: "nameColumn", params: { range: "Blad1!A1:C1" } },
    { code: "KEY_COLUMN_MISSING", field: "keyColumn", params: { range: "Blad1!A1:C1" } },
  ]);
  expect(layoutProblems(values, { ...base, nameColumn: 1, keyColumn: 1 })).toEqual([
    { code: "SAME_COLUMN", field: "keyColumn" },
  ]);
});
