/** The run log: SHA-256 of the inputs, the sheet that only ever grows, command lines. */
import { createHash } from "crypto";
import fc from "fast-check";
import { Decimal } from "../../../../src/core/money";
import {
  canonicalValues,
  commandLine,
  joinSources,
  loggedInput,
  readRunLog,
  runLogSheet,
  sha256Inputs,
  sha256Values,
  splitCommandLine,
  splitSources,
} from "../../../../src/core/runlog";
import { sha256 } from "../../../../src/core/sha256";

describe("sha256", () => {
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("FIPS 180-4 example %j", (text, hex) => {
    expect(sha256(text)).toBe(hex);
  });

  test("equals Node's crypto on any text (UTF-8, emoji, lengths around a block)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      })
    );
    for (let n = 50; n < 140; n++) {
      const text = "å".repeat(n);
      expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("input checksum", () => {
  test("the same values give the same checksum whatever the trailing blanks", () => {
    const a = [
      ["Stadsdel", "Nyckel"],
      ["Norr", 10],
    ];
    const b = [
      ["Stadsdel", "Nyckel", null],
      ["Norr", 10, ""],
      [null, null, null],
    ];
    expect(sha256Values(a)).toBe(sha256Values(b));
    expect(sha256Values(a)).not.toBe(
      sha256Values([
        ["Stadsdel", "Nyckel"],
        ["Norr", 11],
      ])
    );
    expect(canonicalValues([["a\tb", true, -0]])).toBe("a\\tb\tTRUE\t0");
  });
});

describe("input checksum over several ranges", () => {
  const source = [
    ["Stadsdel", "Nyckel"],
    ["Norr", 10],
  ];
  const lastYear = [
    ["Stadsdel", "Belopp (kr)"],
    ["Norr", 50000],
  ];

  test("one range: the same checksum as sha256Values, so rows logged before still verify", () => {
    expect(sha256Inputs([source])).toBe(sha256Values(source));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)))),
        (values) => {
          expect(sha256Inputs([values])).toBe(sha256Values(values));
        }
      )
    );
    expect(() => sha256Inputs([])).toThrow(RangeError);
  });

  test("every range counts, and their order does", () => {
    const both = sha256Inputs([source, lastYear]);
    expect(both).toMatch(/^[0-9a-f]{64}$/);
    expect(both).not.toBe(sha256Values(source));
    expect(both).not.toBe(sha256Inputs([lastYear, source]));
    const edited = [lastYear[0], ["Norr", 50001]];
    expect(sha256Inputs([source, edited])).not.toBe(both);
  });

  test("no cell text can forge the boundary between ranges", () => {
    // Rows moved from one range to the other: the same cells, split differently.
    const rows = [["a"], ["b"], ["c"]];
    const splits = [1, 2].map((at) => sha256Inputs([rows.slice(0, at), rows.slice(at)]));
    expect(new Set([...splits, sha256Values(rows)]).size).toBe(3);
    // A range whose text is the two ranges' digests, or holds a line feed or form feed.
    const digests = [[sha256Values(source)], [sha256Values(lastYear)]];
    expect(sha256Inputs([digests])).not.toBe(sha256Inputs([source, lastYear]));
    expect(sha256Inputs([[["a\nb"]], [["c"]]])).not.toBe(sha256Inputs([[["a"]], [["b\nc"]]]));
    expect(sha256Inputs([[["a\fb"]], [["c"]]])).not.toBe(sha256Inputs([[["a"]], [["b\fc"]]]));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1 }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        (cells, i, j) => {
          const rows = cells.map((row, r) => [...row, r]); // every row distinct, none blank
          const a = 1 + (i % (rows.length - 1));
          const b = 1 + (j % (rows.length - 1));
          fc.pre(a !== b);
          expect(sha256Inputs([rows.slice(0, a), rows.slice(a)])).not.toBe(
            sha256Inputs([rows.slice(0, b), rows.slice(b)])
          );
        }
      )
    );
  });

  test("the logged source names every range read, and splits back into them", () => {
    const refs = ["Blad1!A1:D14", "'Fördelning 2025'!A1:F20", "'Budget; 2024'!A1:B3"];
    const text = joinSources(refs);
    expect(text).toBe("Blad1!A1:D14; 'Fördelning 2025'!A1:F20; 'Budget; 2024'!A1:B3");
    expect(splitSources(text)).toEqual(refs);
    expect(splitSources("Blad1!A1:D14")).toEqual(["Blad1!A1:D14"]);
    expect(splitSources("'It''s; here'!A1")).toEqual(["'It''s; here'!A1"]);
    const grid = (sheet: string, values: (string | number | null)[][]) => ({
      sheet,
      top: 0,
      left: 0,
      values,
    });
    expect(loggedInput([grid("Blad1", source), grid("Fördelning 2025", lastYear)])).toEqual({
      source: "Blad1!A1:B2; 'Fördelning 2025'!A1:B2",
      inputSha256: sha256Inputs([source, lastYear]),
    });
    expect(loggedInput([grid("Blad1", source)])).toEqual({
      source: "Blad1!A1:B2",
      inputSha256: sha256Values(source),
    });
  });
});

