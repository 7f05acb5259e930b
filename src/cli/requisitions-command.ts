/**
 * `statsbidrag requisitions`: reads the maxima and the requisitions from two sheets of an
 * .xlsx, checks every requisition, re-distributes what was not requisitioned (with
 * --redistribute) and prints the result (a table or JSON) and/or writes a copy of the
 * workbook with the Rekvisitioner sheet.
 *
 * Exit 0 when the run worked, also when requisitions have problems (those are results);
 * 2 when the input cannot be read: every problem named by cell or flag, nothing written.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../core/grid";
import { formatMoney } from "../core/money";
import { type Lang, InputError, describeProblem } from "../core/problems";
import type { ColumnChoice, ColumnSpec } from "../core/table/columns";
import { MAXIMA_COLUMNS, requisitionColumns } from "../core/jobs/requisitions/columns";
import { requisitionsJson } from "../core/jobs/requisitions/json";
import {
  type RequisitionsChoice,
  type RequisitionsRun,
  runRequisitions,
} from "../core/jobs/requisitions/requisitions";
import { requisitionsSheet, statusWords } from "../core/jobs/requisitions/sheet";
import { CliError } from "./cli-error";
import { type Command, type CommandOutput, problemsOutput, wroteSheetLine } from "./command";
import {
  checkOutputPath,
  openWorkbook,
  saveWorkbook,
  sheetGrid,
  writeOwnedSheet,
} from "./workbook-io";

export interface RequisitionsOptions {
  input: string;
  maximaSheet: string;
  requisitionsSheet: string;
  /** YYYY-MM-DD */
  deadline?: string;
  total?: string;
  redistribute: boolean;
  unit?: string;
  output?: string;
  json: boolean;
  lang: Lang;
  /** ISO date of the run, shown on the sheet. */
  date: string;
  /** Columns chosen by header or letter ("[D]"), per list (the --maxima-*-column flags). */
  columns?: RequisitionsChoice;
}

export interface RequisitionsOutput extends CommandOutput {
  /** The run, when one was made (for callers such as the demo). */
  run?: RequisitionsRun;
}

/** Each list's column flags, as core's column specs name them (--maxima-name-column, ...). */
const COLUMN_FLAGS = {
  maxima: MAXIMA_COLUMNS,
  requisitions: requisitionColumns(true),
} as const;

const FIELD_FLAGS: Record<string, string> = {
  total: "--total",
  unit: "--unit",
  deadline: "--deadline",
  maxima: "--maxima-sheet",
  requisitions: "--requisitions-sheet",
  ...Object.fromEntries(
    Object.entries(COLUMN_FLAGS).flatMap(([list, spec]) =>
      spec.map((column) => [`${list}.${column.id}`, column.flag as string])
    )
  ),
};

/** A list's columns as the flags chose them; a flag not given leaves its column to detection. */
function chosenColumns<Id extends string>(
  spec: readonly ColumnSpec<Id>[],
  value: (flag: string) => string | undefined
): ColumnChoice<Id> {
  const choice: ColumnChoice<Id> = {};
  for (const column of spec) {
    const chosen = value((column.flag as string).slice(2));
    if (chosen !== undefined) choice[column.id] = chosen;
  }
  return choice;
}

