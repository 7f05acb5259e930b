/**
 * A decision made in the pane, re-run by an auditor with the runner from the workbook alone.
 * The pane (its controller on an in-memory port) reads a table under a title row, beside a
 * note block, with a hidden row left out, no interest columns, a base amount and a ceiling
 * from columns and a reserve; the sheets it writes are put into an .xlsx as Excel would save
 * them; `statsbidrag rerun --log-row 1` must find the same input and the same result.
 */
import ExcelJS from "exceljs";
import { run } from "../../../src/cli/main";
import type { CellValue } from "../../../src/core/grid";
import { AllocationController } from "../../../src/taskpane/allocation/controller";
import { STOCKHOLM_2024, STOCKHOLM_POT } from "../../fixtures/stockholm-2024";
import { FakePort } from "../../unit/taskpane/fake-port";
import { addSheet, saveWithPaneOutputs, written } from "./pane-written";

const HEADER = [
  "Stadsdelsförvaltning",
  "Beställarenhet",
  "Förebyggande enhet",
  "Förslag",
  "Grundbelopp",
  "Tak",
];
/** Rows 4–14 of Blad1 (A3 is the header): Järva's row is hidden and left out. */
const TABLE: CellValue[][] = [
  HEADER,
  ...STOCKHOLM_2024.map((d): CellValue[] => [
    d.name,
    d.name === "Norra innerstaden" ? "-" : "X",
    "X",
    d.amount,
    d.name === "Bromma" ? 100000 : 50000,
    700000,
  ]),
];
const HIDDEN = TABLE.findIndex((row) => row[0] === "Järva");

/** Blad1 as the office keeps it: a title, the table at A3:F14, notes in H3:H4, Järva hidden. */
function blad1(book: ExcelJS.Workbook, edit?: (sheet: ExcelJS.Worksheet) => void): void {
  const sheet = addSheet(book, "Blad1", TABLE, 3);
  sheet.getCell("A1").value = "Hälsosamtal för äldre 2026 – underlag";
  sheet.getCell("H3").value = "Antal 80+";
  sheet.getCell("H4").value = 5200;
  sheet.getRow(3 + HIDDEN).hidden = true;
  edit?.(sheet);
}

async function paneDecision() {
  const port = new FakePort(
    { sheet: "Blad1", top: 2, left: 0, values: TABLE, hiddenRows: [HIDDEN] },
    "Blad1!A3:F14"
  );
  const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
  await controller.start();
  await controller.useSelection();
  controller.setKeyColumn(3);
  for (const column of controller.state.columns?.interestColumns ?? [])
    controller.setInterestColumn(column, false);
  controller.setIncludeHidden(false);
  controller.setTotal("6 069 306");
  controller.addReserve();
  controller.setReserve(0, { name: "Äldreförvaltningen", amount: "400 000" });
  controller.setAdvanced({ baseColumn: 4, ceilingColumn: 5 });
  expect(controller.state.issues).toEqual([]);
  await controller.write();
  return {
    controller,
    port,
    allocation: written(port, "allocation"),
    runLog: written(port, "runlog"),
  };
}

async function workbookWith(
  decision: Awaited<ReturnType<typeof paneDecision>>,
  edit?: (sheet: ExcelJS.Worksheet) => void
): Promise<string> {
  const book = new ExcelJS.Workbook();
  blad1(book, edit);
  return saveWithPaneOutputs(book, decision.port);
}

