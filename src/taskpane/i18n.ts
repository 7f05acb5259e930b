/**
 * Every text the pane shows, in Swedish (the default) and English. Problems in the user's
 * input keep their texts in core (problems.ts); these are the pane's own words.
 */
import type { Lang } from "../core/problems";
import { type OfficeAction, actionText } from "../excel/errors";

/** English when Office runs in any English locale, otherwise Swedish (the users' language). */
export function paneLanguage(displayLanguage: string): Lang {
  return displayLanguage.toLowerCase().startsWith("en") ? "en" : "sv";
}

export interface PaneTexts {
  appTitle: string;
  tabsLabel: string;
  tabAllocate: string;
  tabRequisitions: string;
  tabReport: string;
  comingSoon: string;
  sourceHeading: string;
  useSelection: string;
  tableLabel: string;
  tableNone: string;
  tableRead: string;
  rereadLast: (address: string) => string;
  noSource: string;
  sourceIs: (address: string) => string;
  headerIs: (address: string) => string;
  nameColumn: string;
  keyColumn: string;
  interestColumns: string;
  interestNone: string;
  columnOption: (letter: string, header: string) => string;
  parametersHeading: string;
  pot: string;
  potHint: string;
  reserves: string;
  reservesHint: string;
  reserveName: (index: number) => string;
  reserveAmount: (index: number) => string;
  reserveNamePlaceholder: string;
  addReserve: string;
  removeReserve: (index: number) => string;
  unit: string;
  previewHeading: string;
  previewEmpty: string;
  previewName: string;
  previewAmount: string;
  previewTotal: string;
  previewReserve: string;
  previewExtra: string;
  previewExtraLegend: (count: number, unit: string) => string;
  previewNotInterested: string;
  previewUnallocated: string;
  problemsHeading: string;
  notWritten: (count: number) => string;
  notRead: string;
  goToCell: (cell: string) => string;
  writeTable: string;
  selectForCopy: string;
  copyForWord: string;
  reading: string;
  writing: string;
  readDone: (address: string, rows: number) => string;
  written: (sheet: string, address: string) => string;
  selectedForCopy: string;
  copiedForWord: string;
  copyNotAllowed: string;
  writeFirst: string;
  chooseSource: string;
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
}

const SV: PaneTexts = {
  appTitle: "Statsbidrag",
  tabsLabel: "Uppgifter",
  tabAllocate: "Fördela",
  tabRequisitions: "Rekvisitioner",
  tabReport: "Återrapportering",
  comingSoon: "kommer snart",
  sourceHeading: "1. Mottagare och nyckel",
  useSelection: "Använd markering",
  tableLabel: "Eller välj en Excel-tabell",
  tableNone: "(ingen tabell vald)",
  tableRead: "Läs tabellen",
  rereadLast: (address) => `Läs ${address} igen`,
  noSource: "Markera mottagarna med rubrikrad i Excel och välj Använd markering.",
  sourceIs: (address) => `Källa: ${address}`,
  headerIs: (address) => `Rubrikrad: ${address}`,
  nameColumn: "Namnkolumn",
  keyColumn: "Nyckelkolumn",
  interestColumns: "Intressekolumner (bara markerade med X får del)",
  interestNone: "Inga andra kolumner.",
  columnOption: (letter, header) => (header ? `${letter}: ${header}` : `${letter}: (tom rubrik)`),
  parametersHeading: "2. Belopp",
  pot: "Belopp att fördela (kr)",
  potHint: "T.ex. 6 069 306",
  reserves: "Avsättningar före fördelningen",
  reservesHint: "T.ex. Äldreförvaltningen 400 000. Lämna tomt om inget ska avsättas.",
  reserveName: (index) => `Namn på avsättning ${index}`,
  reserveAmount: (index) => `Belopp för avsättning ${index} (kr)`,
  reserveNamePlaceholder: "Namn",
  addReserve: "Lägg till avsättning",
  removeReserve: (index) => `Ta bort avsättning ${index}`,
  unit: "Avrunda till",
  previewHeading: "3. Förhandsgranskning",
  previewEmpty: "Här visas fördelningen när mottagare och belopp är angivna.",
  previewName: "Mottagare",
  previewAmount: "Belopp (kr)",
  previewTotal: "Summa",
  previewReserve: "avsättning",
  previewExtra: "+1 enhet",
  previewExtraLegend: (count, unit) =>
    count === 0
      ? "Ingen avrundning behövdes."
      : `${count} ${count === 1 ? "rad" : "rader"} (markerade +) fick en extra enhet om ${unit} kr för att summan ska stämma exakt (största rest).`,
  previewNotInterested: "ej intresserad",
  previewUnallocated: "Ej fördelat (under en enhet)",
  problemsHeading: "Rätta detta först – inget skrivs förrän allt stämmer:",
  notRead: "Mottagarna kunde inte läsas. Se felet ovan.",
  notWritten: (count) =>
    count === 1
      ? "Inget skrevs. Rätta felet ovan först."
      : `Inget skrevs. Rätta de ${count} felen ovan först.`,
  goToCell: (cell) => `Gå till ${cell}`,
  writeTable: "Skriv tabell",
  selectForCopy: "Markera tabellen för kopiering",
  copyForWord: "Kopiera för Word",
  reading: "Läser från Excel …",
  writing: "Skriver till Excel …",
  readDone: (address, rows) => `Läste ${address}: ${rows} mottagare.`,
  written: (sheet, address) => `Tabellen skrevs till bladet ${sheet} (${address}).`,
  selectedForCopy: "Tabellen är markerad. Tryck Ctrl+C (Cmd+C på Mac) och klistra in i Word.",
  copiedForWord: "Tabellen är kopierad. Klistra in i Word med Ctrl+V.",
  copyNotAllowed:
    "Excel tillåter inte att tillägget skriver till Urklipp här. Använd Markera tabellen för kopiering och tryck Ctrl+C.",
  writeFirst: "Skriv tabellen först.",
  chooseSource:
    "Välj först mottagarna: markera dem och välj Använd markering, eller välj en tabell.",
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
};

