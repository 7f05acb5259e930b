/**
 * Reading a ledger extract (huvudboksutdrag) into rows, fast: a 100 000-row extract is read
 * in a small fraction of a second. Amounts become whole öre in plain JavaScript numbers (safe
 * integers, so every sum of them is exact); a Decimal is made only for a cell that is not a
 * plain number (Swedish text such as "1 234,50 kr"). Dates are parsed once per distinct value.
 *
 * Rows that are not postings are left out and listed: blank rows, total and subtotal rows
 * ("Summa", "Summa konto 5010", a last row that adds up the rows above, a SUM formula) and
 * notes under the table ("Utskrivet 2027-01-10"). Everything else is a posting, even when a
 * cell in it cannot be read: such a row is flagged (see flags.ts), never dropped in silence.
 */
import { type ParsedDate, parseDateCell } from "../../dates";
import {
  type CellValue,
  type Grid,
  cellAddress,
  columnLetter,
  isBlank,
  quoteSheetName,
  rangeAddress,
} from "../../grid";
import { Decimal } from "../../money";
import { parseNumberText } from "../../parse";
import type { Problem, ProblemCode } from "../../problems";
import { type ColumnChoice, gridWidth } from "../../table/columns";
import { isSubtotalLabel, isSumFormula, isTotalLabel } from "../../table/rows";
import { type LedgerColumnId, type LedgerColumns, detectLedgerColumns } from "./columns";

/** Why a cell of a posting could not be read: a problem code for the flag, and the cell. */
export interface CellIssue {
  code: ProblemCode;
  /** Grid column index of the cell. */
  column: number;
  text?: string;
}

export interface LedgerRow {
  /** Index into grid.values. */
  row: number;
  /** "Huvudbok!F12": the amount cell (the debit cell, or the credit cell when only it is filled). */
  cell: string;
  date: ParsedDate;
  /** The account's digits ("5010"), null when missing or unreadable. */
  account: string | null;
  costCentre: string;
  project: string;
  activity: string;
  voucher: string;
  text: string;
  /** Whole öre; null when missing or unreadable. */
  amount: number | null;
  /** Cells that could not be read (amount, account); the date is judged in flags.ts. */
  issues: CellIssue[];
}

/** Shared by every row without issues (most of them): never mutated. */
const NO_ISSUES: CellIssue[] = [];

export type SkippedKind = "total" | "note";

export interface Ledger {
  /** The worksheet the ledger is on: its name is the district's name in the report. */
  sheet: string;
  grid: Grid;
  columns: LedgerColumns;
  rows: LedgerRow[];
  /** Rows that are not postings and were left out, with the first cell of each. */
  skipped: { row: number; cell: string; kind: SkippedKind }[];
  /** "Huvudbok!A1:H120". */
  range: string;
}

export interface LedgerReading {
  ledger: Ledger | null;
  problems: Problem[];
}

/**
 * 900 billion kronor in öre: far above any real posting, and low enough that a sum of
 * postings stays a safe integer (below 2^53) for any ledger a workbook can hold.
 */
const MAX_ORE = 9e13;

type AmountRead =
  | { kind: "empty" }
  | { kind: "ore"; ore: number }
  | { kind: "bad"; code: "FLAG_AMOUNT_BAD" | "FLAG_AMOUNT_DECIMALS"; text: string };

const EMPTY: AmountRead = { kind: "empty" };
const PLAIN_TEXT = /^([-\u2212]?)(\d{1,13})(?:[.,](\d{1,2}))?$/;
const PLAIN_NUMBER = /^(-?)(\d+)\.(\d{1,2})$/;
/** "1 234,50-": some systems print a credit with a trailing minus (but "150:-" is kronor). */
const TRAILING_MINUS = /^(.*[\d\s])-$/;

function oreFromDecimal(value: Decimal, text: string): AmountRead {
  const ore = value.times(100);
  if (!ore.isInteger()) {
    // A formula's binary noise (0.1 + 0.2) is not a third decimal someone typed.
    const rounded = ore.toDecimalPlaces(0);
    if (ore.minus(rounded).abs().greaterThan("1e-7"))
      return { kind: "bad", code: "FLAG_AMOUNT_DECIMALS", text };
    return oreFromDecimal(rounded.dividedBy(100), text);
  }
  if (ore.abs().greaterThan(MAX_ORE)) return { kind: "bad", code: "FLAG_AMOUNT_BAD", text };
  return { kind: "ore", ore: ore.toNumber() };
}

