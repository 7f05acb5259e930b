/**
 * `statsbidrag demo`: builds a sample workbook from the Stockholm 2024 proposal (11
 * districts, 6 069 306 kr, 400 000 kr reserve) with the districts' requisitions and a
 * district's ledger extract, then runs the three jobs through the same paths as the
 * commands (`allocate`, `requisitions`, `report` with `--output`) into one workbook, and
 * checks the allocation against the paper's table.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import { Decimal, formatKronor, formatMoney } from "../core/money";
import { sampleLedger, sampleRequest } from "../core/jobs/report-back/sample";
import { SAMPLE_DEADLINE, requisitionsSample } from "../core/jobs/requisitions/sample";
import { allocateCommand } from "./allocate-command";
import type { Command, CommandOutput } from "./command";
import { reportCommand } from "./report-command";
import { requisitionsCommand } from "./requisitions-command";
import { saveWorkbook } from "./workbook-io";

/** District, ordering unit marked, preventive unit marked, amount proposed in the paper (kr). */
export const STOCKHOLM_2024: readonly [string, boolean, boolean, number][] = [
  ["Bromma", true, true, 459_491],
  ["Enskede-Årsta-Vantör", true, true, 477_017],
  ["Farsta", true, true, 355_411],
  ["Hägersten-Älvsjö", true, true, 646_853],
  ["Hässelby-Vällingby", true, true, 408_609],
  ["Järva", true, true, 418_751],
  ["Kungsholmen", true, true, 457_704],
  ["Norra innerstaden", false, true, 1_059_660],
  ["Skarpnäck", true, true, 249_453],
  ["Skärholmen", true, true, 190_481],
  ["Södermalm", true, true, 945_876],
];
export const STOCKHOLM_TOTAL = "6069306";
export const STOCKHOLM_RESERVE = { name: "Äldreförvaltningen", amount: "400000" };
export const DEMO_KEY_HEADER = "Nyckel (exempel: föreslaget belopp, kr)";

/** The input workbook a controller would have: a title, then the districts with their key. */
export function demoInputWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Stadsdelar");
  sheet.getCell("A1").value = "Hälsosamtal för äldre 2024: stadsdelsförvaltningar (exempeldata)";
  sheet.getCell("A1").font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    "Stadsdelsförvaltning",
    "Beställarenhet",
    "Förebyggande enhet",
    DEMO_KEY_HEADER,
  ]);
  header.font = { bold: true };
  for (const [name, ordering, preventive, amount] of STOCKHOLM_2024) {
    sheet.addRow([name, ordering ? "X" : "-", preventive ? "X" : "-", amount]);
  }
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 15;
  sheet.getColumn(3).width = 19;
  sheet.getColumn(4).width = 36;
  sheet.getColumn(4).numFmt = "#,##0";
  return workbook;
}

/** The demo's whole input: the districts, their maxima and requisitions, and a ledger. */
export function demoWorkbook(): ExcelJS.Workbook {
  const workbook = demoInputWorkbook();
  const requisitions = requisitionsSample(
    STOCKHOLM_2024.map(([name, , , amount]) => ({ name, amount }))
  );
  addGrid(workbook, requisitions.maxima, { 2: "#,##0" });
  addGrid(workbook, requisitions.requisitions, { 2: "#,##0", 4: "#,##0" });
  addGrid(workbook, sampleLedger(), { 1: "yyyy-mm-dd", 7: "#,##0.00" });
  return workbook;
}

/** A grid as a sheet of its own, with number formats per column (1-based) and widths that fit. */
function addGrid(workbook: ExcelJS.Workbook, grid: Grid, formats: Record<number, string>): void {
  const sheet = workbook.addWorksheet(grid.sheet);
  for (const values of grid.values) sheet.addRow(values);
  sheet.getRow(grid.values.findIndex((row) => row.filter((v) => v !== null).length > 1) + 1).font =
    { bold: true };
  sheet.columns.forEach((column, c) => {
    const longest = Math.max(8, ...grid.values.map((row) => String(row[c] ?? "").length));
    column.width = Math.min(40, longest + 2);
    if (formats[c + 1]) column.numFmt = formats[c + 1];
  });
}

