/**
 * The report-back as one plain sheet ("Återrapportering"):
 *
 * 1. the summary: received, used per category, total used, unused (to be repaid), own
 *    funding, income apart; a column per district and a total column when there are
 *    several ledgers. Every total is a formula: SUMIF over the detail lines' category
 *    column, SUM across districts, MIN(received; MAX(0; …)) for unused (never more than
 *    received) and MAX(0; …) for own funding; a negative category or total is said below;
 * 2. what the report is based on (year, cost centres, projects, ledgers, date);
 * 3. the narrative form (efforts started / extended / improved, how, results), whose
 *    answers survive a re-run: readNarrative finds them by their labels;
 * 4. the flagged rows with cell, reason and whether they were accepted;
 * 5. the detail: one line per counted ledger row with its category and source cell, so
 *    an auditor can follow each krona back to the ledger.
 */
import { type CellValue, type Grid, cellAddress } from "../../grid";
import { Decimal } from "../../money";
import { type Lang, problemMessage } from "../../problems";
import type { SheetCell, SheetModel } from "../../sheets/sheet-model";
import { SheetBuilder, empty, formula, num, text } from "../../sheets/builder";
import { normaliseHeader } from "../../table/columns";
import { CATEGORIES, CLASS_LABELS, type Category } from "./categories";
import { type FlagReason, dateText } from "./flags";
import type { ReportResult } from "./report";

export const REPORT_SHEET_NAME: Record<Lang, string> = {
  sv: "Återrapportering",
  en: "Report-back",
};

export type NarrativeKey =
  "started" | "extended" | "improved" | "how" | "conversations" | "people" | "referred" | "results";

/** What the user typed in the narrative form, by question. */
export type Narrative = Partial<Record<NarrativeKey, string | number>>;

const NARRATIVE: readonly [NarrativeKey, Record<Lang, string>][] = [
  ["started", { sv: "Insatser som startats", en: "Efforts started" }],
  ["extended", { sv: "Insatser som utökats", en: "Efforts extended" }],
  ["improved", { sv: "Insatser som förbättrats", en: "Efforts improved" }],
  ["how", { sv: "Hur samtalen har genomförts", en: "How the conversations were carried out" }],
  ["conversations", { sv: "Antal genomförda samtal", en: "Number of conversations held" }],
  ["people", { sv: "Antal personer som nåtts", en: "Number of people reached" }],
  [
    "referred",
    { sv: "Antal personer som fått hjälp vidare", en: "Number of people helped onwards" },
  ],
  ["results", { sv: "Resultat", en: "Results" }],
];

const REASON_LABELS: Record<FlagReason, Record<Lang, string>> = {
  outside_year: { sv: "Utanför bidragsåret", en: "Outside the grant year" },
  other_cost_centre: { sv: "Annat ansvar", en: "Other cost centre" },
  other_project: { sv: "Annat projekt", en: "Other project" },
  disallowed: { sv: "Kontrollera: får bidraget betala?", en: "Check: may the grant pay?" },
  invalid: { sv: "Ogiltig rad", en: "Invalid row" },
};

