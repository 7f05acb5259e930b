/**
 * Report-back cells as ledger systems print them (issue 19, items 4 and 5): the closing
 * period 202613 belongs to 2026, and a cost centre or project cell holding code and name
 * ("1234 Äldreomsorg Norr", "P77 - Hälsosamtal") is that code's.
 */
import type { CellValue, Grid } from "../../../../src/core/grid";
import { reportJson } from "../../../../src/core/jobs/report-back/json";
import { runReport } from "../../../../src/core/jobs/report-back/report";

const HEADER = ["Period", "Konto", "Ansvar", "Projekt", "Text", "Belopp"];
const ledger = (rows: CellValue[][]): Grid => ({
  sheet: "Huvudbok",
  top: 0,
  left: 0,
  values: [HEADER, ...rows],
});

test("the closing periods 202613 and 202614 are inside 2026, 202513 and 202713 are not", () => {
  const result = runReport(
    [
      ledger([
        [202603, 5010, "1234", "P77", "Lön", 1000],
        [202613, 5010, "1234", "P77", "Bokslut", 200],
        ["202614", 5010, "1234", "P77", "Bokslut", 30],
        [202513, 5010, "1234", "P77", "Förra årets bokslut", 4],
        [202713, 5010, "1234", "P77", "Nästa år", 5],
      ]),
    ],
    { received: "100000", year: 2026, costCentres: ["1234"], projects: ["P77"] }
  );
  const json = reportJson(result, "sv");
  expect(json.flagged.map((f) => [f.cell, f.reason, f.message])).toEqual([
    ["Huvudbok!A5", "outside_year", "Bokförd 2025-13, utanför bidragsåret 2026."],
    ["Huvudbok!A6", "outside_year", "Bokförd 2027-13, utanför bidragsåret 2026."],
  ]);
  expect(json.totalUsed).toBe("1230.00");
});

describe("cost centre and project cells with code and name", () => {
  const rows: CellValue[][] = [
    ["2026-02-01", 5010, "1234 Äldreomsorg Norr", "P77 - Hälsosamtal", "Lön", 60000],
    ["2026-02-01", 5010, "1234 - Äldreomsorg", "P77", "Lön", 20000],
    ["2026-02-01", 5010, "01234", "p77 Hälsosamtal", "Lön", 10000],
    ["2026-02-01", 5010, "12345 Hemtjänst", "P77", "Lön", 3000],
    ["2026-02-01", 5010, "1234", "P78 - Annat projekt", "Lön", 4000],
  ];

  test("match by their code: 90 000 used and 10 000 to repay, not 70 000", () => {
    const result = runReport([ledger(rows)], {
      received: "100000",
      year: 2026,
      costCentres: ["1234"],
      projects: ["P77"],
    });
    const json = reportJson(result, "sv");
    expect(json.flagged.map((f) => [f.cell, f.reason])).toEqual([
      ["Huvudbok!C5", "other_cost_centre"],
      ["Huvudbok!D6", "other_project"],
    ]);
    expect(json.totalUsed).toBe("90000.00");
    expect(json.unused).toBe("10000.00");
  });

  test("the grant's own cost centre may be given with its name too", () => {
    const result = runReport([ledger(rows)], {
      received: "100000",
      year: 2026,
      costCentres: ["1234 Äldreomsorg Norr"],
      projects: ["P77 - Hälsosamtal"],
    });
    expect(reportJson(result).unused).toBe("10000.00");
  });
});
