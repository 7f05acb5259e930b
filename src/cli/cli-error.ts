/**
 * Problems of the command line itself (flags, files), in Swedish and English. File problems
 * name the file as the user typed it and say in plain words what is wrong and what to do.
 */
import type { Lang } from "../core/problems";

type Params = Record<string, string>;

/** What a file that is not an .xlsx workbook looks like, by its first bytes. */
export type FileKind =
  | "ods"
  | "odf"
  | "xls"
  | "ole"
  | "xlsb"
  | "docx"
  | "zip"
  | "pdf"
  | "html"
  | "xml"
  | "text"
  | "unknown";

const KINDS: Record<FileKind, Record<Lang, string>> = {
  ods: {
    sv: "ett OpenDocument-kalkylblad (.ods, t.ex. från LibreOffice)",
    en: "an OpenDocument spreadsheet (.ods, e.g. from LibreOffice)",
  },
  odf: { sv: "ett OpenDocument-dokument", en: "an OpenDocument document" },
  xls: {
    sv: "en arbetsbok i det gamla Excel 97–2003-formatet (.xls)",
    en: "a workbook in the old Excel 97–2003 format (.xls)",
  },
  ole: {
    sv: "en fil i ett gammalt Office-format (t.ex. .doc)",
    en: "a file in an old Office format (e.g. .doc)",
  },
  xlsb: { sv: "en binär Excel-arbetsbok (.xlsb)", en: "a binary Excel workbook (.xlsb)" },
  docx: { sv: "ett Word-dokument", en: "a Word document" },
  zip: { sv: "ett zip-arkiv", en: "a zip archive" },
  pdf: { sv: "en PDF-fil", en: "a PDF file" },
  html: { sv: "en webbsida (HTML)", en: "a web page (HTML)" },
  xml: { sv: "en XML-fil", en: "an XML file" },
  text: { sv: "en textfil (t.ex. CSV)", en: "a text file (e.g. CSV)" },
  unknown: { sv: "en fil i ett okänt format", en: "a file in an unknown format" },
};

const SAVE_AS: Record<Lang, string> = {
  sv: "Öppna den i Excel (eller LibreOffice) och spara den som Excel-arbetsbok (.xlsx).",
  en: "Open it in Excel (or LibreOffice) and save it as an Excel workbook (.xlsx).",
};

function notXlsx(p: Params, lang: Lang): string {
  const kind = KINDS[(p.kind as FileKind) in KINDS ? (p.kind as FileKind) : "unknown"][lang];
  const advice =
    p.kind === "pdf" || p.kind === "docx" || p.kind === "odf" || p.kind === "ole"
      ? lang === "sv"
        ? "Använd tabellen som Excel-arbetsbok (.xlsx) i stället."
        : "Use the table as an Excel workbook (.xlsx) instead."
      : SAVE_AS[lang];
  return lang === "sv"
    ? `${p.file} är inte en Excel-arbetsbok (.xlsx) utan ${kind}. ${advice}`
    : `${p.file} is not an Excel workbook (.xlsx) but ${kind}. ${advice}`;
}

