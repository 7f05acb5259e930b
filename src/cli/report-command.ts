/**
 * `statsbidrag report`: reads one or more ledger sheets from an .xlsx, builds the
 * report-back and prints it (summary or JSON) and/or writes a copy of the workbook with the
 * report sheet ("Återrapportering") and, the first time, the editable account mapping
 * ("Kontoindelning"). The mapping and the narrative answers are read back from the
 * workbook on every later run.
 */
import type ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import { type Decimal, formatNumber } from "../core/money";
import type { OutputJob } from "../core/sheets/jobs";
import type { ColumnChoice } from "../core/table/columns";
import {
  type Lang,
  type Problem,
  InputError,
  describeProblem,
  problemLocation,
} from "../core/problems";
import {
  type AccountMapping,
  CATEGORIES,
  CLASS_LABELS,
  DEFAULT_WORDS,
  accountsSheet,
  defaultMapping,
  readMapping,
} from "../core/jobs/report-back/categories";
import type { LedgerColumnId } from "../core/jobs/report-back/columns";
import { reportJson } from "../core/jobs/report-back/json";
import { type ReportResult, runReport } from "../core/jobs/report-back/report";
import { type Narrative, readNarrative, reportSheet } from "../core/jobs/report-back/sheet";
import { CliError } from "./cli-error";
import { type Command, type CommandArgs, type CommandOutput, wroteSheetLine } from "./command";
import {
  checkOutputPath,
  openWorkbook,
  ownedWorksheet,
  saveWorkbook,
  worksheetGrid,
  writeOwnedSheet,
} from "./workbook-io";

export interface ReportOptions {
  input: string;
  /** Ledger sheets, one per district; empty: the first sheet that is not one of ours. */
  ledgerSheets: string[];
  received: string;
  year: string;
  costCentres: string[];
  projects: string[];
  /** Cells ("Huvudbok!F12") whose rows' flags are accepted. */
  accept: string[];
  /** Ledger columns chosen by header or letter ("[F]"), from the --…-column flags. */
  columns?: ColumnChoice<LedgerColumnId>;
  output?: string;
  json: boolean;
  lang: Lang;
  date: string;
}

export interface ReportCommandOutput extends CommandOutput {
  report?: ReportResult;
}

/** The ledger columns a user may choose, each with its flag (by header, or "[F]" by letter). */
const LEDGER_COLUMN_FLAGS: readonly [LedgerColumnId, string][] = [
  ["date", "date-column"],
  ["account", "account-column"],
  ["costCentre", "cost-centre-column"],
  ["project", "project-column"],
  ["amount", "amount-column"],
  ["debit", "debit-column"],
  ["credit", "credit-column"],
];

const FIELD_FLAGS: Record<string, string> = {
  received: "--received",
  year: "--year",
  accept: "--accept",
  costCentres: "--cost-centre",
  projects: "--project",
  ledgers: "--ledger-sheet",
  ...Object.fromEntries(LEDGER_COLUMN_FLAGS.map(([id, flag]) => [id, `--${flag}`])),
};

const OWNED_JOBS: readonly OutputJob[] = [
  "allocation",
  "requisitions",
  "report",
  "accounts",
  "runlog",
];

function problemsOutput(
  problems: readonly Problem[],
  lang: Lang,
  json: boolean
): ReportCommandOutput {
  const lines = problems.map((problem) => {
    const flag = problem.field ? FIELD_FLAGS[problem.field] : undefined;
    const text = describeProblem(problem, lang);
    const cell = problemLocation(problem) ?? null;
    if (problem.cell || !flag) return { cell, message: text };
    return { cell, field: flag, message: `${flag}: ${text}` };
  });
  return {
    stdout: json ? JSON.stringify({ errors: lines }) + "\n" : "",
    stderr: lines.map((l) => l.message).join("\n") + "\n",
    exitCode: 2,
  };
}

