/**
 * The one error type for problems a user must fix in their input, and the Swedish and
 * English texts for them. Only the validating layers throw it; the pane and the runner
 * show it. Each problem names the cell (or the pane field) it concerns.
 */
import { formatNumber } from "./money";
import { ambiguousDotReadings } from "./parse";

export type Lang = "sv" | "en";

/** Pane and command-line inputs that are not worksheet cells. */
export type Field =
  "total" | "unit" | "reserves" | "range" | "nameColumn" | "keyColumn" | "interestColumns";

export interface Problem {
  code: ProblemCode;
  /** "Blad1!C7" when the problem is in a worksheet cell. */
  cell?: string;
  /** The pane/CLI input the problem concerns when it is not a cell. */
  field?: Field;
  params?: Record<string, string>;
}

type Params = Record<string, string>;
type Texts = Record<Lang, (p: Params) => string>;

const MESSAGES = {
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
  KEY_NEGATIVE: {
    sv: (p) => `Nyckeln får inte vara negativ (${p.text}).`,
    en: (p) => `The key must not be negative (${p.text}).`,
  },
  KEY_MISSING: {
    sv: (p) => `${p.name} saknar nyckel.`,
    en: (p) => `${p.name} has no key.`,
  },
  NAME_MISSING: {
    sv: () => `Raden har en nyckel men inget namn.`,
    en: () => `The row has a key but no name.`,
  },
  DUPLICATE_NAME: {
    sv: (p) => `'${p.name}' finns redan i ${p.other}. Varje mottagare får bara finnas en gång.`,
    en: (p) => `'${p.name}' already appears in ${p.other}. Each recipient may appear only once.`,
  },
  NO_HEADER: {
    sv: (p) =>
      `Hittar ingen rubrikrad i ${p.range}. Det behövs en kolumn för namn (t.ex. 'Namn', 'Stadsdel', 'Kommun') och en för nyckeln (t.ex. 'Nyckel', 'Antal invånare').`,
    en: (p) =>
      `No header row found in ${p.range}. It needs a name column (e.g. 'Name', 'District', 'Municipality') and a key column (e.g. 'Key', 'Population').`,
  },
  COLUMN_NOT_FOUND: {
    sv: (p) => `Kolumnen '${p.header}' finns inte i rubrikraden ${p.range}.`,
    en: (p) => `The column '${p.header}' is not in the header row ${p.range}.`,
  },
  KEY_COLUMN_MISSING: {
    sv: (p) =>
      `Rubrikraden ${p.range} har ingen nyckelkolumn (t.ex. 'Nyckel', 'Antal invånare 65+'). Välj den.`,
    en: (p) =>
      `The header row ${p.range} has no key column (e.g. 'Key', 'Population 65+'). Choose it.`,
  },
  NAME_COLUMN_MISSING: {
    sv: (p) => `Rubrikraden ${p.range} har ingen namnkolumn (t.ex. 'Namn', 'Stadsdel'). Välj den.`,
    en: (p) => `The header row ${p.range} has no name column (e.g. 'Name', 'District'). Choose it.`,
  },
  SAME_COLUMN: {
    sv: () => `Namn och nyckel kan inte vara samma kolumn.`,
    en: () => `Name and key cannot be the same column.`,
  },
  BAD_INTEREST_MARK: {
    sv: (p) =>
      `'${p.text}' är ingen intressemarkering. Använd X (intresserad) eller - (inte intresserad).`,
    en: (p) => `'${p.text}' is not an interest mark. Use X (interested) or - (not interested).`,
  },
  NO_RECIPIENTS: {
    sv: (p) => `Inga mottagare under rubrikraden i ${p.range}.`,
    en: (p) => `No recipients below the header row in ${p.range}.`,
  },
  NO_INTERESTED: {
    sv: () => `Ingen mottagare är markerad som intresserad, så det finns ingen att fördela till.`,
    en: () => `No recipient is marked as interested, so there is no one to allocate to.`,
  },
  ALL_KEYS_ZERO: {
    sv: () => `Alla nycklar är noll, så andelarna går inte att räkna ut.`,
    en: () => `All keys are zero, so the shares cannot be computed.`,
  },
  TOTAL_MISSING: {
    sv: () => `Ange beloppet som ska fördelas.`,
    en: () => `Enter the amount to allocate.`,
  },
  TOTAL_NOT_POSITIVE: {
    sv: (p) => `Beloppet att fördela måste vara större än noll (${p.text}).`,
    en: (p) => `The amount to allocate must be greater than zero (${p.text}).`,
  },
  TOO_MANY_DECIMALS: {
    sv: (p) => `${p.text} har fler än två decimaler; belopp anges i kronor och ören.`,
    en: (p) => `${p.text} has more than two decimals; amounts are in kronor and öre.`,
  },
  RESERVES_EXCEED_TOTAL: {
    sv: (p) => `Reserverna (${p.reserves}) är större än beloppet att fördela (${p.total}).`,
    en: (p) => `The reserves (${p.reserves}) exceed the amount to allocate (${p.total}).`,
  },
  RESERVE_NAME_MISSING: {
    sv: (p) => `Reserv nr ${p.index} saknar namn.`,
    en: (p) => `Reserve no. ${p.index} has no name.`,
  },
  RESERVE_AMOUNT_BAD: {
    sv: (p) => `Reserven '${p.name}': '${p.text}' är inget giltigt belopp.`,
    en: (p) => `Reserve '${p.name}': '${p.text}' is not a valid amount.`,
  },
  RESERVE_DUPLICATE: {
    sv: (p) => `Reserven '${p.name}' finns två gånger, eller heter som en mottagare.`,
    en: (p) => `The reserve '${p.name}' appears twice, or has the same name as a recipient.`,
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
} satisfies Record<string, Texts>;

export type ProblemCode = keyof typeof MESSAGES;

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
  return MESSAGES[problem.code][lang](problem.params ?? {});
}

/**
 * Where in the workbook a problem is: its cell, else the range it names (an empty range,
 * a header row without a key column), so every problem found in a sheet can be jumped to.
 */
export function problemLocation(problem: Problem): string | undefined {
  return problem.cell ?? problem.params?.range;
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

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError([...this.items]);
  }
}
