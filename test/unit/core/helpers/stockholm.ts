/**
 * The Stockholm proposal table (seeds/): eleven districts with the amounts the committee paper
 * proposes, as it looks when pasted into a sheet: title row, headers broken over two lines,
 * interest marks, amounts as text with spaces, and a "Total summa" row.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";

export const STOCKHOLM_POT = 6_069_306;
export const STOCKHOLM_RESERVE = { name: "Äldreförvaltningen", amount: 400_000 };

/** [name as printed, Beställarenhet, Förebyggande enhet, proposed amount]. */
export const STOCKHOLM_DISTRICTS: [string, string, string, number][] = [
  ["Bromma", "X", "X", 459_491],
  ["Enskede-Årsta-\nVantör", "X", "X", 477_017],
  ["Farsta", "X", "X", 355_411],
  ["Hägersten-Älvsjö", "X", "X", 646_853],
  ["Hässelby-\nVällingby", "X", "X", 408_609],
  ["Järva", "X", "X", 418_751],
  ["Kungsholmen", "X", "X", 457_704],
  ["Norra innerstaden", "-", "X", 1_059_660],
  ["Skarpnäck", "X", "X", 249_453],
  ["Skärholmen", "X", "X", 190_481],
  ["Södermalm", "X", "X", 945_876],
];

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
    ...STOCKHOLM_DISTRICTS.map(([name, a, b, amount]): CellValue[] => [name, a, b, paperAmount(amount)]),
  ];
  if (options.withAdministrationRow) rows.push(["Äldreförvaltningen", "X", "X", paperAmount(400_000)]);
  rows.push(["Total summa", null, null, paperAmount(STOCKHOLM_POT)]);
  for (const [district, col, value] of options.edits ?? []) rows[3 + district][col] = value;
  return { sheet: options.sheet ?? "Blad1", top: 0, left: 0, values: rows };
}
