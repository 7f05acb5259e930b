/**
 * `statsbidrag allocate`: reads recipients from an .xlsx, splits the pot and prints the
 * result (table or JSON) and/or writes a copy of the workbook with the allocation sheet.
 */
import * as path from "path";
import {
  type AllocationResult,
  type AllocationRun,
  type LastYearRequest,
  runAllocation,
} from "../core/jobs/allocation/allocation";
import { allocationJson } from "../core/jobs/allocation/json";
import { allocationSheetForRun } from "../core/jobs/allocation/sheet";
import {
  type Grid,
  type RangeBox,
  gridRangeRef,
  parseReference,
  quoteSheetName,
  rangeAddress,
} from "../core/grid";
import type { AmountSource, ShapeRequest } from "../core/jobs/allocation/shapes";
import { formatMoney } from "../core/money";
import { type Field, type Lang, InputError } from "../core/problems";
import { allocationCommandLine } from "../core/jobs/allocation/command-line";
import { logTime, loggedInput, runLogSheet, sha256Result } from "../core/runlog";
import {
  type Command,
  type CommandArgs,
  type CommandContext,
  type CommandOutput,
  problemsOutput,
  textTable,
  wroteSheetLine,
} from "./command";
import { CliError } from "./cli-error";
import {
  checkOutputPath,
  openWorkbook,
  ownedWorksheet,
  saveWorkbook,
  sheetGrid,
  worksheet,
  worksheetGrid,
  writeOwnedSheet,
} from "./workbook-io";

export interface AllocateOptions {
  input: string;
  total: string;
  sheet?: string;
  /** "A3:D14": only this range of the sheet is read (the pane's selection or table). */
  range?: string;
  reserves: string[];
  unit?: string;
  output?: string;
  json: boolean;
  nameColumn?: string;
  /** One key column, or two or more with --weight each (weighted keys). */
  keyColumns: string[];
  weights: string[];
  interestColumns: string[];
  /** --no-interest-columns: no interest columns (not even detected ones), everyone takes part. */
  noInterestColumns?: boolean;
  /** Hidden recipient rows: "include" (default, listed as a warning) or "exclude". */
  hiddenRows?: string;
  /** The grant's name and year, for the sheet's title. */
  grant?: string;
  year?: string;
  base?: string;
  baseColumn?: string;
  floor?: string;
  floorColumn?: string;
  ceiling?: string;
  ceilingColumn?: string;
  lastYearColumn?: string;
  /** A previous allocation sheet (Fördelning) in the workbook with last year's amounts. */
  lastYearSheet?: string;
  lang: Lang;
  date: string;
  /** Log time for Körlogg ("2026-11-25 15:40:12"); now when absent. */
  time?: string;
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
  base: "--base",
  baseColumn: "--base-column",
  floor: "--floor",
  floorColumn: "--floor-column",
  ceiling: "--ceiling",
  ceilingColumn: "--ceiling-column",
  weights: "--weight",
  keyColumns: "--key-column",
  lastYearColumn: "--last-year-column",
  lastYearSheet: "--last-year-sheet",
};

/** --x <amount> or --x-column <header>, not both. */
function amountSource(
  flag: string,
  value: string | undefined,
  column: string | undefined
): AmountSource | undefined {
  if (value !== undefined && column !== undefined)
    throw new CliError("USAGE", { text: `--${flag} | --${flag}-column` });
  if (value !== undefined) return { value };
  if (column !== undefined) return { column };
  return undefined;
}

/** The shapes the flags ask for; --key-column and --weight come in pairs when weighted. */
export function shapeRequest(options: AllocateOptions): ShapeRequest {
  const request: ShapeRequest = {
    base: amountSource("base", options.base, options.baseColumn),
    floor: amountSource("floor", options.floor, options.floorColumn),
    ceiling: amountSource("ceiling", options.ceiling, options.ceilingColumn),
  };
  if (options.weights.length > 0 || options.keyColumns.length > 1)
    request.weightedKeys = options.keyColumns.map((column, j) => ({
      column,
      weight: options.weights[j] ?? "",
    }));
  return request;
}

/** The flags of an allocation as a command line that reproduces it (for Körlogg). */
export function reproducingCommandLine(options: AllocateOptions, sheet: string): string {
  const box = options.range === undefined ? undefined : parseRangeFlag(options.range);
  return allocationCommandLine({
    ...options,
    file: path.basename(options.input),
    sheet,
    // As Excel writes it: "B3:D8" for "$b$3:$d$8" or "D8:B3".
    range: box && rangeAddress(box),
    reserves: options.reserves,
    hiddenRows: hiddenRowsFlag(options),
  });
}