export async function demoCommand(outputDir: string, date: string): Promise<CommandOutput> {
  await fs.mkdir(outputDir, { recursive: true });
  const input = path.join(outputDir, "stockholm-2024-indata.xlsx");
  const output = path.join(outputDir, "statsbidrag-demo.xlsx");
  const step = path.join(outputDir, ".statsbidrag-demo-steg.xlsx");
  await saveWorkbook(demoWorkbook(), input);

  const common = {
    input,
    sheet: "Stadsdelar",
    total: STOCKHOLM_TOTAL,
    reserves: [`${STOCKHOLM_RESERVE.name}=${STOCKHOLM_RESERVE.amount}`],
    keyColumns: [],
    weights: [],
    interestColumns: [],
    lang: "sv" as const,
    date,
  };
  const table = await allocateCommand({ ...common, output, json: false });
  if (table.exitCode !== 0 || !table.result) return table;

  // Each job writes a copy: allocation -> requisitions -> report-back, ending in one workbook.
  const checked = await requisitionsCommand({
    input: output,
    maximaSheet: "Maxbelopp",
    requisitionsSheet: "Inkomna",
    deadline: SAMPLE_DEADLINE,
    redistribute: true,
    output: step,
    json: false,
    lang: "sv",
    date,
  });
  if (checked.exitCode !== 0) return checked;
  const request = sampleRequest();
  const reported = await reportCommand({
    input: step,
    ledgerSheets: ["Huvudbok"],
    received: String(request.received),
    year: String(request.year),
    costCentres: [...(request.costCentres ?? [])],
    projects: [...(request.projects ?? [])],
    accept: [],
    output,
    json: false,
    lang: "sv",
    date,
  });
  await fs.rm(step, { force: true });
  if (reported.exitCode !== 0) return reported;
  const rows = table.result.rows;
  const mismatches = STOCKHOLM_2024.filter(
    ([name, , , paper]) => !rows.find((r) => r.name === name)?.amount.equals(paper)
  );
  const check =
    mismatches.length === 0
      ? `Kontroll: alla ${STOCKHOLM_2024.length} belopp stämmer på kronan med tjänsteutlåtandets tabell, summa 6 069 306 kr.\n`
      : `Kontroll: ${mismatches.length} belopp skiljer sig från tjänsteutlåtandet: ${mismatches.map((m) => m[0]).join(", ")}\n`;
  const shapes = await demoShapes(output, common);
  return {
    stdout:
      `Exempel: Stockholms fördelning 2024 (6 069 306 kr, 400 000 kr avsatt till Äldreförvaltningen)\n` +
      `Indata: ${input}\n\n${table.stdout}\n${check}\n` +
      `Rekvisitioner (Maxbelopp och Inkomna, sista dag ${SAMPLE_DEADLINE}, omfördelning på):\n${checked.stdout}\n` +
      `Återrapportering (Huvudbok, ${request.year}, erhållet ${formatKronor(new Decimal(request.received), "sv")}):\n${reported.stdout}\n` +
      `Resultat: ${output} (bladen Fördelning, Rekvisitioner, Återrapportering och Kontoindelning)\n` +
      `Körlogg: rad 1 i ${output}; kör om med: statsbidrag rerun ${output} --log-row 1\n` +
      shapes,
    stderr: "",
    exitCode: mismatches.length === 0 ? 0 : 1,
  };
}

/** One of each shape on the same districts (printed, nothing written). */
async function demoShapes(
  workbook: string,
  common: Omit<Parameters<typeof allocateCommand>[0], "json">
): Promise<string> {
  const variants: [string, Partial<Parameters<typeof allocateCommand>[0]>][] = [
    ["Grundbelopp 100 000 kr per stadsdel, resten efter nyckel", { base: "100000" }],
    ["Golv 300 000 kr och tak 900 000 kr per stadsdel", { floor: "300000", ceiling: "900000" }],
    [
      "6 300 000 kr i år bredvid förra årets Fördelning (ändring i kr)",
      { total: "6300000", lastYearSheet: "Fördelning" },
    ],
  ];
  let text = "";
  for (const [title, flags] of variants) {
    const run = await allocateCommand({
      ...common,
      input: workbook,
      sheet: "Stadsdelar",
      ...flags,
      json: false,
    });
    if (run.exitCode !== 0 || !run.result) return text + run.stderr;
    const lines = run.result.rows.map((r) => {
      const unit = run.result?.unit ?? new Decimal(1);
      const change = r.lastYear
        ? `  ${r.lastYear.change.isNegative() ? "" : "+"}${formatMoney(r.lastYear.change, unit, "sv")}`
        : "";
      const bound =
        r.shape?.bound === "floor" ? "  (golv)" : r.shape?.bound === "ceiling" ? "  (tak)" : "";
      return `  ${r.name.padEnd(22)}${formatMoney(r.amount, unit, "sv").padStart(10)}${bound}${change}`;
    });
    text += `\n${title}:\n${lines.join("\n")}\n`;
  }
  return text;
}

export const demo: Command = {
  name: "demo",
  summary: {
    sv: "skriv en exempelarbetsbok (Stockholm 2024) och kör alla tre jobben på den",
    en: "write a sample workbook (Stockholm 2024) and run all three jobs on it",
  },
  usage: {
    sv: `statsbidrag demo – exempel utan egen arbetsbok

Användning:
  statsbidrag demo [--output-dir <mapp>]

Skriver <mapp>/stockholm-2024-indata.xlsx (Stockholms stadsdelar 2024 med rekvisitioner
och en huvudbok), fördelar 6 069 306 kr med 400 000 kr avsatt, prövar rekvisitionerna,
gör återrapporteringen och skriver allt till <mapp>/statsbidrag-demo.xlsx. Kontrollerar
att beloppen stämmer på kronan med tjänsteutlåtandet. Mappen är som standard ./out.
`,
    en: `statsbidrag demo – an example without a workbook of your own

Usage:
  statsbidrag demo [--output-dir <folder>]

Writes <folder>/stockholm-2024-indata.xlsx (Stockholm's districts 2024 with requisitions
and a ledger), allocates 6 069 306 kr with 400 000 kr set aside, checks the requisitions,
makes the report-back and writes it all to <folder>/statsbidrag-demo.xlsx. Checks that the
amounts match the proposal to the krona. The folder is ./out by default.
`,
  },
  options: { "output-dir": { type: "string" } },
  run: (args, context) => demoCommand(args.string("output-dir") ?? "out", context.date),
};
