/**
 * The ledger extract's columns, as the common municipal systems name them (Raindance,
 * Unit4/Agresso, Visma): date or period, account, cost centre, activity, project,
 * voucher, text, and the amount as one column or as Debet + Kredit.
 */
import type { Grid } from "../../grid";
import {
  type ColumnChoice,
  type ColumnDetection,
  type ColumnSpec,
  detectColumns,
  normaliseHeader,
} from "../../table/columns";
import type { Problem } from "../../problems";

export type LedgerColumnId =
  | "date"
  | "account"
  | "costCentre"
  | "activity"
  | "project"
  | "voucher"
  | "text"
  | "amount"
  | "debit"
  | "credit";

export const LEDGER_COLUMNS: readonly ColumnSpec<LedgerColumnId>[] = [
  {
    id: "date",
    label: { sv: "datumkolumn", en: "date column" },
    words: [
      "bokföringsdatum",
      "bokf.datum",
      "bokf datum",
      "transaktionsdatum",
      "verifikationsdatum",
      "datum",
      "period",
      "bokföringsperiod",
      "posting date",
      "date",
      "accounting period",
    ],
    required: true,
    type: "date",
    flag: "--date-column",
  },
  {
    id: "account",
    label: { sv: "kontokolumn", en: "account column" },
    words: ["konto", "kontonr", "kontonummer", "account", "account no"],
    required: true,
    type: "code",
    flag: "--account-column",
  },
  {
    id: "costCentre",
    label: { sv: "kolumn för ansvar/kostnadsställe", en: "cost centre column" },
    words: [
      "ansvar",
      "kostnadsställe",
      "kostnadsst",
      "kst",
      "enhet",
      "ansvarsenhet",
      "cost centre",
      "cost center",
      "responsibility",
    ],
    required: false,
    type: "code",
    flag: "--cost-centre-column",
  },
  {
    id: "activity",
    label: { sv: "verksamhetskolumn", en: "activity column" },
    words: ["verksamhet", "aktivitet", "activity"],
    required: false,
    type: "code",
  },
  {
    id: "project",
    label: { sv: "projektkolumn", en: "project column" },
    words: ["projekt", "projektnr", "projektnummer", "project"],
    required: false,
    type: "code",
    flag: "--project-column",
  },
  {
    id: "voucher",
    label: { sv: "verifikationskolumn", en: "voucher column" },
    words: ["verifikation", "verifikationsnummer", "vernr", "ver.nr", "ver nr", "voucher"],
    required: false,
    type: "code",
  },
  {
    id: "text",
    label: { sv: "textkolumn", en: "text column" },
    words: [
      "text",
      "benämning",
      "transaktionstext",
      "verifikationstext",
      "beskrivning",
      "description",
    ],
    required: false,
    type: "text",
  },
  {
    id: "amount",
    label: { sv: "beloppskolumn", en: "amount column" },
    words: ["belopp", "utfall", "summa", "amount"],
    required: false,
    type: "number",
    flag: "--amount-column",
  },
  {
    id: "debit",
    label: { sv: "debetkolumn", en: "debit column" },
    words: ["debet", "debit"],
    required: false,
    type: "number",
    flag: "--debit-column",
  },
  {
    id: "credit",
    label: { sv: "kreditkolumn", en: "credit column" },
    words: ["kredit", "credit"],
    required: false,
    type: "number",
    flag: "--credit-column",
  },
];

/** Where each of the ledger's columns is (grid column indexes), with the amount one way or the other. */
export interface LedgerColumns {
  headerRow: number;
  headerRef: string;
  headers: string[];
  date: number;
  account: number;
  costCentre: number | null;
  activity: number | null;
  project: number | null;
  voucher: number | null;
  text: number | null;
  amount:
    | { kind: "single"; column: number }
    /** creditSign: -1 when the Kredit column writes credits as negative numbers. */
    | { kind: "debitCredit"; debit: number; credit: number; creditSign: 1 | -1 };
}