function twoDigits(fraction: string | undefined): number {
  if (fraction === undefined) return 0;
  return fraction.length === 1 ? Number(fraction) * 10 : Number(fraction);
}

/**
 * A number cell in whole öre, exactly. Fast path: value × 100 within a millionth of an öre
 * of a whole number is that number (a formula's binary noise, as in 0.1 + 0.2, is not a
 * third decimal); further off, the cell really has more than two decimals. Large amounts
 * go through the number's shortest decimal form, which is what the cell shows.
 */
export function oreFromNumber(value: number): AmountRead {
  const x = value * 100;
  if (x < 1e9 && x > -1e9) {
    const ore = Math.round(x);
    if (x - ore < 1e-6 && ore - x < 1e-6) return { kind: "ore", ore: ore + 0 };
    return { kind: "bad", code: "FLAG_AMOUNT_DECIMALS", text: String(value) };
  }
  if (!Number.isFinite(value)) return { kind: "bad", code: "FLAG_AMOUNT_BAD", text: String(value) };
  if (Number.isInteger(value) && Math.abs(x) <= MAX_ORE) return { kind: "ore", ore: x };
  const text = String(value);
  const m = PLAIN_NUMBER.exec(text);
  if (m && Number(m[2]) * 100 <= MAX_ORE) {
    const ore = Number(m[2]) * 100 + twoDigits(m[3]);
    return { kind: "ore", ore: m[1] ? -ore : ore };
  }
  return oreFromDecimal(new Decimal(value), text);
}

/** Text as people type amounts: "1234.50", "-1 234,50", "1 059 660 kr", "1 234,50-". */
export function oreFromText(raw: string): AmountRead {
  const text = raw.trim();
  if (text === "") return EMPTY;
  const m = PLAIN_TEXT.exec(text);
  if (m) {
    const ore = Number(m[2]) * 100 + twoDigits(m[3]);
    if (ore <= MAX_ORE) return { kind: "ore", ore: m[1] ? -ore || 0 : ore };
  }
  const trailing = TRAILING_MINUS.exec(text);
  const parsed = parseNumberText(trailing ? `-${trailing[1]}` : text);
  if (parsed.kind === "empty") return EMPTY;
  if (parsed.kind === "invalid") return { kind: "bad", code: "FLAG_AMOUNT_BAD", text: parsed.text };
  return oreFromDecimal(parsed.value, text);
}

export function oreFromCell(value: CellValue | undefined): AmountRead {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return oreFromNumber(value);
  if (typeof value === "boolean")
    return { kind: "bad", code: "FLAG_AMOUNT_BAD", text: value ? "TRUE" : "FALSE" };
  return oreFromText(value);
}

/** "5011", and "5011.0" or "5011,00" as exports write an account that went through a number. */
const ACCOUNT_ONLY = /^(\d{1,12})(?:[.,]0+)?$/;
/** "5010 Löner", "5010 - Löner", "5010: Löner", "5010.0 Löner": an account with its name after it. */
const ACCOUNT_WITH_NAME = /^(\d{1,12})(?:[.,]0+)?(?:\s+|\s*[-\u2013:]\s*)\D/;

export type AccountRead =
  { kind: "empty" } | { kind: "account"; digits: string } | { kind: "bad"; text: string };

export function readAccount(value: CellValue | undefined): AccountRead {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value < 1e12
      ? { kind: "account", digits: String(value) }
      : { kind: "bad", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "bad", text: value ? "TRUE" : "FALSE" };
  const text = value.trim();
  if (text === "") return { kind: "empty" };
  const only = ACCOUNT_ONLY.exec(text);
  if (only) return { kind: "account", digits: only[1] };
  const m = ACCOUNT_WITH_NAME.exec(text);
  return m ? { kind: "account", digits: m[1] } : { kind: "bad", text };
}

/** A code cell (cost centre, project) as text: numbers without decimals, text trimmed to one line. */
export function codeText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = value.trim();
  return /\s\s|[\t\r\n\u00a0]/.test(text) ? text.replace(/\s+/g, " ") : text;
}

/** How codes are compared is decided once, for every job, in core/table/code-name. */
export { codeKey } from "../../table/code-name";

function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  return /[\r\n]/.test(value) ? value.replace(/\s*[\r\n]+\s*/g, " ").trim() : value.trim();
}

