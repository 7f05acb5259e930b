/**
 * Reading numbers the way finance officers type or paste them, and refusing the rest.
 * Expected values are what a person reading the cell would say it means.
 */
import fc from "fast-check";
import { Decimal, formatNumber } from "../../../src/core/money";
import {
  type ParsedNumber,
  ambiguousDotReadings,
  parseNumberCell,
  parseNumberText,
} from "../../../src/core/parse";
import { problemMessage } from "../../../src/core/problems";

const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";
const MINUS = "\u2212";

function valueOf(parsed: ParsedNumber): string {
  if (parsed.kind !== "number") throw new Error(`expected a number, got ${JSON.stringify(parsed)}`);
  return parsed.value.toString();
}

describe("numbers stored as text", () => {
  test.each([
    ["459 491", "459491"],
    ["1 059 660 kr", "1059660"],
    ["1 059 660 kronor", "1059660"],
    ["6 069 306 kr.", "6069306"],
    ["1 234,50", "1234.5"],
    ["1234.50", "1234.5"],
    ["1234,5", "1234.5"],
    ["0,125", "0.125"],
    ["1,5", "1.5"],
    ["1,234,567", "1234567"],
    ["1.234.567", "1234567"],
    ["1.234.567 kr", "1234567"],
    ["1.234,50", "1234.5"],
    ["12.000,00", "12000"],
    ["1 234.567", "1234.567"],
    ["1234.500", "1234.5"],
    ["12.5", "12.5"],
    ["0.125", "0.125"],
    ["1000.50", "1000.5"],
    ["1,234.50", "1234.5"],
    ["1,234", "1234"],
    ["12,345 kr", "12345"],
    [`1${NBSP}059${NBSP}660`, "1059660"],
    [`1${NARROW_NBSP}059${NARROW_NBSP}660${NBSP}kr`, "1059660"],
    ["  400 000  ", "400000"],
    [`\t${NBSP}400 000\n`, "400000"],
    [`${MINUS}5`, "-5"],
    ["-5", "-5"],
    ["- 1 234", "-1234"],
    ["+12", "12"],
    ["SEK 100", "100"],
    ["100 SEK", "100"],
    ["100:-", "100"],
    ["0", "0"],
    ["007", "7"],
  ])("%j is %s", (text, expected) => {
    expect(valueOf(parseNumberText(text))).toBe(expected);
  });

  test.each(["", "   ", `${NBSP}${NARROW_NBSP}`, "\n"])("%j is empty, not zero", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "empty" });
  });
});

describe("refusals", () => {
  test.each([
    ["tolv", "NOT_A_NUMBER"],
    ["12,3,4", "NOT_A_NUMBER"],
    ["1.234.56", "NOT_A_NUMBER"],
    ["1.23.456", "NOT_A_NUMBER"],
    ["1.234,5.6", "NOT_A_NUMBER"],
    ["1 234 56", "NOT_A_NUMBER"],
    ["12 34", "NOT_A_NUMBER"],
    ["1_000", "NOT_A_NUMBER"],
    ["1e5", "NOT_A_NUMBER"],
    ["0x10", "NOT_A_NUMBER"],
    ["Infinity", "NOT_A_NUMBER"],
    ["kr", "NOT_A_NUMBER"],
    ["-", "NOT_A_NUMBER"],
    ["--5", "NOT_A_NUMBER"],
    ["5-", "NOT_A_NUMBER"],
    ["12 kr 50", "NOT_A_NUMBER"],
    ["#N/A", "EXCEL_ERROR"],
    ["#VALUE!", "EXCEL_ERROR"],
    ["#REF!", "EXCEL_ERROR"],
    ["#DIV/0!", "EXCEL_ERROR"],
    ["#NAME?", "EXCEL_ERROR"],
    [" #n/a ", "EXCEL_ERROR"],
  ])("%j is refused as %s", (text, code) => {
    const parsed = parseNumberText(text);
    expect(parsed.kind).toBe("invalid");
    expect(parsed).toMatchObject({ code });
  });

  test("the refusal carries the text the user sees, for the message", () => {
    expect(parseNumberText("  tolv ")).toEqual({
      kind: "invalid",
      code: "NOT_A_NUMBER",
      text: "tolv",
    });
    expect(parseNumberText("#n/a")).toEqual({ kind: "invalid", code: "EXCEL_ERROR", text: "#N/A" });
  });
});

