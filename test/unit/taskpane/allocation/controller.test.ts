import { InputError } from "../../../../src/core/problems";
import { OfficeCallError } from "../../../../src/excel/errors";
import {
  AllocationController,
  type AllocationSettings,
  SETTINGS_KEY,
  sameRange,
  validSettings,
} from "../../../../src/taskpane/allocation/controller";
import type { RichText } from "../../../../src/taskpane/copy-table";
import { FakePort, STOCKHOLM, stockholmGrid } from "../fake-port";

const POT = "6 069 306";

function setup(
  grid = stockholmGrid("Nyckel"),
  options: { lang?: "sv" | "en"; clipboard?: (c: RichText) => Promise<boolean> } = {}
) {
  const port = new FakePort(grid, "Blad1!A1:D12");
  const controller = new AllocationController({
    port,
    lang: options.lang ?? "sv",
    clipboard: options.clipboard,
    today: () => "2026-11-25",
  });
  return { port, controller };
}

async function readyToWrite(controller: AllocationController): Promise<void> {
  await controller.start();
  await controller.useSelection();
  controller.setTotal(POT);
  controller.addReserve();
  controller.setReserve(0, { name: "Äldreförvaltningen", amount: "400 000" });
}

describe("AllocationController: reading the source", () => {
  test("detects name, key and the X/- interest columns of a selected range", async () => {
    const { controller } = setup();
    await controller.start();
    await controller.useSelection();
    expect(controller.state.sources.source?.address).toBe("Blad1!A1:D12");
    expect(controller.state.columns).toMatchObject({
      headerRow: 0,
      nameColumn: 0,
      keyColumn: 3,
      interestColumns: [1, 2],
    });
    // An empty pot before any write attempt is an empty form, not an error.
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.status?.text).toBe("Läste Blad1!A1:D12: 11 mottagare.");
  });

  test("the count of recipients stops at the paper's 'Total summa' row, as the allocation does", async () => {
    const grid = stockholmGrid("Nyckel");
    grid.values.push(["Total summa", null, null, 6069306]);
    const { controller } = setup(grid);
    await controller.start();
    await controller.useSelection();
    expect(controller.state.status?.text).toBe("Läste Blad1!A1:D12: 11 mottagare.");
  });

  test("when the key header is not recognised, says so next to the key column and keeps the name column", async () => {
    const { controller } = setup(stockholmGrid("Förslag på fördelning"));
    await controller.start();
    await controller.useSelection();
    expect(controller.state.columns).toMatchObject({ nameColumn: 0, keyColumn: null });
    expect(controller.state.issues).toEqual([
      // The header row is the place to jump to.
      {
        field: "keyColumn",
        cell: "Blad1!A1:D1",
        message: expect.stringContaining("Blad1!A1:D1 har ingen nyckelkolumn"),
      },
    ]);
    controller.setKeyColumn(3);
    expect(controller.state.issues).toEqual([]);
    // Choosing the key lets core find the interest columns as it does on reading.
    expect(controller.state.columns?.interestColumns).toEqual([1, 2]);
  });

  test("name and key in the same column is refused next to the key column", async () => {
    const { controller } = setup();
    await controller.start();
    await controller.useSelection();
    controller.setKeyColumn(0);
    expect(controller.state.issues).toEqual([
      { field: "keyColumn", message: "Namn och nyckel kan inte vara samma kolumn." },
    ]);
    expect(controller.state.run).toBeNull();
  });

  test("an input problem from the port replaces the old source and is shown", async () => {
    const { controller, port } = setup();
    await controller.start();
    await controller.useSelection();
    port.failNext = new InputError([
      { code: "EMPTY_RANGE", field: "range", params: { range: "Blad1!F1:F3" } },
    ]);
    await controller.useSelection();
    expect(controller.state.sources.source).toBeNull();
    expect(controller.state.issues).toEqual([
      { field: "range", cell: "Blad1!F1:F3", message: "Området Blad1!F1:F3 är tomt." },
    ]);
    expect(controller.state.busy).toBeNull();
  });

  test("an Excel failure becomes an error status, never an unhandled rejection", async () => {
    const { controller, port } = setup();
    await controller.start();
    port.failNext = new Error("RichApi.Error: the request failed");
    await controller.useSelection();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Excel svarade med ett fel: RichApi.Error: the request failed",
    });
    expect(controller.state.busy).toBeNull();
  });
});

