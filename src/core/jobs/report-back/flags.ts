/**
 * The checks on each ledger row. A flag is a question for the controller, not a verdict:
 * a flagged row is left out of "used" (or of income) unless the user accepts it.
 *
 * - outside_year: booked before 1 January or after 31 December of the grant year (a
 *   period such as 202512 is outside 2026 too);
 * - other_cost_centre / other_project: the grant's cost centres or projects are given and
 *   the row is on another one, or on none;
 * - disallowed: the row's text holds a word from the word list (a cost the grant may not
 *   pay for, e.g. "aktivitet");
 * - invalid: no amount, an amount that is not one, no date, no account, an account that is
 *   not a number, that no rule covers, or that is not a cost account.
 */
import type { ParsedDate } from "../../dates";
import { cellAddress, quoteSheetName } from "../../grid";
import type { Problem, ProblemCode } from "../../problems";
import { type AccountRule, CLASS_LABELS, disallowedWord } from "./categories";
import { cellCodeKey, codeKey } from "../../table/code-name";
import type { Ledger, LedgerRow } from "./ledger";

export type FlagReason =
  "outside_year" | "other_cost_centre" | "other_project" | "disallowed" | "invalid";
export const FLAG_REASONS: readonly FlagReason[] = [
  "outside_year",
  "other_cost_centre",
  "other_project",
  "disallowed",
  "invalid",
];

export interface Flag {
  reason: FlagReason;
  /** The problem, with the cell it concerns ("Huvudbok!A12" for a date outside the year). */
  problem: Problem & { cell: string };
}

export interface RowChecks {
  year: number;
  /** Keys (see codeKey) of the grant's cost centres; null or empty: not checked. */
  costCentres: ReadonlySet<string> | null;
  /** The cost centres as given, for messages ("1234, 1235"). */
  costCentresText: string;
  projects: ReadonlySet<string> | null;
  projectsText: string;
  words: readonly string[];
}

/**
 * Remembers each distinct code's and text's answer: a ledger repeats a few cost centres and
 * many texts, so a 100 000-row ledger is checked with a few thousand look-ups.
 */
export class RowCheckCache {
  private readonly costCentres = new Map<string, boolean>();
  private readonly projects = new Map<string, boolean>();
  private readonly texts = new Map<string, string | null>();
  private readonly costCentreCodes: ReadonlySet<string> | null;
  private readonly projectCodes: ReadonlySet<string> | null;

  constructor(private readonly checks: RowChecks) {
    this.costCentreCodes = withCodes(checks.costCentres);
    this.projectCodes = withCodes(checks.projects);
  }

  costCentreOk(code: string): boolean {
    let ok = this.costCentres.get(code);
    if (ok === undefined) {
      ok = matchesCode(this.costCentreCodes, code);
      this.costCentres.set(code, ok);
    }
    return ok;
  }

  projectOk(code: string): boolean {
    let ok = this.projects.get(code);
    if (ok === undefined) {
      ok = matchesCode(this.projectCodes, code);
      this.projects.set(code, ok);
    }
    return ok;
  }

  word(text: string): string | null {
    let word = this.texts.get(text);
    if (word === undefined) {
      word = disallowedWord(text, this.checks.words);
      this.texts.set(text, word);
    }
    return word;
  }
}

/** The grant's codes as given, plus the code of each given as code and name ("1234 Äldreomsorg"). */
function withCodes(keys: ReadonlySet<string> | null): ReadonlySet<string> | null {
  return keys === null ? null : new Set([...keys, ...[...keys].map(cellCodeKey)]);
}

/** A cell is the grant's when it is one of its codes, also written with a name ("P77 - Hälsosamtal"). */
function matchesCode(codes: ReadonlySet<string> | null, cell: string): boolean {
  return codes === null || codes.has(codeKey(cell)) || codes.has(cellCodeKey(cell));
}

/** "2025-12-31" or "2025-12" (a period): the date as the message shows it; null if none. */
export function dateText(date: ParsedDate): string | null {
  if (date.kind === "date") return date.date;
  if (date.kind === "period") return `${date.year}-${String(date.month).padStart(2, "0")}`;
  return null;
}

export function dateYear(date: ParsedDate): number | null {
  if (date.kind === "date") return Number(date.date.slice(0, 4));
  if (date.kind === "period") return date.year;
  return null;
}

/** Makes "Sheet!C12" references for a ledger's cells without re-quoting the sheet name each time. */
export function ledgerCellRef(ledger: Ledger): (row: number, column: number) => string {
  const prefix = `${quoteSheetName(ledger.sheet)}!`;
  const { top, left } = ledger.grid;
  return (row, column) => prefix + cellAddress(top + row, left + column);
}

/** Every flag on one row; `rule` is the account's rule (null when none covers it or no account). */
export function flagRow(
  row: LedgerRow,
  rule: AccountRule | null,
  ledger: Ledger,
  checks: RowChecks,
  ref: (row: number, column: number) => string = ledgerCellRef(ledger),
  cache: RowCheckCache = new RowCheckCache(checks)
): Flag[] {
  const flags: Flag[] = [];
  const columns = ledger.columns;
  const add = (
    reason: FlagReason,
    code: ProblemCode,
    column: number,
    params?: Record<string, string>
  ) =>
    flags.push({
      reason,
      problem: { code, cell: ref(row.row, column), ...(params && { params }) },
    });

  for (const issue of row.issues)
    add(
      "invalid",
      issue.code,
      issue.column,
      issue.text === undefined ? undefined : { text: issue.text }
    );
  if (row.account !== null) {
    if (rule === null)
      add("invalid", "FLAG_ACCOUNT_UNMAPPED", columns.account, { account: row.account });
    else if (rule.category === "none")
      flags.push({
        reason: "invalid",
        problem: {
          code: "FLAG_ACCOUNT_NOT_COST",
          cell: ref(row.row, columns.account),
          params: { account: row.account, category: CLASS_LABELS.none },
        },
      });
  }

  if (row.date.kind === "empty") add("invalid", "FLAG_DATE_MISSING", columns.date);
  else if (row.date.kind === "invalid")
    add("invalid", "FLAG_DATE_BAD", columns.date, { text: row.date.text });
  else if (dateYear(row.date) !== checks.year)
    add("outside_year", "FLAG_OUTSIDE_YEAR", columns.date, {
      date: dateText(row.date) as string,
      year: String(checks.year),
    });

  if (checks.costCentres && checks.costCentres.size > 0 && columns.costCentre !== null) {
    if (row.costCentre === "")
      add("other_cost_centre", "FLAG_COST_CENTRE_MISSING", columns.costCentre, {
        expected: checks.costCentresText,
      });
    else if (!cache.costCentreOk(row.costCentre))
      add("other_cost_centre", "FLAG_COST_CENTRE_OTHER", columns.costCentre, {
        text: row.costCentre,
        expected: checks.costCentresText,
      });
  }
  if (checks.projects && checks.projects.size > 0 && columns.project !== null) {
    if (row.project === "")
      add("other_project", "FLAG_PROJECT_MISSING", columns.project, {
        expected: checks.projectsText,
      });
    else if (!cache.projectOk(row.project))
      add("other_project", "FLAG_PROJECT_OTHER", columns.project, {
        text: row.project,
        expected: checks.projectsText,
      });
  }

  // Income is not a cost the grant pays for: the word list concerns costs only.
  if (columns.text !== null && rule?.category !== "income") {
    const word = cache.word(row.text);
    if (word !== null) add("disallowed", "FLAG_DISALLOWED", columns.text, { text: row.text, word });
  }
  return flags;
}
