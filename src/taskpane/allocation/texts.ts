/**
 * The Fördela step's own words, in Swedish (the default) and English. The shell's shared
 * words are in shell/texts.ts.
 */
import type { Lang } from "../../core/problems";

export interface AllocationTexts {
  skippedRows: (list: string) => string;
  previewShare: string;
  grantTitle: string;
  grantTitleHint: string;
  writtenIsOlder: string;
  previewIsOld: string;
  previewGotExtra: (rank: number, of: number) => string;
  previewNoExtra: (rank: number, of: number) => string;
  hiddenRows: (list: string) => string;
  includeHidden: string;
  sourceHeading: string;
  noSource: string;
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
  notRead: string;
  writeTable: string;
  readDone: (address: string, rows: number) => string;
  written: (sheet: string, address: string) => string;
  chooseSource: string;
  advanced: string;
  advancedHint: string;
  base: string;
  floor: string;
  ceiling: string;
  /** Labels of the "same for all, or a column" choice beside each amount. */
  baseSource: string;
  floorSource: string;
  ceilingSource: string;
  sameForAll: string;
  secondKey: string;
  addKey: string;
  /** The third key and on: "Nyckel 3", its weight and its remove button. */
  keyN: (n: number) => string;
  keyWeightN: (n: number) => string;
  removeKey: (n: number) => string;
  keyWeight: string;
  secondWeight: string;
  lastYearColumn: string;
  /** The option group of sheets in the last-year choice. */
  lastYearSheetGroup: string;
  previewLastYear: string;
  previewChange: string;
  previewNewThisYear: string;
  previewGone: string;
  noColumn: string;
  previewAtFloor: string;
  previewAtCeiling: string;
  runLogNotWritten: string;
  workbookPlaceholder: string;
}

const SV: AllocationTexts = {
  previewShare: "Andel",
  grantTitle: "Bidrag och år i rubriken (valfritt)",
  grantTitleHint: "T.ex. Hälsosamtal för äldre 2026",
  writtenIsOlder:
    "Tabellen i bladet är äldre än förhandsgranskningen. Välj Skriv tabell för att uppdatera den.",
  previewIsOld:
    "Förhandsgranskningen visar senaste giltiga uppgifter; rätta fälten för att uppdatera den.",
  previewGotExtra: (rank, of) => `+1 enhet: rest nr ${rank}, ${of} extra enheter delades ut`,
  previewNoExtra: (rank, of) => `avrundad nedåt: rest nr ${rank}, bara ${of} extra enheter`,
  skippedRows: (list) =>
    `Rader som inte är mottagare (summor, delsummor och rader under summan): ${list}.`,
  hiddenRows: (list) => `Dolda rader i tabellen: ${list}.`,
  includeHidden: "Ta med dolda rader i fördelningen",
  sourceHeading: "1. Mottagare och nyckel",
  noSource: "Markera mottagarna med rubrikrad i Excel och välj Använd markering.",
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
  notRead: "Mottagarna kunde inte läsas. Se felet ovan.",
  writeTable: "Skriv tabell",
  readDone: (address, rows) => `Läste ${address}: ${rows} mottagare.`,
  written: (sheet, address) => `Tabellen skrevs till bladet ${sheet} (${address}).`,
  chooseSource:
    "Välj först mottagarna: markera dem och välj Använd markering, eller välj en tabell.",
  advanced: "Avancerat",
  advancedHint:
    "Grundbelopp, golv och tak gäller varje deltagande mottagare. Lämna tomt för vanlig fördelning efter nyckel.",
  base: "Grundbelopp per mottagare (kr)",
  floor: "Golv per mottagare (kr)",
  ceiling: "Tak per mottagare (kr)",
  baseSource: "Grundbelopp: samma för alla eller ur en kolumn",
  floorSource: "Golv: samma för alla eller ur en kolumn",
  ceilingSource: "Tak: samma för alla eller ur en kolumn",
  sameForAll: "Samma för alla",
  secondKey: "Andra nyckel (vägs ihop med den första)",
  addKey: "Lägg till nyckel",
  keyN: (n) => `Nyckel ${n}`,
  keyWeightN: (n) => `Vikt för nyckel ${n} (%)`,
  removeKey: (n) => `Ta bort nyckel ${n}`,
  keyWeight: "Vikt för första nyckeln (%)",
  secondWeight: "Vikt för andra nyckeln (%)",
  lastYearColumn: "Förra årets belopp (kolumn eller blad)",
  lastYearSheetGroup: "Förra årets Fördelning-blad",
  previewLastYear: "Förra året (kr)",
  previewChange: "Förändring (kr)",
  previewNewThisYear: "ny i år",
  previewGone: "fanns förra året, inte i år",
  noColumn: "Ingen",
  previewAtFloor: "golvet (nyckeln gav mindre)",
  previewAtCeiling: "taket (nyckeln gav mer)",
  runLogNotWritten: "Raden i Körlogg kunde inte skrivas.",
  workbookPlaceholder: "arbetsbok.xlsx",
};