const TEXT = {
  sv: {
    title: (year: number) => `Återrapportering av statsbidrag, bidragsår ${year}`,
    subtitle: "Förenklad ekonomisk redovisning. Summorna är formler över detaljraderna längst ned.",
    amount: "Belopp (kr)",
    total: "Totalt",
    received: "Erhållet bidrag",
    totalUsed: "Summa använt",
    unused: "Ej använt, att återbetala",
    ownFunding: "Egen finansiering (kostnader över erhållet bidrag)",
    income: "Intäkter på bidragets ansvar (redovisas separat, ej avräknade)",
    basis: "Underlag",
    year: "Bidragsår",
    yearText: (year: number) => `${year} (1 januari–31 december)`,
    costCentres: "Ansvar/kostnadsställe",
    projects: "Projekt",
    all: "alla (inte kontrollerat)",
    ledgers: "Huvudbok",
    date: "Datum",
    skipped: "Summerings- och notrader som inte räknats",
    check: "Kontrollera",
    narrative: "Redovisning av insatser (till myndighetens formulär)",
    narrativeHelp: "Skriv svaren i kolumnen bredvid frågan; de finns kvar när rapporten görs om.",
    flagged: "Flaggade rader (räknas inte med om de inte godkänts)",
    noFlags: "Inga rader flaggades.",
    ledger: "Huvudbok",
    cell: "Cell",
    reason: "Skäl",
    accepted: "Godkänd",
    message: "Meddelande",
    yes: "Ja",
    no: "Nej",
    acceptedNotCounted: "Ja, men kan inte räknas",
    detail: "Detaljrader: varje bokföringsrad som räknats, med källcell",
    source: "Källcell",
    voucher: "Verifikation",
    account: "Konto",
    costCentre: "Ansvar",
    project: "Projekt",
    textColumn: "Text",
    category: "Kategori",
  },
  en: {
    title: (year: number) => `Report-back on the state grant, grant year ${year}`,
    subtitle:
      "Simplified financial report. The totals are formulas over the detail lines at the bottom.",
    amount: "Amount (SEK)",
    total: "Total",
    received: "Grant received",
    totalUsed: "Total used",
    unused: "Unused, to be repaid",
    ownFunding: "Own funding (costs above the grant received)",
    income: "Income on the grant's cost centre (shown apart, not netted)",
    basis: "Basis",
    year: "Grant year",
    yearText: (year: number) => `${year} (1 January–31 December)`,
    costCentres: "Cost centre",
    projects: "Project",
    all: "all (not checked)",
    ledgers: "Ledger",
    date: "Date",
    skipped: "Total and note rows not counted",
    check: "Check",
    narrative: "Report on the efforts (for the agency's form)",
    narrativeHelp:
      "Type the answers in the column next to each question; they are kept when the report is made again.",
    flagged: "Flagged rows (not counted unless accepted)",
    noFlags: "No rows were flagged.",
    ledger: "Ledger",
    cell: "Cell",
    reason: "Reason",
    accepted: "Accepted",
    message: "Message",
    yes: "Yes",
    no: "No",
    acceptedNotCounted: "Yes, but cannot be counted",
    detail: "Detail: every ledger row counted, with its source cell",
    source: "Source cell",
    voucher: "Voucher",
    account: "Account",
    costCentre: "Cost centre",
    project: "Project",
    textColumn: "Text",
    category: "Category",
  },
} as const;

/** Detail columns. */
const D = {
  ledger: 0,
  source: 1,
  date: 2,
  voucher: 3,
  account: 4,
  costCentre: 5,
  project: 6,
  text: 7,
  category: 8,
  amount: 9,
} as const;
const DETAIL_WIDTH = 10;
/** Flagged-row columns: the message last, so it may run on to the right. */
const F = { ledger: 0, cell: 1, reason: 2, accepted: 3, amount: 4, message: 5 } as const;

const MONEY = "#,##0.00";

export interface ReportSheetContext {
  lang: Lang;
  /** ISO date of the run. */
  date: string;
  /** Answers typed in the previous report's narrative form. */
  narrative?: Narrative;
}

const kronor = (ore: number) => num(ore / 100);
const fromKronor = (value: Decimal) => num(value);

/** An account as a number when it reads the same ("5010"), as text when it has a leading zero. */
function accountCell(account: string | null): SheetCell {
  if (account === null) return empty();
  return /^[1-9]\d{0,14}$/.test(account) ? num(Number(account)) : text(account);
}

function quoted(label: string): string {
  return `"${label.replace(/"/g, '""')}"`;
}

