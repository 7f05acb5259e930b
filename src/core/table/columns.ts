/**
 * Finding a table's header row and its columns from a per-job column spec: each column
 * has header words in Swedish and English, is required or optional, and has a type. The
 * same detection serves every job; a job only declares its columns.
 *
 * A header matches a word when it starts with that word as a whole word ("Antal 80+"
 * matches "antal", "Kommunkod" does not match "kommun"). Earlier words rank higher. When
 * two columns match a column's best word equally, detection does not guess: it reports
 * the candidates (the pane asks, the runner names its flag).
 */
import {
  type CellValue,
  type Grid,
  columnIndex,
  columnLetter,
  gridRangeRef,
  isBlank,
  quoteSheetName,
  rangeAddress,
} from "../grid";
import type { Field, Localised, Problem } from "../problems";

export type ColumnType = "text" | "number" | "date" | "mark" | "code";

export interface ColumnSpec<Id extends string = string> {
  id: Id;
  /** What the column is called in messages ("nyckelkolumn" / "key column"). */
  label: Localised;
  /** Header words, lower case, best first; Swedish and English in one list. */
  words: readonly string[];
  required: boolean;
  type: ColumnType;
  /** The runner's flag that names this column, e.g. "--key-column". */
  flag?: string;
}

/** Header texts the user picked, per column id; "" means "none" for an optional column. */
export type ColumnChoice<Id extends string = string> = Partial<Record<Id, string>>;

export interface ColumnMatch<Id extends string = string> {
  /** Index into grid.values of the header row. */
  headerRow: number;
  /** Header text per grid column as shown ("" where blank). */
  headers: string[];
  /** "Blad1!A3:F3": the header row, for messages. */
  headerRef: string;
  /** Grid column index per column id found. */
  columns: Partial<Record<Id, number>>;
  /** Where more than one column could be the column: all of them (the first is in `columns`). */
  candidates: Partial<Record<Id, number[]>>;
}

export interface ColumnDetection<Id extends string = string> {
  /** Null only when no row looks like a header (or the range is empty). */
  match: ColumnMatch<Id> | null;
  /** Empty when every required column is found once and nothing is ambiguous. */
  problems: Problem[];
}

const HEADER_SEARCH_ROWS = 20;

/**
 * A hyphen at a line break: "Stadsdels-\nförvaltning" is one word split by hyphenation, so the
 * hyphen goes; "Hässelby-\nVällingby" is a name with a real hyphen (the next part starts with a
 * capital), so the hyphen stays.
 */
function joinHyphenatedBreaks(text: string): string {
  return text.replace(/-[^\S\r\n]*[\r\n]+\s*(\p{Lu})?/gu, (_, capital: string | undefined) =>
    capital ? `-${capital}` : ""
  );
}

