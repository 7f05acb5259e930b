/**
 * Finding the header row of a recipient table and which columns hold the name, the key
 * and the optional interest marks, by header text in Swedish or English.
 */
import { type CellValue, type Grid, columnIndex, gridRangeRef, isBlank } from "../../grid";
import { InputError, type Problem } from "../../problems";
import {
  ambiguousColumn,
  cellText,
  headerRowRef,
  isLetterReference,
  matchColumn,
  normaliseHeader,
  startsWithWord,
} from "../../table/columns";
import { classifyRows } from "../../table/rows";

export { cellText, normaliseHeader };

export interface TableLayout {
  /** Index into grid.values of the header row. */
  headerRow: number;
  /** Header text per grid column ("" where blank). */
  headers: string[];
  nameColumn: number;
  keyColumn: number;
  /** Columns of interest marks; a recipient is interested if any of them says yes. Empty: everyone takes part. */
  interestColumns: number[];
}

/** Header texts the user picked (CLI flags); matched case- and space-insensitively. */
export interface ColumnChoice {
  name?: string;
  key?: string;
  /** Absent: detect interest columns; empty: there are none, everyone takes part. */
  interest?: string[];
}

const NAME_WORDS = [
  "namn",
  "mottagare",
  "stadsdelsförvaltning",
  "stadsdelsnämnd",
  "stadsdel",
  "kommunnamn",
  "kommun",
  "förvaltning",
  "distrikt",
  "län",
  "region",
  "name",
  "recipient",
  "district",
  "municipality",
  "county",
];
const KEY_WORDS = [
  "fördelningsnyckel",
  "nyckeltal",
  "nyckel",
  "antal",
  "invånare",
  "befolkning",
  "folkmängd",
  "vikt",
  "key",
  "weight",
  "population",
  "residents",
  "inhabitants",
];
const INTEREST_WORDS = ["intresseanmälan", "intresserad", "intresse", "interested", "interest"];
const HEADER_SEARCH_ROWS = 20;

export const YES_MARKS = new Set([
  "x",
  "ja",
  "j",
  "yes",
  "y",
  "1",
  "true",
  "sant",
  "\u2713",
  "\u2714",
]);
export const NO_MARKS = new Set([
  "",
  "-",
  "\u2013",
  "\u2014",
  "nej",
  "n",
  "no",
  "0",
  "false",
  "falskt",
]);

/**
 * The column whose header is the best word: a header that is exactly the word wins over one
 * that goes on ("Kommun" over "Kommun nr", which holds codes, not names).
 */
function findByWords(headers: string[], words: string[], exclude: number[]): number {
  for (const word of words) {
    const open = (i: number) => !exclude.includes(i);
    const exact = headers.findIndex((h, i) => open(i) && h === word);
    if (exact >= 0) return exact;
    const index = headers.findIndex((h, i) => open(i) && startsWithWord(h, word));
    if (index >= 0) return index;
  }
  return -1;
}

/** Other columns whose header starts with the same word as the one found ("Antal …" twice). */
function sameWordColumns(
  headers: string[],
  found: number,
  words: string[],
  exclude: number[]
): number[] {
  const word = words.find((w) => startsWithWord(headers[found], w));
  if (!word) return [];
  return headers.flatMap((h, i) =>
    i !== found && !exclude.includes(i) && startsWithWord(h, word) ? [i] : []
  );
}

/**
 * The column the user named by header (or "[C]"), -1 when there is none. A header over several
 * columns adds a problem naming them, and counts as found so no other problem is added.
 */
function findByText(
  headers: string[],
  text: string,
  left: number,
  field: string,
  problems: Problem[]
): number {
  const match = matchColumn(headers, text, left);
  if (match === null) return -1;
  if ("col" in match) return match.col;
  problems.push(ambiguousColumn(field, text, match.ambiguous, left));
  return match.ambiguous[0];
}

export function interestMark(value: CellValue | undefined): "yes" | "no" | "invalid" {
  const text = typeof value === "boolean" ? String(value) : normaliseHeader(value);
  if (YES_MARKS.has(text)) return "yes";
  if (NO_MARKS.has(text)) return "no";
  return "invalid";
}

