/**
 * One status per requisition, with a message that names the cell it concerns. Checks run in
 * this order and the first that applies decides: the recipient (unknown), a second
 * requisition from the same recipient (duplicate), the amount (invalid_amount), the date
 * (late), the maximum (over_max), else ok. Approved is 0 for every status but ok (the
 * amount requested) and over_max (the maximum).
 *
 * The first requisition of a recipient in list order is the one judged, whatever its own
 * status; later ones are duplicates whose message names the first's cell (a correction
 * replaces the first row rather than being added below it).
 *
 * With a deadline, a requisition whose date is missing or unreadable cannot be shown to have
 * arrived in time: its status is `late`, with a message of its own that says the date is
 * missing or unreadable (not that it came after the deadline).
 */
import { type IsoDate, formatDate } from "../../dates";
import { type Decimal, ZERO, formatMoney } from "../../money";
import type { Localised, Problem } from "../../problems";
import { type Match, RecipientIndex, strictName } from "./matching";
import {
  type IgnoredRow,
  type MaximumRow,
  type RequisitionRow,
  type WantsMore,
  amountDecimalsProblem,
} from "./read";

export const STATUSES = [
  "ok",
  "over_max",
  "unknown",
  "duplicate",
  "invalid_amount",
  "late",
] as const;
export type RequisitionStatus = (typeof STATUSES)[number];

/** Why a requisition is `late`: after the deadline, or no readable date to show otherwise. */
export type LateReason = "after" | "missing" | "unreadable";

/** Extra a recipient would take on top of its approved amount: an amount (0 = none), or all there is. */
export type Wanted = Decimal | "all";

export interface CheckedRequisition {
  row: RequisitionRow;
  status: RequisitionStatus;
  /** Set for `late`. */
  lateReason?: LateReason;
  /** Index into the recipients; null when unknown. */
  recipient: number | null;
  /** The amount as read, when the cell holds a number (also a negative or öre one). */
  requested: Decimal | null;
  approved: Decimal;
  received: IsoDate | null;
  /** What this recipient wants beyond the approved amount (0 unless ok or over_max). */
  wanted: Wanted;
  /** The message, naming the cell it concerns. */
  note: Problem;
}

export interface CheckOptions {
  deadline: IsoDate | null;
  unit: Decimal;
}

const money = (value: Decimal, unit: Decimal): Localised => ({
  sv: formatMoney(value, unit, "sv"),
  en: formatMoney(value, unit, "en"),
});

const date = (iso: IsoDate): Localised => ({
  sv: formatDate(iso, "sv"),
  en: formatDate(iso, "en"),
});

function orList(names: readonly string[]): Localised {
  const quoted = names.map((n) => `'${n}'`);
  const join = (word: string) =>
    quoted.length <= 1
      ? quoted.join("")
      : `${quoted.slice(0, -1).join(", ")} ${word} ${quoted[quoted.length - 1]}`;
  return { sv: join("och"), en: join("or") };
}

/** The largest of what was asked above the maximum and the wants-more amounts; X wins. */
export function wantedMore(over: Decimal, ...wishes: WantsMore[]): Wanted {
  if (wishes.some((w) => w.kind === "all")) return "all";
  let wanted = over.isNegative() ? ZERO : over;
  for (const wish of wishes)
    if (wish.kind === "amount" && wish.value.greaterThan(wanted)) wanted = wish.value;
  return wanted;
}