function indexes(columns: LedgerColumns): number[] {
  const list = [columns.date, columns.account];
  for (const c of [
    columns.costCentre,
    columns.activity,
    columns.project,
    columns.voucher,
    columns.text,
  ])
    if (c !== null) list.push(c);
  if (columns.amount.kind === "single") list.push(columns.amount.column);
  else list.push(columns.amount.debit, columns.amount.credit);
  return list;
}

/** A row's amount, from one column or debit less credit. */
function readAmount(
  values: readonly CellValue[],
  columns: LedgerColumns
): { read: AmountRead; column: number } {
  const spec = columns.amount;
  if (spec.kind === "single")
    return { read: oreFromCell(values[spec.column]), column: spec.column };
  const debit = oreFromCell(values[spec.debit]);
  const credit = oreFromCell(values[spec.credit]);
  if (debit.kind === "bad") return { read: debit, column: spec.debit };
  if (credit.kind === "bad") return { read: credit, column: spec.credit };
  if (debit.kind === "empty" && credit.kind === "empty") return { read: EMPTY, column: spec.debit };
  // A credit always reduces the cost, whichever sign the column writes it with.
  const credited = credit.kind === "ore" ? credit.ore * spec.creditSign : 0;
  const ore = (debit.kind === "ore" ? debit.ore : 0) - credited;
  return {
    read: { kind: "ore", ore: ore + 0 },
    column: debit.kind === "ore" ? spec.debit : spec.credit,
  };
}

/**
 * The sign a Kredit column writes its credits with: some systems export them positive, some
 * negative. One sign throughout is that sign; both signs cannot be told apart (is -300 a
 * credit or a reversed one?), so the column is refused, naming it and a cell of each sign.
 */
export function creditColumnSign(
  grid: Grid,
  columns: LedgerColumns
): { columns: LedgerColumns; problems: Problem[] } {
  const spec = columns.amount;
  if (spec.kind !== "debitCredit") return { columns, problems: [] };
  let positive = -1;
  let negative = -1;
  for (let r = columns.headerRow + 1; r < grid.values.length; r++) {
    const read = oreFromCell(grid.values[r][spec.credit]);
    if (read.kind !== "ore" || read.ore === 0) continue;
    if (read.ore > 0 && positive < 0) positive = r;
    if (read.ore < 0 && negative < 0) negative = r;
    if (positive >= 0 && negative >= 0) break;
  }
  if (positive < 0 || negative < 0) {
    const creditSign = negative >= 0 ? -1 : 1;
    return { columns: { ...columns, amount: { ...spec, creditSign } }, problems: [] };
  }
  const at = (r: number) =>
    `${quoteSheetName(grid.sheet)}!${cellAddress(grid.top + r, grid.left + spec.credit)}`;
  const column = columnLetter(grid.left + spec.credit);
  const range = `${quoteSheetName(grid.sheet)}!${column}${grid.top + columns.headerRow + 1}:${column}${grid.top + grid.values.length}`;
  return {
    columns,
    problems: [
      {
        code: "LEDGER_CREDIT_MIXED_SIGNS",
        cell: range,
        field: "credit",
        params: {
          header: columns.headers[spec.credit],
          positive: at(positive),
          negative: at(negative),
        },
      },
    ],
  };
}

/**
 * Reads every posting below the header. Problems are returned only when the ledger cannot
 * be read at all (no header row, no amount column, no rows); a bad cell in a row is an
 * issue on that row, for the flags.
 */