/** Lower case, hyphenated line breaks joined, spaces collapsed: how headers are compared. */
export function normaliseHeader(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return joinHyphenatedBreaks(String(value).normalize("NFC"))
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

/** A column as the user named it: found, ambiguous (the candidates), or not there. */
export type HeaderMatch = { col: number } | { ambiguous: number[] } | null;

const LETTER_REFERENCE = /^\[([A-Za-z]{1,3})\]$/;

/** Whether `text` names a column by its letter ("[C]") rather than by a header. */
export function isLetterReference(text: string | undefined): boolean {
  return text !== undefined && LETTER_REFERENCE.test(text.trim());
}

/**
 * The column `text` names among `headers` (grid columns, the grid starting at sheet column
 * `left`): by its header, compared as normaliseHeader does, or as "[C]" by its sheet letter,
 * which is how a header standing over several columns ("Antal" under 65+ and under 80+) is
 * told apart. Such a header by its text is ambiguous: never silently the first of them.
 */
export function matchColumn(
  headers: readonly (string | null)[],
  text: string,
  left: number
): HeaderMatch {
  const letter = LETTER_REFERENCE.exec(text.trim());
  if (letter) {
    const col = columnIndex(letter[1].toUpperCase()) - left;
    return col >= 0 && col < headers.length ? { col } : null;
  }
  const wanted = normaliseHeader(text);
  const found: number[] = [];
  headers.forEach((header, col) => {
    if (normaliseHeader(header) === wanted) found.push(col);
  });
  if (found.length === 0) return null;
  return found.length === 1 ? { col: found[0] } : { ambiguous: found };
}

/** The problem for an ambiguous header: the columns it stands over, and how to name one. */
export function ambiguousColumn(
  field: Field,
  header: string,
  columns: readonly number[],
  left: number
): Problem {
  const letters = columns.map((c) => columnLetter(left + c));
  return {
    code: "HEADER_AMBIGUOUS",
    field,
    params: { header, columns: letters.join(", "), first: letters[0] },
  };
}

/**
 * How a column is named so that the runner finds exactly it again: its header when no other
 * column has the same (and it is not blank or itself like "[C]"), else "[C]", its sheet letter.
 */
export function columnName(headers: readonly (string | null)[], col: number, left: number): string {
  const header = headers[col] ?? "";
  // A header that reads like "[C]" would be taken for a letter: name its column by letter.
  const plain = header.trim() !== "" && !LETTER_REFERENCE.test(header.trim());
  const match = plain ? matchColumn(headers, header, left) : null;
  return match && "col" in match ? header : `[${columnLetter(left + col)}]`;
}

/** A cell's text as shown in one line. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return joinHyphenatedBreaks(String(value))
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

export function startsWithWord(header: string, word: string): boolean {
  return header === word || (header.startsWith(word) && !/\p{L}/u.test(header.charAt(word.length)));
}

/**
 * Rank of the best word a header matches (lower is better): exactly the word ranks above the
 * word followed by more ("Kommun" above "Kommun nr"), so those two are no ambiguity.
 */
function wordRank(header: string, words: readonly string[]): number {
  if (header === "") return -1;
  const index = words.findIndex((word) => startsWithWord(header, word));
  if (index < 0) return -1;
  return index * 2 + (header === words[index] ? 0 : 1);
}

export function gridWidth(grid: Grid): number {
  let width = 0;
  for (const row of grid.values) if (row.length > width) width = row.length;
  return width;
}

export function headerRowRef(grid: Grid, row: number, width: number): string {
  return `${quoteSheetName(grid.sheet)}!${rangeAddress({
    top: grid.top + row,
    left: grid.left,
    bottom: grid.top + row,
    right: grid.left + Math.max(width, 1) - 1,
  })}`;
}

interface RowAttempt<Id extends string> {
  match: ColumnMatch<Id>;
  problems: Problem[];
  /** Required columns found (chosen or detected, ambiguous counts as found). */
  found: number;
}

function attemptRow<Id extends string>(
  grid: Grid,
  row: number,
  width: number,
  spec: readonly ColumnSpec<Id>[],
  choice: ColumnChoice<Id>
): RowAttempt<Id> | null {
  const normalised = Array.from({ length: width }, (_, c) => normaliseHeader(grid.values[row][c]));
  if (normalised.every((h) => h === "")) return null;
  const headerRef = headerRowRef(grid, row, width);
  const columns: Partial<Record<Id, number>> = {};
  const candidates: Partial<Record<Id, number[]>> = {};
  const problems: Problem[] = [];
  const taken = new Set<number>();
  let found = 0;
  let anyMatch = false;

  // Chosen columns first, so detection never takes a column the user gave to another.
  for (const column of spec) {
    const chosen = choice[column.id];
    if (chosen === undefined || chosen === "") continue;
    // By header, or by letter ("[D]"); a header over several columns is never the first of them.
    const matched = matchColumn(normalised, chosen, grid.left);
    if (matched && "ambiguous" in matched) {
      problems.push(ambiguousColumn(column.id, chosen, matched.ambiguous, grid.left));
      continue;
    }
    const index = matched ? matched.col : -1;
    if (index < 0) {
      problems.push({
        code: "COLUMN_NOT_FOUND",
        field: column.id,
        params: { header: chosen, range: headerRef },
      });
      continue;
    }
    if (taken.has(index)) {
      problems.push({ code: "SAME_COLUMN_TWICE", field: column.id, params: { header: chosen } });
      continue;
    }
    columns[column.id] = index;
    taken.add(index);
    // A letter names its column on every row: it is evidence of the header row only where
    // that row has a header there (so a title row above is never taken for the header).
    if (
      isLetterReference(chosen) &&
      (typeof grid.values[row][index] !== "string" || normalised[index] === "")
    )
      continue;
    anyMatch = true;
    if (column.required) found++;
  }

  for (const column of spec) {
    if (choice[column.id] !== undefined) continue;
    let best = -1;
    let matches: number[] = [];
    normalised.forEach((header, index) => {
      if (taken.has(index)) return;
      const rank = wordRank(header, column.words);
      if (rank < 0) return;
      if (best < 0 || rank < best) {
        best = rank;
        matches = [index];
      } else if (rank === best) matches.push(index);
    });
    if (matches.length === 0) {
      if (column.required) {
        problems.push({
          code: "COLUMN_MISSING",
          field: column.id,
          params: { column: column.label, examples: examples(column), range: headerRef },
        });
      }
      continue;
    }
    anyMatch = true;
    if (column.required) found++;
    columns[column.id] = matches[0];
    taken.add(matches[0]);
    if (matches.length > 1) {
      candidates[column.id] = matches;
      for (const index of matches) taken.add(index);
      problems.push({
        code: "COLUMN_AMBIGUOUS",
        field: column.id,
        params: {
          column: column.label,
          candidates: matches.map((c) => `'${cellText(grid.values[row][c])}'`).join(", "),
          range: headerRef,
          flag: column.flag ?? "",
        },
      });
    }
  }
  if (!anyMatch) return null;
  const headers = Array.from({ length: width }, (_, c) => cellText(grid.values[row][c]));
  return { match: { headerRow: row, headers, headerRef, columns, candidates }, problems, found };
}

function examples(column: ColumnSpec): Localised {
  const shown = column.words.slice(0, 3).map((w) => `'${w.charAt(0).toUpperCase()}${w.slice(1)}'`);
  return { sv: shown.join(", "), en: shown.join(", ") };
}

/**
 * Finds the header row: the first of the top 20 rows where every required column is found;
 * failing that, the row that found the most, with a problem per missing column, so the pane
 * can let the user pick them.
 */
export function detectColumns<Id extends string>(
  grid: Grid,
  spec: readonly ColumnSpec<Id>[],
  choice: ColumnChoice<Id> = {}
): ColumnDetection<Id> {
  const width = gridWidth(grid);
  if (width === 0 || grid.values.every((row) => row.every((v) => isBlank(v)))) {
    return {
      match: null,
      problems: [{ code: "EMPTY_RANGE", field: "range", params: { range: gridRangeRef(grid) } }],
    };
  }
  const required = spec.filter((c) => c.required).length;
  let best: RowAttempt<Id> | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    const attempt = attemptRow(grid, row, width, spec, choice);
    if (!attempt) continue;
    if (attempt.found === required) return { match: attempt.match, problems: attempt.problems };
    if (!best || attempt.found > best.found) best = attempt;
  }
  if (best) return { match: best.match, problems: best.problems };
  return {
    match: null,
    problems: [
      {
        code: "HEADER_NOT_FOUND",
        field: "range",
        params: {
          range: gridRangeRef(grid),
          columns: {
            sv: spec
              .filter((c) => c.required)
              .map((c) => `${c.label.sv} (${examples(c).sv})`)
              .join("; "),
            en: spec
              .filter((c) => c.required)
              .map((c) => `${c.label.en} (${examples(c).en})`)
              .join("; "),
          },
        },
      },
    ],
  };
}
