/**
 * The run log ("Körlogg"): one row per output written, so an auditor can see what was
 * done and re-run it years later from the workbook alone. Each row holds the date and time,
 * the job, the source range (and any other range the run read, such as last year's sheet),
 * the runner command line that reproduces the result, the number of recipients, a SHA-256 of
 * all the input values read (a changed input shows as a different checksum), the total
 * written and a SHA-256 of the result (name and amount per row).
 *
 * The sheet is owned (OutputJob "runlog"); each write rebuilds it from the previous log's
 * values plus the new row, so rows are only ever appended.
 */
import { type CellValue, type Grid, gridRangeRef } from "./grid";
import { type Decimal } from "./money";
import type { Lang } from "./problems";
import { sha256 } from "./sha256";
import type { SheetModel } from "./sheets/sheet-model";
import { SheetBuilder, num, text, wrappedRowHeights } from "./sheets/builder";

export interface RunLogEntry {
  /** Local date and time, "2026-11-25 15:40:12". */
  time: string;
  /** The runner command's name, e.g. "allocate". */
  job: string;
  /**
   * "Blad1!A1:D14": the range the input values were read from; with more than one (last
   * year's sheet), all of them in the order read, joinSources.
   */
  source: string;
  /** The runner command line that reproduces the result. */
  commandLine: string;
  recipients: number;
  /** sha256Inputs of the values of every range in `source`. */
  inputSha256: string;
  /** What the output's total is (the pot), exact. */
  total: Decimal;
  /** sha256 of the result: resultDigestText of the rows written. */
  resultSha256: string;
}

/** A logged row as read back: the entry's fields, the total as written, and its number. */
export type RunLogRow = Omit<RunLogEntry, "total"> & { nr: number; total: string };

export const RUN_LOG_SHEET_NAME: Record<Lang, string> = { sv: "Körlogg", en: "Run log" };

const HEADERS: Record<Lang, string[]> = {
  sv: [
    "Nr",
    "Tidpunkt",
    "Jobb",
    "Källområde",
    "Kommandorad (återskapar resultatet)",
    "Mottagare",
    "SHA-256 av indata",
    "Summa skriven",
    "SHA-256 av resultatet",
  ],
  en: [
    "No.",
    "Date and time",
    "Job",
    "Source range",
    "Command line (reproduces the result)",
    "Recipients",
    "SHA-256 of input",
    "Total written",
    "SHA-256 of result",
  ],
};
const WIDTH = 9;

/**
 * One cell as the checksum sees it, whichever reader produced it: empty "", a number in
 * JavaScript's shortest form, TRUE/FALSE, text as it is.
 */
function canonicalCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/**
 * The text the input checksum is taken of: rows joined by line feeds, cells by tabs, with
 * empty cells at the ends of rows and empty rows at the end left out (readers differ in
 * how far they think a sheet is used). Tabs and line feeds inside cells are escaped.
 */
export function canonicalValues(values: readonly (readonly CellValue[])[]): string {
  const lines = values.map((row) => {
    const cells = row.map((v) =>
      canonicalCell(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\r?\n/g, "\\n")
    );
    let end = cells.length;
    while (end > 0 && cells[end - 1] === "") end--;
    return cells.slice(0, end).join("\t");
  });
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  return lines.slice(0, end).join("\n");
}

/** The values of one range, as a checksum takes them. */
type Values = readonly (readonly CellValue[])[];

/** SHA-256 of the input values read (canonicalValues). */
export function sha256Values(values: Values): string {
  return sha256(canonicalValues(values));
}

/**
 * SHA-256 of every range a run read, in the order read (the source range first). One range:
 * its sha256Values, so rows logged before runs read more than one range still verify. More:
 * the SHA-256 of the ranges' sha256Values, each followed by a line feed. The digests are 64
 * hex digits each, so no cell text can move the boundary between two ranges; and the text
 * ends in a line feed, which canonicalValues never does, so it is never one range's text.
 */
export function sha256Inputs(grids: readonly Values[]): string {
  if (grids.length === 0) throw new RangeError("sha256Inputs needs at least one range");
  if (grids.length === 1) return sha256Values(grids[0]);
  return sha256(grids.map((values) => `${sha256Values(values)}\n`).join(""));
}

const SOURCE_SEPARATOR = "; ";

/** "Blad1!A1:D14; 'Fördelning 2025'!A1:F20": the ranges a run read, for Källområde. */
export function joinSources(refs: readonly string[]): string {
  return refs.join(SOURCE_SEPARATOR);
}

/**
 * The ranges of a logged Källområde, in order: split at ";" outside the quotes of a sheet
 * name (Excel allows ";" in sheet names, and quoteSheetName quotes such names). A row
 * logged with one range gives that range.
 */
