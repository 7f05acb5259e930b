/**
 * The runner's command type and the output helpers every command shares. A command is one
 * module exporting one `Command`; `commands.ts` registers it with one line.
 */
import {
  type Field,
  type Lang,
  type Problem,
  describeProblem,
  problemLocation,
} from "../core/problems";

/** What a command prints and the process exit code: 0 done, 2 bad input (nothing written). */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A flag of a command, as node:util parseArgs declares it (`--name value` or `--flag`). */
export interface OptionSpec {
  type: "string" | "boolean";
  /** May be given more than once (`--reserve a=1 --reserve b=2`). */
  multiple?: boolean;
}

/** The parsed command line a command's `run` receives, typed by accessor. */
export interface CommandArgs {
  /** Arguments that are not flags, in order (e.g. the input file). */
  readonly positionals: readonly string[];
  /** A string flag's value, or undefined when not given. */
  string(name: string): string | undefined;
  /** Every value of a `multiple` string flag, in order; [] when not given. */
  strings(name: string): string[];
  /** A boolean flag: true when given. */
  boolean(name: string): boolean;
}

/** What every command gets besides its own flags. */
export interface CommandContext {
  /** --lang sv|en (default sv): the language of every message and of the output sheet. */
  lang: Lang;
  /** --date YYYY-MM-DD, else today's local date: the date written on output sheets. */
  date: string;
  /** --json: print the result (or the errors) as JSON on stdout. */
  json: boolean;
}

/**
 * One runner command, e.g. `allocate`, `demo`, `requisitions`, `report`.
 *
 * - `name` is what the user types after `statsbidrag`.
 * - `summary` is its line in `statsbidrag --help`; `usage` is the full text of
 *   `statsbidrag <name> --help` (synopsis, flags, exit codes), in Swedish and English.
 * - `options` declares the command's own flags. The runner adds the common ones to every
 *   command: `--lang`, `--date`, `--json` (given to `run` in `CommandContext`) and `--help`.
 *   An unknown flag is a usage error (exit 2) before `run` is called.
 * - `run` does the work. It reads workbooks through `workbook-io.ts` (`openWorkbook`,
 *   `sheetGrid`, `writeOutputCopy`), returns problems of the input with
 *   `problemsOutput` (exit 2, nothing written), and may throw a `CliError` for problems
 *   of the command line or the files, which the runner prints in the user's language.
 *   It must not print or exit itself: the runner writes `stdout`/`stderr` and sets the code.
 *
 * Adding a command: write `src/cli/<name>-command.ts` exporting a `Command`, and list it in
 * `COMMANDS` in `commands.ts`.
 */
export interface Command {
  name: string;
  summary: Record<Lang, string>;
  usage: Record<Lang, string>;
  options: Record<string, OptionSpec>;
  run(args: CommandArgs, context: CommandContext): Promise<CommandOutput>;
}

/** One problem as the runner prints it; the flag it concerns, when it is not a cell. */
function problemLine(
  problem: Problem,
  lang: Lang,
  flags: Partial<Record<Field, string>>
): { cell: string | null; field?: string; message: string } {
  const flag = problem.field ? flags[problem.field] : undefined;
  const text = describeProblem(problem, lang);
  const cell = problemLocation(problem) ?? null;
  // A problem in a cell carries the cell in its text; one with a flag is prefixed with it.
  if (problem.cell || !flag) return { cell, message: text };
  return { cell, field: flag, message: `${flag}: ${text}` };
}

/**
 * Input problems as the runner reports them: one line each on stderr, with `--json`
 * `{"errors":[{"cell":"Blad1!D7","message":"…"}]}` on stdout; exit code 2.
 * `flags` names the command-line flag of each pane/CLI field (e.g. total -> "--total").
 */
export function problemsOutput(
  problems: readonly Problem[],
  lang: Lang,
  json: boolean,
  flags: Partial<Record<Field, string>> = {}
): CommandOutput {
  const lines = problems.map((p) => problemLine(p, lang, flags));
  return {
    stdout: json ? JSON.stringify({ errors: lines }) + "\n" : "",
    stderr: lines.map((l) => l.message).join("\n") + "\n",
    exitCode: 2,
  };
}

/** Two columns, names left and amounts right-aligned: the runner's plain-text tables. */
export function textTable(lines: readonly (readonly [string, string])[]): string {
  const nameWidth = Math.max(0, ...lines.map(([name]) => name.length));
  const amountWidth = Math.max(0, ...lines.map(([, amount]) => amount.length));
  return (
    lines
      .map(([name, amount]) => `${name.padEnd(nameWidth)}  ${amount.padStart(amountWidth)}`)
      .join("\n") + "\n"
  );
}

/** "Skrev bladet 'Fördelning' i ut.xlsx": what every command says on stderr after writing. */
export function wroteSheetLine(sheetName: string, output: string, lang: Lang): string {
  return (
    (lang === "sv"
      ? `Skrev bladet '${sheetName}' i ${output}`
      : `Wrote sheet '${sheetName}' to ${output}`) + "\n"
  );
}
