/**
 * The requisitions use case: a list of maxima and a list of requisitions -> one status per
 * requisition, the approved amounts, what was not requisitioned and, when asked for, its
 * re-distribution to the recipients that want more.
 *
 * It throws InputError only when the input cannot be read (columns, the maxima's cells, an
 * empty list, the pot, the unit, the deadline), with every such problem at once. Problems
 * in single requisitions are results: statuses with messages.
 */
import { type Grid, gridRangeRef } from "../../grid";
import { type IsoDate, parseIsoDate } from "../../dates";
import { Decimal, ZERO, formatMoney, sum } from "../../money";
import { parseAmountInput, parseNumberCell, parseNumberText } from "../../parse";
import { InputError, type Problem } from "../../problems";
import type { ColumnChoice, ColumnMatch, ColumnSpec } from "../../table/columns";
import {
  MAXIMA_COLUMNS,
  type MaximaColumnId,
  type RequisitionColumnId,
  requisitionColumns,
} from "./columns";
import {
  type IgnoredRow,
  type MaximumRow,
  amountDecimalsProblem,
  readMaxima,
  readRequisitions,
} from "./read";
import { type Claim, redistribute } from "./redistribution";
import {
  type CheckedRequisition,
  type Wanted,
  checkRequisitions,
  wantsAnything,
} from "./validation";

/** What the user typed in the pane or on the command line, before validation. */
export interface RequisitionsRequest {
  /** Last day a requisition may arrive (YYYY-MM-DD); none: dates are not checked. */
  deadline?: string;
  /** The pot; default: the sum of the maxima. */
  total?: string | number;
  /** Rounding unit of the re-distribution: 1 (default), 0.01, 10, 100, 1000. */
  unit?: string | number;
  redistribute?: boolean;
}

export interface RequisitionsChoice {
  maxima?: ColumnChoice<MaximaColumnId>;
  requisitions?: ColumnChoice<RequisitionColumnId>;
}

/** One recipient of the list of maxima, with the requisition that counts for it. */
export interface RecipientLine {
  recipient: MaximumRow;
  /** The first requisition matched to this recipient; null when it sent none. */
  requisition: CheckedRequisition | null;
  approved: Decimal;
  /** What it wants beyond the approved amount (0: nothing). */
  wanted: Wanted;
  /** Weight in the re-distribution: the key, or the maximum when there is no key column. */
  weight: Decimal;
  extra: Decimal;
  final: Decimal;
  /** Took part in the re-distribution (wanted more and re-distribution was on). */
  claimed: boolean;
}

export interface RequisitionsRun {
  pot: Decimal;
  /** The pot was given; otherwise it is the sum of the maxima. */
  potGiven: boolean;
  unit: Decimal;
  deadline: IsoDate | null;
  redistribute: boolean;
  /** The maxima's key column weighs the re-distribution (else the maxima themselves). */
  byKey: boolean;
  maximaColumns: ColumnMatch<MaximaColumnId>;
  requisitionColumns: ColumnMatch<RequisitionColumnId>;
  /** "Maxbelopp!A1:D12" and "Rekvisitioner!A1:C14": where the lists were read. */
  maximaSource: string;
  requisitionsSource: string;
  /** In input order. */
  requisitions: CheckedRequisition[];
  /** One per recipient, in the maxima's order. */
  lines: RecipientLine[];
  /** Rows of either list that were not read as recipients or requisitions (totals, reserves). */
  ignored: IgnoredRow[];
  maximaSum: Decimal;
  approved: Decimal;
  unrequisitioned: Decimal;
  redistributed: Decimal;
  leftOver: Decimal;
  rounds: number;
}

const UNITS = ["0.01", "0.1", "1", "10", "100", "1000"].map((u) => new Decimal(u));

interface Parameters {
  unit: Decimal;
  pot: Decimal | null;
  deadline: IsoDate | null;
}

function readParameters(request: RequisitionsRequest, problems: Problem[]): Parameters {
  let unit = new Decimal(1);
  if (request.unit !== undefined && String(request.unit).trim() !== "") {
    const parsed =
      typeof request.unit === "number"
        ? parseNumberCell(request.unit)
        : parseNumberText(request.unit);
    const value = parsed.kind === "number" ? parsed.value : null;
    if (value && UNITS.some((u) => u.equals(value))) unit = value;
    else
      problems.push({
        code: "BAD_UNIT",
        field: "unit",
        params: { text: String(request.unit).trim() },
      });
  }

  let pot: Decimal | null = null;
  if (request.total !== undefined && String(request.total).trim() !== "") {
    const text = String(request.total).trim();
    const parsed =
      typeof request.total === "number"
        ? parseNumberCell(request.total)
        : parseNumberText(request.total);
    // "100.000" reads two ways: the one core rule for typed amounts names both readings.
    const amount = parseAmountInput(request.total);
    if (!amount.ok && amount.code === "AMBIGUOUS_DOT")
      problems.push({ code: "AMBIGUOUS_DOT", field: "total", params: { text } });
    else if (parsed.kind !== "number" || !parsed.value.isPositive() || parsed.value.isZero())
      problems.push({ code: "POT_NOT_POSITIVE", field: "total", params: { text } });
    else {
      const decimals = amountDecimalsProblem(parsed.value, unit, undefined, "total");
      if (decimals) problems.push(decimals);
      else pot = parsed.value;
    }
  }

  let deadline: IsoDate | null = null;
  if (request.deadline !== undefined && request.deadline.trim() !== "") {
    deadline = parseIsoDate(request.deadline.trim());
    if (deadline === null)
      problems.push({
        code: "DEADLINE_INVALID",
        field: "deadline",
        params: { text: request.deadline.trim() },
      });
  }
  return { unit, pot, deadline };
}

