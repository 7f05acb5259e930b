/**
 * The one error type for problems a user must fix in their input, and the Swedish and
 * English texts for them. Only the validating layers throw it; the pane and the runner
 * show it. Each problem names the cell (or the pane field) it concerns.
 */
import { ALLOCATION_MESSAGES } from "./jobs/allocation/messages";
import { REPORT_MESSAGES } from "./jobs/report-back/messages";
import { formatNumber } from "./money";
import { ambiguousDotReadings } from "./parse";
import { REQUISITION_MESSAGES } from "./jobs/requisitions/messages";

export type Lang = "sv" | "en";

/**
 * Pane and command-line inputs that are not worksheet cells: each job names its own
 * ("total", "reserves", "deadline", a column id such as "keyColumn").
 */
export type Field = string;

/** A text given in both languages, for a parameter that is itself words ("the key column"). */
export interface Localised {
  sv: string;
  en: string;
}

export type ParamValue = string | Localised;

export interface Problem {
  code: ProblemCode;
  /** "Blad1!C7" when the problem is in a worksheet cell. */
  cell?: string;
  /** The pane/CLI input the problem concerns when it is not a cell. */
  field?: Field;
  params?: Record<string, ParamValue>;
}

/** Parameters as a message sees them: already in the message's language. */
export type Params = Record<string, string>;
export type MessageTexts = Record<Lang, (p: Params) => string>;
/** One job's messages: codes (upper snake case, unique across jobs) to texts in sv and en. */
export type Catalogue = Record<string, MessageTexts>;

/** Problems every job can meet: reading cells, finding columns, the range itself. */
const SHARED_MESSAGES = {
  NOT_A_NUMBER: {
    sv: (p) => `'${p.text}' är inte ett tal.`,
    en: (p) => `'${p.text}' is not a number.`,
  },
  AMBIGUOUS_DOT: {
    sv: (p) => dotMessage(p.text, "sv"),
    en: (p) => dotMessage(p.text, "en"),
  },
  EXCEL_ERROR: {
    sv: (p) => `Cellen innehåller felvärdet ${p.text}.`,
    en: (p) => `The cell holds the error value ${p.text}.`,
  },
  NAME_MISSING: {
    sv: () => `Raden har en nyckel men inget namn.`,
    en: () => `The row has a key but no name.`,
  },
  DUPLICATE_NAME: {
    sv: (p) => `'${p.name}' finns redan i ${p.other}. Varje mottagare får bara finnas en gång.`,
    en: (p) => `'${p.name}' already appears in ${p.other}. Each recipient may appear only once.`,
  },
  HEADER_AMBIGUOUS: {
    sv: (p) =>
      `Rubriken '${p.header}' står över flera kolumner (${p.columns}). Ge kolumnerna olika rubriker, eller ange kolumnen med sin bokstav, t.ex. '[${p.first}]'.`,
    en: (p) =>
      `The header '${p.header}' stands over several columns (${p.columns}). Give the columns different headers, or name the column by its letter, e.g. '[${p.first}]'.`,
  },
  COLUMN_NOT_FOUND: {
    sv: (p) => `Kolumnen '${p.header}' finns inte i rubrikraden ${p.range}.`,
    en: (p) => `The column '${p.header}' is not in the header row ${p.range}.`,
  },
  SAME_COLUMN: {
    sv: () => `Namn och nyckel kan inte vara samma kolumn.`,
    en: () => `Name and key cannot be the same column.`,
  },
  TOO_MANY_DECIMALS: {
    sv: (p) => `${p.text} har fler än två decimaler; belopp anges i kronor och ören.`,
    en: (p) => `${p.text} has more than two decimals; amounts are in kronor and öre.`,
  },
  BAD_UNIT: {
    sv: (p) =>
      `Avrundningsenheten '${p.text}' går inte att använda. Välj 0,01, 1, 10, 100 eller 1 000 kr.`,
    en: (p) => `The rounding unit '${p.text}' cannot be used. Choose 0.01, 1, 10, 100 or 1,000 kr.`,
  },
  EMPTY_RANGE: {
    sv: (p) => `Området ${p.range} är tomt.`,
    en: (p) => `The range ${p.range} is empty.`,
  },
  RANGE_TOO_LARGE: {
    sv: (p) =>
      `Området ${p.range} (${p.rows} rader) är för stort för att läsas på en gång: omkring ${p.megabytes} MB, och Excel på webben tar emot högst 5 MB per anrop. Markera bara tabellen, utan tomma rader och kolumner runt den, eller dela upp den i mindre delar.`,
    en: (p) =>
      `The range ${p.range} (${p.rows} rows) is too large to read at once: about ${p.megabytes} MB, and Excel on the web takes at most 5 MB per call. Select just the table, without empty rows and columns around it, or split it into smaller parts.`,
  },
  EXCEL_CELL_EDIT_MODE: {
    sv: () =>
      `Excel väntar på att du ska bli klar med cellen du redigerar. Tryck Enter eller Esc i bladet och försök igen.`,
    en: () =>
      `Excel is waiting for you to finish editing a cell. Press Enter or Esc in the sheet and try again.`,
  },
  EXCEL_PAYLOAD_TOO_LARGE: {
    sv: () =>
      `Det Excel skulle skicka är större än vad Excel på webben tar emot (5 MB). Markera en mindre del av bladet och försök igen.`,
    en: () =>
      `What Excel would send is larger than Excel on the web accepts (5 MB). Select a smaller part of the sheet and try again.`,
  },
  COLUMN_MISSING: {
    sv: (p) => `Rubrikraden ${p.range} har ingen ${p.column} (t.ex. ${p.examples}). Välj den.`,
    en: (p) => `The header row ${p.range} has no ${p.column} (e.g. ${p.examples}). Choose it.`,
  },
  COLUMN_AMBIGUOUS: {
    sv: (p) =>
      `Flera kolumner i ${p.range} kan vara ${p.column}: ${p.candidates}. Välj en` +
      (p.flag ? ` (${p.flag} <rubrik>).` : "."),
    en: (p) =>
      `More than one column in ${p.range} could be the ${p.column}: ${p.candidates}. Choose one` +
      (p.flag ? ` (${p.flag} <header>).` : "."),
  },
  SAME_COLUMN_TWICE: {
    sv: (p) => `Kolumnen '${p.header}' är redan vald för något annat.`,
    en: (p) => `The column '${p.header}' is already chosen for something else.`,
  },
  HEADER_NOT_FOUND: {
    sv: (p) => `Hittar ingen rubrikrad i ${p.range}. Det behövs kolumner för: ${p.columns}.`,
    en: (p) => `No header row found in ${p.range}. It needs columns for: ${p.columns}.`,
  },
} satisfies Catalogue;

