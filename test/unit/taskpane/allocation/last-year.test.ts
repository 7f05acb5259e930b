/**
 * The Fördela step's last year from a previous Fördelning sheet copied into the workbook:
 * offered beside the columns, read when picked, shown as last year / this year / change,
 * refused beside the choice when it is no allocation sheet, logged as the runner's
 * --last-year-sheet with both ranges checksummed, remembered with the run.
 */
import type { Grid } from "../../../../src/core/grid";
import { sha256Inputs } from "../../../../src/core/runlog";
import {
  AllocationController,
  SETTINGS_KEY,
  validSettings,
} from "../../../../src/taskpane/allocation/controller";
import { FakePort, STOCKHOLM, stockholmGrid } from "../fake-port";

/** Last year's amounts per district: this year's less 1 000 kr, Järva's 10 000 kr less. */
const LAST_YEAR = STOCKHOLM.map(([name, amount]): [string, number] => [
  name,
  amount - (name === "Järva" ? 10000 : 1000),
]);

/** Last year's Fördelning sheet as the add-in wrote it: title, header, a row each, the total. */
function lastYearSheet(name = "Fördelning 2025"): Grid {
  const total = LAST_YEAR.reduce((s, [, amount]) => s + amount, 0);
  return {
    sheet: name,
    top: 0,
    left: 0,
    values: [
      ["Fördelning av statsbidrag 2025", null, null],
      [null, null, null],
      ["Stadsdelsförvaltning", "Andel", "Belopp (kr)"],
      ...LAST_YEAR.map(([district, amount]) => [district, amount / total, amount]),
      ["Summa", 1, total],
    ],
  };
}

const NOTES: Grid = {
  sheet: "Anteckningar",
  top: 0,
  left: 0,
  values: [["Att göra"], ["Ringa Järva"]],
};

async function ready(port = new FakePort(stockholmGrid("Nyckel"), "Blad1!A1:D12")) {
  port.sheets.set("Fördelning 2025", lastYearSheet());
  port.sheets.set("Anteckningar", NOTES);
  const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
  await controller.start();
  await controller.useSelection();
  controller.setTotal("6 069 306");
  await controller.setAdvancedOpen(true);
  return { controller, port };
}

