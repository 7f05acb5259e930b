/**
 * The Rekvisitioner step's own words, in Swedish (the default) and English. The shell's
 * shared words are in shell/texts.ts; the requisitions' statuses and messages are core's.
 */
import type { Lang } from "../../core/problems";

export interface RequisitionsTexts {
  maximaHeading: string;
  maximaNoSource: string;
  maximaLabel: string;
  useAllocationSheet: string;
  useAllocationSheetHint: string;
  noAllocationSheet: string;
  requisitionsHeading: string;
  requisitionsNoSource: string;
  requisitionsLabel: string;
  parametersHeading: string;
  deadline: string;
  deadlineHint: string;
  pot: string;
  potHint: string;
  unit: string;
  redistribute: string;
  redistributeHint: string;
  resultHeading: string;
  resultEmpty: string;
  summary: (ok: number, remarks: number) => string;
  potLine: string;
  approvedLine: string;
  unrequisitionedLine: string;
  redistributedLine: string;
  leftOverLine: string;
  remarksHeading: string;
  noRemarks: string;
  writeTable: string;
  /** `rows` is null while the lists cannot be run together yet. */
  maximaRead: (address: string, rows: number | null) => string;
  requisitionsRead: (address: string, rows: number | null) => string;
  maximaFromAllocation: (address: string) => string;
  written: (sheet: string, address: string) => string;
  notRead: string;
  chooseMaxima: string;
  chooseRequisitions: string;
}

const SV: RequisitionsTexts = {
  maximaHeading: "1. Maxbelopp",
  maximaNoSource:
    "Markera listan med maxbelopp (med rubrikrad) och välj Använd markering, eller använd bladet Fördelning.",
  maximaLabel: "Maxbelopp",
  useAllocationSheet: "Använd bladet Fördelning",
  useAllocationSheetHint: "Maxbeloppen från tilläggets egen fördelning i den här arbetsboken.",
  noAllocationSheet:
    "Arbetsboken har inget Fördelning-blad från tillägget. Kör Fördela först, eller markera maxbeloppen och välj Använd markering.",
  requisitionsHeading: "2. Rekvisitioner",
  requisitionsNoSource:
    "Markera rekvisitionerna (mottagare, belopp, datum) med rubrikrad och välj Använd markering.",
  requisitionsLabel: "Rekvisitioner",
  parametersHeading: "3. Villkor",
  deadline: "Sista dag för rekvisition",
  deadlineHint: "Lämna tomt om datumen inte ska kontrolleras.",
  pot: "Pott (kr, valfritt)",
  potHint: "Lämna tomt för summan av maxbeloppen.",
  unit: "Avrunda till",
  redistribute: "Fördela om det som inte rekvirerats",
  redistributeHint:
    "Till mottagare som vill ha mer, efter samma nyckel, aldrig mer än var och en begärt.",
  resultHeading: "4. Resultat",
  resultEmpty: "Här visas resultatet när maxbelopp och rekvisitioner är lästa.",
  summary: (ok, remarks) =>
    `${ok} ${ok === 1 ? "rekvisition" : "rekvisitioner"} utan anmärkning, ${remarks} med anmärkning.`,
  potLine: "Pott",
  approvedLine: "Summa godkänt",
  unrequisitionedLine: "Ej rekvirerat",
  redistributedLine: "Omfördelat",
  leftOverLine: "Kvar",
  remarksHeading: "Rekvisitioner med anmärkning (välj cellen för att gå dit):",
  noRemarks: "Alla rekvisitioner är godkända.",
  writeTable: "Skriv tabell",
  maximaRead: (address, rows) =>
    rows === null
      ? `Läste maxbelopp från ${address}.`
      : `Läste maxbelopp från ${address}: ${rows} mottagare.`,
  requisitionsRead: (address, rows) =>
    rows === null
      ? `Läste rekvisitioner från ${address}.`
      : `Läste ${address}: ${rows} ${rows === 1 ? "rekvisition" : "rekvisitioner"}.`,
  maximaFromAllocation: (address) => `Maxbeloppen lästes från tilläggets fördelning ${address}.`,
  written: (sheet, address) => `Tabellen skrevs till bladet ${sheet} (${address}).`,
  notRead: "Listan kunde inte läsas. Se felet ovan.",
  chooseMaxima:
    "Välj först maxbeloppen: markera dem och välj Använd markering, eller välj en tabell.",
  chooseRequisitions:
    "Välj rekvisitionerna: markera dem och välj Använd markering, eller välj en tabell.",
};

const EN: RequisitionsTexts = {
  maximaHeading: "1. Maxima",
  maximaNoSource:
    "Select the list of maxima (with its header row) and choose Use selection, or use the Fördelning sheet.",
  maximaLabel: "Maxima",
  useAllocationSheet: "Use the Fördelning sheet",
  useAllocationSheetHint: "The maxima from the add-in's own allocation in this workbook.",
  noAllocationSheet:
    "The workbook has no allocation sheet from the add-in. Run Allocate first, or select the maxima and choose Use selection.",
  requisitionsHeading: "2. Requisitions",
  requisitionsNoSource:
    "Select the requisitions (recipient, amount, date) with their header row and choose Use selection.",
  requisitionsLabel: "Requisitions",
  parametersHeading: "3. Conditions",
  deadline: "Requisition deadline",
  deadlineHint: "Leave empty if dates are not to be checked.",
  pot: "Pot (SEK, optional)",
  potHint: "Leave empty for the sum of the maxima.",
  unit: "Round to",
  redistribute: "Re-distribute what was not requisitioned",
  redistributeHint:
    "To recipients that want more, by the same key, never more than each asked for.",
  resultHeading: "4. Result",
  resultEmpty: "The result shows here once the maxima and the requisitions are read.",
  summary: (ok, remarks) =>
    `${ok} ${ok === 1 ? "requisition" : "requisitions"} without remarks, ${remarks} with remarks.`,
  potLine: "Pot",
  approvedLine: "Total approved",
  unrequisitionedLine: "Not requisitioned",
  redistributedLine: "Re-distributed",
  leftOverLine: "Left over",
  remarksHeading: "Requisitions with remarks (choose the cell to go there):",
  noRemarks: "Every requisition is approved.",
  writeTable: "Write table",
  maximaRead: (address, rows) =>
    rows === null
      ? `Read the maxima from ${address}.`
      : `Read the maxima from ${address}: ${rows} ${rows === 1 ? "recipient" : "recipients"}.`,
  requisitionsRead: (address, rows) =>
    rows === null
      ? `Read the requisitions from ${address}.`
      : `Read ${address}: ${rows} ${rows === 1 ? "requisition" : "requisitions"}.`,
  maximaFromAllocation: (address) =>
    `The maxima were read from the add-in's allocation ${address}.`,
  written: (sheet, address) => `The table was written to the sheet ${sheet} (${address}).`,
  notRead: "The list could not be read. See the problem above.",
  chooseMaxima: "Choose the maxima first: select them and choose Use selection, or pick a table.",
  chooseRequisitions:
    "Choose the requisitions: select them and choose Use selection, or pick a table.",
};

export const REQUISITIONS_TEXTS: Record<Lang, RequisitionsTexts> = { sv: SV, en: EN };