describe("a decision made in the pane, re-run with the runner", () => {
  test("the same input and the same result, to the krona", async () => {
    const decision = await paneDecision();
    const rows = decision.controller.state.run?.result.rows ?? [];
    // What was decided: Järva (hidden) is out, every other district in, bounds applied.
    expect(rows.map((r) => r.name)).not.toContain("Järva");
    expect(rows).toHaveLength(10);
    expect(decision.controller.state.run?.result.total.toNumber()).toBe(STOCKHOLM_POT);
    const line = String(decision.runLog.cells[1][4].value);
    expect(line).toContain("--range A3:F14");
    expect(line).toContain("--no-interest-columns");
    expect(line).toContain("--hidden-rows exclude");

    const file = await workbookWith(decision);
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stdout).toContain("Indata: oförändrade");
    expect(rerun.stdout).toContain("Resultat: detsamma – alla 10 belopp och summan 6069306");
    expect(rerun.exitCode).toBe(0);
  });

  test("an edit to the table since is found, even in the hidden row the decision left out", async () => {
    const decision = await paneDecision();
    const file = await workbookWith(decision, (sheet) => {
      sheet.getCell(3 + HIDDEN, 4).value = 1;
    });
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stdout).toContain("Indata: ÄNDRADE");
    // Järva was not in the decision: the amounts are still the same.
    expect(rerun.stdout).toContain("Resultat: detsamma");
    expect(rerun.exitCode).toBe(3);
  });

  test("a changed base amount changes the result, and the runner says so", async () => {
    const decision = await paneDecision();
    const file = await workbookWith(decision, (sheet) => {
      sheet.getCell("E4").value = 200000;
    });
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stdout).toContain("Indata: ÄNDRADE");
    expect(rerun.stdout).toContain("Resultat: SKILJER SIG");
    expect(rerun.exitCode).toBe(3);
  });

  test("headers over several columns (a merged super-header above) are logged by letter and re-run", async () => {
    // Row 1: "65+" over B, "80+" over C; row 2 the headers the pane reads: "Antal" twice.
    const values: CellValue[][] = [
      ["Stadsdelsförvaltning", "Antal", "Antal", "Golv", "Golv"],
      ...STOCKHOLM_2024.map((d, i): CellValue[] => [
        d.name,
        d.amount,
        1000 + 37 * i,
        0,
        d.name === "Skärholmen" ? 700000 : 0,
      ]),
    ];
    const port = new FakePort({ sheet: "Blad1", top: 1, left: 0, values }, "Blad1!A2:E13");
    const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await controller.start();
    await controller.useSelection();
    controller.setNameColumn(0);
    controller.setKeyColumn(2);
    controller.setTotal("6 069 306");
    controller.setAdvanced({ floorColumn: 4 });
    expect(controller.state.issues).toEqual([]);
    const rows = controller.state.run?.result.rows ?? [];
    expect(rows.find((r) => r.name === "Skärholmen")?.amount.toNumber()).toBe(700000);
    await controller.write();
    const line = String(written(port, "runlog").cells[1][4].value);
    expect(line).toContain("--key-column '[C]'");
    expect(line).toContain("--floor-column '[E]'");

    const book = new ExcelJS.Workbook();
    const sheet = addSheet(book, "Blad1", values, 2);
    sheet.getCell("B1").value = "65+";
    sheet.getCell("C1").value = "80+";
    const file = await saveWithPaneOutputs(book, port);
    const rerun = await run(["rerun", file, "--log-row", "1"]);
    expect(rerun.stdout).toContain("Indata: oförändrade");
    expect(rerun.stdout).toContain("Resultat: detsamma");
    expect(rerun.exitCode).toBe(0);
  });

  test("name and key both by letter under a title and a super-header: the header row is the one above the numbers", async () => {
    const values: CellValue[][] = [
      ["Hälsosamtal 2026 – underlag", null, null, null],
      [null, "65+", "80+", null],
      [null, "Antal", "Antal", "Kontakt"],
      ...STOCKHOLM_2024.map((d, i): CellValue[] => [
        d.name,
        d.amount,
        1000 + 37 * i,
        `Kontakt ${i}`,
      ]),
    ];
    const port = new FakePort({ sheet: "Blad1", top: 0, left: 0, values }, "Blad1!A1:D14");
    const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await controller.start();
    await controller.useSelection();
    controller.setNameColumn(0);
    controller.setKeyColumn(2);
    controller.setTotal("6 069 306");
    expect(controller.state.issues).toEqual([]);
    await controller.write();
    const line = String(written(port, "runlog").cells[1][4].value);
    expect(line).toContain("--name-column '[A]' --key-column '[C]'");
    const amounts = controller.state.run?.result.rows.map((r) => r.amount.toFixed());

    // Read again (a colleague, or the next session): the remembered letters find row 3 again.
    await controller.useSelection();
    expect(controller.state.columns?.headerRow).toBe(2);
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.run?.result.rows.map((r) => r.amount.toFixed())).toEqual(amounts);

    const book = new ExcelJS.Workbook();
    addSheet(book, "Blad1", values);
    const rerun = await run(["rerun", await saveWithPaneOutputs(book, port), "--log-row", "1"]);
    expect(rerun.stdout).toContain("Resultat: detsamma");
    expect(rerun.exitCode).toBe(0);
  });
});