describe("AllocationController: last year from a previous Fördelning sheet", () => {
  test("the workbook's sheets are listed once, when Avancerat opens, without the source's own", async () => {
    const port = new FakePort(stockholmGrid("Nyckel"), "Blad1!A1:D12");
    port.sheets.set("Fördelning 2025", lastYearSheet());
    const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await controller.start();
    await controller.useSelection();
    // A plain read lists nothing.
    expect(port.sheetLists).toBe(0);
    expect(controller.state.lastYearSheets).toEqual([]);
    await controller.setAdvancedOpen(true);
    expect(port.sheetLists).toBe(1);
    expect(controller.state.lastYearSheets).toEqual(["Fördelning 2025"]);
    await controller.setAdvancedOpen(false);
    await controller.setAdvancedOpen(true);
    expect(port.sheetLists).toBe(1);
    // Nothing is read until one is picked.
    expect(port.sheetReads).toEqual([]);
  });

  test("picking a sheet reads it once and gives each row last year and the change", async () => {
    const { controller, port } = await ready();
    await controller.setLastYearSheet("Fördelning 2025");
    expect(port.sheetReads).toEqual(["Fördelning 2025"]);
    expect(controller.state.issues).toEqual([]);
    const result = controller.state.run?.result;
    expect(result?.lastYearSource).toBe("'Fördelning 2025'!A3:C14");
    const rows = result?.rows ?? [];
    expect(rows.map((r) => r.lastYear?.status)).toEqual(STOCKHOLM.map(() => "both"));
    const järva = rows.find((r) => r.name === "Järva");
    const last = LAST_YEAR.find(([name]) => name === "Järva")?.[1] ?? NaN;
    expect(järva?.lastYear?.lastYear?.toNumber()).toBe(last);
    expect(järva?.lastYear?.change.toNumber()).toBe((järva?.amount.toNumber() ?? NaN) - last);
    expect(result?.comparison?.lastYearTotal.toNumber()).toBe(
      LAST_YEAR.reduce((s, [, amount]) => s + amount, 0)
    );
  });

  test("a column pick and a sheet pick exclude each other", async () => {
    const { controller } = await ready();
    await controller.setLastYearSheet("Fördelning 2025");
    controller.setAdvanced({ lastYearColumn: 3 });
    expect(controller.state.lastYearSheet).toBeNull();
    expect(controller.state.run?.result.lastYearSource).toBe("Nyckel");
    await controller.setLastYearSheet("Fördelning 2025");
    expect(controller.state.advanced.lastYearColumn).toBeNull();
    expect(controller.state.run?.result.lastYearSource).toBe("'Fördelning 2025'!A3:C14");
    controller.setAdvanced({ lastYearColumn: null });
    expect(controller.state.lastYearSheet).toBeNull();
    expect(controller.state.run?.result.comparison).toBeUndefined();
  });

  test("a sheet that is no allocation sheet is refused beside the choice, and nothing is written", async () => {
    const { controller, port } = await ready();
    await controller.setLastYearSheet("Anteckningar");
    expect(controller.state.issues).toEqual([
      {
        field: "lastYearColumn",
        message:
          "Bladet Anteckningar ser inte ut som en fördelning som tillägget skrev (ingen rubrik 'Belopp (kr)').",
      },
    ]);
    await controller.write();
    expect(port.writes).toEqual([]);
    expect(controller.state.status?.kind).toBe("error");
  });

  test("the Körlogg row has --last-year-sheet and names and checksums both ranges", async () => {
    const { controller, port } = await ready();
    await controller.setLastYearSheet("Fördelning 2025");
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["allocation", "runlog"]);
    const log = port.writes[1].model.cells[1].map((cell) => cell.value);
    expect(log[3]).toBe("Blad1!A1:D12; 'Fördelning 2025'!A1:C15");
    expect(String(log[4])).toContain(" --last-year-sheet 'Fördelning 2025' --lang sv");
    expect(log[6]).toBe(sha256Inputs([stockholmGrid("Nyckel").values, lastYearSheet().values]));
    // The written sheet has last year, this year and the change.
    const header = port.writes[0].model.cells.find((row) =>
      row.some((cell) => cell.value === "Förra året (kr)")
    );
    expect(header?.map((cell) => cell.value)).toEqual(
      expect.arrayContaining(["Förra året (kr)", "Belopp (kr)"])
    );
  });

  test("the sheet written this session is not offered; the picked sheet is remembered and read again", async () => {
    const { controller, port } = await ready();
    await controller.setLastYearSheet("Fördelning 2025");
    await controller.write();
    // The fake writes "Fördelning (2)": once the workbook lists it, it is not offered.
    port.sheets.set("Fördelning (2)", NOTES);
    await controller.useSelection();
    expect(port.sheetLists).toBe(2);
    expect(controller.state.lastYearSheets).toEqual(["Fördelning 2025", "Anteckningar"]);
    expect(controller.state.lastYearSheet?.grid.sheet).toBe("Fördelning 2025");
    expect(port.settings.get(SETTINGS_KEY)).toMatchObject({
      advanced: { lastYearSheet: "Fördelning 2025", lastYearHeader: "" },
    });

    // A colleague opening the workbook reads the same source: the sheet is picked again.
    const again = new AllocationController({ port, lang: "sv", today: () => "2026-11-26" });
    port.sheetReads = [];
    await again.start();
    await again.useSelection();
    expect(port.sheetReads).toEqual(["Fördelning 2025"]);
    expect(again.state.lastYearSheet?.grid.sheet).toBe("Fördelning 2025");
    expect(again.state.run?.result.lastYearSource).toBe("'Fördelning 2025'!A3:C14");
  });

  test("saved settings keep a last-year sheet only as text", () => {
    const saved = {
      version: 1,
      sourceAddress: "Blad1!A1:D12",
      nameHeader: "Stadsdelsförvaltning",
      keyHeader: "Nyckel",
      interestHeaders: [],
      total: "100",
      reserves: [],
      unit: "1",
      advanced: {
        base: "",
        floor: "",
        ceiling: "",
        secondKeyHeader: "",
        keyWeight: "",
        secondWeight: "",
        lastYearHeader: "",
        lastYearSheet: "Fördelning 2025",
      },
    };
    expect(validSettings(saved)?.advanced?.lastYearSheet).toBe("Fördelning 2025");
    const odd = { ...saved, advanced: { ...saved.advanced, lastYearSheet: ["=HACK()"] } };
    expect(validSettings(odd)?.advanced).not.toHaveProperty("lastYearSheet");
  });
});