describe("AllocationController: preview and writing", () => {
  test("previews the Stockholm split exactly: each district gets its proposal, the total is the pot", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    const result = controller.state.run?.result;
    expect(result).toBeDefined();
    expect(result?.rows.map((r) => [r.name, r.amount.toNumber()])).toEqual(STOCKHOLM);
    expect(result?.reserves.map((r) => [r.name, r.amount.toNumber()])).toEqual([
      ["Äldreförvaltningen", 400000],
    ]);
    const total = result!.rows.reduce((acc, r) => acc + r.amount.toNumber(), 0) + 400000;
    expect(total).toBe(6069306);
    expect(controller.state.issues).toEqual([]);
  });

  test("write sends the allocation sheet to the port and remembers the settings", async () => {
    const { controller, port } = setup();
    await readyToWrite(controller);
    await controller.write();
    // The table, then its row in the run log.
    expect(port.writes.map((w) => w.job)).toEqual(["allocation", "runlog"]);
    const { job, model } = port.writes[0];
    expect(job).toBe("allocation");
    expect(model.name).toBe("Fördelning");
    const amountColumn = model.cells.slice(3, 14).map((row) => [row[0].value, row[3].value]);
    expect(amountColumn).toEqual(STOCKHOLM);
    const totalRow = model.cells[model.table.bottom];
    expect(totalRow[3]).toEqual({ value: 6069306, formula: "SUM(D4:D15)" });
    expect(controller.state.status).toEqual({
      kind: "success",
      text: "Tabellen skrevs till bladet 'Fördelning (2)' ('Fördelning (2)'!A3:D15).",
    });
    expect(port.settings.get(SETTINGS_KEY)).toEqual<AllocationSettings>({
      version: 1,
      sourceAddress: "Blad1!A1:D12",
      nameHeader: "Stadsdelsförvaltning",
      keyHeader: "Nyckel",
      interestHeaders: ["Beställarenhet", "Förebyggande enhet"],
      total: POT,
      reserves: [{ name: "Äldreförvaltningen", amount: "400 000" }],
      unit: "1",
    });
  });

  test("an invalid key names the cell, writes nothing, and the cell can be jumped to", async () => {
    const keys: (string | number)[] = STOCKHOLM.map(([, k]) => k);
    keys[2] = "tolv";
    const { controller, port } = setup(stockholmGrid("Nyckel", keys));
    await readyToWrite(controller);
    expect(controller.state.issues).toEqual([
      { cell: "Blad1!D4", message: "'tolv' är inte ett tal." },
    ]);
    await controller.write();
    expect(port.writes).toHaveLength(0);
    expect(port.settings.size).toBe(0);
    expect(controller.state.status?.kind).toBe("error");
    await controller.goTo("Blad1!D4");
    expect(port.selects).toEqual(["Blad1!D4"]);
  });

  test("writing with no pot shows the problem next to the pot and writes nothing", async () => {
    const { controller, port } = setup();
    await controller.start();
    await controller.useSelection();
    await controller.write();
    expect(controller.state.issues).toEqual([
      { field: "total", message: "Ange beloppet som ska fördelas." },
    ]);
    expect(port.writes).toHaveLength(0);
  });

  test("writing before any source is chosen asks for one", async () => {
    const { controller, port } = setup();
    await controller.start();
    await controller.write();
    expect(controller.state.issues).toEqual([
      { field: "range", message: expect.stringContaining("Välj först mottagarna") },
    ]);
    expect(port.writes).toHaveLength(0);
  });

  test("reserves above the pot are shown next to the reserves", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    controller.setReserve(0, { amount: "7 000 000" });
    // Not while typing: the problem shows when the user leaves the field.
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.previewStale).toBe(true);
    controller.leaveField("reserves");
    expect(controller.state.issues).toEqual([
      {
        field: "reserves",
        message:
          "Avsättningarna (7\u00a0000\u00a0000\u00a0kr) är 930\u00a0694\u00a0kr större än beloppet att fördela (6\u00a0069\u00a0306\u00a0kr).",
      },
    ]);
  });

  test("an empty reserve row is ignored; removing a reserve returns its amount to the districts", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    controller.addReserve();
    expect(controller.state.issues).toEqual([]);
    controller.removeReserve(0);
    controller.removeReserve(0);
    expect(controller.state.reserves).toEqual([]);
    const amounts = controller.state.run!.result.rows.map((r) => r.amount.toNumber());
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(6069306);
  });

  test("rounding to 1 000 kr marks the rows that got the extra unit", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    controller.setUnit("1000");
    const result = controller.state.run!.result;
    expect(result.unit.toNumber()).toBe(1000);
    expect(result.rows.every((r) => r.amount.toNumber() % 1000 === 0)).toBe(true);
    expect(result.rows.filter((r) => r.extraUnit).length).toBe(result.extraUnits);
    controller.setUnit("7");
    expect(controller.state.unit).toBe("1000");
  });

  test("select for copying selects the written table; before writing it asks to write first", async () => {
    const { controller, port } = setup();
    await readyToWrite(controller);
    await controller.selectForCopy();
    expect(port.selects).toEqual([]);
    expect(controller.state.status?.text).toBe("Skriv tabellen först.");
    await controller.write();
    await controller.selectForCopy();
    expect(port.selects).toEqual(["'Fördelning (2)'!A3:D15"]);
    expect(controller.state.status?.text).toContain("Ctrl+C");
  });

  test("copy for Word puts HTML and plain text on the clipboard, names escaped", async () => {
    const copied: RichText[] = [];
    const grid = stockholmGrid("Nyckel");
    grid.values[1][0] = "<b>Bromma</b> & co";
    const { controller } = setup(grid, {
      clipboard: async (content) => (copied.push(content), true),
    });
    await readyToWrite(controller);
    await controller.write();
    await controller.copyForWord();
    expect(copied).toHaveLength(1);
    expect(copied[0].html).toContain("&#60;b&#62;Bromma&#60;/b&#62; &#38; co");
    expect(copied[0].html).not.toContain("<b>Bromma");
    expect(copied[0].text.split("\r\n")[0]).toBe(
      "Stadsdelsförvaltning\tNyckel\tAndel\tBelopp (kr)"
    );
    expect(copied[0].text).toContain("Norra innerstaden\t1\u00a0059\u00a0660\t");
    expect(copied[0].text.split("\r\n").pop()).toBe(
      "Summa\t5\u00a0669\u00a0306\t100,00\u00a0%\t6\u00a0069\u00a0306"
    );
    expect(controller.state.status?.kind).toBe("success");
  });

  test("copy for Word where the clipboard is refused explains the select button", async () => {
    const { controller } = setup(undefined, {
      clipboard: async () => Promise.reject(new Error("NotAllowedError")),
    });
    await readyToWrite(controller);
    await controller.write();
    await controller.copyForWord();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: expect.stringContaining("Markera tabellen för kopiering"),
    });
  });

  test("speaks English when asked", async () => {
    const { controller, port } = setup(undefined, { lang: "en" });
    await readyToWrite(controller);
    await controller.write();
    expect(port.writes[0].model.name).toBe("Allocation");
    expect(controller.state.status?.text).toMatch(/^The table was written to the sheet/);
  });
});