describe("a dot before exactly three digits is refused: it can mean thousands or decimals", () => {
  test.each([
    "400.000",
    "1.000",
    "12.000",
    "999.999",
    "400.000 kr",
    "-1.000",
    `${MINUS}12.000`,
    "SEK 400.000",
    " 400.000 ",
  ])("%j is AMBIGUOUS_DOT", (text) => {
    expect(parseNumberText(text)).toEqual({
      kind: "invalid",
      code: "AMBIGUOUS_DOT",
      text: text.trim(),
    });
  });

  test("the same text in a cell is refused too", () => {
    expect(parseNumberCell("12.000")).toMatchObject({ kind: "invalid", code: "AMBIGUOUS_DOT" });
  });

  test("the message names both readings and how to write it, in Swedish and English", () => {
    const problem = { code: "AMBIGUOUS_DOT" as const, params: { text: "400.000" } };
    expect(problemMessage(problem, "sv")).toBe(
      `400.000 kan betyda 400 eller 400${NBSP}000 – skriv 400${NBSP}000 (eller 400 om du menar det).`
    );
    expect(problemMessage(problem, "en")).toBe(
      "400.000 can mean 400 or 400,000 – write 400,000 (or 400 if that is what you mean)."
    );
    expect(problemMessage({ ...problem, params: { text: "1.500 kr" } }, "sv")).toContain(
      `kan betyda 1,5 eller 1${NBSP}500`
    );
  });

  test("its readings are exact, sign kept", () => {
    const readings = ambiguousDotReadings("-12.000 kr");
    expect(readings?.decimal.toString()).toBe("-12");
    expect(readings?.thousands.toString()).toBe("-12000");
    expect(ambiguousDotReadings("1000.50")).toBeNull();
  });
});

describe("cell values", () => {
  test("numbers are taken as they are", () => {
    expect(valueOf(parseNumberCell(459491))).toBe("459491");
    expect(valueOf(parseNumberCell(1234.5))).toBe("1234.5");
    expect(valueOf(parseNumberCell(-5))).toBe("-5");
  });

  test("null and undefined are empty cells", () => {
    expect(parseNumberCell(null)).toEqual({ kind: "empty" });
    expect(parseNumberCell(undefined)).toEqual({ kind: "empty" });
  });

  test.each([
    [true, "TRUE"],
    [false, "FALSE"],
  ])("boolean %s is not a number", (value, text) => {
    expect(parseNumberCell(value)).toEqual({ kind: "invalid", code: "NOT_A_NUMBER", text });
  });

  test.each([NaN, Infinity, -Infinity])("%s is not a number", (value) => {
    expect(parseNumberCell(value)).toMatchObject({ kind: "invalid", code: "NOT_A_NUMBER" });
  });

  test("text in a cell goes through the text rules", () => {
    expect(valueOf(parseNumberCell("1 059 660 kr"))).toBe("1059660");
    expect(parseNumberCell("tolv")).toMatchObject({ kind: "invalid", code: "NOT_A_NUMBER" });
  });
});

