/**
 * The Stockholm proposal table (seeds/): eleven districts with the amounts the committee paper
 * proposes, as it looks when pasted into a sheet: title row, headers broken over two lines,
 * interest marks, amounts as text with spaces, and a "Total summa" row.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import {
  STOCKHOLM_2024,
  STOCKHOLM_POT,
  STOCKHOLM_RESERVE,
  mark,
} from "../../../fixtures/stockholm-2024";

export { STOCKHOLM_POT, STOCKHOLM_RESERVE };

/** Names the paper breaks over two lines in its narrow column. */
const PRINTED_NAMES: Record<string, string> = {
  "Enskede-Årsta-Vantör": "Enskede-Årsta-\nVantör",
  "Hässelby-Vällingby": "Hässelby-\nVällingby",
};

/** [name as printed, Beställarenhet, Förebyggande enhet, proposed amount]. */
export const STOCKHOLM_DISTRICTS: [string, string, string, number][] = STOCKHOLM_2024.map((d) => [
  PRINTED_NAMES[d.name] ?? d.name,
  mark(d.orderingUnit),
  mark(d.preventiveUnit),
  d.amount,
]);

export const KEY_HEADER = "Förslag på \nfördelning";

/** "459 491" as the paper prints it, with no-break spaces. */
export function paperAmount(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

export interface StockholmOptions {
  /** Include the administration's own 400 000 row, as the paper does. */
  withAdministrationRow?: boolean;
  /** Change single cells: [district index, column index (0 name .. 3 amount), value]. */
  edits?: [number, number, CellValue][];
  sheet?: string;
}

/**
 * Rows (0-based in the grid, which starts at A1): 0 title, 1 blank, 2 header,
 * 3..13 districts (sheet rows 4..14), then the optional administration row, then "Total summa".
 * Columns: A name, B Beställarenhet, C Förebyggande enhet, D amount.
 */
export function stockholmGrid(options: StockholmOptions = {}): Grid {
  const rows: CellValue[][] = [
    ["Förslag på fördelning", null, null, null],
    [null, null, null, null],
    ["Stadsdels-\nförvaltning", "Beställar-\nenhet", "Förebyggande \nenhet", KEY_HEADER],
    ...STOCKHOLM_DISTRICTS.map(([name, a, b, amount]): CellValue[] => [
      name,
      a,
      b,
      paperAmount(amount),
    ]),
  ];
  if (options.withAdministrationRow)
    rows.push(["Äldreförvaltningen", "X", "X", paperAmount(400_000)]);
  rows.push(["Total summa", null, null, paperAmount(STOCKHOLM_POT)]);
  for (const [district, col, value] of options.edits ?? []) rows[3 + district][col] = value;
  return { sheet: options.sheet ?? "Blad1", top: 0, left: 0, values: rows };
}