/** One line per requisition, then the totals: what a controller reads in the terminal. */
function summaryTable(run: RequisitionsRun, lang: Lang): string {
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, run.unit, lang);
  const sv = lang === "sv";
  const lines: string[][] = run.requisitions.map((r) => [
    r.row.recipientCell,
    r.recipient === null ? r.row.recipientText : run.lines[r.recipient].recipient.name,
    r.requested === null ? "" : money(r.requested),
    money(r.approved),
    statusWords(r.status, lang, r.lateReason),
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...lines.map((l) => l[c].length)));
  const table = lines.map((l) =>
    [
      l[0].padEnd(widths[0]),
      l[1].padEnd(widths[1]),
      l[2].padStart(widths[2]),
      l[3].padStart(widths[3]),
      l[4],
    ].join("  ")
  );
  const totals: [string, string][] = [
    [sv ? "Pott" : "Pot", money(run.pot)],
    [sv ? "Summa godkänt" : "Total approved", money(run.approved)],
    [sv ? "Ej rekvirerat" : "Not requisitioned", money(run.unrequisitioned)],
  ];
  if (run.redistribute) {
    totals.push([sv ? "Omfördelat" : "Re-distributed", money(run.redistributed)]);
    for (const line of run.lines.filter((l) => l.claimed))
      totals.push([`  + ${line.recipient.name}`, money(line.extra)]);
    totals.push([sv ? "Kvar" : "Left over", money(run.leftOver)]);
  }
  const labelWidth = Math.max(...totals.map(([label]) => label.length));
  const amountWidth = Math.max(...totals.map(([, amount]) => amount.length));
  const remarks = run.requisitions
    .filter((r) => r.status !== "ok")
    .map((r) => describeProblem(r.note, lang));
  return (
    [
      ...table,
      "",
      ...totals.map(
        ([label, amount]) => `${label.padEnd(labelWidth)}  ${amount.padStart(amountWidth)}`
      ),
      ...(remarks.length > 0 ? ["", sv ? "Anmärkningar:" : "Remarks:", ...remarks] : []),
    ].join("\n") + "\n"
  );
}

export async function requisitionsCommand(
  options: RequisitionsOptions
): Promise<RequisitionsOutput> {
  try {
    if (options.output) checkOutputPath(options.input, options.output);
    const opened = await openWorkbook(options.input);
    const workbook = opened.book;
    const maxima = sheetGrid(opened, options.maximaSheet);
    const requisitions = sheetGrid(opened, options.requisitionsSheet);

    let run: RequisitionsRun;
    try {
      run = runRequisitions(
        maxima,
        requisitions,
        {
          deadline: options.deadline,
          total: options.total,
          unit: options.unit,
          redistribute: options.redistribute,
        },
        options.columns
      );
    } catch (error) {
      if (error instanceof InputError)
        return problemsOutput(error.problems, options.lang, options.json, FIELD_FLAGS);
      throw error;
    }

    let stderr = "";
    if (options.output) {
      const model = requisitionsSheet(run, { lang: options.lang, date: options.date });
      const written = writeOwnedSheet(workbook, "requisitions", model);
      await saveWorkbook(workbook, options.output);
      stderr = wroteSheetLine(written.sheetName, options.output, options.lang);
    }
    const stdout = options.json
      ? JSON.stringify(requisitionsJson(run, options.lang)) + "\n"
      : summaryTable(run, options.lang);
    return { stdout, stderr, exitCode: 0, run };
  } catch (error) {
    // Files and sheets: the same exit code and shape as the cells' problems.
    if (error instanceof CliError) {
      const message = error.text(options.lang);
      return {
        stdout: options.json ? JSON.stringify({ errors: [{ cell: null, message }] }) + "\n" : "",
        stderr: message + "\n",
        exitCode: 2,
      };
    }
    throw error;
  }
}

/** An ExcelJS workbook holding grids as sheets (sample data, tests): values as they are. */
export function gridsWorkbook(grids: readonly Grid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    grid.values.forEach((values, r) =>
      values.forEach((value: CellValue, c) => {
        if (value !== null) sheet.getCell(grid.top + r + 1, grid.left + c + 1).value = value;
      })
    );
  }
  return workbook;
}