describe("AllocationController: remembered settings", () => {
  test("restores pot, reserves, unit and columns, and re-reads the last range without moving the selection", async () => {
    const first = setup(stockholmGrid("Förslag på fördelning"));
    await first.controller.start();
    await first.controller.useSelection();
    first.controller.setKeyColumn(3);
    first.controller.setInterestColumn(1, false);
    first.controller.setTotal(POT);
    first.controller.setUnit("100");
    await first.controller.write();

    const second = setup(stockholmGrid("Förslag på fördelning"));
    second.port.settings = first.port.settings;
    await second.controller.start();
    expect(second.controller.state).toMatchObject({
      total: POT,
      unit: "100",
      reserves: [],
      sources: { last: { address: "Blad1!A1:D12" } },
    });
    expect(second.controller.state.status?.text).toContain("förra körningen");
    // The user has since selected something else; re-reading must not change that.
    second.port.selection = {
      grid: { sheet: "Blad2", top: 0, left: 0, values: [["x"]] },
      address: "Blad2!A1",
    };
    second.port.ranges.set("Blad1!A1:D12", {
      grid: stockholmGrid("Förslag på fördelning"),
      address: "Blad1!A1:D12",
    });
    await second.controller.rereadLast();
    expect(second.port.selects).toEqual([]);
    expect(second.controller.state.sources.source?.address).toBe("Blad1!A1:D12");
    expect(second.controller.state.columns).toMatchObject({
      nameColumn: 0,
      keyColumn: 3,
      interestColumns: [2],
    });
    expect(second.controller.state.issues).toEqual([]);
    expect(second.controller.state.run?.result.unit.toNumber()).toBe(100);
  });

  test("reads the last run's table by itself when the workbook still has it", async () => {
    const { port, controller } = setup();
    const source = {
      grid: stockholmGrid("Nyckel"),
      address: "Blad1!A1:D12",
      tableName: "Stadsdelar",
    };
    port.tables = [
      { info: { name: "Stadsdelar", sheet: "Blad1", address: "Blad1!A1:D12" }, source },
    ];
    port.settings.set(SETTINGS_KEY, {
      version: 1,
      sourceAddress: "Blad1!A1:D12",
      tableName: "Stadsdelar",
      nameHeader: "Stadsdelsförvaltning",
      keyHeader: "Nyckel",
      interestHeaders: [],
      total: POT,
      reserves: [{ name: "Äldreförvaltningen", amount: "400000" }],
      unit: "1",
    });
    await controller.start();
    expect(controller.state.sources.source?.tableName).toBe("Stadsdelar");
    expect(controller.state.columns?.interestColumns).toEqual([]);
    expect(controller.state.run?.result.reserves[0].amount.toNumber()).toBe(400000);
  });

  test("settings of an unexpected shape are ignored", async () => {
    expect(validSettings(null)).toBeNull();
    expect(validSettings({ version: 2 })).toBeNull();
    expect(validSettings({ version: 1, sourceAddress: 5 })).toBeNull();
    const odd = validSettings({
      version: 1,
      sourceAddress: "A1:B2",
      nameHeader: "n",
      keyHeader: "k",
      interestHeaders: [],
      total: "1",
      reserves: [
        { name: "x", amount: 3 },
        { name: "y", amount: "4" },
      ],
      unit: "3",
    });
    expect(odd?.reserves).toEqual([{ name: "y", amount: "4" }]);
    expect(odd?.unit).toBe("1");
  });

  test("sameRange ignores $ signs and quoting", () => {
    expect(sameRange("Blad1!$A$1:$D$12", "Blad1!A1:D12")).toBe(true);
    expect(sameRange("'Blad 1'!A1:D12", "'blad 1'!A1:D12")).toBe(true);
    expect(sameRange("Blad1!A1:D12", "Blad1!A1:D13")).toBe(false);
    expect(sameRange("nonsense", "Blad1!A1")).toBe(false);
  });
});