export function checkRequisitions(
  rows: readonly RequisitionRow[],
  recipients: readonly MaximumRow[],
  notRecipients: readonly IgnoredRow[],
  options: CheckOptions
): CheckedRequisition[] {
  const index = new RecipientIndex(recipients);
  const reserves = new Map(
    notRecipients.filter((r) => r.reason === "no-key").map((r) => [strictName(r.text), r])
  );
  const firstFrom = new Map<number, string>();
  return rows.map((row): CheckedRequisition => {
    const match = index.match(row.recipient, row.code);
    const requested = row.requested.kind === "number" ? row.requested.value : null;
    const base = { row, requested, approved: ZERO, wanted: ZERO as Wanted, received: dayOf(row) };
    if (match.kind !== "matched") {
      return {
        ...base,
        status: "unknown",
        recipient: null,
        note: unknownNote(row, match, recipients, reserves),
      };
    }
    const recipient = recipients[match.index];
    const withRecipient = { ...base, recipient: match.index };
    const first = firstFrom.get(match.index);
    if (first !== undefined) {
      return {
        ...withRecipient,
        status: "duplicate",
        note: {
          code: "REQUISITION_DUPLICATE",
          cell: row.recipientCell,
          params: { name: recipient.name, other: first },
        },
      };
    }
    firstFrom.set(match.index, row.recipientCell);

    const amountProblem = checkAmount(row, options.unit);
    if (amountProblem) return { ...withRecipient, status: "invalid_amount", note: amountProblem };
    const amount = requested as Decimal;

    const late = checkDate(row, options.deadline);
    if (late) return { ...withRecipient, status: "late", lateReason: late.reason, note: late.note };

    const rowWish: WantsMore = row.wantsMore.kind === "invalid" ? { kind: "none" } : row.wantsMore;
    if (amount.greaterThan(recipient.maximum)) {
      const over = amount.minus(recipient.maximum);
      return {
        ...withRecipient,
        status: "over_max",
        approved: recipient.maximum,
        wanted: wantedMore(over, rowWish, recipient.wantsMore),
        note: {
          code: "REQUISITION_OVER_MAX",
          cell: row.requestedCell,
          params: {
            requested: money(amount, options.unit),
            over: money(over, options.unit),
            maximum: money(recipient.maximum, options.unit),
          },
        },
      };
    }
    return {
      ...withRecipient,
      status: "ok",
      approved: amount,
      wanted: wantedMore(ZERO, rowWish, recipient.wantsMore),
      note: {
        code: "REQUISITION_OK",
        cell: row.recipientCell,
        params: { approved: money(amount, options.unit) },
      },
    };
  });
}

function dayOf(row: RequisitionRow): IsoDate | null {
  return row.received?.kind === "date" ? row.received.date : null;
}

function unknownNote(
  row: RequisitionRow,
  match: Exclude<Match, { kind: "matched" }>,
  recipients: readonly MaximumRow[],
  reserves: ReadonlyMap<string, IgnoredRow>
): Problem {
  const cell = row.recipientCell;
  if (match.kind === "empty") return { code: "REQUISITION_NO_RECIPIENT", cell };
  if (match.kind === "ambiguous") {
    return {
      code: "REQUISITION_AMBIGUOUS",
      cell,
      params: {
        text: match.text,
        candidates: orList(match.candidates.map((i) => recipients[i].name)),
      },
    };
  }
  const reserve = reserves.get(strictName(row.recipientText));
  if (reserve)
    return {
      code: "REQUISITION_NOT_RECIPIENT",
      cell,
      params: { name: reserve.text, other: reserve.cell },
    };
  if (match.hints.length === 0)
    return { code: "REQUISITION_UNKNOWN", cell, params: { text: match.text } };
  return {
    code: "REQUISITION_UNKNOWN_HINT",
    cell,
    params: { text: match.text, hint: orList(match.hints) },
  };
}

/** Missing, not a number, zero or negative, öre where whole kronor are expected; or a bad wants-more cell. */
function checkAmount(row: RequisitionRow, unit: Decimal): Problem | null {
  const cell = row.requestedCell;
  const parsed = row.requested;
  if (parsed.kind === "empty") return { code: "AMOUNT_MISSING", cell };
  if (parsed.kind === "invalid") return { code: parsed.code, cell, params: { text: parsed.text } };
  if (!parsed.value.isPositive() || parsed.value.isZero())
    return { code: "AMOUNT_NOT_POSITIVE", cell, params: { text: parsed.value.toFixed() } };
  const decimals = amountDecimalsProblem(parsed.value, unit, cell);
  if (decimals) return decimals;
  if (row.wantsMore.kind === "invalid") {
    return {
      code: "WANTS_MORE_INVALID",
      cell: row.wantsMoreCell ?? cell,
      params: { text: row.wantsMore.text },
    };
  }
  return null;
}

function checkDate(
  row: RequisitionRow,
  deadline: IsoDate | null
): { reason: LateReason; note: Problem } | null {
  if (deadline === null) return null;
  const cell = row.receivedCell ?? row.recipientCell;
  const received = row.received;
  const shownDeadline = date(deadline);
  if (received === null || received.kind === "empty")
    return {
      reason: "missing",
      note: { code: "REQUISITION_DATE_MISSING", cell, params: { deadline: shownDeadline } },
    };
  if (received.kind !== "date") {
    const text = row.receivedText;
    return {
      reason: "unreadable",
      note: {
        code: "REQUISITION_DATE_UNREADABLE",
        cell,
        params: { text, deadline: shownDeadline },
      },
    };
  }
  if (received.date > deadline) {
    return {
      reason: "after",
      note: {
        code: "REQUISITION_LATE",
        cell,
        params: { date: date(received.date), deadline: shownDeadline },
      },
    };
  }
  return null;
}

/** Whether a wanted amount asks for anything. */
export function wantsAnything(wanted: Wanted): boolean {
  return wanted === "all" || wanted.greaterThan(0);
}