/** --hidden-rows: include (the default) or exclude; anything else is a usage error. */
function hiddenRowsFlag(options: AllocateOptions): "include" | "exclude" {
  const hiddenRows = options.hiddenRows ?? "include";
  if (hiddenRows !== "include" && hiddenRows !== "exclude")
    throw new CliError("USAGE", { text: "--hidden-rows include | exclude" });
  return hiddenRows;
}

/** The largest sheet Excel has: rows 1 to 1 048 576, columns A to XFD. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/**
 * "B3:D14" (or "$B$3:$D$14", a single cell "B3", corners in any order as Excel takes them)
 * -> its zero-based box. The sheet is --sheet's: a sheet name in the range is refused.
 */
export function parseRangeFlag(text: string): RangeBox {
  let box: RangeBox | null = null;
  if (!text.includes("!")) {
    try {
      box = parseReference(text.trim()).box;
    } catch {
      box = null;
    }
  }
  if (
    !box ||
    Math.min(box.top, box.bottom) < 0 ||
    Math.max(box.top, box.bottom) >= EXCEL_ROWS ||
    Math.max(box.left, box.right) >= EXCEL_COLUMNS
  )
    throw new CliError("RANGE_SYNTAX", { text });
  return {
    top: Math.min(box.top, box.bottom),
    left: Math.min(box.left, box.right),
    bottom: Math.max(box.top, box.bottom),
    right: Math.max(box.left, box.right),
  };
}

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
      sv
        ? `Inga mottagare (summor, delsummor, rader under summan): ${list}.`
        : `Not recipients (totals, subtotals, rows below the total): ${list}.`
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
  const hiddenRows = hiddenRowsFlag(options);
  if (options.noInterestColumns && options.interestColumns.length > 0)
    throw new CliError("USAGE", { text: "--interest-column | --no-interest-columns" });
  const reserves = options.reserves.map(parseReserveFlag);
  const box = options.range === undefined ? undefined : parseRangeFlag(options.range);
  // With --range, a problem of the range as a whole (an empty range) names that flag.
  const fieldFlags: typeof FIELD_FLAGS = box ? { ...FIELD_FLAGS, range: "--range" } : FIELD_FLAGS;
  const workbook = await openWorkbook(options.input);
  const grid = sheetGrid(workbook, options.sheet, box);
  if (box && grid.values.length === 0) {
    // Wholly past the sheet's used cells: named as given, not as the nothing read.
    const range = `${quoteSheetName(grid.sheet)}!${rangeAddress(box)}`;
    return problemsOutput(
      [{ code: "EMPTY_RANGE", field: "range", params: { range } }],
      options.lang,
      options.json,
      fieldFlags
    );
  }

  const weighted = options.weights.length > 0 || options.keyColumns.length > 1;
  if (weighted && options.weights.length !== options.keyColumns.length) {
    return problemsOutput(
      [
        {
          code: "WEIGHTED_KEYS_PAIRS",
          field: "weights",
          params: {
            columns: String(options.keyColumns.length),
            weights: String(options.weights.length),
          },
        },
      ],
      options.lang,
      options.json,
      fieldFlags
    );
  }
  const shapes = shapeRequest(options);
  let lastYear: LastYearRequest | undefined;
  if (options.lastYearColumn !== undefined && options.lastYearSheet !== undefined)
    throw new CliError("USAGE", { text: "--last-year-column | --last-year-sheet" });
  if (options.lastYearColumn !== undefined) lastYear = { column: options.lastYearColumn };
  // Every grid the run reads, in order: the log's input checksum covers them all.
  const inputs = [grid];
  if (options.lastYearSheet !== undefined) {
    const last = worksheet(workbook, options.lastYearSheet);
    // The sheet this run's --output replaces cannot also be last year's: it would be gone.
    if (options.output !== undefined && last === ownedWorksheet(workbook.book, "allocation"))
      throw new CliError("LAST_YEAR_IS_OUTPUT", { sheet: last.name });
    const sheet = worksheetGrid(last);
    lastYear = { sheet };
    inputs.push(sheet);
  }

  let run: AllocationRun;
  try {
    run = runAllocation(
      grid,
      { total: options.total, unit: options.unit, reserves, shapes, lastYear },
      {
        name: options.nameColumn,
        key: options.keyColumns[0],
        // None at all with --no-interest-columns; no --interest-column flag: detect them.
        interest: options.noInterestColumns
          ? []
          : options.interestColumns.length > 0
            ? options.interestColumns
            : undefined,
      },
      undefined,
      { hiddenRows }
    );
  } catch (error) {
    if (error instanceof InputError)
      return problemsOutput(error.problems, options.lang, options.json, fieldFlags);
    throw error;
  }

  let stderr = readingNotes(run, options.lang, hiddenRows, options.json);
  if (options.output) {
    const model = allocationSheetForRun(run, {
      lang: options.lang,
      date: options.date,
      source: gridRangeRef(grid),
      grant: options.grant,
      year: options.year,
    });
    checkOutputPath(workbook.file, options.output);
    const written = writeOwnedSheet(workbook.book, "allocation", model);
    appendRunLog(workbook.book, options, inputs, run.result);
    await saveWorkbook(workbook.book, options.output);
    stderr += wroteSheetLine(written.sheetName, options.output, options.lang);
  }
  const stdout = options.json
    ? JSON.stringify({ ...allocationJson(run.result), columns: columnsJson(run) }) + "\n"
    : summaryTable(run, options.lang);
  return { stdout, stderr, exitCode: 0, result: run.result };
}

