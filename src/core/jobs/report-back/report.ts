/**
 * The report-back use case: one ledger per district (or one for the whole), the amount
 * received and the grant year -> used per category, total used, unused (to be repaid),
 * own funding (an overspend, never a negative "unused"), income shown apart, and every
 * flagged row with its cell and reason.
 *
 * Sums are whole öre in safe integers (flushed into a BigInt long before 2^53), turned into
 * Decimal once per total: exact to the öre for any ledger.
 */
import type { Grid } from "../../grid";
import { parseReference, quoteSheetName } from "../../grid";
import { Decimal, ZERO } from "../../money";
import { parseAmountInput } from "../../parse";
import { InputError, type Problem } from "../../problems";
import {
  type AccountMapping,
  type AccountRule,
  type Category,
  CATEGORIES,
  DEFAULT_WORDS,
  accountClassifier,
  defaultMapping,
  normaliseWord,
} from "./categories";
import type { ColumnChoice } from "../../table/columns";
import type { LedgerColumnId } from "./columns";
import { type Flag, RowCheckCache, type RowChecks, flagRow, ledgerCellRef } from "./flags";
import { type Ledger, type LedgerRow, codeKey, readLedger } from "./ledger";
import { negativeWarnings, unusedOf } from "./negatives";

/** What the user typed in the pane or on the command line, before validation. */
export interface ReportRequest {
  received: string | number;
  year: string | number;
  costCentres?: readonly string[];
  projects?: readonly string[];
  /** Cells ("Huvudbok!F12") or ranges whose rows' flags the user accepts. */
  accept?: readonly string[];
  /** The ledger columns the user chose, by header or by letter ("[F]"), for every ledger. */
  columns?: ColumnChoice<LedgerColumnId>;
}

/** What a row counts towards when it is included. */
export type LineKind = Category | "income";

/** One included ledger row: the detail line an auditor follows back to the ledger. */
export interface ReportLine {
  /** Index into ReportResult.ledgers. */
  ledger: number;
  row: LedgerRow;
  kind: LineKind;
  /** Whole öre, as in the ledger (a credit is negative). */
  amount: number;
  /** Included because the user accepted its flags. */
  accepted: boolean;
}

export interface FlaggedRow {
  ledger: number;
  row: LedgerRow;
  flag: Flag;
  accepted: boolean;
  /** Accepted and counted; false when accepted but nothing can be counted (no amount or account). */
  counted: boolean;
}

export interface Totals {
  used: Record<Category, Decimal>;
  totalUsed: Decimal;
  /** Income as a positive amount (ledgers book it as a credit). */
  income: Decimal;
}

export interface DistrictTotals extends Totals {
  /** The ledger's sheet name. */
  name: string;
}

export interface ReportResult extends Totals {
  year: number;
  received: Decimal;
  unused: Decimal;
  ownFunding: Decimal;
  costCentres: string[];
  projects: string[];
  ledgers: Ledger[];
  districts: DistrictTotals[];
  lines: ReportLine[];
  flagged: FlaggedRow[];
  /** What the controller should check but is no error: a negative category or total. */
  warnings: Problem[];
  mapping: AccountMapping;
  words: string[];
}

/** Whole öre summed exactly: a number while it is safely small, a BigInt beyond. */
export class OreSum {
  private small = 0;
  private big = BigInt(0);

  add(ore: number): void {
    this.small += ore;
    if (this.small > 4e15 || this.small < -4e15) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }

  kronor(): Decimal {
    return new Decimal((this.big + BigInt(this.small)).toString()).dividedBy(100);
  }
}

export interface ReportParameters {
  received: Decimal;
  year: number;
}

/** Validates the amount received and the grant year; problems name the field. */
export function readReportParameters(request: ReportRequest): {
  parameters: ReportParameters | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  let received: Decimal | null = null;
  const receivedText = String(request.received ?? "").trim();
  if (receivedText === "") problems.push({ code: "REPORT_RECEIVED_MISSING", field: "received" });
  else {
    const parsed = parseAmountInput(request.received);
    // "100.000" reads two ways: its own problem names both, as for every job's amounts.
    if (!parsed.ok && parsed.code === "AMBIGUOUS_DOT")
      problems.push({ code: "AMBIGUOUS_DOT", field: "received", params: { text: parsed.text } });
    else if (!parsed.ok || parsed.value.isNegative())
      problems.push({
        code: "REPORT_RECEIVED_BAD",
        field: "received",
        params: { text: receivedText },
      });
    else received = parsed.value.plus(0);
  }
  const yearText = String(request.year ?? "").trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 1900 && year <= 9999))
    problems.push({ code: "REPORT_YEAR_BAD", field: "year", params: { text: yearText } });
  return {
    parameters: received !== null && problems.length === 0 ? { received, year } : null,
    problems,
  };
}

