/**
 * Sample data for the demo and the tests: the Stockholm districts (their 2024 amounts as
 * maxima and key, see shared/seeds) requisitioning against a deadline. Most requisition
 * their maximum; one asks for more than its maximum, one arrives late, one is typed so that
 * it matches no district (with the closest name as a hint), two want more money than their
 * share, and one district sends nothing. The districts are passed in, so the figures live in
 * one place (the demo's and the tests' Stockholm table).
 */
import type { CellValue, Grid } from "../../grid";
import type { RequisitionsRequest } from "./requisitions";

export interface SampleDistrict {
  name: string;
  /** The district's amount in the 2024 proposal, kr: its maximum here. */
  amount: number;
}

export interface RequisitionsSample {
  maxima: Grid;
  requisitions: Grid;
  request: RequisitionsRequest;
}

export const SAMPLE_DEADLINE = "2024-09-30";

/** What each district does: [requested (null: the maximum), date received, wants more]. */
const SCENARIO: Record<string, [number | null, string, CellValue, string?]> = {
  // Asks 53 147 kr above its maximum: approved the maximum, wants the rest.
  "Hägersten-Älvsjö": [700_000, "2024-09-12", null],
  // Typed with a space for the hyphen (still matched), and wants 300 000 kr more.
  "Hässelby-Vällingby": [null, "2024-09-20", 300_000, "Hässelby Vällingby"],
  // After the deadline.
  Järva: [null, "2024-10-03", null],
  // Requisitions less than its maximum.
  Farsta: [300_000, "2024-09-05", null],
  // Wants as much more as there is, up to 500 000 kr.
  "Norra innerstaden": [null, "2024-09-27", 500_000],
  // Typed without the ä: matches nobody; the hint names Skarpnäck.
  Skarpnäck: [null, "2024-09-16", null, "Skarpnack"],
};

/** The district that sends no requisition at all. */
const SILENT = "Skärholmen";

export function requisitionsSample(districts: readonly SampleDistrict[]): RequisitionsSample {
  const maxima: CellValue[][] = [
    ["Maxbelopp per stadsdelsförvaltning (exempeldata)", null],
    [null, null],
    ["Stadsdelsförvaltning", "Maxbelopp (kr)"],
    ...districts.map((d): CellValue[] => [d.name, d.amount]),
    ["Summa", districts.reduce((acc, d) => acc + d.amount, 0)],
  ];
  const requisitions: CellValue[][] = [
    ["Stadsdelsförvaltning", "Rekvirerat belopp", "Inkom", "Vill ha mer (kr)"],
  ];
  for (const district of districts) {
    if (district.name === SILENT) continue;
    const [requested, received, more, typed] = SCENARIO[district.name] ?? [
      null,
      "2024-09-10",
      null,
    ];
    requisitions.push([typed ?? district.name, requested ?? district.amount, received, more]);
  }
  return {
    maxima: { sheet: "Maxbelopp", top: 0, left: 0, values: maxima },
    requisitions: { sheet: "Inkomna", top: 0, left: 0, values: requisitions },
    request: { deadline: SAMPLE_DEADLINE, redistribute: true },
  };
}
