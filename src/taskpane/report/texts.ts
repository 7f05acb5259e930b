/**
 * The Återrapportering step's own words, in Swedish (the default) and English. The shell's
 * shared words are in shell/texts.ts.
 */
import type { Lang } from "../../core/problems";

export interface ReportTexts {
  ledgerHeading: string;
  ledgerSheet: (index: number) => string;
  ledgerHint: string;
  addLedger: string;
  removeLedger: (index: number) => string;
  readLedger: string;
  cancelRead: string;
  parametersHeading: string;
  received: string;
  receivedHint: string;
  year: string;
  costCentres: string;
  projects: string;
  codesHint: string;
  summaryHeading: string;
  summaryEmpty: string;
  category: Record<"personnel" | "premises" | "services" | "other", string>;
  receivedRow: string;
  totalUsed: string;
  unused: string;
  ownFunding: string;
  income: string;
  flaggedHeading: (count: number) => string;
  flaggedNone: string;
  acceptRow: (cell: string) => string;
  goToCell: (cell: string) => string;
  writeReport: string;
  notRead: string;
  readDone: (rows: number, ledgers: number, flagged: number) => string;
  mappingFromSheet: (sheet: string) => string;
  mappingDefault: string;
  narrativeKept: string;
  cancelled: string;
  written: (sheet: string) => string;
  writtenWithMapping: (sheet: string, mapping: string) => string;
  fixProblems: string;
  money: (amount: string) => string;
}

function moneyText(amount: string, lang: Lang): string {
  const negative = amount.startsWith("-");
  const [whole, ore = "00"] = amount.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  const sep = lang === "sv" ? "," : ".";
  return `${negative ? "\u2212" : ""}${grouped}${sep}${ore.padEnd(2, "0")} kr`;
}

export const REPORT_TEXTS: Record<Lang, ReportTexts> = {
  sv: {
    ledgerHeading: "1. Huvudboksutdrag",
    ledgerSheet: (i) => (i === 0 ? "Blad med huvudboken" : `Blad med huvudbok ${i + 1}`),
    ledgerHint:
      "Klistra in utdraget på ett eget blad. Flera blad (ett per stadsdel) redovisas med en kolumn per blad.",
    addLedger: "Lägg till en huvudbok",
    removeLedger: (i) => `Ta bort huvudbok ${i + 1}`,
    readLedger: "Läs och kontrollera",
    cancelRead: "Avbryt läsningen",
    parametersHeading: "2. Bidraget",
    received: "Erhållet belopp (kr)",
    receivedHint: "Bidraget som betalats ut, t.ex. 500 000.",
    year: "Bidragsår",
    costCentres: "Ansvar/kostnadsställe",
    projects: "Projekt",
    codesHint: "Flera skiljs med komma. Tomt: kontrolleras inte.",
    summaryHeading: "3. Ekonomisk redovisning",
    summaryEmpty: "Läs huvudboken för att se redovisningen.",
    category: {
      personnel: "Personal",
      premises: "Lokaler",
      services: "Köpta tjänster",
      other: "Övrigt",
    },
    receivedRow: "Erhållet",
    totalUsed: "Summa använt",
    unused: "Ej använt (återbetalas)",
    ownFunding: "Egen finansiering",
    income: "Intäkter (redovisas separat)",
    flaggedHeading: (n) => `Flaggade rader (${n})`,
    flaggedNone: "Inga flaggade rader.",
    acceptRow: (cell) => `Godkänn raden ${cell}`,
    goToCell: (cell) => `Gå till ${cell}`,
    writeReport: "Skriv återrapporteringen",
    notRead: "Läs och kontrollera huvudboken först.",
    readDone: (rows, ledgers, flagged) =>
      `${rows} rader lästa från ${ledgers === 1 ? "en huvudbok" : `${ledgers} huvudböcker`}; ${flagged} flaggade.`,
    mappingFromSheet: (sheet) => `Kontoindelningen läses från bladet '${sheet}'.`,
    mappingDefault: "Standardkontoindelningen (Kommun-Bas) används; den skrivs som ett eget blad.",
    narrativeKept: "Det du skrivit i berättelsedelen på förra rapporten behålls.",
    cancelled: "Läsningen avbröts. Inget har skrivits.",
    written: (sheet) => `Återrapporteringen skrevs på bladet '${sheet}'.`,
    writtenWithMapping: (sheet, mapping) =>
      `Återrapporteringen skrevs på bladet '${sheet}' och kontoindelningen på '${mapping}'.`,
    fixProblems: "Rätta felen ovan och försök igen.",
    money: (a) => moneyText(a, "sv"),
  },
  en: {
    ledgerHeading: "1. Ledger extract",
    ledgerSheet: (i) => (i === 0 ? "Sheet with the ledger" : `Sheet with ledger ${i + 1}`),
    ledgerHint:
      "Paste the extract on a sheet of its own. Several sheets (one per district) get a column each.",
    addLedger: "Add another ledger",
    removeLedger: (i) => `Remove ledger ${i + 1}`,
    readLedger: "Read and check",
    cancelRead: "Cancel the read",
    parametersHeading: "2. The grant",
    received: "Amount received (SEK)",
    receivedHint: "The grant paid out, e.g. 500,000.",
    year: "Grant year",
    costCentres: "Cost centre(s)",
    projects: "Project(s)",
    codesHint: "Separate several with commas. Empty: not checked.",
    summaryHeading: "3. Financial report",
    summaryEmpty: "Read the ledger to see the report.",
    category: {
      personnel: "Personnel",
      premises: "Premises",
      services: "Purchased services",
      other: "Other",
    },
    receivedRow: "Received",
    totalUsed: "Total used",
    unused: "Unused (to be repaid)",
    ownFunding: "Own funding",
    income: "Income (shown apart)",
    flaggedHeading: (n) => `Flagged rows (${n})`,
    flaggedNone: "No flagged rows.",
    acceptRow: (cell) => `Accept the row ${cell}`,
    goToCell: (cell) => `Go to ${cell}`,
    writeReport: "Write the report",
    notRead: "Read and check the ledger first.",
    readDone: (rows, ledgers, flagged) =>
      `${rows} rows read from ${ledgers === 1 ? "one ledger" : `${ledgers} ledgers`}; ${flagged} flagged.`,
    mappingFromSheet: (sheet) => `The account mapping is read from the sheet '${sheet}'.`,
    mappingDefault:
      "The default account mapping (Kommun-Bas) is used; it is written as a sheet of its own.",
    narrativeKept: "What you typed in the previous report's narrative is kept.",
    cancelled: "The read was cancelled. Nothing was written.",
    written: (sheet) => `The report was written on the sheet '${sheet}'.`,
    writtenWithMapping: (sheet, mapping) =>
      `The report was written on the sheet '${sheet}' and the account mapping on '${mapping}'.`,
    fixProblems: "Correct the problems above and try again.",
    money: (a) => moneyText(a, "en"),
  },
};