function codeSet(codes: readonly string[] | undefined): {
  keys: Set<string> | null;
  list: string[];
  text: string;
} {
  const list = (codes ?? []).map((c) => c.trim()).filter((c) => c !== "");
  return {
    keys: list.length === 0 ? null : new Set(list.map(codeKey)),
    list,
    text: list.join(", "),
  };
}

/** "Huvudbok!F12" or "Huvudbok!F12:F14" -> the rows (per sheet, lower-cased) the user accepts. */
function readAccepts(
  accept: readonly string[],
  ledgers: readonly Ledger[]
): { rows: Map<string, { text: string; used: boolean }[]>; problems: Problem[] } {
  const rows = new Map<string, { text: string; used: boolean }[]>();
  const problems: Problem[] = [];
  for (const raw of accept) {
    const text = raw.trim();
    let parsed: ReturnType<typeof parseReference>;
    try {
      parsed = parseReference(text);
    } catch {
      problems.push({ code: "REPORT_ACCEPT_BAD", field: "accept", params: { text } });
      continue;
    }
    // A cell without a sheet is clear only when there is one ledger; else ask for Sheet!E3.
    const sheet = parsed.sheet ?? (ledgers.length === 1 ? ledgers[0].sheet : null);
    if (sheet === null && ledgers.length > 1) {
      const choices = ledgers.map((l) => `${quoteSheetName(l.sheet)}!${text}`);
      problems.push({
        code: "REPORT_ACCEPT_SHEET_NEEDED",
        field: "accept",
        params: {
          text,
          sheets: ledgers.map((l) => l.sheet).join(", "),
          choices: {
            sv: `${choices.slice(0, -1).join(", ")} eller ${choices[choices.length - 1]}`,
            en: `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`,
          },
        },
      });
      continue;
    }
    if (sheet === null || parsed.box.bottom - parsed.box.top > 1_000_000) {
      problems.push({ code: "REPORT_ACCEPT_BAD", field: "accept", params: { text } });
      continue;
    }
    const entry = { text, used: false };
    for (let r = parsed.box.top; r <= parsed.box.bottom; r++) {
      const key = `${sheet.toLocaleLowerCase("sv")}\u0000${r}`;
      const list = rows.get(key) ?? [];
      list.push(entry);
      rows.set(key, list);
    }
  }
  return { rows, problems };
}

function emptyTotals(): { used: Record<Category, OreSum>; income: OreSum } {
  return {
    used: {
      personnel: new OreSum(),
      premises: new OreSum(),
      services: new OreSum(),
      other: new OreSum(),
    },
    income: new OreSum(),
  };
}

function toTotals(sums: ReturnType<typeof emptyTotals>): Totals {
  const used = Object.fromEntries(CATEGORIES.map((c) => [c, sums.used[c].kronor()])) as Record<
    Category,
    Decimal
  >;
  return {
    used,
    totalUsed: CATEGORIES.reduce((acc, c) => acc.plus(used[c]), ZERO),
    income: sums.income.kronor().negated().plus(0),
  };
}

/** What an included row counts towards: its account's category; "not a cost" or no rule, once accepted, counts as other. */
function lineKind(rule: AccountRule | null): LineKind {
  if (rule === null || rule.category === "none") return "other";
  return rule.category;
}

/**
 * The whole job on ledger grids. Throws InputError (every problem at once) when a ledger
 * cannot be read or a parameter is wrong; a flagged row is not an error.
 */
