/**
 * `statsbidrag allocate`: reads recipients from an .xlsx, splits the pot and prints the
 * result (table or JSON) and/or writes a copy of the workbook with the allocation sheet.
 */
import { type AllocationResult, type AllocationRun, runAllocation } from "../core/allocation";
import { allocationJson } from "../core/allocation-json";
import { allocationSheet } from "../core/allocation-sheet";
import { gridRangeRef } from "../core/grid";
import { formatMoney } from "../core/money";
import { type Field, type Lang, InputError } from "../core/problems";
import { type Command, type CommandOutput, problemsOutput, textTable } from "./command";
import { CliError } from "./cli-error";
import { checkOutputPath, openWorkbook, sheetGrid, writeOutputCopy } from "./workbook-io";

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
  /** Hidden recipient rows: "include" (default, listed as a warning) or "exclude". */
  hiddenRows?: string;
  /** The grant's name and year, for the sheet's title. */
  grant?: string;
  year?: string;
  lang: Lang;
  date: string;
}

/** The allocation, when one was made (for callers such as the demo). */
export type AllocateOutput = CommandOutput & { result?: AllocationResult };

const FIELD_FLAGS: Partial<Record<Field, string>> = {
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

function summaryTable(run: AllocationRun, lang: Lang): string {
  const { result } = run;
  const money = (value: AllocationResult["total"]) => formatMoney(value, result.unit, lang);
  const lines: [string, string][] = [
    ...result.rows.map((r): [string, string] => [r.name, money(r.amount)]),
    ...result.reserves.map((r): [string, string] => [r.name, money(r.amount)]),
  ];
  if (!result.unallocated.isZero())
    lines.push([lang === "sv" ? "Ej fördelat" : "Not allocated", money(result.unallocated)]);
  lines.push([lang === "sv" ? "Summa" : "Total", money(result.total)]);
  return textTable(lines);
}

/** The columns used, by their header text: --json carries them as the text output says them. */
function columnsJson(run: AllocationRun): { name: string; key: string; interest: string[] } {
  const { layout } = run;
  return {
    name: layout.headers[layout.nameColumn],
    key: layout.headers[layout.keyColumn],
    interest: layout.interestColumns.map((c) => layout.headers[c]),
  };
}

/** Which columns were used, said on every run (the pane shows the same), and what was skipped. */
function readingNotes(
  run: AllocationRun,
  lang: Lang,
  hiddenRows: "include" | "exclude",
  json: boolean
): string {
  const sv = lang === "sv";
  const { layout } = run;
  const header = (c: number) => `'${layout.headers[c]}'`;
  const interest = layout.interestColumns.map(header).join(", ");
  // With --json the columns are in the JSON; stderr keeps only what needs a look.
  const lines = json
    ? []
    : [
        sv
          ? `Kolumner: namn ${header(layout.nameColumn)}, nyckel ${header(layout.keyColumn)}, intresse ${interest || "ingen (alla deltar)"}.`
          : `Columns: name ${header(layout.nameColumn)}, key ${header(layout.keyColumn)}, interest ${interest || "none (everyone takes part)"}.`,
      ];
  if (run.skipped.length > 0) {
    const list = run.skipped.map((s) => `${s.label} (${s.cell})`).join(", ");
    lines.push(
      sv ? `Inga mottagare (summarader): ${list}.` : `Not recipients (total rows): ${list}.`
    );
  }
  if (run.hidden.length > 0) {
    const list = run.hidden.map((h) => `${h.name} (${h.cell})`).join(", ");
    lines.push(
      hiddenRows === "include"
        ? sv
          ? `Varning: dolda rader används: ${list}. Ange --hidden-rows exclude för att utesluta dem.`
          : `Warning: hidden rows are used: ${list}. Give --hidden-rows exclude to leave them out.`
        : sv
          ? `Dolda rader utelämnade: ${list}.`
          : `Hidden rows left out: ${list}.`
    );
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

export async function allocateCommand(options: AllocateOptions): Promise<AllocateOutput> {
  if (options.output) checkOutputPath(options.input, options.output);
  const hiddenRows = options.hiddenRows ?? "include";
  if (hiddenRows !== "include" && hiddenRows !== "exclude")
    throw new CliError("USAGE", { text: "--hidden-rows include | exclude" });
  const reserves = options.reserves.map(parseReserveFlag);
  const workbook = await openWorkbook(options.input);
  const grid = sheetGrid(workbook, options.sheet);

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
      },
      undefined,
      { hiddenRows }
    );
  } catch (error) {
    if (error instanceof InputError)
      return problemsOutput(error.problems, options.lang, options.json, FIELD_FLAGS);
    throw error;
  }

  let stderr = readingNotes(run, options.lang, hiddenRows, options.json);
  if (options.output) {
    const model = allocationSheet(run.result, {
      lang: options.lang,
      date: options.date,
      nameHeader: run.layout.headers[run.layout.nameColumn],
      keyHeader: run.layout.headers[run.layout.keyColumn],
      source: gridRangeRef(grid),
      grant: options.grant,
      year: options.year,
    });
    const written = await writeOutputCopy(workbook, options.output, "allocation", model);
    stderr +=
      (options.lang === "sv"
        ? `Skrev bladet '${written.sheetName}' i ${options.output}`
        : `Wrote sheet '${written.sheetName}' to ${options.output}`) + "\n";
  }
  const stdout = options.json
    ? JSON.stringify({ ...allocationJson(run.result), columns: columnsJson(run) }) + "\n"
    : summaryTable(run, options.lang);
  return { stdout, stderr, exitCode: 0, result: run.result };
}

