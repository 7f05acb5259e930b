/**
 * Command-line entry: finds the command in the table (commands.ts), parses its flags and
 * the common ones, prints help, and turns errors into exit codes. 0 = done, 2 = bad input
 * or usage (nothing written), 1 = unexpected failure.
 */
import { parseArgs } from "util";
import { localIsoDate, parseIsoDate } from "../core/dates";
import type { Lang } from "../core/problems";
import type { Command, CommandArgs, CommandOutput, OptionSpec } from "./command";
import { COMMANDS } from "./commands";
import { CliError } from "./cli-error";

/** Flags every command takes; `run` gets them in its CommandContext. */
const COMMON_OPTIONS: Record<string, OptionSpec> = {
  lang: { type: "string" },
  date: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
};

const HELP_HEAD: Record<Lang, string> = {
  sv: `statsbidrag – fördela statsbidrag exakt på kronan

Användning:
  statsbidrag <kommando> [flaggor]
  statsbidrag <kommando> --help      hjälp för ett kommando

Kommandon:
`,
  en: `statsbidrag – split state grants exact to the krona

Usage:
  statsbidrag <command> [flags]
  statsbidrag <command> --help       help for one command

Commands:
`,
};

const HELP_TAIL: Record<Lang, string> = {
  sv: `
Flaggor för alla kommandon: --lang sv|en (språk, standard sv), --json, --date ÅÅÅÅ-MM-DD.
Kod 0: klart. Kod 2: fel i indata, inget skrevs (felen listas med blad och cell).
`,
  en: `
Flags of every command: --lang sv|en (language, default sv), --json, --date YYYY-MM-DD.
Exit 0: done. Exit 2: bad input, nothing written (problems listed with sheet and cell).
`,
};

export function generalHelp(lang: Lang, commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
  return HELP_HEAD[lang] + lines.join("\n") + "\n" + HELP_TAIL[lang];
}

/** --lang from anywhere on the line (also before the command), so every message can use it. */
function languageOf(argv: readonly string[]): Lang | "invalid" {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--lang") value = argv[i + 1];
    else if (arg.startsWith("--lang=")) value = arg.slice("--lang=".length);
  });
  if (value === undefined || value === "sv") return "sv";
  return value === "en" ? "en" : "invalid";
}

/** What may stand without a command: `statsbidrag --help --lang en`. */
const GLOBAL_ONLY = new Set(["--help", "-h", "--lang", "--json"]);

/** Index of the command name: the first word that is not a flag or a flag's value. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" || argv[i] === "--date") i++;
    else if (!argv[i].startsWith("-")) return i;
  }
  return -1;
}

function commandArgs(values: Record<string, unknown>, positionals: string[]): CommandArgs {
  return {
    positionals,
    string: (name) => (typeof values[name] === "string" ? (values[name] as string) : undefined),
    strings: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
    boolean: (name) => values[name] === true,
  };
}

function errorOutput(message: string, json: boolean): CommandOutput {
  return {
    stdout: json ? JSON.stringify({ errors: [{ cell: null, message }] }) + "\n" : "",
    stderr: message + "\n",
    exitCode: 2,
  };
}

export async function run(
  argv: string[],
  commands: readonly Command[] = COMMANDS
): Promise<CommandOutput> {
  const detected = languageOf(argv);
  const lang: Lang = detected === "invalid" ? "sv" : detected;
  const json = argv.includes("--json");
  const first = commandIndex(argv);
  const name = first >= 0 ? argv[first] : undefined;
  try {
    if (detected === "invalid") throw new CliError("USAGE", { text: "--lang: sv | en" });
    const helpAsked = argv.includes("--help") || argv.includes("-h");
    if (name === undefined || name === "help") {
      const topic = name === "help" ? commands.find((c) => c.name === argv[first + 1]) : undefined;
      if (topic) return { stdout: topic.usage[lang], stderr: "", exitCode: 0 };
      const stray = argv.filter((arg, i) => !GLOBAL_ONLY.has(arg) && argv[i - 1] !== "--lang");
      if (name === undefined && stray.length > 0)
        throw new CliError("USAGE", { text: stray.join(" ") });
      return { stdout: generalHelp(lang, commands), stderr: "", exitCode: 0 };
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
      throw new CliError("UNKNOWN_COMMAND", {
        command: name,
        commands: commands.map((c) => c.name).join(", "),
      });
    }
    if (helpAsked) return { stdout: command.usage[lang], stderr: "", exitCode: 0 };
    const { values, positionals } = parseArgs({
      args: argv.filter((_, i) => i !== first),
      allowPositionals: true,
      strict: true,
      options: { ...command.options, ...COMMON_OPTIONS },
    });
    const date = typeof values.date === "string" ? values.date : localIsoDate(new Date());
    // The date is written on the sheet and in the run log: a real date or nothing is written.
    if (parseIsoDate(date) !== date)
      throw new CliError("USAGE", { text: "--date ÅÅÅÅ-MM-DD / YYYY-MM-DD" });
    return await command.run(commandArgs(values, positionals), { lang, date, json });
  } catch (error) {
    if (error instanceof CliError) return errorOutput(error.text(lang), json);
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      return errorOutput(new CliError("USAGE", { text: error.message }).text(lang), json);
    }
    throw error;
  }
}

export async function main(): Promise<void> {
  try {
    const output = await run(process.argv.slice(2));
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
    process.exitCode = output.exitCode;
  } catch (error) {
    process.stderr.write(
      `statsbidrag: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = 1;
  }
}