type ListName = "maxima" | "requisitions";

/**
 * A list's column choice with "none" taken out for its required columns (each refused with
 * a problem): detection then looks for them by their headers as if nothing was chosen.
 */
function checkedChoice<Id extends string>(
  list: ListName,
  spec: readonly ColumnSpec<Id>[],
  choice: ColumnChoice<Id> = {},
  problems: Problem[]
): ColumnChoice<Id> {
  const checked: ColumnChoice<Id> = { ...choice };
  for (const column of spec) {
    const chosen = choice[column.id];
    if (!column.required || chosen === undefined || chosen.trim() !== "") continue;
    problems.push({
      code: "COLUMN_REQUIRED",
      field: `${list}.${column.id}`,
      params: { column: column.label },
    });
    delete checked[column.id];
  }
  return checked;
}

/**
 * Both lists have a code and a wants-more column: a problem of a column says its list
 * ("maxima.code", "requisitions.code"), and one of the list's range says the list.
 */
function ofList<Id extends string>(
  list: ListName,
  spec: readonly ColumnSpec<Id>[],
  problems: readonly Problem[]
): Problem[] {
  const ids = new Set<string>(spec.map((c) => c.id));
  return problems.map((p) => {
    if (p.field === "range") return { ...p, field: list };
    return p.field !== undefined && ids.has(p.field) ? { ...p, field: `${list}.${p.field}` } : p;
  });
}

export function runRequisitions(
  maximaGrid: Grid,
  requisitionsGrid: Grid,
  request: RequisitionsRequest,
  choice: RequisitionsChoice = {}
): RequisitionsRun {
  const problems: Problem[] = [];
  const { unit, pot: givenPot, deadline } = readParameters(request, problems);
  const requisitionSpec = requisitionColumns(deadline !== null);
  const maximaChoice = checkedChoice("maxima", MAXIMA_COLUMNS, choice.maxima, problems);
  const listChoice = checkedChoice("requisitions", requisitionSpec, choice.requisitions, problems);
  const maxima = readMaxima(maximaGrid, unit, maximaChoice);
  const requisitionList = readRequisitions(requisitionsGrid, deadline !== null, listChoice);
  problems.push(
    ...ofList("maxima", MAXIMA_COLUMNS, maxima.problems),
    ...ofList("requisitions", requisitionSpec, requisitionList.problems)
  );

  const maximaSum = sum(maxima.recipients.map((r) => r.maximum));
  if (givenPot && problems.length === 0 && givenPot.lessThan(maximaSum)) {
    problems.push({
      code: "POT_BELOW_MAXIMA",
      field: "total",
      params: {
        pot: { sv: formatMoney(givenPot, unit, "sv"), en: formatMoney(givenPot, unit, "en") },
        maxima: { sv: formatMoney(maximaSum, unit, "sv"), en: formatMoney(maximaSum, unit, "en") },
      },
    });
  }
  if (problems.length > 0 || !maxima.columns || !requisitionList.columns)
    throw new InputError(problems);

  const pot = givenPot ?? maximaSum;
  const requisitions = checkRequisitions(requisitionList.rows, maxima.recipients, maxima.ignored, {
    deadline,
    unit,
  });
  const approved = sum(requisitions.map((r) => r.approved));
  const unrequisitioned = pot.minus(approved);
  const byKey = maxima.columns.columns.key !== undefined;

  const counted = new Map<number, CheckedRequisition>();
  for (const requisition of requisitions)
    if (requisition.recipient !== null && !counted.has(requisition.recipient))
      counted.set(requisition.recipient, requisition);

  const lines = maxima.recipients.map((recipient, i): RecipientLine => {
    const requisition = counted.get(i) ?? null;
    const wanted = requisition?.wanted ?? ZERO;
    return {
      recipient,
      requisition,
      approved: requisition?.approved ?? ZERO,
      wanted,
      weight: recipient.key ?? recipient.maximum,
      extra: ZERO,
      final: requisition?.approved ?? ZERO,
      claimed: request.redistribute === true && wantsAnything(wanted),
    };
  });

  const claimants = lines.filter((l) => l.claimed);
  const claims: Claim[] = claimants.map((l) => ({
    name: l.recipient.name,
    weight: l.weight,
    wanted: l.wanted,
  }));
  const shared = redistribute(unrequisitioned, unit, claims);
  claimants.forEach((line, i) => {
    line.extra = shared.extras[i];
    line.final = line.approved.plus(line.extra);
  });

  return {
    pot,
    potGiven: givenPot !== null,
    unit,
    deadline,
    redistribute: request.redistribute === true,
    byKey,
    maximaColumns: maxima.columns,
    requisitionColumns: requisitionList.columns,
    maximaSource: gridRangeRef(maximaGrid),
    requisitionsSource: gridRangeRef(requisitionsGrid),
    requisitions,
    lines,
    ignored: [...maxima.ignored, ...requisitionList.ignored],
    maximaSum,
    approved,
    unrequisitioned,
    redistributed: shared.redistributed,
    leftOver: shared.leftOver,
    rounds: shared.rounds,
  };
}
