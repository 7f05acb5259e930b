/**
 * `statsbidrag rerun <workbook.xlsx> --log-row N`: re-runs a decision logged in the
 * workbook's Körlogg, from the workbook alone. It reads the logged source ranges again (the
 * recipients' and, when the run used one, last year's sheet) and compares their SHA-256 with
 * the logged one (was the input changed since?), runs the logged command line on this
 * workbook without writing anything, and compares the result (every name and amount, by
 * SHA-256, and the total) with what was logged.
 *
 * Exit 0: same input, same result. Exit 3: the input or the result differs (said which).
 */
import { parseArgs } from "util";
import { allocationJson } from "../core/jobs/allocation/json";
import { type Grid, type RangeBox, parseReference } from "../core/grid";
import { Decimal } from "../core/money";
import type { Lang } from "../core/problems";
import {
  readRunLog,
  sha256Inputs,
  sha256Result,
  splitCommandLine,
  splitSources,
} from "../core/runlog";
import { allocate, allocateCommand, allocateOptions } from "./allocate-command";
import type { Command, CommandArgs, CommandOutput } from "./command";
import { CliError } from "./cli-error";
import { openWorkbook, ownedWorksheet, worksheet, worksheetGrid } from "./workbook-io";

export interface RerunReport {
  row: number;
  inputSame: boolean;
  resultSame: boolean;
  loggedInput: string;
  currentInput: string;
  loggedTotal: string;
  currentTotal: string | null;
}

/** The values of `box` (a logged range such as "Blad1!A1:D14") in the grid of its sheet. */
function boxValues(grid: Grid, box: RangeBox): Grid["values"] {
  const values: Grid["values"] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row = grid.values[r - grid.top] ?? [];
    const line = [];
    for (let c = box.left; c <= box.right; c++) line.push(row[c - grid.left] ?? null);
    values.push(line);
  }
  return values;
}

const TEXTS = {
  sv: {
    inputSame: (sha: string) => `Indata: oförändrade (SHA-256 ${sha}).`,
    inputChanged: (logged: string, now: string) =>
      `Indata: ÄNDRADE sedan körningen (loggad SHA-256 ${logged}, nu ${now}).`,
    resultSame: (n: number, total: string) =>
      `Resultat: detsamma – alla ${n} belopp och summan ${total} stämmer med loggen.`,
    resultChanged: "Resultat: SKILJER SIG från det loggade.",
    failed: "Resultat: körningen gav fel i indata (se ovan).",
    run: (nr: number, time: string, line: string) => `Körlogg rad ${nr} (${time}): ${line}`,
  },
  en: {
    inputSame: (sha: string) => `Input: unchanged (SHA-256 ${sha}).`,
    inputChanged: (logged: string, now: string) =>
      `Input: CHANGED since the run (logged SHA-256 ${logged}, now ${now}).`,
    resultSame: (n: number, total: string) =>
      `Result: the same – all ${n} amounts and the total ${total} match the log.`,
    resultChanged: "Result: DIFFERS from what was logged.",
    failed: "Result: the run found problems in the input (see above).",
    run: (nr: number, time: string, line: string) => `Run log row ${nr} (${time}): ${line}`,
  },
} as const;

