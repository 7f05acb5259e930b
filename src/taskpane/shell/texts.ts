/**
 * The words the shell and every step share: tabs, the source picker, progress, Excel's
 * failures, copying. Each step keeps its own words beside it; problems in the user's input
 * keep theirs in core.
 */
import type { Lang } from "../../core/problems";
import { type OfficeAction, actionText } from "../../excel/errors";

/** English when Office runs in any English locale, otherwise Swedish (the users' language). */
export function paneLanguage(displayLanguage: string): Lang {
  return displayLanguage.toLowerCase().startsWith("en") ? "en" : "sv";
}

export interface ShellTexts {
  appTitle: string;
  tabsLabel: string;
  tabAllocate: string;
  tabRequisitions: string;
  tabReport: string;
  useSelection: string;
  tableLabel: string;
  tableNone: string;
  tableRead: string;
  rereadLast: (address: string) => string;
  sourceIs: (address: string) => string;
  problemsHeading: string;
  notWritten: (count: number) => string;
  goToCell: (cell: string) => string;
  selectForCopy: string;
  copyForWord: string;
  reading: string;
  writing: string;
  selectedForCopy: string;
  copiedForWord: string;
  copyNotAllowed: string;
  writeFirst: string;
  excelFailed: (detail: string) => string;
  /** "Excel kunde inte läsa markeringen: <Office's message>" */
  officeFailed: (action: OfficeAction, detail: string) => string;
  /** Several areas, a chart or a picture selected: Office's InvalidSelection. */
  invalidSelection: string;
  /** The sheet was written but the last-run settings could not be stored. */
  settingsNotSaved: string;
  notExcel: string;
  /** Excel is older than the requirement set the add-in needs. */
  excelTooOld: (set: string) => string;
  settingsRestored: string;
  kr: string;
  unexpected: (detail: string) => string;
  cancel: string;
  selectedClickSheet: string;
  cancelled: string;
  progress: (done: number, total: number) => string;
}

const SV: ShellTexts = {
  appTitle: "Statsbidrag",
  tabsLabel: "Uppgifter",
  tabAllocate: "Fördela",
  tabRequisitions: "Rekvisitioner",
  tabReport: "Återrapportering",
  useSelection: "Använd markering",
  tableLabel: "Eller välj en Excel-tabell",
  tableNone: "(ingen tabell vald)",
  tableRead: "Läs tabellen",
  rereadLast: (address) => `Läs ${address} igen`,
  sourceIs: (address) => `Källa: ${address}`,
  problemsHeading: "Rätta detta först – inget skrivs förrän allt stämmer:",
  notWritten: (count) =>
    count === 1
      ? "Inget skrevs. Rätta felet ovan först."
      : `Inget skrevs. Rätta de ${count} felen ovan först.`,
  goToCell: (cell) => `Gå till ${cell}`,
  selectForCopy: "Markera tabellen för kopiering",
  copyForWord: "Kopiera för Word",
  reading: "Läser från Excel …",
  writing: "Skriver till Excel …",
  selectedForCopy: "Tabellen är markerad. Tryck Ctrl+C (Cmd+C på Mac) och klistra in i Word.",
  copiedForWord: "Tabellen är kopierad. Klistra in i Word med Ctrl+V.",
  copyNotAllowed:
    "Excel tillåter inte att tillägget skriver till Urklipp här. Använd Markera tabellen för kopiering och tryck Ctrl+C.",
  writeFirst: "Skriv tabellen först.",
  excelFailed: (detail) => `Excel svarade med ett fel: ${detail}`,
  officeFailed: (action, detail) => `Excel kunde inte ${swedishAction(action)}: ${detail}`,
  invalidSelection:
    "Markera ett enda sammanhängande område med celler (inte flera områden, ett diagram eller en bild) och försök igen.",
  settingsNotSaved:
    "Inställningarna kunde inte sparas i arbetsboken, så nästa körning får fyllas i igen.",
  notExcel: "Tillägget fungerar bara i Excel.",
  excelTooOld: (set) =>
    `Den här Excel-versionen saknar ${set}. Tillägget behöver Excel 2019 eller senare, Microsoft 365 eller Excel på webben.`,
  settingsRestored: "Inställningarna från förra körningen i den här arbetsboken är ifyllda.",
  kr: "kr",
  unexpected: (detail) => `Något gick fel i tillägget: ${detail} Inget har skrivits. Försök igen.`,
  cancel: "Avbryt",
  selectedClickSheet:
    "Tabellen är markerad. Klicka i bladet (så att Excel har fokus) och tryck Ctrl+C, klistra sedan in i Word.",
  cancelled: "Avbrutet. Inget har skrivits.",
  progress: (done, total) => `Läst ${done} av ${total} delar …`,
};

