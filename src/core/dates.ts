/**
 * Dates as officers have them in cells: Excel date serials, ISO text (2026-03-16), Swedish
 * text (16 mars 2026, 16/3 2026, 16.3.2026) and accounting periods (202603, 2026-03).
 * Dates are ISO strings ("2026-03-16"): compared as text, no time zone involved.
 */
import type { CellValue } from "./grid";

export type IsoDate = string;

export type ParsedDate =
  | { kind: "empty" }
  | { kind: "date"; date: IsoDate }
  /** A month without a day: an accounting period. */
  | { kind: "period"; year: number; month: number }
  | { kind: "invalid"; text: string };

/** "2026-11-25" for the user's own calendar day (not UTC's, which is yesterday after midnight in Sweden). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Excel's serial day 1 is 1900-01-01; serials count from 1899-12-30 (Excel's 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1900-03-01 to 9999-12-31: the serials that are unambiguous dates. */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465;

export function isoFromSerial(serial: number): IsoDate {
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return date.toISOString().slice(0, 10);
}

export function serialFromIso(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

function validDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

function period(year: number, month: number): ParsedDate | null {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12
    ? { kind: "period", year, month }
    : null;
}

/** 202603 as a number is a period (YYYYMM), not Excel day 202 603 (in the year 2454). */
function fromNumber(value: number): ParsedDate | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value) && value >= 190001 && value <= 999912) {
    const asPeriod = period(Math.floor(value / 100), value % 100);
    if (asPeriod) return asPeriod;
  }
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
    const date = validDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    if (date) return { kind: "date", date };
  }
  if (value >= MIN_SERIAL && value <= MAX_SERIAL)
    return { kind: "date", date: isoFromSerial(value) };
  return null;
}

function fromText(raw: string): ParsedDate | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  let m: RegExpExecArray | null;
  // 2026-03-16, 2026-03-16 10:15, 2026-03-16T10:15:00
  if (
    (m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?z?)?$/.exec(text))
  ) {
    const date = validDate(+m[1], +m[2], +m[3]);
    return date ? { kind: "date", date } : null;
  }
  // 20260316
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    const date = validDate(+m[1], +m[2], +m[3]);
    return date ? { kind: "date", date } : null;
  }
  // 202603, 2026-03, 2026/03, 2026 03
  if ((m = /^(\d{4})[-/ ]?(\d{2})$/.exec(text))) return period(+m[1], +m[2]);
  // 16/3 2026, 16/3/2026, 16.3.2026, 16-3-2026 (Swedish order: day first)
  if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-]| )(\d{4})$/.exec(text))) {
    const date = validDate(+m[3], +m[2], +m[1]);
    return date ? { kind: "date", date } : null;
  }
  // 16 mars 2026, 16 mar. 2026, 16:e mars 2026
  if ((m = /^(\d{1,2})(?::e|:a)? ([a-zåäö]+)\.? (\d{4})$/.exec(text))) {
    const month = MONTHS[m[2]];
    const date = month ? validDate(+m[3], month, +m[1]) : null;
    return date ? { kind: "date", date } : null;
  }
  // mars 2026
  if ((m = /^([a-zåäö]+)\.? (\d{4})$/.exec(text))) {
    const month = MONTHS[m[1]];
    return month ? period(+m[2], month) : null;
  }
  // A number stored as text: "46097" (a serial) or "202603" handled above.
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return fromNumber(Number(text.replace(",", ".")));
  return null;
}

export function parseDateCell(value: CellValue | undefined): ParsedDate {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number")
    return fromNumber(value) ?? { kind: "invalid", text: String(value) };
  if (value.trim() === "") return { kind: "empty" };
  return fromText(value) ?? { kind: "invalid", text: value.trim() };
}

/** "2026-03-16" typed in the pane or on the command line; null when it is not a whole date. */
export function parseIsoDate(text: string): IsoDate | null {
  const parsed = parseDateCell(text);
  return parsed.kind === "date" ? parsed.date : null;
}

/** "16 mars 2026" / "16 March 2026". */
export function formatDate(iso: IsoDate, lang: "sv" | "en"): string {
  const [y, m, d] = iso.split("-").map(Number);
  const names =
    lang === "sv"
      ? [
          "januari",
          "februari",
          "mars",
          "april",
          "maj",
          "juni",
          "juli",
          "augusti",
          "september",
          "oktober",
          "november",
          "december",
        ]
      : [
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December",
        ];
  return `${d} ${names[m - 1]} ${y}`;
}