export async function rerunCommand(
  file: string,
  rowText: string,
  lang: Lang,
  json: boolean
): Promise<CommandOutput & { report?: RerunReport }> {
  const nr = Number(rowText);
  const workbook = await openWorkbook(file);
  const logSheet = ownedWorksheet(workbook.book, "runlog");
  if (!logSheet) throw new CliError("RUN_LOG_MISSING", { file });
  const rows = readRunLog(worksheetGrid(logSheet).values);
  const row = rows.find((r) => r.nr === nr);
  if (!row)
    throw new CliError("LOG_ROW_NOT_FOUND", {
      file,
      row: rowText,
      rows: rows.length === 0 ? "–" : `1–${rows[rows.length - 1].nr}`,
    });
  const notRerunnable = (reason: string) =>
    new CliError("LOG_ROW_NOT_RERUNNABLE", { row: rowText, reason });

  let words: string[];
  try {
    words = splitCommandLine(row.commandLine);
  } catch (error) {
    throw notRerunnable(String((error as Error).message));
  }
  if (words[0] !== "statsbidrag" || words[1] !== allocate.name)
    throw notRerunnable(row.commandLine);
  const parsed = parseArgs({
    args: words.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      ...allocate.options,
      lang: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const values: Record<string, unknown> = parsed.values;
  const args: CommandArgs = {
    positionals: parsed.positionals,
    string: (name) => (typeof values[name] === "string" ? (values[name] as string) : undefined),
    strings: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
    boolean: (name) => values[name] === true,
  };
  const loggedLang: Lang = values.lang === "en" ? "en" : "sv";
  const options = allocateOptions(args, {
    lang: loggedLang,
    date: typeof values.date === "string" ? values.date : "",
    json: true,
  });

  // The input: the logged ranges (the source, and last year's sheet when one was read),
  // read again from this workbook.
  const sources = splitSources(row.source);
  let references: ReturnType<typeof parseReference>[];
  try {
    references = sources.map((source) => parseReference(source));
  } catch (error) {
    throw notRerunnable(String((error as Error).message));
  }
  if (references.length === 0) throw notRerunnable(row.source);
  const currentInput = sha256Inputs(
    references.map(({ sheet, box }) => {
      const grid = worksheetGrid(worksheet(workbook, sheet ?? options.sheet));
      return boxValues(grid, box);
    })
  );
  const inputSame = currentInput === row.inputSha256;

  // The result: the logged command on this workbook, nothing written.
  const output = await allocateCommand({ ...options, input: file, output: undefined, lang });
  const t = TEXTS[lang];
  const lines = [t.run(row.nr, row.time, row.commandLine)];
  lines.push(inputSame ? t.inputSame(currentInput) : t.inputChanged(row.inputSha256, currentInput));
  let resultSame = false;
  let currentTotal: string | null = null;
  if (output.exitCode === 0 && output.result) {
    const rowsJson = allocationJson(output.result).rows;
    currentTotal = output.result.total.toFixed();
    const sameTotal = row.total !== "" && new Decimal(row.total).equals(output.result.total);
    resultSame = sha256Result(rowsJson) === row.resultSha256 && sameTotal;
    lines.push(resultSame ? t.resultSame(rowsJson.length, currentTotal) : t.resultChanged);
  } else lines.push(output.stderr.trimEnd(), t.failed);

  const report: RerunReport = {
    row: row.nr,
    inputSame,
    resultSame,
    loggedInput: row.inputSha256,
    currentInput,
    loggedTotal: row.total,
    currentTotal,
  };
  return {
    stdout: json ? JSON.stringify(report) + "\n" : lines.join("\n") + "\n",
    stderr: json ? "" : "",
    exitCode: inputSame && resultSame ? 0 : 3,
    report,
  };
}

const USAGE = {
  sv: `statsbidrag rerun – kör om ett loggat beslut från arbetsboken

Användning:
  statsbidrag rerun <arbetsbok.xlsx> --log-row <nr>

Läser raden <nr> i arbetsbokens Körlogg, läser de loggade källområdena igen (mottagarna
och, om körningen använde det, förra årets blad) och jämför deras SHA-256 med den loggade
(har indata ändrats?), kör den loggade kommandoraden på arbetsboken utan att skriva något
och jämför resultatet (varje namn och belopp, summan) med det loggade.

Kod 0: samma indata, samma resultat. Kod 3: indata eller resultat skiljer sig.
Kod 2: fel på kommandoraden eller i filen.
`,
  en: `statsbidrag rerun – re-run a logged decision from the workbook

Usage:
  statsbidrag rerun <workbook.xlsx> --log-row <no>

Reads row <no> of the workbook's run log (Körlogg), reads the logged source ranges again
(the recipients' and, when the run used one, last year's sheet) and compares their SHA-256
with the logged one (was the input changed?), runs the logged command line on the workbook
without writing anything, and compares the result (every name and amount, the total) with
what was logged.

Exit 0: same input, same result. Exit 3: the input or the result differs.
Exit 2: a problem with the command line or the file.
`,
};

export const rerun: Command = {
  name: "rerun",
  summary: {
    sv: "kör om en rad i Körlogg och säg om resultatet är detsamma",
    en: "re-run a row of the run log and say whether the result is the same",
  },
  usage: USAGE,
  options: { "log-row": { type: "string" } },
  async run(args, context) {
    const row = args.string("log-row");
    if (args.positionals.length !== 1 || row === undefined || !/^[1-9]\d*$/.test(row))
      throw new CliError("USAGE", { text: "rerun <workbook.xlsx> --log-row <N>" });
    const { stdout, stderr, exitCode } = await rerunCommand(
      args.positionals[0],
      row,
      context.lang,
      context.json
    );
    return { stdout, stderr, exitCode };
  },
};