/**
 * Appends this run to the workbook's owned Körlogg sheet (made when missing). `inputs` are
 * the grids the run read, the recipients' first: the row names and checksums them all.
 */
function appendRunLog(
  book: Parameters<typeof writeOwnedSheet>[0],
  options: AllocateOptions,
  inputs: readonly Grid[],
  result: AllocationResult
): void {
  const previous = ownedWorksheet(book, "runlog");
  const values = previous ? worksheetGrid(previous).values : null;
  const json = allocationJson(result);
  const model = runLogSheet(
    values,
    {
      time: options.time ?? logTime(new Date()),
      job: "allocate",
      ...loggedInput(inputs),
      commandLine: reproducingCommandLine(options, inputs[0].sheet),
      recipients: result.rows.length,
      total: result.total,
      resultSha256: sha256Result(json.rows),
    },
    options.lang
  );
  writeOwnedSheet(book, "runlog", model);
}

/** The options of `allocate` from its parsed flags (also used by `rerun`). */
export function allocateOptions(args: CommandArgs, context: CommandContext): AllocateOptions {
  if (args.positionals.length !== 1)
    throw new CliError("USAGE", {
      text: context.lang === "sv" ? "allocate <indata.xlsx>" : "allocate <input.xlsx>",
    });
  return {
    input: args.positionals[0],
    total: args.string("total") ?? "",
    sheet: args.string("sheet"),
    range: args.string("range"),
    reserves: args.strings("reserve"),
    unit: args.string("unit"),
    output: args.string("output"),
    json: context.json,
    nameColumn: args.string("name-column"),
    keyColumns: args.strings("key-column"),
    weights: args.strings("weight"),
    interestColumns: args.strings("interest-column"),
    noInterestColumns: args.boolean("no-interest-columns"),
    base: args.string("base"),
    baseColumn: args.string("base-column"),
    floor: args.string("floor"),
    floorColumn: args.string("floor-column"),
    ceiling: args.string("ceiling"),
    ceilingColumn: args.string("ceiling-column"),
    lastYearColumn: args.string("last-year-column"),
    lastYearSheet: args.string("last-year-sheet"),
    hiddenRows: args.string("hidden-rows"),
    grant: args.string("grant"),
    year: args.string("year"),
    lang: context.lang,
    date: context.date,
  };
}