const USAGE_SV = `statsbidrag allocate – fördela en pott efter en nyckel, exakt på kronan

Användning:
  statsbidrag allocate <indata.xlsx> --total <belopp> [flaggor]

Läser mottagarna (namn och nyckel, t.ex. antal invånare 65+) från första bladet, eller
--sheet, och fördelar potten med största rest-metoden. Summan blir exakt potten.

Flaggor:
  --total <belopp>             potten, t.ex. "6 069 306" (krävs)
  --sheet <blad>               bladet med mottagarna (annars det första)
  --reserve "<namn>=<belopp>"  avsättning före fördelningen; kan upprepas
  --unit <belopp>              avrundningsenhet: 0,01, 1 (standard), 10, 100 eller 1000
  --name-column <rubrik>       namnkolumnen (annars hittas den på rubriken)
  --key-column <rubrik>        nyckelkolumnen (annars hittas den på rubriken)
  --interest-column <rubrik>   kolumn med X/- för intresse; kan upprepas
  --hidden-rows include|exclude  dolda rader: används och listas (standard) eller utesluts
  --grant <namn> --year <ÅÅÅÅ> bidragets namn och år i bladets rubrik
  --output <utdata.xlsx>       skriv en kopia av arbetsboken med bladet Fördelning
  --json                       skriv resultatet som JSON
  --lang sv|en                 språk för texter och blad (standard sv)
  --date ÅÅÅÅ-MM-DD            datum på bladet (standard i dag)

Belopp skrivs som i Excel: 400 000, 1 234,50 eller 400000. "400.000" vägras eftersom det
kan betyda både 400 och 400 000.

Kod 0: klart. Kod 2: fel i indata, inget skrevs (felen listas med blad och cell).
`;

const USAGE_EN = `statsbidrag allocate – split a pot by a key, exact to the krona

Usage:
  statsbidrag allocate <input.xlsx> --total <amount> [flags]

Reads the recipients (name and key, e.g. residents 65+) from the first sheet, or --sheet,
and splits the pot by largest remainder. The amounts add up to the pot exactly.

Flags:
  --total <amount>             the pot, e.g. "6 069 306" (required)
  --sheet <sheet>              the sheet with the recipients (else the first)
  --reserve "<name>=<amount>"  set aside before the split; may be repeated
  --unit <amount>              rounding unit: 0.01, 1 (default), 10, 100 or 1000
  --name-column <header>       the name column (else found by its header)
  --key-column <header>        the key column (else found by its header)
  --interest-column <header>   a column of X/- interest marks; may be repeated
  --hidden-rows include|exclude  hidden rows: used and listed (default) or left out
  --grant <name> --year <YYYY> the grant's name and year in the sheet's title
  --output <out.xlsx>          write a copy of the workbook with the Fördelning sheet
  --json                       print the result as JSON
  --lang sv|en                 language of texts and sheet (default sv)
  --date YYYY-MM-DD            date on the sheet (default today)

Amounts are typed as in Excel: 400 000, 1,234.50 or 400000. "400.000" is refused because
it can mean both 400 and 400 000.

Exit 0: done. Exit 2: bad input, nothing written (problems listed with sheet and cell).
`;

export const allocate: Command = {
  name: "allocate",
  summary: {
    sv: "fördela en pott efter en nyckel, exakt på kronan",
    en: "split a pot by a key, exact to the krona",
  },
  usage: { sv: USAGE_SV, en: USAGE_EN },
  options: {
    total: { type: "string" },
    sheet: { type: "string" },
    reserve: { type: "string", multiple: true },
    unit: { type: "string" },
    output: { type: "string" },
    "name-column": { type: "string" },
    "key-column": { type: "string" },
    "interest-column": { type: "string", multiple: true },
    "hidden-rows": { type: "string" },
    grant: { type: "string" },
    year: { type: "string" },
  },
  async run(args, context) {
    if (args.positionals.length !== 1)
      throw new CliError("USAGE", {
        text: context.lang === "sv" ? "allocate <indata.xlsx>" : "allocate <input.xlsx>",
      });
    const { stdout, stderr, exitCode } = await allocateCommand({
      input: args.positionals[0],
      total: args.string("total") ?? "",
      sheet: args.string("sheet"),
      reserves: args.strings("reserve"),
      unit: args.string("unit"),
      output: args.string("output"),
      json: context.json,
      nameColumn: args.string("name-column"),
      keyColumn: args.string("key-column"),
      interestColumns: args.strings("interest-column"),
      hiddenRows: args.string("hidden-rows"),
      grant: args.string("grant"),
      year: args.string("year"),
      lang: context.lang,
      date: context.date,
    });
    return { stdout, stderr, exitCode };
  },
};