/**
 * A column of X and - marks is read as interest, as in the Stockholm paper, only when every
 * recipient row has a mark and at least one is an X: a lone X among blanks ("Ändrad sedan
 * 2023") is a note, not a filter that would give one district everything. A few other values
 * (a typo such as "x." or "?") do not stop it being one: those cells are then reported as bad
 * marks, instead of the whole column being silently ignored.
 */
function isMarkColumn(grid: Grid, recipientRows: readonly number[], col: number): boolean {
  let yes = 0;
  let marks = 0;
  let others = 0;
  for (const r of recipientRows) {
    const value = grid.values[r][col];
    if (isBlank(value)) return false;
    const mark = normaliseHeader(value);
    if (mark === "x") yes++;
    if (mark === "x" || ["-", "\u2013", "\u2014"].includes(mark)) marks++;
    else others++;
  }
  return yes > 0 && marks > others;
}

/** What detection found: the header row and the columns it could name (null where it could not). */
export interface LayoutGuess {
  headerRow: number;
  headers: string[];
  nameColumn: number | null;
  keyColumn: number | null;
  interestColumns: number[];
}

export interface LayoutDetection {
  /** Null only when no row looks like a header at all (or the range is empty). */
  guess: LayoutGuess | null;
  /** Empty when the guess is a complete layout. */
  problems: Problem[];
}

function interestColumnsOf(
  grid: Grid,
  row: number,
  headers: string[],
  taken: number[],
  chosen: string[] | undefined,
  rangeRef: string
): { columns: number[]; problems: Problem[] } {
  const columns: number[] = [];
  const problems: Problem[] = [];
  if (chosen !== undefined) {
    for (const header of chosen) {
      const col = findByText(headers, header, grid.left, "interestColumns", problems);
      if (col < 0) {
        problems.push({
          code: "COLUMN_NOT_FOUND",
          field: "interestColumns",
          params: { header, range: rangeRef },
        });
      } else if (!columns.includes(col)) columns.push(col);
    }
    return { columns, problems };
  }
  // The recipient rows, found once: a total ("Hela staden") or a footnote has no mark.
  const [nameColumn, keyColumn] = taken;
  const recipientRows =
    nameColumn < 0
      ? []
      : classifyRows(grid, {
          headerRow: row,
          labelColumns: [nameColumn],
          sumColumn: keyColumn >= 0 ? keyColumn : null,
        })
          .filter((r) => r.kind === "data" && cellText(grid.values[r.row][nameColumn]) !== "")
          .map((r) => r.row);
  headers.forEach((h, col) => {
    if (taken.includes(col)) return;
    const named = INTEREST_WORDS.some((w) => startsWithWord(h, w));
    if (named || (recipientRows.length > 0 && isMarkColumn(grid, recipientRows, col)))
      columns.push(col);
  });
  return { columns, problems };
}

/** The header the user chose is not there, or no header looks like the column. */
function missingColumn(
  field: "nameColumn" | "keyColumn",
  chosen: string | undefined,
  rangeRef: string
): Problem {
  if (chosen)
    return { code: "COLUMN_NOT_FOUND", field, params: { header: chosen, range: rangeRef } };
  const code = field === "nameColumn" ? "NAME_COLUMN_MISSING" : "KEY_COLUMN_MISSING";
  return { code, field, params: { range: rangeRef } };
}

/**
 * What a layout the user may have partly chosen still lacks: a name column, a key column,
 * or two different ones. Empty when it is a complete layout.
 */
export function layoutProblems(grid: Grid, layout: LayoutGuess): Problem[] {
  const rangeRef = headerRowRef(grid, layout.headerRow, layout.headers.length);
  const problems: Problem[] = [];
  if (layout.nameColumn === null) problems.push(missingColumn("nameColumn", undefined, rangeRef));
  if (layout.keyColumn === null) problems.push(missingColumn("keyColumn", undefined, rangeRef));
  if (layout.nameColumn !== null && layout.nameColumn === layout.keyColumn) {
    problems.push({ code: "SAME_COLUMN", field: "keyColumn" });
  }
  return problems;
}

/** The row above the first number in the column named by `letter` ("[C]"), or null. */
function rowAboveFirstNumber(grid: Grid, letter: string): number | null {
  const col = columnIndex(letter.trim().slice(1, -1)) - grid.left;
  const first = grid.values.findIndex((row) => typeof row[col] === "number");
  return first > 0 ? first - 1 : null;
}

