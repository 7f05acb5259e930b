/**
 * Dates as officers have them in cells: Excel date serials, ISO text (2026-03-16), Swedish
 * text (16 mars 2026, 16/3 2026, 16.3.2026) and accounting periods (202603, 2026-03, and
 * 202613: the closing period of 2026). Dates are ISO strings ("2026-03-16"): compared as text.
 *
 * A date may carry a time ("2026-03-16 14:32", "16 mars 2026 kl. 14.32", a serial with a
 * fraction): the day is the one written, Swedish local time. With an offset
 * ("2026-03-16T23:30:00Z") it is an instant, and its day is the calendar day in Sweden
 * (Europe/Stockholm): 17 March here. Sweden's rule is computed below rather than asked of
 * Intl, whose time-zone data differs between hosts, so every host gives the same day.
 */
import type { CellValue } from "./grid";

export type IsoDate = string;

export type ParsedDate =
  | { kind: "empty" }
  | { kind: "date"; date: IsoDate }
  /** A month without a day: an accounting period; month 13 (or 14) is the year's closing. */
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

/** Periods 13 and 14: the closing periods some ledger systems (Unit4/Agresso) book after December. */
const LAST_PERIOD = 14;

function period(year: number, month: number): ParsedDate | null {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= LAST_PERIOD
    ? { kind: "period", year, month }
    : null;
}

/**
 * 202603 as a number is a period (YYYYMM), not Excel day 202 603 (in the year 2454): a
 * six-digit number is never a serial, and one that is no period (202615) is no date at all.
 */
function fromNumber(value: number): ParsedDate | null {
  if (!Number.isFinite(value)) return null;
  if (value >= 100_000 && value < 1_000_000)
    return Number.isInteger(value) ? period(Math.floor(value / 100), value % 100) : null;
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
    const date = validDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    if (date) return { kind: "date", date };
  }
  if (value >= MIN_SERIAL && value <= MAX_SERIAL)
    return { kind: "date", date: isoFromSerial(value) };
  return null;
}

/** The day written as text, without a time; null when the text is no day. */
function dayFromText(text: string): IsoDate | null {
  let m: RegExpExecArray | null;
  // 2026-03-16
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) return validDate(+m[1], +m[2], +m[3]);
  // 20260316
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return validDate(+m[1], +m[2], +m[3]);
  // 16/3 2026, 16/3/2026, 16.3.2026, 16-3-2026 (Swedish order: day first)
  if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-]| )(\d{4})$/.exec(text)))
    return validDate(+m[3], +m[2], +m[1]);
  // 16 mars 2026, 16 mar. 2026, 16:e mars 2026
  if ((m = /^(\d{1,2})(?::e|:a)? ([a-zåäö]+)\.? (\d{4})$/.exec(text))) {
    const month = MONTHS[m[2]];
    return month ? validDate(+m[3], month, +m[1]) : null;
  }
  return null;
}

/**
 * A time after the day: "T14:32", " 14:32:05", " 14.32", ", kl. 14.32", with fractions of a
 * second and an offset ("Z", "+01:00", "+0100") when there is one.
 */
const TIME_TAIL =
  /(?:t|,? (?:kl\.? ?)?)(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)? ?(z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Minutes east of UTC in an offset ("z", "+01:00", "-0500"); null when it is none (+15:00). */
function offsetMinutes(text: string): number | null {
  if (text === "z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const minutes = +m[2] * 60 + (m[3] === undefined ? 0 : +m[3]);
  if (+(m[3] ?? 0) > 59 || minutes > 14 * 60) return null;
  return m[1] === "-" ? -minutes : minutes;
}

/** A day with a time: the day written, or with an offset the Swedish day of that instant. */
function dateTimeFromText(text: string): ParsedDate | null {
  const tail = TIME_TAIL.exec(text);
  if (!tail || tail.index === 0) return null;
  const day = dayFromText(text.slice(0, tail.index));
  const [hours, minutes, seconds] = [+tail[1], +tail[2], tail[3] === undefined ? 0 : +tail[3]];
  if (day === null || hours > 23 || minutes > 59 || seconds > 59) return null;
  if (tail[4] === undefined) return { kind: "date", date: day };
  const offset = offsetMinutes(tail[4]);
  if (offset === null) return null;
  const [y, m, d] = day.split("-").map(Number);
  const instant = Date.UTC(y, m - 1, d, hours, minutes, seconds) - offset * 60_000;
  const swedish = stockholmDay(instant);
  return swedish === null ? null : { kind: "date", date: swedish };
}

function fromText(raw: string): ParsedDate | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  let m: RegExpExecArray | null;
  const day = dayFromText(text);
  if (day !== null) return { kind: "date", date: day };
  // 202603, 2026-03, 2026/03, 2026 03, 202613 (the closing period)
  if ((m = /^(\d{4})[-/ ]?(\d{2})$/.exec(text))) return period(+m[1], +m[2]);
  // mars 2026
  if ((m = /^([a-zåäö]+)\.? (\d{4})$/.exec(text))) {
    const month = MONTHS[m[1]];
    return month ? period(+m[2], month) : null;
  }
  // A number stored as text: "46097" (a serial) or "202603" handled above.
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return fromNumber(Number(text.replace(",", ".")));
  return dateTimeFromText(text);
}

const HOUR_MS = 3_600_000;

/** 00:00 UTC of the last Sunday of a month (monthIndex 0-11). */
function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/**
 * Sweden's summer time as [start, end) in UTC milliseconds, or null for a year without it.
 * Since 1996 the EU rule: last Sunday of March to last Sunday of October, both at 01:00
 * UTC; 1981-1995 it ended on the last Sunday of September; 1980 ran 6 April - 28 September.
 */
function summerTime(year: number): [number, number] | null {
  if (year < 1980) return null;
  if (year === 1980) return [Date.UTC(1980, 3, 6, 1), Date.UTC(1980, 8, 28, 1)];
  const endMonth = year <= 1995 ? 8 : 9;
  return [lastSundayUtc(year, 2) + HOUR_MS, lastSundayUtc(year, endMonth) + HOUR_MS];
}

/** Sweden's offset from UTC at an instant: 60 minutes (CET) or 120 (CEST, summer time). */
export function stockholmOffsetMinutes(utcMs: number): number {
  const summer = summerTime(new Date(utcMs).getUTCFullYear());
  return summer !== null && utcMs >= summer[0] && utcMs < summer[1] ? 120 : 60;
}

/** The calendar day in Sweden at an instant (UTC milliseconds); null outside 1900-9999. */
export function stockholmDay(utcMs: number): IsoDate | null {
  const local = new Date(utcMs + stockholmOffsetMinutes(utcMs) * 60_000);
  const year = local.getUTCFullYear();
  if (!Number.isFinite(local.getTime()) || year < 1900 || year > 9999) return null;
  return local.toISOString().slice(0, 10);
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
