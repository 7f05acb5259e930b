/**
 * Command-line entry: argument parsing and exit codes. 0 = done, 2 = bad input or usage
 * (nothing written), 1 = unexpected failure.
 */
import { parseArgs } from "util";
import { type CommandOutput, allocateCommand } from "./allocate-command";
import { CliError } from "./cli-error";
import { demoCommand } from "./demo";
import { localIsoDate } from "../core/dates";
import type { Lang } from "../core/problems";

const HELP = `statsbidrag – fördela statsbidrag exakt på kronan

Användning:
  statsbidrag allocate <indata.xlsx> --total <belopp> [--sheet <blad>]
      [--reserve "<namn>=<belopp>"]... [--unit <belopp>] [--output <utdata.xlsx>] [--json]
      [--name-column <rubrik>] [--key-column <rubrik>] [--interest-column <rubrik>]...
      [--lang sv|en] [--date ÅÅÅÅ-MM-DD]
  statsbidrag demo [--output-dir <mapp>]

Kod 0: klart. Kod 2: fel i indata, inget skrevs (felen listas med blad och cell).
`;

export async function run(argv: string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  let lang: Lang = "sv";
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      return { stdout: HELP, stderr: "", exitCode: 0 };
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        total: { type: "string" },
        sheet: { type: "string" },
        reserve: { type: "string", multiple: true },
        unit: { type: "string" },
        output: { type: "string" },
        "output-dir": { type: "string" },
        json: { type: "boolean" },
        "name-column": { type: "string" },
        "key-column": { type: "string" },
        "interest-column": { type: "string", multiple: true },
        lang: { type: "string" },
        date: { type: "string" },
      },
    });
    if (values.lang === "en" || values.lang === "sv") lang = values.lang;
    else if (values.lang !== undefined) throw new CliError("USAGE", { text: `--lang: sv | en` });
    const date = values.date ?? localIsoDate(new Date());

    if (command === "demo") return await demoCommand(values["output-dir"] ?? "out", date);
    if (command !== "allocate")
      throw new CliError("USAGE", { text: `Okänt kommando / unknown command: ${command}` });
    if (positionals.length !== 1) throw new CliError("USAGE", { text: "allocate <indata.xlsx>" });
    return await allocateCommand({
      input: positionals[0],
      total: values.total ?? "",
      sheet: values.sheet,
      reserves: values.reserve ?? [],
      unit: values.unit,
      output: values.output,
      json: values.json ?? false,
      nameColumn: values["name-column"],
      keyColumn: values["key-column"],
      interestColumns: values["interest-column"] ?? [],
      lang,
      date,
    });
  } catch (error) {
    if (error instanceof CliError) {
      const json = rest.includes("--json");
      const message = error.text(lang);
      return {
        stdout: json ? JSON.stringify({ errors: [{ cell: null, message }] }) + "\n" : "",
        stderr: message + "\n",
        exitCode: 2,
      };
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      return {
        stdout: "",
        stderr: new CliError("USAGE", { text: error.message }).text(lang) + "\n",
        exitCode: 2,
      };
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