describe("properties", () => {
  test("any string gives empty, number or invalid, and never throws", () => {
    const pieces = fc.constantFrom(
      "1",
      "0",
      "9",
      " ",
      ",",
      ".",
      "-",
      "\u2212",
      "+",
      NBSP,
      NARROW_NBSP,
      "kr",
      "#",
      "N/A",
      "e",
      "_",
      "SEK",
      ":-"
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join(""))
    );
    fc.assert(
      fc.property(text, (raw) => {
        const parsed = parseNumberText(raw);
        expect(["empty", "number", "invalid"]).toContain(parsed.kind);
        if (parsed.kind === "number") expect(parsed.value.isFinite()).toBe(true);
        if (parsed.kind === "invalid")
          expect(["NOT_A_NUMBER", "EXCEL_ERROR", "AMBIGUOUS_DOT"]).toContain(parsed.code);
      }),
      { numRuns: 2000 }
    );
  });

  test("a text with one dot before exactly three digits never gets a value, whatever surrounds it", () => {
    const decoration = fc.constantFrom("", " ", NBSP, NARROW_NBSP, "\t");
    const sign = fc.constantFrom("", "-", MINUS, "+", "- ");
    const currency = fc.constantFrom(["", ""], ["", " kr"], ["", "kr."], ["SEK ", ""], ["", ":-"]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        decoration,
        decoration,
        sign,
        currency,
        (whole, part, before, after, minus, [prefix, suffix]) => {
          const text = `${before}${prefix}${minus}${whole}.${String(part).padStart(3, "0")}${suffix}${after}`;
          const parsed = parseNumberText(text);
          expect(parsed).toMatchObject({ kind: "invalid", code: "AMBIGUOUS_DOT" });
          expect(() =>
            problemMessage({ code: "AMBIGUOUS_DOT", params: { text } }, "sv")
          ).not.toThrow();
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("any text of digits, dots, commas and spaces never throws, and never reads an ambiguous dot", () => {
    const pieces = fc.constantFrom("1", "0", "4", "000", "123", ".", ",", " ", NBSP, "-", "kr");
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 10 }).map((p) => p.join("")),
        (raw) => {
          const parsed = parseNumberText(raw);
          if (ambiguousDotReadings(raw) !== null) {
            expect(parsed).toMatchObject({ kind: "invalid", code: "AMBIGUOUS_DOT" });
          }
          if (parsed.kind === "number") {
            // A value is given only when one dot is not a dot before exactly three digits.
            const body = raw
              .replace(/[\s\u00a0]+/g, "")
              .replace(/kr$/, "")
              .replace(/^[-+]/, "");
            expect(/^[1-9]\d{0,2}\.\d{3}$/.test(body)).toBe(false);
          }
        }
      ),
      { numRuns: 3000 }
    );
  });

  // Every size of number gets its share of runs: 1 to 3 thousands groups are where "1,234" lives.
  const magnitude = fc
    .integer({ min: 0, max: 15 })
    .chain((digits) => fc.bigInt({ min: -(10n ** BigInt(digits)), max: 10n ** BigInt(digits) }));
  const integer = magnitude.map((n) => new Decimal(n.toString()));
  const twoDecimals = magnitude.map((n) => new Decimal(n.toString()).dividedBy(100));
  const amount = fc.oneof(integer, twoDecimals);
  const lang = fc.constantFrom("sv" as const, "en" as const);

  test("whatever formatNumber shows (sv or en, with or without ' kr') reads back as the same value", () => {
    fc.assert(
      fc.property(
        amount,
        lang,
        fc.constantFrom("", " kr", `${NBSP}kr`),
        (value, language, suffix) => {
          const shown = formatNumber(value, language) + suffix;
          const parsed = parseNumberText(shown);
          expect(parsed.kind).toBe("number");
          if (parsed.kind === "number") expect(parsed.value.equals(value)).toBe(true);
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("amounts shown with two fixed decimals read back as the same value", () => {
    fc.assert(
      fc.property(twoDecimals, lang, (value, language) => {
        const parsed = parseNumberText(`${formatNumber(value, language, 2)} kr`);
        expect(parsed.kind === "number" && parsed.value.equals(value)).toBe(true);
      })
    );
  });

  test("thousands separated by narrow no-break spaces read like ordinary ones", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
        const sv = formatNumber(new Decimal(n.toString()), "sv");
        const narrow = parseNumberText(sv.replace(/\u00a0/g, NARROW_NBSP));
        const plain = parseNumberText(sv.replace(/\u00a0/g, " "));
        expect(narrow).toEqual(plain);
        expect(valueOf(plain)).toBe(n.toString());
      })
    );
  });
});