const EN: AllocationTexts = {
  previewShare: "Share",
  grantTitle: "Grant and year in the title (optional)",
  grantTitleHint: "E.g. Health talks for older people 2026",
  writtenIsOlder:
    "The table in the sheet is older than the preview. Choose Write table to update it.",
  previewIsOld: "The preview shows the last valid inputs; correct the fields to update it.",
  previewGotExtra: (rank, of) => `+1 unit: remainder no. ${rank}, ${of} extra units handed out`,
  previewNoExtra: (rank, of) => `rounded down: remainder no. ${rank}, only ${of} extra units`,
  skippedRows: (list) =>
    `Rows that are not recipients (totals, subtotals and rows below the total): ${list}.`,
  hiddenRows: (list) => `Hidden rows in the table: ${list}.`,
  includeHidden: "Include hidden rows in the allocation",
  sourceHeading: "1. Recipients and key",
  noSource: "Select the recipients with their header row in Excel and choose Use selection.",
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
  notRead: "The recipients could not be read. See the problem above.",
  writeTable: "Write table",
  readDone: (address, rows) =>
    `Read ${address}: ${rows} ${rows === 1 ? "recipient" : "recipients"}.`,
  written: (sheet, address) => `The table was written to the sheet ${sheet} (${address}).`,
  chooseSource:
    "Choose the recipients first: select them and choose Use selection, or pick a table.",
  advanced: "Advanced",
  advancedHint:
    "Base amount, floor and ceiling apply to each participating recipient. Leave empty for a plain split by key.",
  base: "Base amount per recipient (SEK)",
  floor: "Floor per recipient (SEK)",
  ceiling: "Ceiling per recipient (SEK)",
  baseSource: "Base amount: the same for all or from a column",
  floorSource: "Floor: the same for all or from a column",
  ceilingSource: "Ceiling: the same for all or from a column",
  sameForAll: "Same for all",
  secondKey: "Second key (weighed with the first)",
  addKey: "Add key",
  keyN: (n) => `Key ${n}`,
  keyWeightN: (n) => `Weight of key ${n} (%)`,
  removeKey: (n) => `Remove key ${n}`,
  keyWeight: "Weight of the first key (%)",
  secondWeight: "Weight of the second key (%)",
  lastYearColumn: "Last year's amounts (column or sheet)",
  lastYearSheetGroup: "Last year's allocation sheet",
  previewLastYear: "Last year (SEK)",
  previewChange: "Change (SEK)",
  previewNewThisYear: "new this year",
  previewGone: "last year, not this year",
  noColumn: "None",
  previewAtFloor: "the floor (the key gave less)",
  previewAtCeiling: "the ceiling (the key gave more)",
  runLogNotWritten: "The row in the run log (Körlogg) could not be written.",
  workbookPlaceholder: "workbook.xlsx",
};

export const ALLOCATION_TEXTS: Record<Lang, AllocationTexts> = { sv: SV, en: EN };