describe("AllocationController: Excel's failures in the user's language", () => {
  const officeError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });

  test("Office's error is told as what the pane was doing, in Swedish", async () => {
    const { controller, port } = setup();
    await controller.start();
    port.failNext = new OfficeCallError(
      { kind: "readTable", name: "Stadsdelar" },
      officeError("ItemNotFound", "Det går inte att hitta objektet.")
    );
    await controller.readTable("Stadsdelar");
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Excel kunde inte läsa tabellen Stadsdelar: Det går inte att hitta objektet.",
    });
  });

  test("several areas (or a chart) selected: advice instead of Office's code", async () => {
    const { controller, port } = setup();
    await controller.start();
    port.failNext = new OfficeCallError(
      { kind: "readSelection" },
      officeError("InvalidSelection", "The current selection is invalid for this operation.")
    );
    await controller.useSelection();
    expect(controller.state.status?.text).toBe(
      "Markera ett enda sammanhängande område med celler (inte flera områden, ett diagram eller en bild) och försök igen."
    );
  });

  test("a written table whose settings could not be saved is reported as written, with the caveat", async () => {
    const { controller, port } = setup();
    await controller.start();
    await readyToWrite(controller);
    port.saveSettings = async () => {
      throw new OfficeCallError(
        { kind: "saveSettings" },
        officeError("GeneralException", "failed")
      );
    };
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["allocation", "runlog"]);
    expect(controller.state.written).not.toBeNull();
    expect(controller.state.status).toEqual({
      kind: "info",
      text: expect.stringMatching(
        /^Tabellen skrevs till bladet .* Inställningarna kunde inte sparas i arbetsboken/
      ),
    });
  });
});