function ledgerWorksheets(
  workbook: ExcelJS.Workbook,
  names: readonly string[],
  file: string
): ExcelJS.Worksheet[] {
  const sheets = workbook.worksheets;
  if (names.length === 0) {
    const ours = new Set(
      OWNED_JOBS.map((job) => ownedWorksheet(workbook, job)?.id).filter((id) => id !== undefined)
    );
    const first = sheets.find((s) => !ours.has(s.id));
    if (!first)
      throw new CliError("SHEET_NOT_FOUND", {
        file,
        sheet: "",
        sheets: sheets.map((s) => s.name).join(", "),
      });
    return [first];
  }
  return names.map((name) => {
    const sheet =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => s.name.toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv"));
    if (!sheet)
      throw new CliError("SHEET_NOT_FOUND", {
        file,
        sheet: name,
        sheets: sheets.map((s) => s.name).join(", "),
      });
    return sheet;
  });
}

function summaryText(result: ReportResult, lang: Lang): string {
  const sv = lang === "sv";
  const money = (value: Decimal) => formatNumber(value, lang, 2);
  const lines: [string, string][] = [
    [sv ? "Erhållet bidrag" : "Grant received", money(result.received)],
    ...CATEGORIES.map((c): [string, string] => [CLASS_LABELS[c][lang], money(result.used[c])]),
    [sv ? "Summa använt" : "Total used", money(result.totalUsed)],
    [sv ? "Ej använt, att återbetala" : "Unused, to be repaid", money(result.unused)],
    [sv ? "Egen finansiering" : "Own funding", money(result.ownFunding)],
    [sv ? "Intäkter (separat)" : "Income (apart)", money(result.income)],
  ];
  const labelWidth = Math.max(...lines.map(([l]) => l.length));
  const amountWidth = Math.max(...lines.map(([, a]) => a.length));
  let out =
    lines.map(([l, a]) => `${l.padEnd(labelWidth)}  ${a.padStart(amountWidth)}`).join("\n") + "\n";
  if (result.warnings.length > 0) {
    out += `\n${sv ? "Att kontrollera" : "To check"}:\n`;
    for (const warning of result.warnings) out += `  ${describeProblem(warning, lang)}\n`;
  }
  if (result.flagged.length > 0) {
    out += `\n${sv ? "Flaggade rader" : "Flagged rows"}: ${result.flagged.length}\n`;
    const json = reportJson(result, lang).flagged;
    for (const [i, f] of json.slice(0, 20).entries())
      out += `  ${f.cell}  ${f.message}${result.flagged[i].accepted ? (sv ? " (godkänd)" : " (accepted)") : ""}\n`;
    if (json.length > 20)
      out += `  … ${json.length - 20} ${sv ? "till (se --json eller bladet)" : "more (see --json or the sheet)"}\n`;
  }
  return out;
}

