/** Problems of the command line itself (files, flags), in Swedish and English. */
import type { Lang } from "../core/problems";

type Params = Record<string, string>;

const CLI_MESSAGES = {
  USAGE: {
    sv: (p: Params) => `${p.text}\nSkriv 'statsbidrag --help' för hjälp.`,
    en: (p: Params) => `${p.text}\nRun 'statsbidrag --help' for help.`,
  },
  FILE_UNREADABLE: {
    sv: (p: Params) => `Kan inte läsa ${p.file}: ${p.reason}`,
    en: (p: Params) => `Cannot read ${p.file}: ${p.reason}`,
  },
  FILE_UNWRITABLE: {
    sv: (p: Params) => `Kan inte skriva ${p.file}: ${p.reason}`,
    en: (p: Params) => `Cannot write ${p.file}: ${p.reason}`,
  },
  SHEET_NOT_FOUND: {
    sv: (p: Params) => `Bladet '${p.sheet}' finns inte. Bladen heter: ${p.sheets}.`,
    en: (p: Params) => `There is no sheet '${p.sheet}'. The sheets are: ${p.sheets}.`,
  },
  OUTPUT_IS_INPUT: {
    sv: (p: Params) => `--output får inte vara indatafilen (${p.file}); välj ett nytt filnamn.`,
    en: (p: Params) => `--output must not be the input file (${p.file}); choose a new file name.`,
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