describe("AllocationController: rows the user should know about", () => {
  test("hidden rows are listed and can be left out; total rows are named as skipped", async () => {
    const grid = stockholmGrid("Nyckel");
    grid.values.push(["Summa", "", "", STOCKHOLM.reduce((n, [, k]) => n + k, 0)]);
    grid.hiddenRows = [2];
    const { controller } = setup(grid);
    await readyToWrite(controller);
    const run = controller.state.run;
    expect(run?.hidden.map((h) => h.cell)).toEqual(["Blad1!A3"]);
    expect(run?.skipped.map((s) => s.cell)).toEqual(["Blad1!A13"]);
    expect(run?.result.rows).toHaveLength(11);
    controller.setIncludeHidden(false);
    expect(controller.state.run?.result.rows).toHaveLength(10);
    expect(controller.state.run?.result.rows.map((r) => r.name)).not.toContain(STOCKHOLM[1][0]);
  });
});

describe("AllocationController: the pane never acts on something other than what it shows", () => {
  test("errors wait until the field is left; the last good preview stays, marked out of date", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    const good = controller.state.run;
    expect(good).not.toBeNull();
    controller.setTotal("6 069 30x");
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.run).toBe(good);
    expect(controller.state.previewStale).toBe(true);
    controller.leaveField("total");
    expect(controller.state.issues.map((i) => i.field)).toEqual(["total"]);
    controller.setTotal(POT);
    expect(controller.state.previewStale).toBe(false);
    expect(controller.state.issues).toEqual([]);
  });

  test("changing an input after writing clears the success and marks the sheet as older", async () => {
    const { controller, port } = setup();
    await readyToWrite(controller);
    await controller.write();
    expect(controller.state.status?.kind).toBe("success");
    controller.setUnit("100");
    expect(controller.state.writtenStale).toBe(true);
    expect(controller.state.status).toEqual({
      kind: "warning",
      text: expect.stringContaining("äldre än förhandsgranskningen"),
    });
    await controller.selectForCopy();
    expect(port.selects).toEqual([controller.state.written?.tableAddress]);
    expect(controller.state.status?.text).toContain("äldre än förhandsgranskningen");
    await controller.write();
    expect(controller.state.writtenStale).toBe(false);
  });

  test("moving through the key column list does not untick interest columns", async () => {
    const { controller } = setup();
    await readyToWrite(controller);
    expect(controller.state.columns?.interestColumns).toEqual([1, 2]);
    // Arrow keys on the key list pass over columns 1 and 2 on the way to 3.
    controller.setKeyColumn(1);
    expect(controller.state.columns?.interestColumns).toEqual([2]);
    controller.setKeyColumn(2);
    controller.setKeyColumn(3);
    expect(controller.state.columns?.interestColumns).toEqual([1, 2]);
  });

  test("an amount field says what it was read as, as the user types", () => {
    const { controller } = setup();
    expect(controller.understood("400000")).toBe("= 400\u00a0000\u00a0kr");
    expect(controller.understood("1 234,50")).toBe("= 1\u00a0234,50\u00a0kr");
    expect(controller.understood("400.000")).toBeNull();
    expect(controller.understood("")).toBeNull();
  });
});

test("the grant and year the user gives name the written sheet's title", async () => {
  const { controller, port } = setup();
  await readyToWrite(controller);
  controller.setGrant("Hälsosamtal för äldre 2026");
  await controller.write();
  expect(port.writes[0].model.cells[0][0].value).toBe(
    "Fördelning av statsbidrag: Hälsosamtal för äldre 2026"
  );
});

test("a refused new source does not leave the last source's preview on screen", async () => {
  const { controller, port } = setup();
  await readyToWrite(controller);
  expect(controller.state.run).not.toBeNull();
  port.failNext = new InputError([{ code: "EMPTY_RANGE", params: { range: "Blad2!A1" } }]);
  await controller.useSelection();
  expect(controller.state.run).toBeNull();
  expect(controller.state.issues.map((i) => i.message)).toEqual([
    expect.stringContaining("Blad2!A1"),
  ]);
});

test("an input changed while Excel writes leaves the sheet marked older than the preview", async () => {
  const { controller } = setup();
  await readyToWrite(controller);
  const writing = controller.write();
  controller.setTotal("7 000 000");
  await writing;
  expect(controller.state.written).not.toBeNull();
  expect(controller.state.writtenStale).toBe(true);
});