const EN: ShellTexts = {
  appTitle: "State grants",
  tabsLabel: "Jobs",
  tabAllocate: "Allocate",
  tabRequisitions: "Requisitions",
  tabReport: "Report-back",
  useSelection: "Use selection",
  tableLabel: "Or pick an Excel table",
  tableNone: "(no table chosen)",
  tableRead: "Read table",
  rereadLast: (address) => `Read ${address} again`,
  sourceIs: (address) => `Source: ${address}`,
  problemsHeading: "Fix these first – nothing is written until all is well:",
  notWritten: (count) =>
    count === 1
      ? "Nothing was written. Fix the problem above first."
      : `Nothing was written. Fix the ${count} problems above first.`,
  goToCell: (cell) => `Go to ${cell}`,
  selectForCopy: "Select table for copying",
  copyForWord: "Copy for Word",
  reading: "Reading from Excel …",
  writing: "Writing to Excel …",
  selectedForCopy: "The table is selected. Press Ctrl+C (Cmd+C on a Mac) and paste into Word.",
  copiedForWord: "The table is copied. Paste it into Word with Ctrl+V.",
  copyNotAllowed:
    "Excel does not let the add-in write to the clipboard here. Use Select table for copying and press Ctrl+C.",
  writeFirst: "Write the table first.",
  excelFailed: (detail) => `Excel answered with an error: ${detail}`,
  officeFailed: (action, detail) => `Excel could not ${actionText(action)}: ${detail}`,
  invalidSelection:
    "Select one block of cells (not several areas, a chart or a picture) and try again.",
  settingsNotSaved:
    "The settings could not be saved in the workbook, so the next run must be filled in again.",
  notExcel: "This add-in works only in Excel.",
  excelTooOld: (set) =>
    `This version of Excel lacks ${set}. The add-in needs Excel 2019 or later, Microsoft 365 or Excel on the web.`,
  settingsRestored: "The settings of the last run in this workbook are filled in.",
  kr: "SEK",
  unexpected: (detail) =>
    `Something went wrong in the add-in: ${detail} Nothing was written. Try again.`,
  cancel: "Cancel",
  selectedClickSheet:
    "The table is selected. Click into the sheet (so Excel has the focus), press Ctrl+C, then paste into Word.",
  cancelled: "Cancelled. Nothing was written.",
  progress: (done, total) => `Read ${done} of ${total} parts …`,
};

export const SHELL_TEXTS: Record<Lang, ShellTexts> = { sv: SV, en: EN };

function swedishAction(action: OfficeAction): string {
  switch (action.kind) {
    case "readSelection":
      return "läsa markeringen";
    case "listTables":
      return "lista tabellerna";
    case "readTable":
      return `läsa tabellen ${action.name}`;
    case "readRange":
      return `läsa ${action.address}`;
    case "readOwnedTable":
      return "läsa tilläggets eget blad";
    case "listSheets":
      return "lista bladen";
    case "readSheet":
      return `läsa bladet ${action.name}`;
    case "writeOutput":
      return "skriva tabellen";
    case "select":
      return `markera ${action.reference}`;
    case "saveSettings":
      return "spara inställningarna";
  }
}
