/**
 * `statsbidrag allocate`: reads recipients from an .xlsx, splits the pot and prints the
 * result (table or JSON) and/or writes a copy of the workbook with the allocation sheet.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { type AllocationResult, type AllocationRun, runAllocation } from "../core/allocation";
import { allocationJson } from "../core/allocation-json";
import { allocationSheet } from "../core/allocation-sheet";
import { gridRangeRef } from "../core/grid";
import { formatNumber } from "../core/money";
import {
  type Lang,
  type Problem,
  InputError,
  describeProblem,
  problemLocation,
} from "../core/problems";
import { CliError } from "./cli-error";
import { worksheetGrid } from "./xlsx-grid";
import { writeOwnedSheet } from "./xlsx-writer";

export interface AllocateOptions {
  input: string;
  total: string;
  sheet?: string;
  reserves: string[];
  unit?: string;
  output?: string;
  json: boolean;
  nameColumn?: string;
  keyColumn?: string;
  interestColumns: string[];
  lang: Lang;
  date: string;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The allocation, when one was made (for callers such as the demo). */
  result?: AllocationResult;
}

const FIELD_FLAGS: Record<string, string> = {
  total: "--total",
  unit: "--unit",
  reserves: "--reserve",
  nameColumn: "--name-column",
  keyColumn: "--key-column",
  interestColumns: "--interest-column",
};

/** "Äldreförvaltningen=400 000" -> name and amount, split at the last "=". */
export function parseReserveFlag(flag: string): { name: string; amount: string } {
  const at = flag.lastIndexOf("=");
  if (at < 0) throw new CliError("RESERVE_SYNTAX", { text: flag });
  return { name: flag.slice(0, at), amount: flag.slice(at + 1) };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new CliError("FILE_UNREADABLE", {
      file,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  return workbook;
}

function pickSheet(workbook: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const sheet = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
  if (!sheet) {
    throw new CliError("SHEET_NOT_FOUND", {
      sheet: name ?? "",
      sheets: sheets.map((s) => s.name).join(", "),
    });
  }
  return sheet;
}

/** Writes to a temporary file first so a failed run never leaves a half-written workbook. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new CliError("FILE_UNWRITABLE", {
      file,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

function problemLine(
  problem: Problem,
  lang: Lang
): { cell: string | null; field?: string; message: string } {
  const flag = problem.field ? FIELD_FLAGS[problem.field] : undefined;
  const text = describeProblem(problem, lang);
  const cell = problemLocation(problem) ?? null;
  // A problem in a cell carries the cell in its text; one with a flag is prefixed with it.
  if (problem.cell || !flag) return { cell, message: text };
  return { cell, field: flag, message: `${flag}: ${text}` };
}

export function problemsOutput(
  problems: readonly Problem[],
  lang: Lang,
  json: boolean
): CommandOutput {
  const lines = problems.map((p) => problemLine(p, lang));
  return {
    stdout: json ? JSON.stringify({ errors: lines }) + "\n" : "",
    stderr: lines.map((l) => l.message).join("\n") + "\n",
    exitCode: 2,
  };
}

function summaryTable(run: AllocationRun, lang: Lang): string {
  const { result } = run;
  const lines: [string, string][] = [
    ...result.rows.map((r): [string, string] => [r.name, formatNumber(r.amount, lang)]),
    ...result.reserves.map((r): [string, string] => [r.name, formatNumber(r.amount, lang)]),
  ];
  if (!result.unallocated.isZero())
    lines.push([
      lang === "sv" ? "Ej fördelat" : "Not allocated",
      formatNumber(result.unallocated, lang),
    ]);
  lines.push([lang === "sv" ? "Summa" : "Total", formatNumber(result.total, lang)]);
  const nameWidth = Math.max(...lines.map(([name]) => name.length));
  const amountWidth = Math.max(...lines.map(([, amount]) => amount.length));
  return (
    lines
      .map(([name, amount]) => `${name.padEnd(nameWidth)}  ${amount.padStart(amountWidth)}`)
      .join("\n") + "\n"
  );
}

export async function allocateCommand(options: AllocateOptions): Promise<CommandOutput> {
  if (options.output && path.resolve(options.output) === path.resolve(options.input)) {
    throw new CliError("OUTPUT_IS_INPUT", { file: options.output });
  }
  const reserves = options.reserves.map(parseReserveFlag);
  const workbook = await loadWorkbook(options.input);
  const sheet = pickSheet(workbook, options.sheet);
  const grid = worksheetGrid(sheet);

  let run: AllocationRun;
  try {
    run = runAllocation(
      grid,
      { total: options.total, unit: options.unit, reserves },
      {
        name: options.nameColumn,
        key: options.keyColumn,
        // No --interest-column flag: detect them.
        interest: options.interestColumns.length > 0 ? options.interestColumns : undefined,
      }
    );
  } catch (error) {
    if (error instanceof InputError)
      return problemsOutput(error.problems, options.lang, options.json);
    throw error;
  }

  let stderr = "";
  if (options.output) {
    const model = allocationSheet(run.result, {
      lang: options.lang,
      date: options.date,
      nameHeader: run.layout.headers[run.layout.nameColumn],
      keyHeader: run.layout.headers[run.layout.keyColumn],
      source: gridRangeRef(grid),
    });
    const written = writeOwnedSheet(workbook, "allocation", model);
    await saveWorkbook(workbook, options.output);
    stderr =
      (options.lang === "sv"
        ? `Skrev bladet '${written.sheetName}' i ${options.output}`
        : `Wrote sheet '${written.sheetName}' to ${options.output}`) + "\n";
  }
  const stdout = options.json
    ? JSON.stringify(allocationJson(run.result)) + "\n"
    : summaryTable(run, options.lang);
  return { stdout, stderr, exitCode: 0, result: run.result };
}