export function readLedger(grid: Grid, choice: ColumnChoice<LedgerColumnId> = {}): LedgerReading {
  const detection = detectLedgerColumns(grid, choice);
  if (!detection.columns) return { ledger: null, problems: detection.problems };
  const signed = creditColumnSign(grid, detection.columns);
  if (signed.problems.length > 0) return { ledger: null, problems: signed.problems };
  const columns = signed.columns;

  const prefix = `${quoteSheetName(grid.sheet)}!`;
  const ref = (r: number, c: number) => prefix + cellAddress(grid.top + r, grid.left + c);
  /** "Huvudbok!G" per grid column, so a row's reference is one concatenation. */
  const columnPrefix: string[] = [];
  const rowRef = (r: number, c: number) =>
    (columnPrefix[c] ??= prefix + columnLetter(grid.left + c)) + (grid.top + r + 1);
  const used = indexes(columns);
  const dates = new Map<CellValue, ParsedDate>();
  const rows: LedgerRow[] = [];
  const skipped: Ledger["skipped"] = [];
  /** Öre of the postings since the last total row, and how many: a last row equal to it is a total. */
  let runningSum = 0;
  let runningRows = 0;
  let lastCandidate: { index: number; ore: number; sum: number; rowsAbove: number } | null = null;

  for (let r = columns.headerRow + 1; r < grid.values.length; r++) {
    const values = grid.values[r];
    let blank = true;
    for (const c of used) {
      if (!isBlank(values[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    const { read, column: amountColumn } = readAmount(values, columns);
    const account = readAccount(values[columns.account]);
    const dateValue = values[columns.date];
    let date = dates.get(dateValue ?? null);
    if (date === undefined) {
      date = parseDateCell(dateValue);
      dates.set(dateValue ?? null, date);
    }

    // A row with neither a readable account nor a date is a total, a subtotal or a note.
    if (account.kind !== "account" && (date.kind === "empty" || date.kind === "invalid")) {
      const labels = used.map((c) => textOf(values[c])).filter((t) => t !== "");
      const formula = grid.formulas?.[r]?.[amountColumn];
      const labelled = labels.some((t) => isTotalLabel(t) || isSubtotalLabel(t));
      if (labelled || isSumFormula(formula)) {
        skipped.push({ row: r, cell: ref(r, columns.account), kind: "total" });
        runningSum = 0;
        runningRows = 0;
        continue;
      }
      if (read.kind === "empty") {
        skipped.push({ row: r, cell: ref(r, firstFilled(values, used)), kind: "note" });
        continue;
      }
      if (read.kind === "ore" && runningRows >= 2 && read.ore === runningSum && read.ore !== 0)
        lastCandidate = {
          index: rows.length,
          ore: read.ore,
          sum: runningSum,
          rowsAbove: runningRows,
        };
    }

    let issues: CellIssue[] = NO_ISSUES;
    let amount: number | null = null;
    if (read.kind === "ore") amount = read.ore;
    else if (read.kind === "empty")
      issues = [{ code: "FLAG_AMOUNT_MISSING", column: amountColumn }];
    else issues = [{ code: read.code, column: amountColumn, text: read.text }];
    if (account.kind === "empty")
      issues = [...issues, { code: "FLAG_ACCOUNT_MISSING", column: columns.account }];
    else if (account.kind === "bad")
      issues = [
        ...issues,
        { code: "FLAG_ACCOUNT_BAD", column: columns.account, text: account.text },
      ];

    rows.push({
      row: r,
      cell: rowRef(r, amountColumn),
      date,
      account: account.kind === "account" ? account.digits : null,
      costCentre: columns.costCentre === null ? "" : codeText(values[columns.costCentre]),
      project: columns.project === null ? "" : codeText(values[columns.project]),
      activity: columns.activity === null ? "" : codeText(values[columns.activity]),
      voucher: columns.voucher === null ? "" : codeText(values[columns.voucher]),
      text: columns.text === null ? "" : textOf(values[columns.text]),
      amount,
      issues,
    });
    if (amount !== null) {
      runningSum += amount;
      runningRows++;
      // Past 2^53 öre exactness would end; no real ledger comes near (90 000 billion kr).
      if (!Number.isSafeInteger(runningSum)) runningSum = NaN;
    }
  }

  // The last posting-like row that adds up the rows above it, without account or date, is a total.
  if (lastCandidate && lastCandidate.index === rows.length - 1) {
    const total = rows.pop() as LedgerRow;
    skipped.push({ row: total.row, cell: total.cell, kind: "total" });
  }

  if (rows.length === 0) {
    return {
      ledger: null,
      problems: [{ code: "LEDGER_NO_ROWS", field: "range", params: { range: ledgerRange(grid) } }],
    };
  }
  return {
    ledger: { sheet: grid.sheet, grid, columns, rows, skipped, range: ledgerRange(grid) },
    problems: [],
  };
}

function firstFilled(values: readonly CellValue[], used: readonly number[]): number {
  let first = Infinity;
  for (const c of used) if (!isBlank(values[c]) && c < first) first = c;
  return first === Infinity ? used[0] : first;
}

/** "Huvudbok!A1:H120" (without spreading 100 000 row lengths into Math.max). */
export function ledgerRange(grid: Grid): string {
  const rows = Math.max(grid.values.length, 1);
  const cols = Math.max(gridWidth(grid), 1);
  return `${quoteSheetName(grid.sheet)}!${rangeAddress({
    top: grid.top,
    left: grid.left,
    bottom: grid.top + rows - 1,
    right: grid.left + cols - 1,
  })}`;
}
