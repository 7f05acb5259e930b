/**
 * The public JSON shape of a requisitions run (the runner's --json output):
 * {"pot":"…","requisitions":[{"cell":"Rekvisitioner!A5","recipient":"…","requested":"…",
 *   "maximum":"…","approved":"…","status":"ok|over_max|unknown|duplicate|invalid_amount|late",
 *   "message":"…"}],"unrequisitioned":"…","redistribution":[{"recipient":"…","extra":"…",
 *   "final":"…"}],"leftOver":"…"}
 *
 * Amounts are exact decimal strings at the unit's decimals ("491911", "491911.50").
 * "requested" is null when the cell holds no number (missing, text, an error value); a
 * number that is itself the problem (0, -5000, 1234.50 where whole kronor are expected) is
 * given exactly as read. "maximum" is null when the recipient is unknown. Requisitions are
 * in input order; "cell" is the requisition's recipient cell; "recipient" is the matched
 * recipient's name, or the text as typed when unknown; "message" starts with the cell it
 * concerns. "redistribution" lists the recipients that took part in the re-distribution
 * (wanted more), in the maxima's order, also those that got 0; it is empty when
 * re-distribution is off.
 */
import { type Decimal, moneyDecimals, moneyString } from "../../money";
import { type Lang, describeProblem } from "../../problems";
import type { RequisitionsRun } from "./requisitions";
import type { RequisitionStatus } from "./validation";

export interface RequisitionJson {
  cell: string;
  recipient: string;
  requested: string | null;
  maximum: string | null;
  approved: string;
  status: RequisitionStatus;
  message: string;
}

export interface RequisitionsJson {
  pot: string;
  requisitions: RequisitionJson[];
  unrequisitioned: string;
  redistribution: { recipient: string; extra: string; final: string }[];
  leftOver: string;
}

/** moneyString, or all the digits when the amount has more decimals than the unit shows. */
function exact(value: Decimal, unit: Decimal): string {
  return value.decimalPlaces() > moneyDecimals(unit) ? value.toFixed() : moneyString(value, unit);
}

export function requisitionsJson(run: RequisitionsRun, lang: Lang): RequisitionsJson {
  const money = (value: Decimal) => exact(value, run.unit);
  return {
    pot: money(run.pot),
    requisitions: run.requisitions.map((r) => {
      const recipient = r.recipient === null ? null : run.lines[r.recipient].recipient;
      return {
        cell: r.row.recipientCell,
        recipient: recipient?.name ?? r.row.recipientText,
        requested: r.requested === null ? null : money(r.requested),
        maximum: recipient ? money(recipient.maximum) : null,
        approved: money(r.approved),
        status: r.status,
        message: describeProblem(r.note, lang),
      };
    }),
    unrequisitioned: money(run.unrequisitioned),
    redistribution: run.lines
      .filter((l) => l.claimed)
      .map((l) => ({ recipient: l.recipient.name, extra: money(l.extra), final: money(l.final) })),
    leftOver: money(run.leftOver),
  };
}
