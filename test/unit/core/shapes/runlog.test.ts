/** The run log: SHA-256 of the inputs, the sheet that only ever grows, command lines. */
import { createHash } from "crypto";
import fc from "fast-check";
import { Decimal } from "../../../../src/core/money";
import {
  canonicalValues,
  commandLine,
  readRunLog,
  runLogSheet,
  sha256Values,
  splitCommandLine,
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