export interface LedgerColumnDetection {
  columns: LedgerColumns | null;
  problems: Problem[];
}

/**
 * Detection keeps two headers that start with the same word apart ("Konto" and "Konto
 * text", "Belopp" and "Belopp valuta"); in a ledger the one that is exactly the word is
 * the column, so that ambiguity is settled here rather than asked.
 */
function settleExactMatches(
  grid: Grid,
  detection: ColumnDetection<LedgerColumnId>
): ColumnDetection<LedgerColumnId> {
  const match = detection.match;
  if (!match) return detection;
  const settled = new Set<string>();
  for (const column of LEDGER_COLUMNS) {
    const candidates = match.candidates[column.id];
    if (!candidates) continue;
    const exact = candidates.filter((c) =>
      column.words.includes(normaliseHeader(grid.values[match.headerRow][c]))
    );
    if (exact.length === 1) {
      match.columns[column.id] = exact[0];
      delete match.candidates[column.id];
      settled.add(column.id);
    }
  }
  return {
    match,
    problems: detection.problems.filter(
      (p) => !(p.code === "COLUMN_AMBIGUOUS" && p.field && settled.has(p.field))
    ),
  };
}

const found = (index: number | undefined): number | null => (index === undefined ? null : index);

/**
 * The amount is one column or debit less credit, not both: choosing one way leaves the other
 * undetected (a 'Belopp' column beside the chosen Debet and Kredit is not the amount).
 */
function oneAmountWay(choice: ColumnChoice<LedgerColumnId>): ColumnChoice<LedgerColumnId> {
  const chosen = (id: LedgerColumnId) => choice[id] !== undefined && choice[id] !== "";
  if (chosen("amount")) return { debit: "", credit: "", ...choice };
  if (chosen("debit") || chosen("credit")) return { amount: "", ...choice };
  return choice;
}

export function detectLedgerColumns(
  grid: Grid,
  choice: ColumnChoice<LedgerColumnId> = {}
): LedgerColumnDetection {
  const detection = settleExactMatches(
    grid,
    detectColumns(grid, LEDGER_COLUMNS, oneAmountWay(choice))
  );
  const { match } = detection;
  const problems = [...detection.problems];
  if (!match) return { columns: null, problems };
  const c = match.columns;
  let amount: LedgerColumns["amount"] | null = null;
  if (c.amount !== undefined) amount = { kind: "single", column: c.amount };
  else if (c.debit !== undefined && c.credit !== undefined)
    amount = { kind: "debitCredit", debit: c.debit, credit: c.credit, creditSign: 1 };
  else if (problems.some((p) => p.field === "debit" || p.field === "credit")) {
    // A chosen debit or credit column that is not there has said so already.
  } else if (c.debit !== undefined || c.credit !== undefined) {
    const debit = c.debit !== undefined;
    problems.push({
      code: "LEDGER_DEBIT_CREDIT_HALF",
      field: debit ? "credit" : "debit",
      params: {
        range: match.headerRef,
        have: match.headers[(debit ? c.debit : c.credit) as number],
        missing: debit ? "Kredit" : "Debet",
      },
    });
  } else if (!problems.some((p) => p.field === "amount")) {
    // (A chosen amount column that is not there has said so already.)
    problems.push({
      code: "LEDGER_AMOUNT_COLUMN_MISSING",
      field: "amount",
      params: { range: match.headerRef },
    });
  }
  if (problems.length > 0 || c.date === undefined || c.account === undefined || !amount)
    return { columns: null, problems };
  return {
    columns: {
      headerRow: match.headerRow,
      headerRef: match.headerRef,
      headers: match.headers,
      date: c.date,
      account: c.account,
      costCentre: found(c.costCentre),
      activity: found(c.activity),
      project: found(c.project),
      voucher: found(c.voucher),
      text: found(c.text),
      amount,
    },
    problems: [],
  };
}