export function runReport(
  grids: readonly Grid[],
  request: ReportRequest,
  mapping: AccountMapping = defaultMapping(),
  words: readonly string[] = DEFAULT_WORDS
): ReportResult {
  const problems: Problem[] = [];
  if (grids.length === 0) problems.push({ code: "REPORT_NO_LEDGER", field: "ledgers" });
  const seen = new Set<string>();
  const ledgers: Ledger[] = [];
  for (const grid of grids) {
    const key = grid.sheet.toLocaleLowerCase("sv");
    if (seen.has(key)) {
      problems.push({
        code: "REPORT_LEDGER_TWICE",
        field: "ledgers",
        params: { sheet: grid.sheet },
      });
      continue;
    }
    seen.add(key);
    const reading = readLedger(grid, request.columns);
    problems.push(...reading.problems);
    if (reading.ledger) ledgers.push(reading.ledger);
  }
  const { parameters, problems: parameterProblems } = readReportParameters(request);
  problems.push(...parameterProblems);

  const costCentres = codeSet(request.costCentres);
  const projects = codeSet(request.projects);
  for (const ledger of ledgers) {
    const checks: [string[] | null, number | null, "costCentre" | "project"][] = [
      [costCentres.keys && [...costCentres.keys], ledger.columns.costCentre, "costCentre"],
      [projects.keys && [...projects.keys], ledger.columns.project, "project"],
    ];
    for (const [given, column, id] of checks) {
      if (given && column === null)
        problems.push({
          code: "LEDGER_COLUMN_NEEDED",
          field: id === "costCentre" ? "costCentres" : "projects",
          params: {
            flag: id === "costCentre" ? "--cost-centre" : "--project",
            column:
              id === "costCentre"
                ? { sv: "ansvar/kostnadsställe", en: "cost centre" }
                : { sv: "projekt", en: "project" },
            examples:
              id === "costCentre" ? "'Ansvar', 'Kostnadsställe', 'Enhet'" : "'Projekt', 'Project'",
            range: ledger.columns.headerRef,
          },
        });
    }
  }
  const accepts = readAccepts(request.accept ?? [], ledgers);
  problems.push(...accepts.problems);
  if (problems.length > 0 || !parameters) throw new InputError(problems);

  const wordList = [...new Set(words.map(normaliseWord).filter((w) => w !== ""))];
  const checks: RowChecks = {
    year: parameters.year,
    costCentres: costCentres.keys,
    costCentresText: costCentres.text,
    projects: projects.keys,
    projectsText: projects.text,
    words: wordList,
  };
  const classify = accountClassifier(mapping);
  const cache = new RowCheckCache(checks);
  const lines: ReportLine[] = [];
  const flagged: FlaggedRow[] = [];
  const all = emptyTotals();
  const districts: DistrictTotals[] = [];

  ledgers.forEach((ledger, index) => {
    const sums = emptyTotals();
    const ref = ledgerCellRef(ledger);
    const sheetKey = ledger.sheet.toLocaleLowerCase("sv");
    const top = ledger.grid.top;
    for (const row of ledger.rows) {
      const rule = row.account === null ? null : classify(row.account);
      const flags = flagRow(row, rule, ledger, checks, ref, cache);
      let accepted = false;
      if (flags.length > 0) {
        const acceptedBy = accepts.rows.get(`${sheetKey}\u0000${top + row.row}`);
        accepted = acceptedBy !== undefined;
        if (acceptedBy) for (const entry of acceptedBy) entry.used = true;
        const counted = accepted && row.amount !== null && row.account !== null;
        for (const flag of flags) flagged.push({ ledger: index, row, flag, accepted, counted });
        if (!counted) continue;
      }
      const kind = lineKind(rule);
      const amount = row.amount as number;
      lines.push({ ledger: index, row, kind, amount, accepted });
      const target = kind === "income" ? sums.income : sums.used[kind];
      target.add(amount);
      (kind === "income" ? all.income : all.used[kind]).add(amount);
    }
    districts.push({ name: ledger.sheet, ...toTotals(sums) });
  });

  const unknown = [...new Set([...accepts.rows.values()].flat())].filter((e) => !e.used);
  if (unknown.length > 0)
    throw new InputError(
      unknown.map((e) => ({
        code: "REPORT_ACCEPT_UNKNOWN",
        field: "accept",
        params: { text: e.text },
      }))
    );

  const totals = toTotals(all);
  const difference = parameters.received.minus(totals.totalUsed);
  const warnings = negativeWarnings({
    received: parameters.received,
    totalUsed: totals.totalUsed,
    districts,
    lines: lines.map((l) => ({
      ledger: l.ledger,
      kind: l.kind,
      amount: l.amount,
      cell: l.row.cell,
    })),
  });
  return {
    ...totals,
    year: parameters.year,
    received: parameters.received,
    unused: unusedOf(parameters.received, totals.totalUsed),
    ownFunding: Decimal.max(difference.negated(), ZERO),
    costCentres: costCentres.list,
    projects: projects.list,
    ledgers,
    districts,
    lines,
    flagged,
    warnings,
    mapping,
    words: wordList,
  };
}
