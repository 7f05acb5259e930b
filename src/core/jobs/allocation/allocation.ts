/**
 * The allocation use case: a pot, named reserves off the top, recipients with a key and
 * optional interest marks -> an amount per recipient whose sum, with the reserves, is
 * the pot exactly.
 */
import { apportion } from "../../apportion";
import { type Grid, gridCellRef, gridRangeRef, spanReference } from "../../grid";
import { Decimal, ZERO, formatKronor, sum } from "../../money";
import { parseAmountInput, parseNumberCell, parseNumberText } from "../../parse";
import { InputError, type Localised, type Problem, ProblemList } from "../../problems";
import type { Bound } from "../../apportion/bounded";
import {
  type LastYear,
  type YearComparison,
  type YearRow,
  compareYears,
  lastYearFromColumn,
  lastYearFromSheet,
} from "./last-year";
import { type ShapeRequest, type Shapes, hasShapeRequest, readShapes, shapedSplit } from "./shapes";
import { headerRowRef, gridWidth } from "../../table/columns";
import { type RowClass, classifyRows } from "../../table/rows";
import {
  type ColumnChoice,
  type TableLayout,
  cellText,
  detectLayout,
  interestMark,
  normaliseHeader,
} from "./columns";

export interface Recipient {
  name: string;
  key: Decimal;
  interested: boolean;
  /** "Blad1!A5" of the name cell, for messages and jumping there. */
  nameCell: string;
  keyCell: string;
}

export interface Reserve {
  name: string;
  amount: Decimal;
}

/** What the user typed in the pane or on the command line, before validation. */
export interface AllocationRequest {
  total: string | number;
  unit?: string | number;
  reserves?: { name: string; amount: string | number }[];
  /** Base amounts, floors and ceilings, weighted keys (see jobs/allocation/shapes.ts). */
  shapes?: ShapeRequest;
  /** Last year's amounts: a column of the recipient table, or a previous allocation sheet. */
  lastYear?: LastYearRequest;
}

export type LastYearRequest = { column: string } | { sheet: Grid };

/** What the shapes did to one participating row (present only when shapes were asked for). */
export interface RowShape {
  /** Base amount included in the amount (0 without a base). */
  base: Decimal;
  /** "floor"/"ceiling": the amount is exactly that bound; "free": base + share of the key. */
  bound: Bound;
  floor: Decimal | null;
  ceiling: Decimal | null;
  /** With weighted keys: this row's value in each weighted key column. */
  keys: Decimal[] | null;
}

/** The shapes that applied to the whole allocation. */
export interface AppliedShapes {
  shapes: Shapes;
  /** Σ base amounts. */
  bases: Decimal;
  /** What the key shared after the bases and the amounts at a bound. */
  byKey: Decimal;
  atFloor: number;
  atCeiling: number;
}

export interface AllocationParameters {
  total: Decimal;
  unit: Decimal;
  reserves: Reserve[];
}

export interface AllocationRow {
  name: string;
  key: Decimal;
  interested: boolean;
  /** Key / sum of the participating keys; null when not interested. */
  share: Decimal | null;
  /** Exact (unrounded) amount the key entitles to. */
  quota: Decimal;
  amount: Decimal;
  /** Got one of the units handed out by largest remainder. */
  extraUnit: boolean;
  /** Fraction of a unit left after the whole units of the quota. */
  remainderFraction: Decimal;
  /** Place in the largest-remainder order, or null if the quota was whole. */
  rank: number | null;
  nameCell: string;
  keyCell: string;
  /** Present when shapes were asked for and the recipient takes part. */
  shape?: RowShape;
  /** Present when last year's amounts were given. */
  lastYear?: YearRow;
}

export interface AllocationResult {
  total: Decimal;
  unit: Decimal;
  reserves: Reserve[];
  /** Pot less reserves, in whole units: what the key splits. */
  distributable: Decimal;
  /** Less than one unit that could not be handed out because the pot is not a multiple of the unit. */
  unallocated: Decimal;
  rows: AllocationRow[];
  /** Units handed out by largest remainder. */
  extraUnits: number;
  /** Recipients whose quota had a remainder. */
  withRemainder: number;
  /** Present when shapes were asked for. */
  shapes?: AppliedShapes;
  /** Present when last year's amounts were given: totals, and recipients gone since. */
  comparison?: YearComparison;
  /** Where last year's amounts came from (a column header or a sheet range). */
  lastYearSource?: string;
}

const MIN_UNIT = new Decimal("0.01");
const MAX_UNIT = new Decimal(1_000_000);

export function nameKey(name: string): string {
  return normaliseHeader(name);
}