const USAGE_SV = `statsbidrag allocate – fördela en pott efter en nyckel, exakt på kronan

Användning:
  statsbidrag allocate <indata.xlsx> --total <belopp> [flaggor]

Läser mottagarna (namn och nyckel, t.ex. antal invånare 65+) från första bladet, eller
--sheet, och fördelar potten med största rest-metoden. Summan blir exakt potten.

Flaggor:
  --total <belopp>             potten, t.ex. "6 069 306" (krävs)
  --sheet <blad>               bladet med mottagarna (annars det första)
  --range <område>             läs bara det området av bladet, t.ex. A3:D14 (tabellen utan
                               rubriken ovanför eller anteckningar bredvid)
  --reserve "<namn>=<belopp>"  avsättning före fördelningen; kan upprepas
  --unit <belopp>              avrundningsenhet: 0,01, 1 (standard), 10, 100 eller 1000
  --name-column <rubrik>       namnkolumnen (annars hittas den på rubriken)
  --key-column <rubrik>        nyckelkolumnen (annars hittas den på rubriken)
  --interest-column <rubrik>   kolumn med X/- för intresse; kan upprepas
  --no-interest-columns        inga intressekolumner (hitta inga heller): alla deltar
  --hidden-rows include|exclude  dolda rader: används och listas (standard) eller utesluts
  --grant <namn> --year <ÅÅÅÅ> bidragets namn och år i bladets rubrik
  --base <belopp>              grundbelopp per deltagande mottagare, resten efter nyckel
  --base-column <rubrik>       grundbelopp per mottagare från en kolumn
  --floor <belopp>             golv: ingen får mindre (eller --floor-column <rubrik>)
  --ceiling <belopp>           tak: ingen får mer (eller --ceiling-column <rubrik>)
  --key-column <rubrik> --weight <procent>
                               vägda nycklar: två eller fler par, vikterna summerar till 100
  --last-year-column <rubrik>  förra årets belopp, visas bredvid årets med förändring
  --last-year-sheet <blad>     förra årets belopp från en tidigare Fördelning i arbetsboken
  --output <utdata.xlsx>       skriv en kopia av arbetsboken med bladet Fördelning och en
                               ny rad i Körlogg (kan köras om med statsbidrag rerun)
  --json                       skriv resultatet som JSON
  --lang sv|en                 språk för texter och blad (standard sv)
  --date ÅÅÅÅ-MM-DD            datum på bladet (standard i dag)

En <rubrik> är kolumnens rubrik. Står samma rubrik över flera kolumner (t.ex. "Antal" under
både 65+ och 80+) anges kolumnen med sin bokstav inom hakparenteser: --key-column "[D]".

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
  --range <range>              read only that range of the sheet, e.g. A3:D14 (the table
                               without the title above it or notes beside it)
  --reserve "<name>=<amount>"  set aside before the split; may be repeated
  --unit <amount>              rounding unit: 0.01, 1 (default), 10, 100 or 1000
  --name-column <header>       the name column (else found by its header)
  --key-column <header>        the key column (else found by its header)
  --interest-column <header>   a column of X/- interest marks; may be repeated
  --no-interest-columns        no interest columns (find none either): everyone takes part
  --hidden-rows include|exclude  hidden rows: used and listed (default) or left out
  --grant <name> --year <YYYY> the grant's name and year in the sheet's title
  --base <amount>              base amount per participating recipient, the rest by key
  --base-column <header>       base amount per recipient from a column
  --floor <amount>             floor: nobody gets less (or --floor-column <header>)
  --ceiling <amount>           ceiling: nobody gets more (or --ceiling-column <header>)
  --key-column <header> --weight <percent>
                               weighted keys: two or more pairs, weights adding up to 100
  --last-year-column <header>  last year's amounts, shown beside this year's with the change
  --last-year-sheet <sheet>    last year's amounts from an earlier Fördelning in the workbook
  --output <out.xlsx>          write a copy of the workbook with the Fördelning sheet and
                               a new row in Körlogg (re-run it with statsbidrag rerun)
  --json                       print the result as JSON
  --lang sv|en                 language of texts and sheet (default sv)
  --date YYYY-MM-DD            date on the sheet (default today)

A <header> is the column's header. When the same header stands over several columns (e.g.
"Antal" under both 65+ and 80+), name the column by its letter in brackets: --key-column "[D]".

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
    range: { type: "string" },
    reserve: { type: "string", multiple: true },
    unit: { type: "string" },
    output: { type: "string" },
    "name-column": { type: "string" },
    "key-column": { type: "string", multiple: true },
    weight: { type: "string", multiple: true },
    base: { type: "string" },
    "base-column": { type: "string" },
    floor: { type: "string" },
    "floor-column": { type: "string" },
    ceiling: { type: "string" },
    "ceiling-column": { type: "string" },
    "last-year-column": { type: "string" },
    "last-year-sheet": { type: "string" },
    "interest-column": { type: "string", multiple: true },
    "no-interest-columns": { type: "boolean" },
    "hidden-rows": { type: "string" },
    grant: { type: "string" },
    year: { type: "string" },
  },
  async run(args, context) {
    const { stdout, stderr, exitCode } = await allocateCommand(allocateOptions(args, context));
    return { stdout, stderr, exitCode };
  },
};