export function splitSources(source: string): string[] {
  const refs: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    // A doubled '' inside a quoted name toggles twice: still quoted.
    if (source[i] === "'") quoted = !quoted;
    else if (source[i] === ";" && !quoted) {
      refs.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  refs.push(source.slice(start).trim());
  return refs.filter((ref) => ref !== "");
}

/**
 * The source and input checksum of a log entry for the grids a run read, in the order read:
 * each grid's whole range, so a rerun reads exactly what was checksummed.
 */
export function loggedInput(grids: readonly Grid[]): Pick<RunLogEntry, "source" | "inputSha256"> {
  return {
    source: joinSources(grids.map(gridRangeRef)),
    inputSha256: sha256Inputs(grids.map((grid) => grid.values)),
  };
}

/** The text the result checksum is taken of: "name<TAB>amount" per row, in order. */
export function resultDigestText(rows: readonly { name: string; amount: string }[]): string {
  return rows.map((r) => `${r.name}\t${r.amount}`).join("\n");
}

export function sha256Result(rows: readonly { name: string; amount: string }[]): string {
  return sha256(resultDigestText(rows));
}

/** "2026-11-25 15:40:12" from a Date, in local time. */
export function logTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

const cellString = (value: CellValue | undefined) =>
  value === null || value === undefined ? "" : String(value);

function isHeaderRow(row: readonly CellValue[] | undefined): boolean {
  const first = cellString(row?.[0]).trim();
  return first === HEADERS.sv[0] || first === HEADERS.en[0];
}

/** The logged rows of a previous log's values (header row first); [] for no log. */
export function readRunLog(values: readonly (readonly CellValue[])[] | null): RunLogRow[] {
  if (!values) return [];
  const start = values.findIndex((row) => isHeaderRow(row));
  if (start < 0) return [];
  const rows: RunLogRow[] = [];
  for (const row of values.slice(start + 1)) {
    const nr = Number(cellString(row[0]));
    if (!Number.isInteger(nr) || nr <= 0) continue;
    rows.push({
      nr,
      time: cellString(row[1]),
      job: cellString(row[2]),
      source: cellString(row[3]),
      commandLine: cellString(row[4]),
      recipients: Number(cellString(row[5])),
      inputSha256: cellString(row[6]),
      total: cellString(row[7]),
      resultSha256: cellString(row[8]),
    });
  }
  return rows;
}

/**
 * The whole log sheet: the previous log's rows (kept as they were) and `entry` appended as
 * the next number. `previous` is the owned log sheet's values, or null when there is none.
 */
export function runLogSheet(
  previous: readonly (readonly CellValue[])[] | null,
  entry: RunLogEntry,
  lang: Lang
): SheetModel {
  const old = readRunLog(previous);
  const b = new SheetBuilder(WIDTH);
  const header = b.header(HEADERS[lang], [0, 5, 7]);
  const line = (row: RunLogRow) =>
    b.add([
      num(row.nr),
      text(row.time),
      text(row.job),
      text(row.source),
      text(row.commandLine),
      num(row.recipients),
      text(row.inputSha256),
      Number.isFinite(Number(row.total)) && row.total !== ""
        ? num(Number(row.total))
        : text(row.total),
      text(row.resultSha256),
    ]);
  for (const row of old) line(row);
  const nr = old.reduce((max, r) => Math.max(max, r.nr), 0) + 1;
  line({ ...entry, nr, total: entry.total.toFixed() });
  const last = b.next - 1;
  b.format(7, header + 1, last, entry.total.isInteger() ? "#,##0" : "#,##0.00");
  // The command line and the checksums wrap in their columns, so a printed or PDF log keeps
  // every column on one landscape page width at a readable size.
  const wrapped = [4, 6, 8];
  for (const col of wrapped)
    b.style({ top: header + 1, left: col, bottom: last, right: col, wrapText: true });
  const model = b.build(
    RUN_LOG_SHEET_NAME[lang],
    { top: header, left: 0, bottom: last, right: WIDTH - 1 },
    { max: { 4: 56, 6: 34, 8: 34 } },
    { landscape: true, fitToPagesWide: 1 }
  );
  return { ...model, rowHeights: wrappedRowHeights(model, wrapped, header + 1) };
}

/** A shell word as the runner's users type it: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[\p{L}\p{N}_\-.,/=:+@%]+$/u.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}

/**
 * Splits a logged command line back into words: single quotes keep everything, double
 * quotes keep all but \" and \\, a backslash outside quotes escapes the next character.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new RangeError("unclosed ' in command line");
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) i++;
        word += line[i++];
      }
      if (i >= line.length) throw new RangeError('unclosed " in command line');
      inWord = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