const EN: PaneTexts = {
  appTitle: "State grants",
  tabsLabel: "Jobs",
  tabAllocate: "Allocate",
  tabRequisitions: "Requisitions",
  tabReport: "Report-back",
  comingSoon: "coming soon",
  sourceHeading: "1. Recipients and key",
  useSelection: "Use selection",
  tableLabel: "Or pick an Excel table",
  tableNone: "(no table chosen)",
  tableRead: "Read table",
  rereadLast: (address) => `Read ${address} again`,
  noSource: "Select the recipients with their header row in Excel and choose Use selection.",
  sourceIs: (address) => `Source: ${address}`,
  headerIs: (address) => `Header row: ${address}`,
  nameColumn: "Name column",
  keyColumn: "Key column",
  interestColumns: "Interest columns (only rows marked X take part)",
  interestNone: "No other columns.",
  columnOption: (letter, header) => (header ? `${letter}: ${header}` : `${letter}: (blank header)`),
  parametersHeading: "2. Amounts",
  pot: "Amount to allocate (SEK)",
  potHint: "E.g. 6,069,306",
  reserves: "Reserves set aside first",
  reservesHint: "E.g. Elderly care administration 400,000. Leave empty if nothing is set aside.",
  reserveName: (index) => `Name of reserve ${index}`,
  reserveAmount: (index) => `Amount of reserve ${index} (SEK)`,
  reserveNamePlaceholder: "Name",
  addReserve: "Add reserve",
  removeReserve: (index) => `Remove reserve ${index}`,
  unit: "Round to",
  previewHeading: "3. Preview",
  previewEmpty: "The allocation shows here once recipients and amount are given.",
  previewName: "Recipient",
  previewAmount: "Amount (SEK)",
  previewTotal: "Total",
  previewReserve: "reserve",
  previewExtra: "+1 unit",
  previewExtraLegend: (count, unit) =>
    count === 0
      ? "No rounding was needed."
      : `${count} ${count === 1 ? "row" : "rows"} (marked +) got one extra unit of ${unit} SEK so the total is exact (largest remainder).`,
  previewNotInterested: "not interested",
  previewUnallocated: "Not allocated (under one unit)",
  problemsHeading: "Fix these first – nothing is written until all is well:",
  notRead: "The recipients could not be read. See the problem above.",
  notWritten: (count) =>
    count === 1
      ? "Nothing was written. Fix the problem above first."
      : `Nothing was written. Fix the ${count} problems above first.`,
  goToCell: (cell) => `Go to ${cell}`,
  writeTable: "Write table",
  selectForCopy: "Select table for copying",
  copyForWord: "Copy for Word",
  reading: "Reading from Excel …",
  writing: "Writing to Excel …",
  readDone: (address, rows) =>
    `Read ${address}: ${rows} ${rows === 1 ? "recipient" : "recipients"}.`,
  written: (sheet, address) => `The table was written to the sheet ${sheet} (${address}).`,
  selectedForCopy: "The table is selected. Press Ctrl+C (Cmd+C on a Mac) and paste into Word.",
  copiedForWord: "The table is copied. Paste it into Word with Ctrl+V.",
  copyNotAllowed:
    "Excel does not let the add-in write to the clipboard here. Use Select table for copying and press Ctrl+C.",
  writeFirst: "Write the table first.",
  chooseSource:
    "Choose the recipients first: select them and choose Use selection, or pick a table.",
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
};

export const TEXTS: Record<Lang, PaneTexts> = { sv: SV, en: EN };

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
    case "writeOutput":
      return "skriva tabellen";
    case "select":
      return `markera ${action.reference}`;
    case "saveSettings":
      return "spara inställningarna";
  }
}
