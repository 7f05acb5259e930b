/**
 * A sample ledger extract: one district's year on the grant, as a controller would paste it
 * from the ledger system. Wages (50xx) and social fees (56xx) for a conversation leader,
 * bought-in training (74xx), a room (61xx), printed invitations (65xx), and the rows the
 * report must call out: one booked outside the year, one on another cost centre, one
 * "aktivitet" the grant may not pay for, and the grant itself booked as income (3xxx).
 * A "Summa" row closes the extract, as exports do.
 */
import { serialFromIso } from "../../dates";
import type { CellValue, Grid } from "../../grid";
import type { ReportRequest } from "./report";

export interface SampleOptions {
  sheet?: string;
  year?: number;
  costCentre?: string;
  project?: string;
  /** Scales the wage (a smaller or larger district); whole öre kept. */
  wage?: number;
}

export const SAMPLE_HEADERS = [
  "Bokföringsdatum",
  "Verifikation",
  "Konto",
  "Ansvar",
  "Projekt",
  "Text",
  "Belopp",
] as const;

/** Month-end dates of the year as Excel serials (what a real .xlsx holds). */
function monthEnd(year: number, month: number): number {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return serialFromIso(`${year}-${String(month).padStart(2, "0")}-${day}`);
}

export function sampleLedger(options: SampleOptions = {}): Grid {
  const year = options.year ?? 2026;
  const cc = options.costCentre ?? "1510";
  const project = options.project ?? "HS26";
  const wage = options.wage ?? 38_250;
  const fees = Math.round(wage * 0.3142 * 100) / 100;
  const rows: CellValue[][] = [];
  let voucher = 1000;
  const add = (date: number, account: number, text: string, amount: number, costCentre = cc) =>
    rows.push([date, `LV${voucher++}`, account, costCentre, project, text, amount]);
  for (let month = 1; month <= 12; month++) {
    add(monthEnd(year, month), 5011, `Månadslön samtalsledare ${month}/${year}`, wage);
    add(monthEnd(year, month), 5611, `Arbetsgivaravgifter ${month}/${year}`, fees);
  }
  add(serialFromIso(`${year}-02-14`), 7490, "Utbildning i samtalsmetodik, konsult", 24_500);
  add(serialFromIso(`${year}-09-03`), 7490, "Handledning samtalsledare", 12_800.5);
  add(serialFromIso(`${year}-03-31`), 6110, "Lokalkostnad samtalsrum kv 1", 4_350);
  add(serialFromIso(`${year}-05-20`), 6510, "Tryck av inbjudningar", 2_975.75);
  add(serialFromIso(`${year}-01-22`), 3010, "Statsbidrag hälsosamtal", -180_000);
  // The rows the report must call out.
  add(serialFromIso(`${year - 1}-12-18`), 5011, "Lön december, bokförd på fel år", wage);
  add(serialFromIso(`${year}-06-10`), 7490, "Konsultarvode, fel ansvar", 9_000, "1520");
  add(serialFromIso(`${year}-08-15`), 6490, "Material till gruppaktivitet för äldre", 1_240);
  const total = rows.reduce((acc, row) => acc + Math.round((row[6] as number) * 100), 0) / 100;
  rows.push([null, null, null, null, null, "Summa", total]);
  return {
    sheet: options.sheet ?? "Huvudbok",
    top: 0,
    left: 0,
    values: [[...SAMPLE_HEADERS], ...rows],
  };
}

/** The request that goes with the sample: 700 000 kr received, the sample's cost centre and project. */
export function sampleRequest(options: SampleOptions = {}): ReportRequest {
  return {
    received: "700000",
    year: options.year ?? 2026,
    costCentres: [options.costCentre ?? "1510"],
    projects: [options.project ?? "HS26"],
  };
}