/** The columns that say which rows are recipients; the key may not be chosen yet. */
export interface RecipientColumns {
  headerRow: number;
  nameColumn: number;
  keyColumn: number | null;
  interestColumns: readonly number[];
}

/**
 * The recipient rows below the header: subtotals inside the table are skipped and the table
 * goes on; a total row (labelled, or a SUM of the keys above) ends it; footnotes are not rows.
 */
export function recipientRows(grid: Grid, layout: RecipientColumns): RowClass[] {
  const key = layout.keyColumn === null ? [] : [layout.keyColumn];
  const rows = classifyRows(grid, {
    headerRow: layout.headerRow,
    labelColumns: [layout.nameColumn],
    sumColumn: layout.keyColumn,
    dataColumns: [layout.nameColumn, ...key, ...layout.interestColumns],
  });
  const end = rows.findIndex((r) => r.kind === "total");
  return end < 0 ? rows : rows.slice(0, end + 1);
}

/** How many named recipients core will read: what the pane says after reading a table. */
export function countRecipients(grid: Grid, layout: RecipientColumns): number {
  return recipientRows(grid, layout).filter(
    (r) => r.kind === "data" && cellText(grid.values[r.row][layout.nameColumn]) !== ""
  ).length;
}

/** Reads the recipients below the header row; collects every bad cell before throwing. */
export function readRecipients(
  grid: Grid,
  layout: TableLayout,
  skipHidden = false,
  rows: readonly RowClass[] = recipientRows(grid, layout)
): Recipient[] {
  const problems = new ProblemList();
  const recipients: Recipient[] = [];
  const seen = new Map<string, string>();
  const hidden = new Set(skipHidden ? (grid.hiddenRows ?? []) : []);
  /** Key cells holding text, kept apart: a whole column of text is one problem, not one per cell. */
  const textKeys: Problem[] = [];
  let count = 0;

  for (const { row: r, kind } of rows) {
    if (kind !== "data" || hidden.has(r)) continue;
    const row = grid.values[r];
    const name = cellText(row[layout.nameColumn]);
    const nameCell = gridCellRef(grid, r, layout.nameColumn);
    const keyCell = gridCellRef(grid, r, layout.keyColumn);
    if (name === "") {
      problems.add({ code: "NAME_MISSING", cell: nameCell });
      continue;
    }
    const normalised = nameKey(name);
    const earlier = seen.get(normalised);
    if (earlier)
      problems.add({ code: "DUPLICATE_NAME", cell: nameCell, params: { name, other: earlier } });
    else seen.set(normalised, nameCell);

    const parsed = parseNumberCell(row[layout.keyColumn]);
    let key = ZERO;
    const formula = grid.formulas?.[r]?.[layout.keyColumn];
    if (parsed.kind === "empty" && formula)
      problems.add({ code: "FORMULA_NOT_CALCULATED", cell: keyCell, params: { formula } });
    else if (parsed.kind === "empty")
      problems.add({ code: "KEY_MISSING", cell: keyCell, params: { name } });
    else if (parsed.kind === "invalid" && parsed.code === "NOT_A_NUMBER") {
      const problem: Problem = { code: parsed.code, cell: keyCell, params: { text: parsed.text } };
      textKeys.push(problem);
      problems.add(problem);
    } else if (parsed.kind === "invalid")
      problems.add({ code: parsed.code, cell: keyCell, params: { text: parsed.text } });
    else if (parsed.value.isNegative() && !parsed.value.isZero()) {
      problems.add({
        code: "KEY_NEGATIVE",
        cell: keyCell,
        params: { text: parsed.value.toString() },
      });
    } else key = parsed.value;

    let interested = layout.interestColumns.length === 0;
    for (const c of layout.interestColumns) {
      const mark = interestMark(row[c]);
      if (mark === "invalid") {
        problems.add({
          code: "BAD_INTEREST_MARK",
          cell: gridCellRef(grid, r, c),
          params: { text: cellText(row[c]) },
        });
      } else if (mark === "yes") interested = true;
    }
    recipients.push({ name, key, interested, nameCell, keyCell });
    count++;
  }
  if (textKeys.length >= 3 && textKeys.length * 2 >= count) {
    // A column of words ("Ja", "Nej", names): the wrong column, not a typo per cell.
    const first = textKeys[0].cell ?? "";
    const last = textKeys[textKeys.length - 1].cell ?? "";
    problems.replace(textKeys, {
      code: "KEY_COLUMN_NOT_NUMBERS",
      cell: spanReference(first, last),
      field: "keyColumn",
      params: { count: String(textKeys.length), rows: String(count) },
    });
  }
  problems.throwIfAny();
  if (recipients.length === 0) {
    throw new InputError([
      { code: "NO_RECIPIENTS", field: "range", params: { range: gridRangeRef(grid) } },
    ]);
  }
  return recipients;
}

