/**
 * Reading numbers from cells as finance officers type them: real numbers, numbers stored
 * as text ("459 491", "1 059 660 kr", "1 234,50"), with ordinary, no-break and narrow
 * no-break spaces as thousands separators. Anything else is refused, never guessed.
 *
 * The dot. Many Swedish users write a dot between thousands ("400.000" for four hundred
 * thousand); English sources and Excel's own text use it as the decimal point. So:
 * - one dot followed by exactly three digits, after one to three digits not starting with 0
 *   ("400.000", "1.000", "-12.000 kr"), has two readings and is refused as AMBIGUOUS_DOT,
 *   with both readings in the message;
 * - dots between groups of three where only thousands fit are thousands: two or more dots
 *   ("1.234.567"), or a dot group followed by a decimal comma ("1.234,50");
 * - any other single dot is the decimal point: "1000.50", "1234.500", "0.125", "12.5".
 */
import { Decimal } from "./money";
import type { CellValue } from "./grid";
import type { ProblemCode } from "./problems";

export type ParsedNumber =
  | { kind: "empty" }
  | { kind: "number"; value: Decimal }
  | { kind: "invalid"; code: ProblemCode; text: string };

const EXCEL_ERROR =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;
/** Space, no-break space, narrow no-break space, thin space, figure space. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const CURRENCY_SUFFIX = /(?:kr\.?|kronor|sek|:-)$/i;
const CURRENCY_PREFIX = /^sek/i;
/** Swedish: "1234", "1 234", "1 234,50", "1234.50" (spaces already collapsed to one " "). */
const SWEDISH = /^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d+))?$/;
/**
 * English with thousands commas: "1,234,567", "1,234.50", and "1,234" (as formatNumber writes
 * 1234 in English: read as a thousand, not as 1.234 with three decimals, because amounts have
 * at most two decimals and keys are counts). "1,5", "1,50" and "0,125" stay Swedish decimals.
 */
const ENGLISH = /^\d{1,3}(?:,\d{3})+\.\d+$|^\d{1,3}(?:,\d{3}){2,}$|^[1-9]\d{0,2},\d{3}$/;
/** Dots between thousands, where no decimal reading exists: "1.234.567", "1.234,50". */
const DOT_GROUPS = /^(\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.\d{3}(?=,))(?:,(\d+))?$/;
/** "400.000": 400 with three decimals, or 400 000 with a thousands dot. */
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;

export function parseNumberCell(value: CellValue | undefined): ParsedNumber {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      return { kind: "invalid", code: "NOT_A_NUMBER", text: String(value) };
    return { kind: "number", value: new Decimal(value) };
  }
  if (typeof value === "boolean") {
    return { kind: "invalid", code: "NOT_A_NUMBER", text: value ? "TRUE" : "FALSE" };
  }
  return parseNumberText(value);
}

export function parseNumberText(raw: string): ParsedNumber {
  const text = raw.replace(SPACES, " ").trim();
  if (text === "") return { kind: "empty" };
  if (EXCEL_ERROR.test(text))
    return { kind: "invalid", code: "EXCEL_ERROR", text: text.toUpperCase() };

  const { body, negative } = numberBody(text);
  if (AMBIGUOUS_DOT.test(body)) return { kind: "invalid", code: "AMBIGUOUS_DOT", text };

  let digits: string | null = null;
  const swedish = SWEDISH.exec(body);
  const dotGroups = DOT_GROUPS.exec(body);
  if (ENGLISH.test(body)) {
    digits = body.replace(/,/g, "");
  } else if (dotGroups) {
    digits =
      dotGroups[1].replace(/\./g, "") + (dotGroups[2] !== undefined ? `.${dotGroups[2]}` : "");
  } else if (swedish) {
    digits = swedish[1].replace(/ /g, "") + (swedish[2] !== undefined ? `.${swedish[2]}` : "");
  }
  if (digits === null) return { kind: "invalid", code: "NOT_A_NUMBER", text };
  const parsed = new Decimal(digits);
  return { kind: "number", value: negative ? parsed.negated() : parsed };
}

/** The text without currency and sign: "-400.000 kr" -> "400.000", negative. */
function numberBody(text: string): { body: string; negative: boolean } {
  let body = text.replace(CURRENCY_SUFFIX, "").replace(CURRENCY_PREFIX, "").trim();
  let negative = false;
  if (/^[-\u2212+]/.test(body)) {
    negative = body[0] !== "+";
    body = body.slice(1).trim();
  }
  return { body, negative };
}

/**
 * The two readings of a text refused as AMBIGUOUS_DOT ("400.000" -> 400 and 400 000), for
 * the message; null for any other text.
 */
export function ambiguousDotReadings(raw: string): { decimal: Decimal; thousands: Decimal } | null {
  const { body, negative } = numberBody(raw.replace(SPACES, " ").trim());
  if (!AMBIGUOUS_DOT.test(body)) return null;
  const sign = (value: Decimal) => (negative ? value.negated() : value);
  return {
    decimal: sign(new Decimal(body)),
    thousands: sign(new Decimal(body.replace(".", ""))),
  };
}

/** Amounts of money have at most two decimals (kronor and öre). */
export const MONEY_DECIMALS = 2;

export type AmountInput =
  | { ok: true; value: Decimal }
  | { ok: false; code: "AMBIGUOUS_DOT" | "NOT_A_NUMBER" | "TOO_MANY_DECIMALS"; text: string };

/**
 * An amount typed in the pane or on the command line (a pot, a reserve, a floor, the amount
 * received): a number with at most two decimals. The one rule for every job's amount
 * inputs, so "400.000" is refused the same way everywhere, with both of its readings
 * (AMBIGUOUS_DOT's message names them). The sign and the size are each job's to check.
 */
export function parseAmountInput(value: string | number): AmountInput {
  const parsed = typeof value === "number" ? parseNumberCell(value) : parseNumberText(value);
  const text = String(value).trim();
  if (parsed.kind === "invalid" && parsed.code === "AMBIGUOUS_DOT")
    return { ok: false, code: "AMBIGUOUS_DOT", text };
  if (parsed.kind !== "number") return { ok: false, code: "NOT_A_NUMBER", text };
  if (parsed.value.decimalPlaces() > MONEY_DECIMALS)
    return { ok: false, code: "TOO_MANY_DECIMALS", text };
  return { ok: true, value: parsed.value };
}
