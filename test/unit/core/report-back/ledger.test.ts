/**
 * Reading ledger extracts as the common systems export them: headers in their words,
 * amounts in one column or as debit and credit, Swedish number text, dates as serials,
 * ISO text and periods, and the total row at the bottom left out.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { detectLedgerColumns } from "../../../../src/core/jobs/report-back/columns";
import {
  codeKey,
  oreFromCell,
  readAccount,
  readLedger,
} from "../../../../src/core/jobs/report-back/ledger";

const grid = (values: CellValue[][], sheet = "Huvudbok"): Grid => ({
  sheet,
  top: 0,
  left: 0,
  values,
});

describe("ledger columns", () => {
  test.each([
    [
      "Raindance",
      ["Period", "Konto", "Ansvar", "Verksamhet", "Projekt", "Verifikation", "Text", "Utfall"],
    ],
    [
      "Unit4/Agresso",
      [
        "Bokf.datum",
        "Kontonr",
        "Kostnadsställe",
        "Aktivitet",
        "Projekt",
        "Vernr",
        "Beskrivning",
        "Belopp",
      ],
    ],
    [
      "Visma",
      ["Datum", "Ver.nr", "Konto", "Kontonamn", "Enhet", "Projekt", "Benämning", "Debet", "Kredit"],
    ],
    ["English", ["Date", "Account", "Cost centre", "Project", "Voucher", "Description", "Amount"]],
  ])("%s headers are recognised", (_, headers) => {
    const { columns, problems } = detectLedgerColumns(
      grid([["Huvudboksutdrag 2026"], [], headers])
    );
    expect(problems).toEqual([]);
    expect(columns?.headerRow).toBe(2);
    expect(columns?.costCentre).not.toBeNull();
    expect(columns?.project).not.toBeNull();
  });

  test("'Konto' and 'Konto text' side by side: the exact word is the account", () => {
    const { columns, problems } = detectLedgerColumns(
      grid([["Datum", "Konto", "Konto text", "Belopp"]])
    );
    expect(problems).toEqual([]);
    expect(columns?.account).toBe(1);
  });

  test("no amount column and no debit/credit pair is refused naming the header row", () => {
    const { columns, problems } = detectLedgerColumns(
      grid([
        ["Datum", "Konto", "Text"],
        ["2026-01-01", 5010, "x"],
      ])
    );
    expect(columns).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(["LEDGER_AMOUNT_COLUMN_MISSING"]);
    expect(problems[0].params?.range).toBe("Huvudbok!A1:C1");
  });

  test("debit without credit is refused", () => {
    const { problems } = detectLedgerColumns(grid([["Datum", "Konto", "Debet"]]));
    expect(problems.map((p) => p.code)).toEqual(["LEDGER_DEBIT_CREDIT_HALF"]);
  });
});

describe("amounts in whole öre", () => {
  test.each<[CellValue, number]>([
    [1234.5, 123450],
    [-19876.55, -1987655],
    [0.1 + 0.2, 30],
    [123.45 - 20000, -1987655],
    ["1 234,50", 123450],
    ["1\u00a0234,50 kr", 123450],
    ["-500", -50000],
    ["1 234,50-", -123450],
    ["\u2212250,25", -25025],
    [1e11, 1e13],
    ["12,345", 1234500],
    [45_000_000_000.01, 4_500_000_000_001],
    [0, 0],
  ])("%p -> %p öre", (cell, ore) => {
    expect(oreFromCell(cell)).toEqual({ kind: "ore", ore });
  });

  test.each<[CellValue, string]>([
    [12.345, "FLAG_AMOUNT_DECIMALS"],
    ["12,3456", "FLAG_AMOUNT_DECIMALS"],
    ["tolv", "FLAG_AMOUNT_BAD"],
    ["#N/A", "FLAG_AMOUNT_BAD"],
    [true, "FLAG_AMOUNT_BAD"],
    [1e20, "FLAG_AMOUNT_BAD"],
  ])("%p is not an amount (%s)", (cell, code) => {
    const read = oreFromCell(cell);
    expect(read.kind).toBe("bad");
    expect(read.kind === "bad" && read.code).toBe(code);
  });

  test("'150:-' is kronor, not a credit", () => {
    expect(oreFromCell("150:-")).toEqual({ kind: "ore", ore: 15000 });
  });
});

test("accounts: numbers, digits as text, with a name after them", () => {
  expect(readAccount(5010)).toEqual({ kind: "account", digits: "5010" });
  expect(readAccount(" 5611 ")).toEqual({ kind: "account", digits: "5611" });
  expect(readAccount("7490 - Övriga tjänster")).toEqual({ kind: "account", digits: "7490" });
  expect(readAccount("Löner")).toEqual({ kind: "bad", text: "Löner" });
  expect(readAccount(50.5).kind).toBe("bad");
  expect(readAccount(null).kind).toBe("empty");
});

test("codes compare without case, spaces and leading zeros", () => {
  expect(codeKey("0180")).toBe(codeKey("180"));
  expect(codeKey(" Hs 26 ")).toBe("hs 26");
});

describe("reading rows", () => {
  test("debit less credit; dates as serials, ISO text and periods; the Summa row left out", () => {
    const { ledger, problems } = readLedger(
      grid([
        ["Datum", "Konto", "Text", "Debet", "Kredit"],
        [46053, 5010, "Lön", 1000.5, null],
        ["2026-03-16", 5610, "Avgift", "314,40", ""],
        [202604, 7490, "Kreditfaktura", null, 200.25],
        ["2026-05", 6110, "Hyra", 100, 40],
        [null, null, "Summa", 1415.15, 200.25],
        ["Utskrivet av ekonomisystemet", null, null, null, null],
      ])
    );
    expect(problems).toEqual([]);
    expect(ledger!.rows.map((r) => r.amount)).toEqual([100050, 31440, -20025, 6000]);
    expect(ledger!.rows.map((r) => r.date)).toEqual([
      { kind: "date", date: "2026-01-31" },
      { kind: "date", date: "2026-03-16" },
      { kind: "period", year: 2026, month: 4 },
      { kind: "period", year: 2026, month: 5 },
    ]);
    expect(ledger!.rows[0].cell).toBe("Huvudbok!D2");
    expect(ledger!.rows[2].cell).toBe("Huvudbok!E4");
    expect(ledger!.skipped.map((s) => s.kind)).toEqual(["total", "note"]);
  });

  test("a last row adding up the rows above, without a label, is a total", () => {
    const { ledger } = readLedger(
      grid([
        ["Datum", "Konto", "Belopp"],
        ["2026-01-10", 5010, 100],
        ["2026-01-11", 5010, 250.5],
        [null, null, 350.5],
      ])
    );
    expect(ledger!.rows).toHaveLength(2);
    expect(ledger!.skipped).toEqual([{ row: 3, cell: "Huvudbok!C4", kind: "total" }]);
  });

  test("a posting with bad cells stays, with its issues (for the invalid flag)", () => {
    const { ledger } = readLedger(
      grid([
        ["Datum", "Konto", "Belopp"],
        ["2026-01-10", "Löner", "tolv"],
        ["2026-01-10", 5010, null],
      ])
    );
    expect(ledger!.rows[0].issues.map((i) => i.code)).toEqual([
      "FLAG_AMOUNT_BAD",
      "FLAG_ACCOUNT_BAD",
    ]);
    expect(ledger!.rows[1].issues.map((i) => i.code)).toEqual(["FLAG_AMOUNT_MISSING"]);
  });

  test("a header without rows is refused naming the range", () => {
    const { ledger, problems } = readLedger(grid([["Datum", "Konto", "Belopp"]]));
    expect(ledger).toBeNull();
    expect(problems).toEqual([
      { code: "LEDGER_NO_ROWS", field: "range", params: { range: "Huvudbok!A1:C1" } },
    ]);
  });

  test("a ledger placed lower and to the right keeps its worksheet addresses", () => {
    const { ledger } = readLedger({
      sheet: "Norr 2026",
      top: 4,
      left: 2,
      values: [
        ["Datum", "Konto", "Belopp"],
        ["2026-02-01", 5010, 10],
      ],
    });
    expect(ledger!.rows[0].cell).toBe("'Norr 2026'!E6");
  });
});

test("a very long sheet without a header is refused, not a stack overflow", () => {
  const values: CellValue[][] = Array.from({ length: 300_000 }, (_, i) => [i]);
  const { ledger, problems } = readLedger(grid(values));
  expect(ledger).toBeNull();
  expect(problems[0].params?.range).toBe("Huvudbok!A1:A300000");
});
