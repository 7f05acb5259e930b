/**
 * The public JSON shape of a report-back (the runner's --json output). Amounts are exact
 * decimal strings with öre; flagged rows in ledger order:
 * {"received":"500000.00","used":{"personnel":"…","premises":"…","services":"…","other":"…"},
 *  "totalUsed":"…","unused":"…","ownFunding":"…","income":"…",
 *  "flagged":[{"cell":"Huvudbok!F12","reason":"outside_year","message":"…"}],
 *  "warnings":[{"code":"REPORT_NEGATIVE_CATEGORY","cell":"Huvudbok!F30","message":"…"}]}
 */
import { Decimal, moneyString } from "../../money";
import { type Lang, problemMessage } from "../../problems";
import type { Category } from "./categories";
import type { FlagReason } from "./flags";
import type { ReportResult } from "./report";

export interface ReportJson {
  received: string;
  used: Record<Category, string>;
  totalUsed: string;
  unused: string;
  ownFunding: string;
  income: string;
  flagged: { cell: string; reason: FlagReason; message: string }[];
  /** A negative category or total, with the first credit row that makes it so. */
  warnings: { code: string; cell: string | null; message: string }[];
}

const ORE = new Decimal("0.01");
const money = (value: Decimal) => moneyString(value, ORE);

export function reportJson(result: ReportResult, lang: Lang = "sv"): ReportJson {
  return {
    received: money(result.received),
    used: {
      personnel: money(result.used.personnel),
      premises: money(result.used.premises),
      services: money(result.used.services),
      other: money(result.used.other),
    },
    totalUsed: money(result.totalUsed),
    unused: money(result.unused),
    ownFunding: money(result.ownFunding),
    income: money(result.income),
    flagged: result.flagged.map((f) => ({
      cell: f.flag.problem.cell,
      reason: f.flag.reason,
      message: problemMessage(f.flag.problem, lang),
    })),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      cell: w.cell ?? null,
      message: problemMessage(w, lang),
    })),
  };
}