/**
 * Finds the header row (the first of the top 20 rows naming both a name and a key column)
 * and the columns. When no row names both, the guess is the first row that names one of
 * them, with the other left null, so the pane can let the user pick it.
 */
export function guessLayout(grid: Grid, choice: ColumnChoice = {}): LayoutDetection {
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  if (
    grid.values.length === 0 ||
    width === 0 ||
    grid.values.every((row) => row.every((v) => isBlank(v)))
  ) {
    return {
      guess: null,
      problems: [{ code: "EMPTY_RANGE", params: { range: gridRangeRef(grid) }, field: "range" }],
    };
  }
  const searchRows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  let partial: LayoutDetection | null = null;
  // A column named by letter ("[C]") is there in every row, so it cannot tell the header row:
  // a key by letter puts it right above the key's first number; a name by letter leaves it
  // to the key column's header.
  const keyByLetter = isLetterReference(choice.key);
  const nameByLetter = isLetterReference(choice.name);
  const keyHeaderRow = keyByLetter ? rowAboveFirstNumber(grid, choice.key ?? "") : null;

  for (let row = 0; row < searchRows; row++) {
    if (keyHeaderRow !== null && row !== keyHeaderRow) continue;
    const headers = Array.from({ length: width }, (_, c) => normaliseHeader(grid.values[row][c]));
    if (headers.every((h) => h === "") && !keyByLetter) continue;
    const rangeRef = headerRowRef(grid, row, width);
    const problems: Problem[] = [];
    const nameColumn = choice.name
      ? findByText(headers, choice.name, grid.left, "nameColumn", problems)
      : findByWords(headers, NAME_WORDS, []);
    const keyColumn = choice.key
      ? findByText(headers, choice.key, grid.left, "keyColumn", problems)
      : findByWords(headers, KEY_WORDS, [nameColumn]);
    if (keyColumn < 0 && (nameColumn < 0 || nameByLetter)) continue;

    const shown = Array.from({ length: width }, (_, c) => cellText(grid.values[row][c]));
    const found = (col: number) => (col < 0 ? null : col);
    if (nameColumn < 0) {
      problems.push(missingColumn("nameColumn", choice.name, rangeRef));
    } else if (keyColumn < 0) {
      problems.push(missingColumn("keyColumn", choice.key, rangeRef));
    } else if (nameColumn === keyColumn) {
      problems.push({ code: "SAME_COLUMN", field: "keyColumn" });
    }
    const rivals =
      choice.key || keyColumn < 0 || problems.length > 0
        ? []
        : sameWordColumns(headers, keyColumn, KEY_WORDS, [nameColumn]);
    if (rivals.length > 0) {
      problems.push({
        code: "COLUMN_AMBIGUOUS",
        field: "keyColumn",
        params: {
          column: { sv: "nyckelkolumnen", en: "key column" },
          candidates: [keyColumn, ...rivals]
            .map((c) => `'${cellText(grid.values[row][c])}'`)
            .join(", "),
          range: rangeRef,
          flag: "--key-column",
        },
      });
    }
    const keyInUse =
      (problems.length > 0 && nameColumn === keyColumn) || rivals.length > 0
        ? null
        : found(keyColumn);
    const interest = interestColumnsOf(
      grid,
      row,
      headers,
      [nameColumn, keyColumn],
      choice.interest,
      rangeRef
    );
    const detection: LayoutDetection = {
      guess: {
        headerRow: row,
        headers: shown,
        nameColumn: found(nameColumn),
        keyColumn: keyInUse,
        interestColumns: interest.columns,
      },
      problems: [...problems, ...interest.problems],
    };
    // A row naming both columns settles it; a row naming one is kept in case no later row names both.
    if (problems.length === 0 || nameColumn === keyColumn) return detection;
    partial ??= detection;
  }
  return (
    partial ?? {
      guess: null,
      problems: [{ code: "NO_HEADER", field: "range", params: { range: gridRangeRef(grid) } }],
    }
  );
}

/** Finds the header row and the columns; throws InputError naming the range when it cannot. */
export function detectLayout(grid: Grid, choice: ColumnChoice = {}): TableLayout {
  const { guess, problems } = guessLayout(grid, choice);
  if (problems.length > 0 || !guess || guess.nameColumn === null || guess.keyColumn === null) {
    throw new InputError(problems);
  }
  return { ...guess, nameColumn: guess.nameColumn, keyColumn: guess.keyColumn };
}
