/**
 * `statsbidrag requisitions`: reads the maxima and the requisitions from two sheets of an
 * .xlsx, checks every requisition, re-distributes what was not requisitioned (with
 * --redistribute) and prints the result (a table or JSON) and/or writes a copy of the
 * workbook with the Rekvisitioner sheet.
 *
 * Exit 0 when the run worked, also when requisitions have problems (those are results);
 * 2 when the input cannot be read: every problem named by cell or flag, nothing written.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../core/grid";
import { formatMoney } from "../core/money";
import {
  type Lang,
  type Problem,
  InputError,
  describeProblem,
  problemLocation,
} from "../core/problems";
import { requisitionsJson } from "../core/jobs/requisitions/json";
import { type RequisitionsRun, runRequisitions } from "../core/jobs/requisitions/requisitions";
import { requisitionsSheet, statusWords } from "../core/jobs/requisitions/sheet";
import { type CommandOutput, loadWorkbook, saveWorkbook } from "./allocate-command";
import { CliError } from "./cli-error";
import { worksheetGrid } from "./xlsx-grid";
import { writeOwnedSheet } from "./xlsx-writer";

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
}

export interface RequisitionsOutput extends CommandOutput {
  /** The run, when one was made (for callers such as the demo). */
  run?: RequisitionsRun;
}

const FIELD_FLAGS: Record<string, string> = {
  total: "--total",
  unit: "--unit",
  deadline: "--deadline",
  maxima: "--maxima-sheet",
  requisitions: "--requisitions-sheet",
};

function problemLine(problem: Problem, lang: Lang): { cell: string | null; message: string } {
  const flag = problem.field ? FIELD_FLAGS[problem.field] : undefined;
  const text = describeProblem(problem, lang);
  const cell = problemLocation(problem) ?? null;
  return { cell, message: problem.cell || !flag ? text : `${flag}: ${text}` };
}

function failure(lines: { cell: string | null; message: string }[], json: boolean) {
  return {
    stdout: json ? JSON.stringify({ errors: lines }) + "\n" : "",
    stderr: lines.map((l) => l.message).join("\n") + "\n",
    exitCode: 2,
  };
}

function pickSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((s) => s.name === name);
  if (!sheet) {
    throw new CliError("SHEET_NOT_FOUND", {
      sheet: name,
      sheets: workbook.worksheets.map((s) => s.name).join(", "),
    });
  }
  return sheet;
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
    if (options.output && path.resolve(options.output) === path.resolve(options.input))
      throw new CliError("OUTPUT_IS_INPUT", { file: options.output });
    const workbook = await loadWorkbook(options.input);
    const maxima = worksheetGrid(pickSheet(workbook, options.maximaSheet));
    const requisitions = worksheetGrid(pickSheet(workbook, options.requisitionsSheet));

    let run: RequisitionsRun;
    try {
      run = runRequisitions(maxima, requisitions, {
        deadline: options.deadline,
        total: options.total,
        unit: options.unit,
        redistribute: options.redistribute,
      });
    } catch (error) {
      if (error instanceof InputError)
        return failure(
          error.problems.map((p) => problemLine(p, options.lang)),
          options.json
        );
      throw error;
    }

    let stderr = "";
    if (options.output) {
      const model = requisitionsSheet(run, { lang: options.lang, date: options.date });
      const written = writeOwnedSheet(workbook, "requisitions", model);
      await saveWorkbook(workbook, options.output);
      stderr =
        (options.lang === "sv"
          ? `Skrev bladet '${written.sheetName}' i ${options.output}`
          : `Wrote sheet '${written.sheetName}' to ${options.output}`) + "\n";
    }
    const stdout = options.json
      ? JSON.stringify(requisitionsJson(run, options.lang)) + "\n"
      : summaryTable(run, options.lang);
    return { stdout, stderr, exitCode: 0, run };
  } catch (error) {
    // Files and sheets: the same exit code and shape as the cells' problems.
    if (error instanceof CliError)
      return failure([{ cell: null, message: error.text(options.lang) }], options.json);
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