/**
 * An amount typed in the pane or on the command line: the one core rule (parseAmountInput),
 * under the name the pane knows it by.
 */
export const parseMoney = parseAmountInput;

/** Validates pot, unit and reserves; `recipientNames` guards against a reserve named like a recipient. */
export function readParameters(
  request: AllocationRequest,
  recipientNames: readonly string[] = []
): AllocationParameters {
  const problems = new ProblemList();

  let total = ZERO;
  if (
    request.total === undefined ||
    request.total === null ||
    String(request.total).trim() === ""
  ) {
    problems.add({ code: "TOTAL_MISSING", field: "total" });
  } else {
    const parsed = parseMoney(request.total);
    if (!parsed.ok)
      problems.add({ code: parsed.code, field: "total", params: { text: parsed.text } });
    else if (!parsed.value.isPositive() || parsed.value.isZero()) {
      problems.add({
        code: "TOTAL_NOT_POSITIVE",
        field: "total",
        params: { text: String(request.total).trim() },
      });
    } else total = parsed.value;
  }

  let unit = new Decimal(1);
  const unitInput = request.unit ?? 1;
  const unitParsed =
    typeof unitInput === "number" ? parseNumberCell(unitInput) : parseNumberText(unitInput);
  if (unitParsed.kind !== "number" || !isPowerOfTen(unitParsed.value)) {
    problems.add({ code: "BAD_UNIT", field: "unit", params: { text: String(unitInput).trim() } });
  } else unit = unitParsed.value;

  const reserves: Reserve[] = [];
  const names = new Set(recipientNames.map(nameKey));
  (request.reserves ?? []).forEach((entry, i) => {
    // Which reserve and which of its two inputs, so the pane marks only that field.
    const at = (part: "name" | "amount") => ({ index: String(i + 1), part });
    const name = entry.name.trim();
    if (name === "") {
      problems.add({ code: "RESERVE_NAME_MISSING", field: "reserves", params: at("name") });
      return;
    }
    if (names.has(nameKey(name)))
      problems.add({
        code: "RESERVE_DUPLICATE",
        field: "reserves",
        params: { name, ...at("name") },
      });
    names.add(nameKey(name));
    const amount = parseMoney(entry.amount);
    if (!amount.ok && amount.code !== "NOT_A_NUMBER") {
      problems.add({
        code: amount.code,
        field: "reserves",
        params: { text: amount.text, ...at("amount") },
      });
    } else if (!amount.ok) {
      problems.add({
        code: "RESERVE_AMOUNT_BAD",
        field: "reserves",
        params: { name, text: amount.text, ...at("amount") },
      });
    } else if (amount.value.isNegative() && !amount.value.isZero()) {
      problems.add({
        code: "RESERVE_NEGATIVE",
        field: "reserves",
        params: { name, amount: money(amount.value), ...at("amount") },
      });
    } else reserves.push({ name, amount: amount.value });
  });

  const reserved = sum(reserves.map((r) => r.amount));
  if (!total.isZero() && reserved.greaterThan(total)) {
    problems.add({
      code: "RESERVES_EXCEED_TOTAL",
      field: "reserves",
      params: {
        reserves: money(reserved),
        total: money(total),
        over: money(reserved.minus(total)),
      },
    });
  }
  problems.throwIfAny();
  return { total, unit, reserves };
}

/** An amount in a message, in the message's language: "6 069 306 kr" / "6,069,306 kr". */
function money(value: Decimal): Localised {
  return { sv: formatKronor(value, "sv"), en: formatKronor(value, "en") };
}

function isPowerOfTen(value: Decimal): boolean {
  if (value.lessThan(MIN_UNIT) || value.greaterThan(MAX_UNIT)) return false;
  const exponent = value.log(10).round();
  return new Decimal(10).pow(exponent).equals(value);
}