export async function reportCommand(options: ReportOptions): Promise<ReportCommandOutput> {
  if (options.output) checkOutputPath(options.input, options.output);
  const opened = await openWorkbook(options.input);
  const workbook = opened.book;
  const grids: Grid[] = ledgerWorksheets(workbook, options.ledgerSheets, options.input).map(
    worksheetGrid
  );

  const problems: Problem[] = [];
  let mapping: AccountMapping = defaultMapping(options.lang);
  let words: readonly string[] = DEFAULT_WORDS;
  const mappingSheet = ownedWorksheet(workbook, "accounts");
  if (mappingSheet) {
    const reading = readMapping(worksheetGrid(mappingSheet));
    problems.push(...reading.problems);
    mapping = reading.mapping;
    if (reading.words) words = reading.words;
  }
  const previous = ownedWorksheet(workbook, "report");
  const narrative: Narrative = previous ? readNarrative(worksheetGrid(previous)) : {};

  let result: ReportResult | null = null;
  try {
    result = runReport(
      grids,
      {
        received: options.received,
        year: options.year,
        costCentres: options.costCentres,
        projects: options.projects,
        accept: options.accept,
        columns: options.columns,
      },
      mapping,
      words
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !result) return problemsOutput(problems, options.lang, options.json);

  let stderr = "";
  if (options.output) {
    if (!mappingSheet)
      writeOwnedSheet(workbook, "accounts", accountsSheet(mapping, words, options.lang));
    const written = writeOwnedSheet(
      workbook,
      "report",
      reportSheet(result, { lang: options.lang, date: options.date, narrative })
    );
    await saveWorkbook(workbook, options.output);
    stderr = wroteSheetLine(written.sheetName, options.output, options.lang);
  }
  const stdout = options.json
    ? JSON.stringify(reportJson(result, options.lang)) + "\n"
    : summaryText(result, options.lang);
  return { stdout, stderr, exitCode: 0, report: result };
}

const USAGE_SV = `statsbidrag report <indata.xlsx> --received <belopp> --year <ÅÅÅÅ>
    [--ledger-sheet <blad>]... [--cost-centre <ansvar>]... [--project <projekt>]...
    [--accept <cell>]... [--output <utdata.xlsx>] [--json] [--lang sv|en]
    [--date-column <rubrik>] [--account-column <rubrik>] [--cost-centre-column <rubrik>]
    [--project-column <rubrik>] [--amount-column <rubrik>]
    [--debit-column <rubrik>] [--credit-column <rubrik>]

Återrapportering från ett huvudboksutdrag: erhållet, använt per kostnadsslag, ej använt
(att återbetala), egen finansiering och intäkter för sig. Flaggade rader (utanför året,
annat ansvar eller projekt, ej bidragsberättigat, ogiltigt) räknas inte förrän de godkänns
med --accept <cell>. --output skriver en kopia med bladet Återrapportering och, första
gången, Kontoindelning (kontoplanen att anpassa). Huvudbokens kolumner hittas på
rubrikerna; välj en själv med --amount-column "Belopp 2026" (rubriken) eller "[F]"
(kolumnens bokstav), och likadant för datum, konto, ansvar, projekt, debet och kredit.

Kod 0: klart (även med flaggade rader). Kod 2: fel i indata, inget skrevs.
`;

const USAGE_EN = `statsbidrag report <input.xlsx> --received <amount> --year <YYYY>
    [--ledger-sheet <sheet>]... [--cost-centre <centre>]... [--project <project>]...
    [--accept <cell>]... [--output <output.xlsx>] [--json] [--lang sv|en]
    [--date-column <header>] [--account-column <header>] [--cost-centre-column <header>]
    [--project-column <header>] [--amount-column <header>]
    [--debit-column <header>] [--credit-column <header>]

The report-back from a ledger extract: received, used per cost category, unused (to be
repaid), own funding, and income apart. Flagged rows (outside the year, another cost centre
or project, not eligible, invalid) are left out until accepted with --accept <cell>.
--output writes a copy with the sheet Report-back and, the first time, the account mapping
(Kontoindelning) to adapt to your chart of accounts. The ledger's columns are found by
their headers; choose one yourself with --amount-column "Belopp 2026" (its header) or
"[F]" (its letter), and likewise for date, account, cost centre, project, debit and credit.

Exit 0: done (even with flagged rows). Exit 2: bad input, nothing written.
`;

function chosenColumns(args: CommandArgs): ColumnChoice<LedgerColumnId> {
  const choice: ColumnChoice<LedgerColumnId> = {};
  for (const [id, flag] of LEDGER_COLUMN_FLAGS) {
    const value = args.string(flag);
    if (value !== undefined) choice[id] = value;
  }
  return choice;
}

export const report: Command = {
  name: "report",
  summary: {
    sv: "återrapportering från ett huvudboksutdrag, spårbar rad för rad",
    en: "the report-back from a ledger extract, traceable row by row",
  },
  usage: { sv: USAGE_SV, en: USAGE_EN },
  options: {
    "ledger-sheet": { type: "string", multiple: true },
    received: { type: "string" },
    year: { type: "string" },
    "cost-centre": { type: "string", multiple: true },
    project: { type: "string", multiple: true },
    accept: { type: "string", multiple: true },
    ...Object.fromEntries(LEDGER_COLUMN_FLAGS.map(([, flag]) => [flag, { type: "string" }])),
    output: { type: "string" },
  },
  async run(args, context) {
    if (args.positionals.length !== 1)
      throw new CliError("USAGE", {
        text: context.lang === "sv" ? "report <indata.xlsx>" : "report <input.xlsx>",
      });
    const { stdout, stderr, exitCode } = await reportCommand({
      input: args.positionals[0],
      ledgerSheets: args.strings("ledger-sheet"),
      received: args.string("received") ?? "",
      year: args.string("year") ?? "",
      costCentres: args.strings("cost-centre"),
      projects: args.strings("project"),
      accept: args.strings("accept"),
      columns: chosenColumns(args),
      output: args.string("output"),
      json: context.json,
      lang: context.lang,
      date: context.date,
    });
    return { stdout, stderr, exitCode };
  },
};