const MESSAGES = {
  ...SHARED_MESSAGES,
  ...ALLOCATION_MESSAGES,
  ...REQUISITION_MESSAGES,
  ...REPORT_MESSAGES,
};

export type ProblemCode = keyof typeof MESSAGES;

function localise(params: Record<string, ParamValue> | undefined, lang: Lang): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params ?? {}))
    out[name] = typeof value === "string" ? value : value[lang];
  return out;
}

/** "400.000 kan betyda 400 eller 400 000 – skriv 400 000 (eller 400 om du menar det)." */
function dotMessage(text: string, lang: Lang): string {
  const readings = ambiguousDotReadings(text ?? "");
  if (!readings) {
    return lang === "sv"
      ? `'${text}' kan läsas på två sätt; skriv talet utan punkt.`
      : `'${text}' can be read two ways; write the number without a dot.`;
  }
  const small = formatNumber(readings.decimal, lang);
  const large = formatNumber(readings.thousands, lang);
  return lang === "sv"
    ? `${text} kan betyda ${small} eller ${large} – skriv ${large} (eller ${small} om du menar det).`
    : `${text} can mean ${small} or ${large} – write ${large} (or ${small} if that is what you mean).`;
}

export function problemMessage(problem: Problem, lang: Lang): string {
  return MESSAGES[problem.code][lang](localise(problem.params, lang));
}

/**
 * Where in the workbook a problem is: its cell, else the range it names (an empty range,
 * a header row without a key column), so every problem found in a sheet can be jumped to.
 */
export function problemLocation(problem: Problem): string | undefined {
  const range = problem.params?.range;
  return problem.cell ?? (typeof range === "string" ? range : undefined);
}

/** "Blad1!C7: 'tolv' är inte ett tal." */
export function describeProblem(problem: Problem, lang: Lang): string {
  const text = problemMessage(problem, lang);
  return problem.cell ? `${problem.cell}: ${text}` : text;
}

export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem[]) {
    super(problems.map((p) => describeProblem(p, "en")).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

/** Collects problems while a validator walks its input, then throws them all at once. */
export class ProblemList {
  private readonly items: Problem[] = [];

  add(problem: Problem): void {
    this.items.push(problem);
  }

  /** Puts one problem where the first of `group` was and drops the rest of the group. */
  replace(group: readonly Problem[], by: Problem): void {
    const at = this.items.indexOf(group[0]);
    const kept = this.items.filter((p) => !group.includes(p));
    kept.splice(at < 0 ? kept.length : at, 0, by);
    this.items.splice(0, this.items.length, ...kept);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError([...this.items]);
  }
}