describe("runLogSheet", () => {
  const entry = {
    time: "2026-11-25 15:40:12",
    job: "allocate",
    source: "Blad1!A1:D14",
    commandLine: "statsbidrag allocate in.xlsx --total 6069306",
    recipients: 11,
    inputSha256: "ab".repeat(32),
    total: new Decimal(6069306),
    resultSha256: "cd".repeat(32),
  };

  test("appends a numbered row to the previous log, keeping its rows", () => {
    const first = runLogSheet(null, entry, "sv");
    expect(first.name).toBe("Körlogg");
    expect(first.cells[0][0].value).toBe("Nr");
    expect(first.cells[1].map((c) => c.value)).toEqual([
      1,
      "2026-11-25 15:40:12",
      "allocate",
      "Blad1!A1:D14",
      "statsbidrag allocate in.xlsx --total 6069306",
      11,
      "ab".repeat(32),
      6069306,
      "cd".repeat(32),
    ]);
    const values = first.cells.map((row) => row.map((c) => c.value));
    const second = runLogSheet(
      values,
      { ...entry, job: "allocate", time: "2026-11-26 08:00:00" },
      "sv"
    );
    const rows = readRunLog(second.cells.map((row) => row.map((c) => c.value)));
    expect(rows.map((r) => [r.nr, r.time])).toEqual([
      [1, "2026-11-25 15:40:12"],
      [2, "2026-11-26 08:00:00"],
    ]);
    expect(rows[0].total).toBe("6069306");
    expect(second.table).toEqual({ top: 0, left: 0, bottom: 2, right: 8 });
  });

  test("prints one landscape page wide: long lines wrap, and their rows are tall enough", () => {
    const long = `${entry.commandLine} --reserve 'Äldreförvaltningen=400 000' --unit 1 --name-column Stadsdelsförvaltning --key-column 'Förslag på fördelning' --base-column Grundbelopp --lang sv --date 2026-11-25`;
    const sheet = runLogSheet(null, { ...entry, commandLine: long }, "sv");
    expect(sheet.print).toEqual({ landscape: true, fitToPagesWide: 1 });
    expect(sheet.styles).toContainEqual({ top: 1, left: 4, bottom: 1, right: 4, wrapText: true });
    expect(sheet.columnWidths[4]).toBeLessThanOrEqual(56);
    // Every line of the command line and of each 64-digit checksum has room.
    const lines = Math.ceil(long.length / (sheet.columnWidths[4] - 3));
    expect(lines).toBeGreaterThan(2);
    expect(sheet.rowHeights?.[1]).toBe(lines * 15);
    // The header row is one line: no height is set for it.
    expect(sheet.rowHeights?.[0]).toBeUndefined();
  });
});

describe("command lines", () => {
  test("quoted so that splitting gives the words back", () => {
    const words = [
      "statsbidrag",
      "allocate",
      "Min fil.xlsx",
      "--reserve",
      "Förvaltningen=400 000",
      "it's",
    ];
    const line = commandLine(words);
    expect(line).toBe(
      "statsbidrag allocate 'Min fil.xlsx' --reserve 'Förvaltningen=400 000' 'it'\\''s'"
    );
    expect(splitCommandLine(line)).toEqual(words);
    expect(splitCommandLine(`a "b \\" c" d\\ e`)).toEqual(["a", 'b " c', "d e"]);
  });

  test("round trip on any words", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 6 }), (words) => {
        expect(splitCommandLine(commandLine(words))).toEqual(words);
      })
    );
  });
});
