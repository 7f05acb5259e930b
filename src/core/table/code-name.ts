/**
 * A cell that holds a code and a name, as ledger systems and agencies print them:
 * "1234 Äldreomsorg Norr", "P77 - Hälsosamtal", "0180 Stockholm", "Stockholm (0180)".
 * Such a cell stands for its code: every job matches cost centres, projects and recipients
 * by that code, so "1234 Äldreomsorg Norr" is cost centre 1234.
 *
 * A code is one token holding a digit ("1234", "P77", "HS-26"); a name starts with a letter.
 * A cell with no digit in its first token ("Hs 26", "Område 3") is not split: it is one code
 * or one name as it stands.
 */

export interface CodeAndName {
  /** As written ("0180", "P77"). */
  code: string;
  name: string;
}

/** Code, then a space, a dash or a colon (or, for a code of digits, nothing), then the name. */
const LEADING =
  /^((?=[\p{L}\d])[\p{L}\d._/-]*\d[\p{L}\d._/-]*?)(?:\s*[-\u2010-\u2015:]\s*|\s+)(\p{L}.*)$/u;
const DIGITS_THEN_NAME = /^(\d+)(\p{L}.*)$/u;
/** The name, then the code in brackets: "Stockholm (0180)". */
const TRAILING = /^(.*\p{L}.*?)\s*\(\s*([\p{L}\d][\p{L}\d._/-]*)\s*\)$/u;

const hasDigit = (text: string) => /\d/.test(text);

function oneLine(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** The code and name of a cell that holds both; null when it holds one of them (or neither). */
export function splitCodeName(text: string): CodeAndName | null {
  const line = oneLine(text);
  const leading = LEADING.exec(line) ?? DIGITS_THEN_NAME.exec(line);
  if (leading && hasDigit(leading[1])) return { code: leading[1], name: leading[2].trim() };
  const trailing = TRAILING.exec(line);
  if (trailing && hasDigit(trailing[2])) return { code: trailing[2], name: trailing[1].trim() };
  return null;
}

/**
 * How codes are compared: spaces collapsed, case ignored, and a code of digits without its
 * leading zeros ("0180" is 180: a spreadsheet drops them from a number).
 */
export function codeKey(text: string): string {
  const key = oneLine(text).toLowerCase();
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, "") : key;
}

/** The key of the code a cell stands for: its code part when it holds code and name, else all of it. */
export function cellCodeKey(text: string): string {
  const split = splitCodeName(text);
  return codeKey(split ? split.code : text);
}
