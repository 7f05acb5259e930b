/**
 * A decision made in the pane with last year's amounts from a previous Fördelning sheet,
 * re-run by an auditor with the runner: the pane's Körlogg row names both ranges and carries
 * --last-year-sheet, and `statsbidrag rerun` finds the same input (both ranges) and the same
 * result; an edit to last year's sheet since shows as changed input.
 */
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import type { CellValue, Grid } from "../../../src/core/grid";
import { AllocationController } from "../../../src/taskpane/allocation/controller";
import { STOCKHOLM_2024, STOCKHOLM_POT } from "../../fixtures/stockholm-2024";
import { FakePort } from "../../unit/taskpane/fake-port";
import { addSheet, saveWithPaneOutputs, written } from "./pane-written";

const TABLE: CellValue[][] = [
  ["Stadsdelsförvaltning", "Beställarenhet", "Förebyggande enhet", "Förslag"],
  ...STOCKHOLM_2024.map((d): CellValue[] => [
    d.name,
    d.name === "Norra innerstaden" ? "-" : "X",
    "X",
    d.amount,
  ]),
];

/** Last year's Fördelning, pasted as values: Skarpnäck was not in it, Farsta got 2 000 kr less. */
const LAST_YEAR: CellValue[][] = [
  ["Fördelning av statsbidrag: Hälsosamtal för äldre 2025"],
  [],
  ["Stadsdelsförvaltning", "Förslag", "Andel", "Belopp (kr)"],
  ...STOCKHOLM_2024.filter((d) => d.name !== "Skarpnäck").map((d): CellValue[] => [
    d.name,
    d.amount,
    0.09,
    d.name === "Farsta" ? d.amount - 2000 : d.amount,
  ]),
  ["Summa", null, 1, 5500000],
];
const LAST_YEAR_NAME = "Fördelning 2025";

async function paneDecision() {
  const port = new FakePort({ sheet: "Blad1", top: 0, left: 0, values: TABLE }, "Blad1!A1:D12");
  const lastYear: Grid = { sheet: LAST_YEAR_NAME, top: 0, left: 0, values: LAST_YEAR };
  port.sheets.set(LAST_YEAR_NAME, lastYear);
  const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
  await controller.start();
  await controller.useSelection();
  controller.setKeyColumn(3);
  controller.setTotal("6 069 306");
  await controller.setLastYearSheet(LAST_YEAR_NAME);
  expect(controller.state.issues).toEqual([]);
  await controller.write();
  return { controller, port, runLog: written(port, "runlog") };
}

async function workbookWith(
  decision: Awaited<ReturnType<typeof paneDecision>>,
  edit?: (lastYear: ExcelJS.Worksheet) => void
): Promise<string> {
  const book = new ExcelJS.Workbook();
  addSheet(book, "Blad1", TABLE);
  const lastYear = addSheet(book, LAST_YEAR_NAME, LAST_YEAR);
  edit?.(lastYear);
  return saveWithPaneOutputs(book, decision.port);
}

describe("a pane decision with last year's Fördelning sheet, re-run with the runner", () => {
  test("both ranges are logged and the rerun finds the same input and result", async () => {
    const decision = await paneDecision();
    const result = decision.controller.state.run?.result;
    expect(result?.total.toNumber()).toBe(STOCKHOLM_POT);
    expect(result?.rows.find((r) => r.name === "Skarpnäck")?.lastYear?.status).toBe("new");
    const log = decision.runLog.cells[1].map((cell) => cell.value);
    expect(log[3]).toBe("Blad1!A1:D12; 'Fördelning 2025'!A1:D14");
    expect(String(log[4])).toContain("--last-year-sheet 'Fördelning 2025'");

    const file = await workbookWith(decision);
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stderr).toBe("");
    expect(rerun.stdout).toContain("Indata: oförändrade");
    expect(rerun.stdout).toContain("Resultat: detsamma – alla 11 belopp och summan 6069306");
    expect(rerun.exitCode).toBe(0);
  });

  test("an edit to last year's sheet since is found", async () => {
    const decision = await paneDecision();
    const file = await workbookWith(decision, (lastYear) => {
      lastYear.getCell("D6").value = 1;
    });
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stdout).toContain("Indata: ÄNDRADE");
    expect(rerun.exitCode).toBe(3);
  });
});