export function reportSheet(result: ReportResult, context: ReportSheetContext): SheetModel {
  const lang = context.lang;
  const t = TEXT[lang];
  const districts = result.districts.length;
  const several = districts > 1;
  /** Summary columns: one per district and a total, or one amount column. */
  const totalCol = several ? districts + 1 : 1;
  const width = Math.max(DETAIL_WIDTH, totalCol + 1);
  const b = new SheetBuilder(width);

  b.title(t.title(result.year), t.subtitle);
  b.blank();
  const header = b.header(
    several ? ["", ...result.districts.map((d) => d.name), t.total] : ["", t.amount],
    Array.from({ length: totalCol }, (_, i) => i + 1)
  );
  const receivedRow = b.add([text(t.received)]);
  b.set(receivedRow, totalCol, fromKronor(result.received));
  const categoryRows: Record<Category, number> = {} as Record<Category, number>;
  for (const category of CATEGORIES)
    categoryRows[category] = b.add([text(CLASS_LABELS[category][lang])]);
  const usedRow = b.total([text(t.totalUsed)], totalCol);
  const unusedRow = b.add([text(t.unused)]);
  const ownRow = b.add([text(t.ownFunding)]);
  const incomeRow = b.add([text(t.income)]);
  b.format(1, receivedRow, incomeRow, MONEY);
  for (let c = 2; c <= totalCol; c++) b.format(c, receivedRow, incomeRow, MONEY);
  // A negative category or total is said under the summary, where its amounts are read.
  const warningRows: number[] = [];
  if (result.warnings.length > 0) b.blank();
  for (const warning of result.warnings)
    warningRows.push(b.add([text(`${t.check}: ${problemMessage(warning, lang)}`)]));

  b.blank();
  const basis: [string, SheetCell][] = [
    [t.year, text(t.yearText(result.year))],
    [t.costCentres, text(result.costCentres.length > 0 ? result.costCentres.join(", ") : t.all)],
    [t.projects, text(result.projects.length > 0 ? result.projects.join(", ") : t.all)],
    [t.ledgers, text(result.ledgers.map((l) => l.range).join("; "))],
    [t.date, text(context.date)],
  ];
  const skipped = result.ledgers.flatMap((l) => l.skipped);
  if (skipped.length > 0)
    basis.push([
      t.skipped,
      text(
        skipped
          .slice(0, 20)
          .map((s) => s.cell)
          .join(", ") + (skipped.length > 20 ? ", …" : "")
      ),
    ]);
  b.parameters(t.basis, basis);

  b.blank();
  const narrativeHead = b.add([text(t.narrative)]);
  b.style({ top: narrativeHead, left: 0, bottom: narrativeHead, right: 0, bold: true });
  const help = b.add([text(t.narrativeHelp)]);
  b.italic(0, help, help);
  const answers = context.narrative ?? {};
  for (const [key, labels] of NARRATIVE) {
    const answer = answers[key];
    b.add([
      text(labels[lang]),
      answer === undefined ? empty() : typeof answer === "number" ? num(answer) : text(answer),
    ]);
  }

  b.blank();
  const flaggedHead = b.add([text(t.flagged)]);
  b.style({ top: flaggedHead, left: 0, bottom: flaggedHead, right: 0, bold: true });
  if (result.flagged.length === 0) b.add([text(t.noFlags)]);
  else {
    b.header([t.ledger, t.cell, t.reason, t.accepted, t.amount, t.message], [F.amount]);
    const first = b.next;
    for (const f of result.flagged) {
      b.add([
        text(result.ledgers[f.ledger].sheet),
        text(f.flag.problem.cell),
        text(REASON_LABELS[f.flag.reason][lang]),
        text(f.accepted ? (f.counted ? t.yes : t.acceptedNotCounted) : t.no),
        f.row.amount === null ? empty() : kronor(f.row.amount),
        text(problemMessage(f.flag.problem, lang)),
      ]);
    }
    b.format(F.amount, first, b.next - 1, MONEY);
  }

  b.blank();
  const detailHead = b.add([text(t.detail)]);
  b.style({ top: detailHead, left: 0, bottom: detailHead, right: 0, bold: true });
  const detailHeader = b.header(
    [
      t.ledger,
      t.source,
      t.date,
      t.voucher,
      t.account,
      t.costCentre,
      t.project,
      t.textColumn,
      t.category,
      t.amount,
    ],
    [D.amount]
  );
  /** First and last detail row per district (a district's lines are together, in ledger order). */
  const spans: ({ from: number; to: number } | null)[] = result.districts.map(() => null);
  for (const line of result.lines) {
    const row = line.row;
    const at = b.add([
      text(result.ledgers[line.ledger].sheet),
      text(row.cell),
      text(dateText(row.date) ?? ""),
      row.voucher === "" ? empty() : text(row.voucher),
      accountCell(row.account),
      row.costCentre === "" ? empty() : text(row.costCentre),
      row.project === "" ? empty() : text(row.project),
      row.text === "" ? empty() : text(row.text),
      text(CLASS_LABELS[line.kind][lang]),
      kronor(line.amount),
    ]);
    const span = spans[line.ledger];
    if (span) span.to = at;
    else spans[line.ledger] = { from: at, to: at };
  }
  if (result.lines.length > 0) b.format(D.amount, detailHeader + 1, b.next - 1, MONEY);

  // The summary's formulas, now that the detail rows are known.
  const sumif = (
    span: { from: number; to: number } | null,
    label: string,
    value: Decimal,
    negate = false
  ) => {
    if (!span) return num(0);
    const criteria = `${cellAddress(span.from, D.category)}:${cellAddress(span.to, D.category)}`;
    const amounts = `${cellAddress(span.from, D.amount)}:${cellAddress(span.to, D.amount)}`;
    return formula(`${negate ? "-" : ""}SUMIF(${criteria},${quoted(label)},${amounts})`, value);
  };
  const across = (row: number, value: Decimal) =>
    formula(`SUM(${cellAddress(row, 1)}:${cellAddress(row, districts)})`, value);
  result.districts.forEach((district, d) => {
    const col = d + 1;
    for (const category of CATEGORIES)
      b.set(
        categoryRows[category],
        col,
        sumif(spans[d], CLASS_LABELS[category][lang], district.used[category])
      );
    b.set(incomeRow, col, sumif(spans[d], CLASS_LABELS.income[lang], district.income, true));
  });
  const lastCategory = categoryRows[CATEGORIES[CATEGORIES.length - 1]];
  for (let col = 1; col <= totalCol; col++) {
    const value = col === totalCol ? result.totalUsed : result.districts[col - 1].totalUsed;
    b.set(
      usedRow,
      col,
      formula(
        `SUM(${cellAddress(categoryRows.personnel, col)}:${cellAddress(lastCategory, col)})`,
        value
      )
    );
  }
  if (several) {
    for (const category of CATEGORIES)
      b.set(
        categoryRows[category],
        totalCol,
        across(categoryRows[category], result.used[category])
      );
    b.set(incomeRow, totalCol, across(incomeRow, result.income));
  }
  const received = cellAddress(receivedRow, totalCol);
  const used = cellAddress(usedRow, totalCol);
  // Never more than received: a credit note without its invoice in the year makes "used" negative.
  b.set(unusedRow, totalCol, formula(`MIN(${received},MAX(0,${received}-${used}))`, result.unused));
  b.set(ownRow, totalCol, formula(`MAX(0,${used}-${received})`, result.ownFunding));

  return b.build(
    REPORT_SHEET_NAME[lang],
    { top: header, left: 0, bottom: incomeRow, right: totalCol },
    {
      // Long texts (the ledger ranges, answers, messages) run on into the empty cells to their right.
      skipRows: [0, 1, ...warningRows, narrativeHead, help, flaggedHead, detailHead],
      max: { 0: 50, 1: 22, [F.message]: 16, [D.text]: 50 },
      min: { 0: 24, 1: 14, [D.amount]: 14 },
    },
    { landscape: true, fitToPagesWide: 1 }
  );
}

/** Labels in both languages, so answers survive a change of language too. */
const LABEL_TO_KEY = new Map<string, NarrativeKey>(
  NARRATIVE.flatMap(([key, labels]) => [
    [normaliseHeader(labels.sv), key],
    [normaliseHeader(labels.en), key],
  ])
);

/**
 * The answers in a previous report sheet's narrative form: each question is found by its
 * label (anywhere, the first from the top), the answer is the cell to its right.
 */
export function readNarrative(previous: Grid): Narrative {
  const narrative: Narrative = {};
  const found = new Set<NarrativeKey>();
  for (const row of previous.values) {
    for (let c = 0; c + 1 < row.length; c++) {
      const value = row[c];
      if (typeof value !== "string") continue;
      const key = LABEL_TO_KEY.get(normaliseHeader(value));
      if (key === undefined || found.has(key)) continue;
      found.add(key);
      const answer: CellValue = row[c + 1];
      if (typeof answer === "number") narrative[key] = answer;
      else if (typeof answer === "string" && answer.trim() !== "") narrative[key] = answer;
      else if (typeof answer === "boolean") narrative[key] = String(answer);
      break;
    }
    if (found.size === NARRATIVE.length) break;
  }
  return narrative;
}