const CLI_MESSAGES = {
  USAGE: {
    sv: (p: Params) => `${p.text}\nSkriv 'statsbidrag --help' för hjälp.`,
    en: (p: Params) => `${p.text}\nRun 'statsbidrag --help' for help.`,
  },
  UNKNOWN_COMMAND: {
    sv: (p: Params) =>
      `Okänt kommando '${p.command}'. Kommandona är: ${p.commands}.\nSkriv 'statsbidrag --help' för hjälp.`,
    en: (p: Params) =>
      `Unknown command '${p.command}'. The commands are: ${p.commands}.\nRun 'statsbidrag --help' for help.`,
  },
  FILE_NOT_FOUND: {
    sv: (p: Params) => `Kan inte läsa ${p.file}: filen finns inte.`,
    en: (p: Params) => `Cannot read ${p.file}: there is no such file.`,
  },
  FILE_IS_DIRECTORY: {
    sv: (p: Params) => `Kan inte läsa ${p.file}: det är en mapp, inte en fil.`,
    en: (p: Params) => `Cannot read ${p.file}: it is a folder, not a file.`,
  },
  FILE_NO_ACCESS: {
    sv: (p: Params) => `Kan inte läsa ${p.file}: du har inte behörighet att öppna filen.`,
    en: (p: Params) => `Cannot read ${p.file}: you are not allowed to open the file.`,
  },
  FILE_UNREADABLE: {
    sv: (p: Params) => `Kan inte läsa ${p.file} (${p.reason}).`,
    en: (p: Params) => `Cannot read ${p.file} (${p.reason}).`,
  },
  FILE_EMPTY: {
    sv: (p: Params) => `${p.file} är tom (0 byte) och är ingen Excel-arbetsbok.`,
    en: (p: Params) => `${p.file} is empty (0 bytes) and is not an Excel workbook.`,
  },
  FILE_NOT_XLSX: {
    sv: (p: Params) => notXlsx(p, "sv"),
    en: (p: Params) => notXlsx(p, "en"),
  },
  FILE_ENCRYPTED: {
    sv: (p: Params) =>
      `${p.file} är lösenordsskyddad och kan inte läsas. Öppna den i Excel, ta bort lösenordet (Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord) och spara en kopia utan lösenord.`,
    en: (p: Params) =>
      `${p.file} is password-protected and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save a copy without one.`,
  },
  FILE_DAMAGED: {
    sv: (p: Params) =>
      `${p.file} ser ut som en Excel-arbetsbok men är skadad (den kan ha kopierats eller laddats ned ofullständigt). Öppna den i Excel, som kan försöka reparera den, och spara en ny kopia.`,
    en: (p: Params) =>
      `${p.file} looks like an Excel workbook but is damaged (it may have been copied or downloaded incompletely). Open it in Excel, which can try to repair it, and save a new copy.`,
  },
  NO_SHEETS: {
    sv: (p: Params) => `${p.file} har inga kalkylblad.`,
    en: (p: Params) => `${p.file} has no worksheets.`,
  },
  SHEET_NOT_FOUND: {
    sv: (p: Params) => `Bladet '${p.sheet}' finns inte i ${p.file}. Bladen heter: ${p.sheets}.`,
    en: (p: Params) => `There is no sheet '${p.sheet}' in ${p.file}. The sheets are: ${p.sheets}.`,
  },
  FILE_UNWRITABLE: {
    sv: (p: Params) => `Kan inte skriva ${p.file} (${p.reason}).`,
    en: (p: Params) => `Cannot write ${p.file} (${p.reason}).`,
  },
  FOLDER_NOT_FOUND: {
    sv: (p: Params) => `Kan inte skriva ${p.file}: mappen ${p.folder} finns inte.`,
    en: (p: Params) => `Cannot write ${p.file}: the folder ${p.folder} does not exist.`,
  },
  FILE_NO_WRITE_ACCESS: {
    sv: (p: Params) => `Kan inte skriva ${p.file}: du har inte behörighet att skriva där.`,
    en: (p: Params) => `Cannot write ${p.file}: you are not allowed to write there.`,
  },
  FILE_BUSY: {
    sv: (p: Params) =>
      `Kan inte skriva ${p.file}: filen används (är den öppen i Excel?). Stäng den eller välj ett annat namn.`,
    en: (p: Params) =>
      `Cannot write ${p.file}: the file is in use (is it open in Excel?). Close it or choose another name.`,
  },
  OUTPUT_IS_INPUT: {
    sv: (p: Params) => `--output får inte vara indatafilen (${p.file}); välj ett nytt filnamn.`,
    en: (p: Params) => `--output must not be the input file (${p.file}); choose a new file name.`,
  },
  OUTPUT_NOT_XLSX: {
    sv: (p: Params) =>
      `--output: '${p.file}' måste sluta på .xlsx, eftersom det som skrivs är en Excel-arbetsbok; skriv t.ex. ${p.suggestion}.`,
    en: (p: Params) =>
      `--output: '${p.file}' must end in .xlsx, as what is written is an Excel workbook; write e.g. ${p.suggestion}.`,
  },
  RUN_LOG_MISSING: {
    sv: (p: Params) => `${p.file} har ingen Körlogg som tillägget eller körprogrammet skrev.`,
    en: (p: Params) => `${p.file} has no run log (Körlogg) written by the add-in or the runner.`,
  },
  LOG_ROW_NOT_FOUND: {
    sv: (p: Params) => `Körloggen i ${p.file} har ingen rad nr ${p.row} (raderna är ${p.rows}).`,
    en: (p: Params) => `The run log in ${p.file} has no row no. ${p.row} (the rows are ${p.rows}).`,
  },
  LOG_ROW_NOT_RERUNNABLE: {
    sv: (p: Params) => `Rad nr ${p.row} i körloggen kan inte köras om: ${p.reason}`,
    en: (p: Params) => `Row no. ${p.row} of the run log cannot be re-run: ${p.reason}`,
  },
  LAST_YEAR_IS_OUTPUT: {
    sv: (p: Params) =>
      `--last-year-sheet: '${p.sheet}' är bladet som den här körningen skriver över med årets fördelning. Kopiera det först under ett eget namn (t.ex. 'Fördelning 2025') och ange kopian.`,
    en: (p: Params) =>
      `--last-year-sheet: '${p.sheet}' is the sheet this run overwrites with this year's allocation. Copy it under a name of its own first (e.g. 'Fördelning 2025') and give the copy.`,
  },
  RANGE_SYNTAX: {
    sv: (p: Params) =>
      `--range: '${p.text}' är inget område; skriv det som A3:D14 (bladet anges med --sheet).`,
    en: (p: Params) =>
      `--range: '${p.text}' is not a range; write it as A3:D14 (the sheet is given with --sheet).`,
  },
  RESERVE_SYNTAX: {
    sv: (p: Params) => `--reserve: '${p.text}' ska skrivas som "namn=belopp".`,
    en: (p: Params) => `--reserve: '${p.text}' must be written as "name=amount".`,
  },
} as const;

export type CliErrorCode = keyof typeof CLI_MESSAGES;

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    readonly params: Params
  ) {
    super(CLI_MESSAGES[code].en(params));
    this.name = "CliError";
  }

  text(lang: Lang): string {
    return CLI_MESSAGES[this.code][lang](this.params);
  }
}