const USAGE_SV = `statsbidrag requisitions <indata.xlsx> --maxima-sheet <blad> --requisitions-sheet <blad>
    [--deadline ÅÅÅÅ-MM-DD] [--total <belopp>] [--redistribute] [--unit <belopp>]
    [--output <utdata.xlsx>] [--json] [--lang sv|en]
    [--maxima-name-column <rubrik>] [--maxima-code-column <rubrik>]
    [--maxima-amount-column <rubrik>] [--maxima-key-column <rubrik>]
    [--maxima-wants-more-column <rubrik>]
    [--requisition-name-column <rubrik>] [--requisition-code-column <rubrik>]
    [--requisition-amount-column <rubrik>] [--requisition-date-column <rubrik>]
    [--requisition-wants-more-column <rubrik>]

Kolumnerna hittas på rubrikerna; flaggorna väljer en kolumn med dess rubrik eller med dess
bokstav inom hakparentes ("[D]"), t.ex. när två kolumner heter "Belopp". "" betyder att
listan inte har den valfria kolumnen (kod, nyckel, mer medel, datum utan --deadline).

Prövar varje rekvisition mot mottagarens maxbelopp (ok, över max, okänd, dubblett,
ogiltigt belopp, för sent) och fördelar med --redistribute om det som inte rekvirerats
till dem som vill ha mer, efter samma nyckel och aldrig mer än de bett om.

Kod 0: klart (även när rekvisitioner har problem). Kod 2: fel i indata, inget skrevs.
`;

const USAGE_EN = `statsbidrag requisitions <input.xlsx> --maxima-sheet <sheet> --requisitions-sheet <sheet>
    [--deadline YYYY-MM-DD] [--total <amount>] [--redistribute] [--unit <amount>]
    [--output <output.xlsx>] [--json] [--lang sv|en]
    [--maxima-name-column <header>] [--maxima-code-column <header>]
    [--maxima-amount-column <header>] [--maxima-key-column <header>]
    [--maxima-wants-more-column <header>]
    [--requisition-name-column <header>] [--requisition-code-column <header>]
    [--requisition-amount-column <header>] [--requisition-date-column <header>]
    [--requisition-wants-more-column <header>]

Columns are found by their headers; the flags choose a column by its header or by its
letter in brackets ("[D]"), e.g. when two columns are called "Belopp". "" means the list
has no such optional column (code, key, wants more, date without --deadline).

Checks every requisition against the recipient's maximum (ok, over maximum, unknown,
duplicate, invalid amount, late) and, with --redistribute, re-distributes what was not
requisitioned to those who want more, by the same key and never above what they asked for.

Exit 0: done (also when requisitions have problems). Exit 2: bad input, nothing written.
`;

export const requisitions: Command = {
  name: "requisitions",
  summary: {
    sv: "pröva rekvisitioner mot maxbelopp och fördela om det som blir över",
    en: "check requisitions against their maxima and re-distribute what is left",
  },
  usage: { sv: USAGE_SV, en: USAGE_EN },
  options: {
    "maxima-sheet": { type: "string" },
    "requisitions-sheet": { type: "string" },
    deadline: { type: "string" },
    total: { type: "string" },
    redistribute: { type: "boolean" },
    unit: { type: "string" },
    output: { type: "string" },
    ...Object.fromEntries(
      Object.values(COLUMN_FLAGS).flatMap((spec) =>
        spec.map((column) => [(column.flag as string).slice(2), { type: "string" as const }])
      )
    ),
  },
  async run(args, context) {
    const maximaSheet = args.string("maxima-sheet");
    const requisitionsSheet = args.string("requisitions-sheet");
    if (args.positionals.length !== 1 || !maximaSheet || !requisitionsSheet)
      throw new CliError("USAGE", {
        text:
          context.lang === "sv"
            ? "requisitions <indata.xlsx> --maxima-sheet <blad> --requisitions-sheet <blad>"
            : "requisitions <input.xlsx> --maxima-sheet <sheet> --requisitions-sheet <sheet>",
      });
    const { stdout, stderr, exitCode } = await requisitionsCommand({
      input: args.positionals[0],
      maximaSheet,
      requisitionsSheet,
      deadline: args.string("deadline"),
      total: args.string("total"),
      redistribute: args.boolean("redistribute"),
      unit: args.string("unit"),
      output: args.string("output"),
      json: context.json,
      lang: context.lang,
      date: context.date,
      columns: {
        maxima: chosenColumns(COLUMN_FLAGS.maxima, (flag) => args.string(flag)),
        requisitions: chosenColumns(COLUMN_FLAGS.requisitions, (flag) => args.string(flag)),
      },
    });
    return { stdout, stderr, exitCode };
  },
};