/** Splits the pot: reserves first, then the rest over the interested recipients by key. */
export function allocate(
  recipients: readonly Recipient[],
  parameters: AllocationParameters,
  shapes?: Shapes
): AllocationResult {
  const participants = recipients.filter((r) => r.interested);
  if (participants.length === 0)
    throw new InputError([{ code: "NO_INTERESTED", field: "interestColumns" }]);
  const keySum = sum(participants.map((r) => r.key));
  if (keySum.isZero()) {
    const cells = spanReference(
      participants[0].keyCell,
      participants[participants.length - 1].keyCell
    );
    throw new InputError([{ code: "ALL_KEYS_ZERO", field: "keyColumn", cell: cells }]);
  }

  const reserved = sum(parameters.reserves.map((r) => r.amount));
  const pool = parameters.total.minus(reserved);
  if (shapes) return allocateShaped(recipients, parameters, shapes, pool);
  const result = apportion(
    pool,
    parameters.unit,
    participants.map((r) => r.key),
    participants.map((r) => r.name)
  );

  let next = 0;
  // The rows are written out property by property: spreading a shared part into each
  // object literal cost V8 about 5 µs a row, three times the whole apportionment.
  const rows = recipients.map((recipient): AllocationRow => {
    if (!recipient.interested) {
      return {
        name: recipient.name,
        key: recipient.key,
        nameCell: recipient.nameCell,
        keyCell: recipient.keyCell,
        interested: false,
        share: null,
        quota: ZERO,
        amount: ZERO,
        extraUnit: false,
        remainderFraction: ZERO,
        rank: null,
      };
    }
    const share = result.shares[next++];
    return {
      name: recipient.name,
      key: recipient.key,
      nameCell: recipient.nameCell,
      keyCell: recipient.keyCell,
      interested: true,
      share: recipient.key.dividedBy(keySum),
      quota: share.quota,
      amount: share.amount,
      extraUnit: share.extra,
      remainderFraction: share.remainderFraction,
      rank: share.rank,
    };
  });

  return {
    total: parameters.total,
    unit: parameters.unit,
    reserves: parameters.reserves,
    distributable: pool.minus(result.unallocated),
    unallocated: result.unallocated,
    rows,
    extraUnits: result.leftover,
    withRemainder: result.withRemainder,
  };
}

/**
 * The allocation under shapes (base amounts, floors and ceilings, weighted keys): the pool in
 * whole units over the participants by jobs/allocation/shapes.ts; each row says which shape
 * set its amount.
 */
function allocateShaped(
  recipients: readonly Recipient[],
  parameters: AllocationParameters,
  shapes: Shapes,
  pool: Decimal
): AllocationResult {
  const unit = parameters.unit;
  const whole = pool.dividedToIntegerBy(unit).times(unit);
  const participants: number[] = [];
  recipients.forEach((r, i) => {
    if (r.interested) participants.push(i);
  });
  const split = shapedSplit(
    whole,
    unit,
    shapes,
    participants,
    participants.map((i) => recipients[i].key),
    participants.map((i) => recipients[i].name)
  );
  const byRecipient = new Map(participants.map((i, j) => [i, split.shares[j]]));
  const rows = recipients.map((recipient, i): AllocationRow => {
    const share = byRecipient.get(i);
    const base = {
      name: recipient.name,
      key: recipient.key,
      nameCell: recipient.nameCell,
      keyCell: recipient.keyCell,
      remainderFraction: ZERO,
      rank: null,
    };
    if (!share)
      return {
        ...base,
        interested: false,
        share: null,
        quota: ZERO,
        amount: ZERO,
        extraUnit: false,
      };
    return {
      ...base,
      interested: true,
      share: share.share,
      quota: share.amount,
      amount: share.amount,
      extraUnit: share.extra,
      shape: {
        base: share.base,
        bound: share.bound,
        floor: share.floor,
        ceiling: share.ceiling,
        keys: shapes.weighted ? shapes.weighted.keys.map((col) => col[i]) : null,
      },
    };
  });
  return {
    total: parameters.total,
    unit,
    reserves: parameters.reserves,
    distributable: whole,
    unallocated: pool.minus(whole),
    rows,
    extraUnits: split.extraUnits,
    withRemainder: split.withRemainder,
    shapes: {
      shapes,
      bases: split.bases,
      byKey: split.byKey,
      atFloor: split.shares.filter((s) => s.bound === "floor").length,
      atCeiling: split.shares.filter((s) => s.bound === "ceiling").length,
    },
  };
}

/** Adds last year beside this year to a result: per row, the totals, and who is gone. */
export function withLastYear(result: AllocationResult, lastYear: LastYear): AllocationResult {
  const comparison = compareYears(
    result.rows.map((r) => ({ name: r.name, amount: r.amount })),
    lastYear
  );
  return {
    ...result,
    rows: result.rows.map((row, i) => ({ ...row, lastYear: comparison.rows[i] })),
    comparison,
    lastYearSource: lastYear.source,
  };
}

