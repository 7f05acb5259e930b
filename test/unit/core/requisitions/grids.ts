/** Small maxima and requisition lists as grids, the way they arrive from a sheet. */
import type { CellValue, Grid } from "../../../../src/core/grid";

export const MAXIMA_HEADER = ["Kommunkod", "Kommun", "Maxbelopp"];

/** Kommunkod, Kommun, Maxbelopp: header in row 1 (A1), recipients from row 2. */
export function maximaGrid(rows: CellValue[][], header: CellValue[] = MAXIMA_HEADER): Grid {
  return { sheet: "Fördelningslista", top: 0, left: 0, values: [header, ...rows] };
}

export const REQUISITION_HEADER = ["Kommun", "Rekvirerat belopp", "Inkom"];

/** Kommun, Rekvirerat belopp, Inkom: header in row 1, requisitions from row 2 (A2, A3, ...). */
export function requisitionGrid(
  rows: CellValue[][],
  header: CellValue[] = REQUISITION_HEADER
): Grid {
  return { sheet: "Rekvisitioner", top: 0, left: 0, values: [header, ...rows] };
}

/** Three municipalities with their real codes; maxima 100 000, 200 000 and 300 000 kr. */
export const THREE: CellValue[][] = [
  ["0180", "Stockholm", 300_000],
  ["2023", "Malung-Sälen", 100_000],
  ["1480", "Göteborg", 200_000],
];