/** A row below the header that is not a recipient: a subtotal, the total, a footnote. */
export interface SkippedRow {
  cell: string;
  /** "after-total": a filled row below the table's total, read as no recipient but named. */
  kind: "subtotal" | "total" | "note" | "after-total";
  label: string;
}

/** A recipient row hidden in the sheet (by the user or a filter). */
export interface HiddenRecipient {
  cell: string;
  name: string;
}

export interface ReadOptions {
  /** Hidden recipient rows take part (default, with a warning) or are left out. */
  hiddenRows?: "include" | "exclude";
}

export interface AllocationRun {
  layout: TableLayout;
  recipients: Recipient[];
  result: AllocationResult;
  /** Rows read past that are not recipients, so the user can see nothing was dropped silently. */
  skipped: SkippedRow[];
  /** Hidden recipient rows: included (and listed) or left out, as ReadOptions says. */
  hidden: HiddenRecipient[];
}

/** The whole job on a grid; every input problem (cells and parameters) is reported together. */
export function runAllocation(
  grid: Grid,
  request: AllocationRequest,
  choice: ColumnChoice = {},
  layout?: TableLayout,
  options: ReadOptions = {}
): AllocationRun {
  const usedLayout = layout ?? detectLayout(grid, choice);
  const problems: Problem[] = [];
  let recipients: Recipient[] = [];
  // Classified once: reading, hidden rows and skipped rows all walk the same rows.
  const rows = recipientRows(grid, usedLayout);
  const hidden = hiddenRecipients(grid, usedLayout, rows);
  try {
    recipients = readRecipients(grid, usedLayout, options.hiddenRows === "exclude", rows);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  let parameters: AllocationParameters | null = null;
  try {
    parameters = readParameters(
      request,
      recipients.map((r) => r.name)
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  let shapes: Shapes | undefined;
  let lastYear: LastYear | undefined;
  if (problems.length === 0 && parameters) {
    const read = (run: () => void) => {
      try {
        run();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems);
      }
    };
    const unit = parameters.unit;
    if (hasShapeRequest(request.shapes))
      read(() => {
        shapes = readShapes(grid, usedLayout, recipients, request.shapes ?? {}, unit);
      });
    const wanted = request.lastYear;
    if (wanted)
      read(() => {
        lastYear =
          "column" in wanted
            ? lastYearFromColumn(
                grid,
                usedLayout,
                recipients,
                wanted.column,
                headerRowRef(grid, usedLayout.headerRow, gridWidth(grid))
              )
            : lastYearFromSheet(wanted.sheet);
      });
  }
  if (problems.length > 0 || !parameters) throw new InputError(problems);
  const result = allocate(recipients, parameters, shapes);
  return {
    layout: usedLayout,
    recipients,
    result: lastYear ? withLastYear(result, lastYear) : result,
    skipped: skippedRows(grid, usedLayout, rows),
    hidden,
  };
}

/** The subtotal, total and footnote rows of the table, with the label that gave them away. */
export function skippedRows(
  grid: Grid,
  layout: TableLayout,
  read: readonly RowClass[] = recipientRows(grid, layout)
): SkippedRow[] {
  const skipped: SkippedRow[] = read.flatMap((r) =>
    r.kind === "subtotal" || r.kind === "total" || r.kind === "note"
      ? [
          {
            cell: gridCellRef(grid, r.row, layout.nameColumn),
            kind: r.kind,
            label: cellText(grid.values[r.row][layout.nameColumn]),
          },
        ]
      : []
  );
  // The table ends at its total; anything filled below it is named, never dropped silently.
  const last = read.length === 0 ? layout.headerRow : read[read.length - 1].row;
  for (let r = last + 1; r < grid.values.length; r++) {
    const label = cellText(grid.values[r][layout.nameColumn]);
    const key = grid.values[r][layout.keyColumn];
    // A line without a key below the table is a footnote ("Källa: SCB"), not a lost recipient.
    if (key === null || key === undefined || String(key).trim() === "") continue;
    skipped.push({ cell: gridCellRef(grid, r, layout.nameColumn), kind: "after-total", label });
  }
  return skipped;
}

/** Recipient rows that are hidden in the sheet. */
export function hiddenRecipients(
  grid: Grid,
  layout: RecipientColumns,
  rows?: readonly RowClass[]
): HiddenRecipient[] {
  const hidden = new Set(grid.hiddenRows ?? []);
  if (hidden.size === 0) return [];
  return (rows ?? recipientRows(grid, layout))
    .filter((r) => r.kind === "data" && hidden.has(r.row))
    .map((r) => ({
      cell: gridCellRef(grid, r.row, layout.nameColumn),
      name: cellText(grid.values[r.row][layout.nameColumn]),
    }));
}
