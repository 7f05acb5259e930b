// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, and that package
// pulls an ES module jest cannot load as CommonJS; the enum is all the mock needs.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

import type { CellValue } from "../../../src/core/grid";
import { InputError } from "../../../src/core/problems";
import type { SheetCell, SheetModel } from "../../../src/core/sheets/sheet-model";
import { createOfficeExcel } from "../../../src/excel/office-excel";
import { ownedSheetName } from "../../../src/core/sheets/ownership";
import { FakeExcel, type SheetState, type WorkbookState, key, sheetFrom } from "./fake-workbook";

const DISTRICTS: (string | number | null)[][] = [
  ["Stadsdel", "Antal 65+"],
  ["Bromma", 12000],
  ["Kungsholmen", 9000],
  ["Södermalm", 15000],
];

function workbook(sheets: SheetState[], selection: WorkbookState["selection"]): WorkbookState {
  return { sheets, tables: [], names: {}, selection, active: selection.sheet };
}

function fake(state: WorkbookState, apiVersion = "1.7"): FakeExcel {
  const excel = new FakeExcel(state, apiVersion);
  excel.install();
  return excel;
}

function allocationModel(rows: number, name = "Fördelning"): SheetModel {
  const header: SheetCell[] = [
    { value: "Kommun" },
    { value: "Kod" },
    { value: "Nyckel" },
    { value: "Belopp" },
  ];
  const body: SheetCell[][] = Array.from({ length: rows }, (_, i) => [
    { value: `Kommun ${i + 1}` },
    { value: String(i).padStart(4, "0") },
    { value: 1000 + i },
    { value: 20000 + i * 3 },
  ]);
  const total: SheetCell[] = [
    { value: "Summa" },
    { value: null },
    { value: null, formula: `SUM(C2:C${rows + 1})` },
    { value: null, formula: `SUM(D2:D${rows + 1})` },
  ];
  const last = rows + 1;
  return {
    name,
    cells: [header, ...body, total],
    columnWidths: [24, 8, 12, 14],
    styles: [
      { top: 0, left: 0, bottom: 0, right: 3, bold: true, borderBottom: true, wrapText: true },
      {
        top: 1,
        left: 2,
        bottom: last,
        right: 3,
        numberFormat: "#,##0",
        horizontalAlignment: "Right",
      },
      { top: last, left: 0, bottom: last, right: 3, bold: true, borderTop: true },
      // A status cell coloured as the requisitions sheet colours them (its word stays too).
      { top: 1, left: 0, bottom: 1, right: 0, fill: "#C6EFCE", fontColor: "#006100" },
    ],
    table: { top: 0, left: 0, bottom: last, right: 3 },
  };
}

/** A grid as the adapter reads it: values, no formulas, no hidden rows. */
function plain(sheet: string, top: number, left: number, values: typeof DISTRICTS) {
  return {
    sheet,
    top,
    left,
    values,
    formulas: values.map((row) => row.map(() => null)),
    hiddenRows: [],
  };
}

function snapshot(sheet: SheetState): string {
  return JSON.stringify(sheet);
}

describe("readSelection", () => {
  it("reads a selected block as a grid with its sheet and position, in one round trip", async () => {
    const sheet = sheetFrom("Blad1", DISTRICTS, 2, 1);
    const excel = fake(workbook([sheet], { sheet, box: { top: 2, left: 1, bottom: 5, right: 2 } }));

    const read = await createOfficeExcel().readSelection();

    expect(read.grid).toEqual(plain("Blad1", 2, 1, DISTRICTS));
    expect(read.address).toBe("Blad1!B3:C6");
    expect(excel.syncs).toBe(1);
  });

  it("trims a whole-column selection to the cells in use, still in one round trip", async () => {
    const sheet = sheetFrom("Blad1", DISTRICTS);
    const excel = fake(
      workbook([sheet], { sheet, box: { top: 0, left: 0, bottom: 1048575, right: 1 } })
    );

    const read = await createOfficeExcel().readSelection();

    expect(read.address).toBe("Blad1!A1:B4");
    expect(read.grid.values).toEqual(DISTRICTS);
    expect(excel.syncs).toBe(1);
  });

  it("expands a single selected cell to its surrounding block", async () => {
    const sheet = sheetFrom("Min flik", DISTRICTS, 6, 2);
    sheet.cells[key(0, 0)] = { value: "Rubrik långt ovanför" };
    const excel = fake(workbook([sheet], { sheet, box: { top: 8, left: 3, bottom: 8, right: 3 } }));

    const read = await createOfficeExcel().readSelection();

    expect(read.grid).toEqual(plain("Min flik", 6, 2, DISTRICTS));
    expect(read.address).toBe("'Min flik'!C7:D10");
    expect(excel.syncs).toBeLessThanOrEqual(2);
  });

  it("expands a single selected cell inside an Excel table to that table and names it", async () => {
    const sheet = sheetFrom("Blad1", [...DISTRICTS, ["Anteckning utan tom rad emellan", null]]);
    const state = workbook([sheet], { sheet, box: { top: 1, left: 0, bottom: 1, right: 0 } });
    state.tables.push({ name: "Stadsdelar", sheet, box: { top: 0, left: 0, bottom: 3, right: 1 } });
    const excel = fake(state);

    const read = await createOfficeExcel().readSelection();

    expect(read.tableName).toBe("Stadsdelar");
    expect(read.grid.values).toEqual(DISTRICTS);
    expect(excel.syncs).toBeLessThanOrEqual(3);
  });

  it("refuses an empty selection with the range named", async () => {
    const sheet = sheetFrom("Blad1", DISTRICTS);
    fake(workbook([sheet], { sheet, box: { top: 10, left: 5, bottom: 20, right: 6 } }));

    await expect(createOfficeExcel().readSelection()).rejects.toThrow(
      "The range Blad1!F11:G21 is empty."
    );
  });

  it("refuses a block estimated above 4 MB before loading its values", async () => {
    const sheet = sheetFrom("Blad1", [["a"]]);
    sheet.cells[key(99_999, 5)] = { value: 1 };
    const excel = fake(
      workbook([sheet], { sheet, box: { top: 0, left: 0, bottom: 1048575, right: 16383 } })
    );

    const error: unknown = await createOfficeExcel()
      .readSelection()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({
      code: "RANGE_TOO_LARGE",
      params: { range: "Blad1!A1:F100000", rows: "100000" },
    });
    expect(Number((error as InputError).problems[0].params?.megabytes)).toBeGreaterThan(5);
    expect(excel.syncs).toBe(1);
  });
});

describe("readRange", () => {
  it("reads a range by address in one round trip and leaves the selection where the user put it", async () => {
    const data = sheetFrom("Min flik", DISTRICTS, 2, 1);
    const other = sheetFrom("Blad2", [["annat"]]);
    const selection = { sheet: other, box: { top: 0, left: 0, bottom: 0, right: 0 } };
    const excel = fake({ sheets: [data, other], tables: [], names: {}, selection, active: other });

    const read = await createOfficeExcel().readRange("'Min flik'!B3:C6");

    expect(read).toEqual({
      address: "'Min flik'!B3:C6",
      grid: plain("Min flik", 2, 1, DISTRICTS),
    });
    expect(excel.syncs).toBe(1);
    expect(excel.state.selection).toEqual(selection);
    expect(excel.state.active.name).toBe("Blad2");
  });
});

describe("readTable and listTables", () => {
  it("lists tables with sheet and address, and reads one by name", async () => {
    const sheet = sheetFrom("Data", DISTRICTS, 1, 1);
    const state = workbook([sheet], { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } });
    state.tables.push({ name: "Stadsdelar", sheet, box: { top: 1, left: 1, bottom: 4, right: 2 } });
    const excel = fake(state);
    const port = createOfficeExcel();

    expect(await port.listTables()).toEqual([
      { name: "Stadsdelar", sheet: "Data", address: "Data!B2:C5" },
    ]);
    excel.syncs = 0;
    const read = await port.readTable("Stadsdelar");
    expect(read).toMatchObject({
      tableName: "Stadsdelar",
      address: "Data!B2:C5",
      grid: { top: 1, left: 1, values: DISTRICTS },
    });
    expect(excel.syncs).toBe(1);
  });

  it("leaves out a table's totals row, by name or from a cell inside it", async () => {
    const withTotals = [...DISTRICTS, [null, "=SUBTOTAL(109,[Antal 65+])"]];
    const sheet = sheetFrom("Data", withTotals);
    const state = workbook([sheet], { sheet, box: { top: 2, left: 1, bottom: 2, right: 1 } });
    state.tables.push({
      name: "Stadsdelar",
      sheet,
      box: { top: 0, left: 0, bottom: 4, right: 1 },
      showTotals: true,
    });
    const excel = fake(state);
    const port = createOfficeExcel();

    const byName = await port.readTable("Stadsdelar");
    expect(byName.grid.values).toEqual(DISTRICTS);
    expect(byName.address).toBe("Data!A1:B4");
    expect(excel.syncs).toBe(1);

    const fromCell = await port.readSelection();
    expect(fromCell.tableName).toBe("Stadsdelar");
    expect(fromCell.grid.values).toEqual(DISTRICTS);
  });

  it("keeps the last row of a table without a totals row", async () => {
    const sheet = sheetFrom("Data", DISTRICTS);
    const state = workbook([sheet], { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } });
    state.tables.push({
      name: "Stadsdelar",
      sheet,
      box: { top: 0, left: 0, bottom: 3, right: 1 },
      showTotals: false,
    });
    fake(state);

    expect((await createOfficeExcel().readTable("Stadsdelar")).grid.values).toEqual(DISTRICTS);
  });

  it("reports a missing table as an Error naming Office's code", async () => {
    const sheet = sheetFrom("Data", DISTRICTS);
    fake(workbook([sheet], { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } }));

    await expect(createOfficeExcel().readTable("Saknas")).rejects.toThrow(
      "Excel could not read the table 'Saknas': The table 'Saknas' does not exist. (ItemNotFound)"
    );
  });
});

describe("writeOutput", () => {
  const input = (): SheetState => sheetFrom("Blad1", DISTRICTS);

  it("creates the output sheet and the owner mark in two round trips", async () => {
    const source = input();
    const state = workbook([source], {
      sheet: source,
      box: { top: 0, left: 0, bottom: 3, right: 1 },
    });
    const excel = fake(state);

    const written = await createOfficeExcel().writeOutput("allocation", allocationModel(3));
    // With calculation suspended, Excel would show the new SUM totals stale until a recalc.
    expect(excel.calculationSuspended).toBe(false);

    expect(written).toEqual({
      sheetName: "Fördelning",
      tableAddress: "Fördelning!A1:D5",
      syncs: 2,
    });
    const output = state.sheets.find((sheet) => sheet.name === "Fördelning");
    expect(output).toBeDefined();
    expect(state.names.Statsbidrag_allocation).toBe(output);
    expect(state.active).toBe(output);
    expect(output?.cells[key(4, 3)]).toMatchObject({
      input: "=SUM(D2:D4)",
      bold: true,
      borderTop: "Thin",
      numberFormat: "#,##0",
    });
    expect(output?.cells[key(0, 0)]).toMatchObject({
      value: "Kommun",
      bold: true,
      borderBottom: "Thin",
      wrapText: true,
    });
    expect(output?.cells[key(1, 2)]).toMatchObject({
      value: 1000,
      input: 1000,
      horizontalAlignment: "Right",
    });
    expect(output?.cells[key(1, 0)]).toMatchObject({ fill: "#C6EFCE", fontColor: "#006100" });
    expect(output?.columnWidths[0]).toBeCloseTo((24 * 7 + 5) * 0.75);
  });

  it("falls back to two round trips when the sheet it wrote was deleted, writing nothing first", async () => {
    const source = input();
    const state = workbook([source], {
      sheet: source,
      box: { top: 0, left: 0, bottom: 3, right: 1 },
    });
    fake(state);
    const excel = createOfficeExcel();
    await excel.writeOutput("allocation", allocationModel(3));
    state.sheets = state.sheets.filter((sheet) => sheet.name !== "Fördelning");
    const before = JSON.stringify(source);
    const again = await excel.writeOutput("allocation", allocationModel(3));
    expect(again.syncs).toBe(2);
    expect(JSON.stringify(source)).toBe(before);
    expect(state.sheets.map((sheet) => sheet.name)).toEqual(["Blad1", "Fördelning"]);
  });

  it("writes text that looks like a formula or a number as text", async () => {
    const source = input();
    const state = workbook([source], {
      sheet: source,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    fake(state);
    const model: SheetModel = {
      name: "Fördelning",
      cells: [
        [{ value: "=SUM(A1)" }, { value: "0180" }, { value: "-5" }, { value: null }, { value: 7 }],
      ],
      columnWidths: [],
      styles: [],
      table: { top: 0, left: 0, bottom: 0, right: 4 },
    };

    await createOfficeExcel().writeOutput("allocation", model);

    const cells = state.sheets[1].cells;
    expect(cells[key(0, 0)]).toEqual({ value: "=SUM(A1)", input: "'=SUM(A1)" });
    expect(cells[key(0, 1)]).toEqual({ value: "0180", input: "'0180" });
    expect(cells[key(0, 2)]).toEqual({ value: "-5", input: "'-5" });
    expect(cells[key(0, 3)]).toBeUndefined();
    expect(cells[key(0, 4)]).toEqual({ value: 7, input: 7 });
  });

  it("re-running rewrites only our sheet, found through the mark after the user renamed it", async () => {
    const source = input();
    const state = workbook([source], {
      sheet: source,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    fake(state);
    const port = createOfficeExcel();
    await port.writeOutput("allocation", allocationModel(5));
    const ours = state.sheets[1];
    ours.name = "Förslag till nämnden";
    const before = snapshot(source);

    const written = await port.writeOutput("allocation", allocationModel(2));

    expect(written.sheetName).toBe("Förslag till nämnden");
    expect(written.tableAddress).toBe("'Förslag till nämnden'!A1:D4");
    expect(state.sheets.map((sheet) => sheet.name)).toEqual(["Blad1", "Förslag till nämnden"]);
    expect(ours.cells[key(3, 3)]?.input).toBe("=SUM(D2:D3)");
    // Rows 5..7 of the longer first run are gone: the sheet was cleared, not overlaid.
    expect(Object.keys(ours.cells).filter((cellKey) => Number(cellKey.split(",")[0]) > 3)).toEqual(
      []
    );
    expect(snapshot(source)).toBe(before);
    // The sheet this session wrote is reached by its id (renames keep it) in the writing batch.
    expect(written.syncs).toBe(1);
  });

  it("never touches a user's sheet that has our sheet's name; writes to 'Fördelning (2)'", async () => {
    const theirs = sheetFrom("Fördelning", [["Egen anteckning", 42]]);
    theirs.cells[key(0, 0)].bold = true;
    theirs.columnWidths[0] = 99;
    const state = workbook([theirs], {
      sheet: theirs,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    fake(state);
    const before = snapshot(theirs);

    const written = await createOfficeExcel().writeOutput("allocation", allocationModel(3));

    expect(written.sheetName).toBe("Fördelning (2)");
    expect(snapshot(theirs)).toBe(before);
    expect(state.names.Statsbidrag_allocation?.name).toBe("Fördelning (2)");
  });

  it("replaces a mark whose sheet was deleted instead of writing anywhere else", async () => {
    const theirs = sheetFrom("Fördelning", [["Användarens egen"]]);
    const deleted = sheetFrom("Borttagen", [["x"]]);
    const state = workbook([theirs], {
      sheet: theirs,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    state.names.Statsbidrag_allocation = deleted;
    fake(state);
    const before = snapshot(theirs);

    const written = await createOfficeExcel().writeOutput("allocation", allocationModel(1));

    expect(written.sheetName).toBe("Fördelning (2)");
    expect(snapshot(theirs)).toBe(before);
    expect(state.names.Statsbidrag_allocation?.name).toBe("Fördelning (2)");
  });

  it("writes a 300-row model in two round trips and under 40 kB of payload", async () => {
    const source = input();
    const state = workbook([source], {
      sheet: source,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);

    const written = await createOfficeExcel().writeOutput("allocation", allocationModel(300));

    const bytes = excel.writtenBytes.reduce((sum, size) => sum + size, 0);
    expect(written.syncs).toBe(2);
    expect(excel.syncs).toBe(2);
    expect(excel.writtenBytes[0]).toBe(0);
    expect(bytes).toBeLessThan(40_000);
  });
});

describe("select, settings and language", () => {
  it("activates the sheet and selects the range", async () => {
    const blad1 = sheetFrom("Blad1", DISTRICTS);
    const other = sheetFrom("Min flik", DISTRICTS);
    const state = workbook([blad1, other], {
      sheet: blad1,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);

    await createOfficeExcel().select("'Min flik'!A3:D16");

    expect(state.active).toBe(other);
    expect(state.selection).toEqual({
      sheet: other,
      box: { top: 2, left: 0, bottom: 15, right: 3 },
    });
    expect(excel.syncs).toBe(1);
  });

  it("reports a deleted sheet as an Error", async () => {
    const blad1 = sheetFrom("Blad1", DISTRICTS);
    fake(workbook([blad1], { sheet: blad1, box: { top: 0, left: 0, bottom: 0, right: 0 } }));

    await expect(createOfficeExcel().select("Borta!C7")).rejects.toThrow(
      /Excel could not select Borta!C7: .*\(ItemNotFound\)/
    );
  });

  it("stores settings in the document and reads the display language", async () => {
    const blad1 = sheetFrom("Blad1", DISTRICTS);
    const excel = fake(
      workbook([blad1], { sheet: blad1, box: { top: 0, left: 0, bottom: 0, right: 0 } })
    );
    const port = createOfficeExcel();

    expect(port.loadSettings("senast")).toBeNull();
    await port.saveSettings("senast", { total: "6069306" });

    expect(port.loadSettings<{ total: string }>("senast")).toEqual({ total: "6069306" });
    expect(excel.settingsSaved()).toEqual({ senast: { total: "6069306" } });
    expect(port.displayLanguage()).toBe("sv-SE");
  });
});

describe("readOwnedTable", () => {
  it("reads the sheet the owner mark points at (mark, then its values), not a same-named sheet of the user's", async () => {
    const users = sheetFrom("Fördelning", [["Min anteckning"]]);
    const ours = sheetFrom("Fördelning (2)", [
      ["Fördelning av statsbidrag"],
      [],
      ["Stadsdel", "Belopp (kr)"],
      ["Bromma", 459491],
      ["Summa", 459491],
    ]);
    const state = workbook([users, ours], {
      sheet: users,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    state.names.Statsbidrag_allocation = ours;
    const excel = fake(state);
    const read = await createOfficeExcel().readOwnedTable("allocation");
    expect(excel.syncs).toBe(2);
    expect(read?.address).toBe("'Fördelning (2)'!A1:B5");
    expect(read?.grid.values[3]).toEqual(["Bromma", 459491]);
    expect(read?.grid.values[1]).toEqual([null, null]);
    // The user's selection is not moved.
    expect(state.selection.sheet).toBe(users);
  });

  it("is null without an owner mark, or when the marked sheet was deleted", async () => {
    const data = sheetFrom("Blad1", DISTRICTS);
    const state = workbook([data], { sheet: data, box: { top: 0, left: 0, bottom: 0, right: 0 } });
    const excel = fake(state);
    expect(await createOfficeExcel().readOwnedTable("allocation")).toBeNull();
    // Without a mark there is nothing more to read: one round trip.
    expect(excel.syncs).toBe(1);
    state.names.Statsbidrag_allocation = sheetFrom("Borttagen", [["x"]]);
    expect(await createOfficeExcel().readOwnedTable("allocation")).toBeNull();
  });
});

describe("rewriteOwned (the run log)", () => {
  const logModel = (rows: CellValue[][]): SheetModel => ({
    name: "Körlogg",
    cells: rows.map((row) => row.map((value) => ({ value: value === null ? null : `${value}` }))),
    columnWidths: [],
    styles: [],
    table: { top: 0, left: 0, bottom: rows.length - 1, right: 1 },
  });

  it("makes the log in two round trips when there is none, leaving the user on their sheet", async () => {
    const users = sheetFrom("Körlogg", [["Mina anteckningar"]]);
    const state = workbook([users], {
      sheet: users,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);
    const before = snapshot(users);
    let seen: unknown = "not called";
    const written = await createOfficeExcel().rewriteOwned("runlog", (previous) => {
      seen = previous;
      return logModel([
        ["Nr", "Jobb"],
        [1, "allocate"],
      ]);
    });
    expect(seen).toBeNull();
    expect(excel.syncs).toBe(2);
    // The user's own "Körlogg" is neither read nor written: ours gets a free name.
    expect(written.sheetName).toBe("Körlogg (2)");
    expect(snapshot(users)).toBe(before);
    expect(state.active).toBe(users);
    expect(state.names.Statsbidrag_runlog?.name).toBe("Körlogg (2)");
  });

  it("gives the rebuild what our log holds and writes the result: look up, read, write", async () => {
    const table = sheetFrom("Fördelning", [["Summa", 100]]);
    const log = sheetFrom("Revisionslogg", [
      ["Nr", "Jobb"],
      [1, "allocate"],
    ]);
    const state = workbook([table, log], {
      sheet: table,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    state.names.Statsbidrag_runlog = log;
    const excel = fake(state);
    const written = await createOfficeExcel().rewriteOwned("runlog", (previous) =>
      logModel([...(previous ?? []), [2, "allocate"]])
    );
    expect(excel.syncs).toBe(3);
    // Renamed by the user, still ours: rewritten in place, and the table stays in view.
    expect(written.sheetName).toBe("Revisionslogg");
    expect(log.cells[key(2, 0)]).toMatchObject({ value: "2" });
    expect(log.cells[key(1, 1)]).toMatchObject({ value: "allocate" });
    expect(state.sheets).toHaveLength(2);
    expect(state.active).toBe(table);
  });

  it("sets the heights of rows whose wrapped text needs them", async () => {
    const table = sheetFrom("Fördelning", [["Summa", 100]]);
    const state = workbook([table], {
      sheet: table,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    fake(state);
    const written = await createOfficeExcel().rewriteOwned("runlog", () => ({
      ...logModel([
        ["Nr", "Kommandorad"],
        [1, "statsbidrag allocate …"],
      ]),
      rowHeights: { 1: 45 },
    }));
    const log = state.sheets.find((sheet) => sheet.name === written.sheetName);
    expect(log?.rowHeights).toEqual({ 1: 45 });
  });

  it("starts a new log when the marked sheet was deleted", async () => {
    const table = sheetFrom("Fördelning", [["Summa", 100]]);
    const state = workbook([table], {
      sheet: table,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    state.names.Statsbidrag_runlog = sheetFrom("Körlogg", [["Nr"], [7]]);
    fake(state);
    let seen: unknown = "not called";
    const written = await createOfficeExcel().rewriteOwned("runlog", (previous) => {
      seen = previous;
      return logModel([["Nr", "Jobb"]]);
    });
    expect(seen).toBeNull();
    expect(written.sheetName).toBe("Körlogg");
    expect(state.names.Statsbidrag_runlog?.name).toBe("Körlogg");
    expect(state.active).toBe(table);
  });
});

describe("ownedSheetName: the mark is A1 of our sheet, nothing else", () => {
  it("accepts the mark at A1 of an existing sheet, also after a rename", () => {
    expect(ownedSheetName("=Fördelning!$A$1", ["Blad1", "Fördelning"])).toBe("Fördelning");
    expect(ownedSheetName("'Förslag till nämnden'!$A$1", ["Förslag till nämnden"])).toBe(
      "Förslag till nämnden"
    );
  });

  it("refuses a mark a cut carried into the user's own sheet, so that sheet is never cleared", () => {
    // The user cut our title and table (A1 included) and pasted it at B5 of their report.
    expect(ownedSheetName("'Min rapport'!$B$5", ["Min rapport", "Fördelning"])).toBeNull();
    expect(ownedSheetName("Fördelning!$A$1:$D$9", ["Fördelning"])).toBeNull();
    expect(ownedSheetName("#REF!", ["Fördelning"])).toBeNull();
  });
});

describe("listSheets and readSheet (last year's Fördelning sheet)", () => {
  const lastYear = [
    ["Fördelning av statsbidrag 2025"],
    [],
    ["Stadsdel", "Andel", "Belopp (kr)"],
    ["Bromma", 0.4, 400000],
    ["Södermalm", 0.6, 600000],
    ["Summa", 1, 1000000],
  ];

  it("lists the sheets in tab order in one round trip, loading only their names", async () => {
    const data = sheetFrom("Blad1", DISTRICTS);
    const old = sheetFrom("Fördelning 2025", lastYear);
    const empty = sheetFrom("Tomt", []);
    const state = workbook([data, old, empty], {
      sheet: data,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);
    expect(await createOfficeExcel().listSheets()).toEqual(["Blad1", "Fördelning 2025", "Tomt"]);
    expect(excel.syncs).toBe(1);
  });

  it("leaves out the sheets the add-in owns (found by their marks in the same round trip)", async () => {
    const data = sheetFrom("Blad1", DISTRICTS);
    // Last year's output, still ours: this year's write would replace it.
    const ours = sheetFrom("Fördelning", lastYear);
    const log = sheetFrom("Körlogg", [["Nr"]]);
    const copy = sheetFrom("Fördelning 2025", lastYear);
    const state = workbook([data, ours, log, copy], {
      sheet: data,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    state.names.Statsbidrag_allocation = ours;
    state.names.Statsbidrag_runlog = log;
    const excel = fake(state);
    expect(await createOfficeExcel().listSheets()).toEqual(["Blad1", "Fördelning 2025"]);
    expect(excel.syncs).toBe(1);
  });

  it("reads a sheet's used values by name in one round trip, under the sheet's own spelling", async () => {
    const data = sheetFrom("Blad1", DISTRICTS);
    const old = sheetFrom("Fördelning 2025", lastYear, 1, 0);
    const state = workbook([data, old], {
      sheet: data,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);
    const read = await createOfficeExcel().readSheet("fördelning 2025");
    expect(excel.syncs).toBe(1);
    expect(read.address).toBe("'Fördelning 2025'!A2:C7");
    expect(read.grid).toMatchObject({ sheet: "Fördelning 2025", top: 1, left: 0 });
    expect(read.grid.values[1]).toEqual([null, null, null]);
    expect(read.grid.values[3]).toEqual(["Bromma", 0.4, 400000]);
    expect(read.grid.values[5]).toEqual(["Summa", 1, 1000000]);
    // The user's selection and active sheet are not moved.
    expect(state.selection.sheet).toBe(data);
    expect(state.active).toBe(data);
  });

  it("gives an empty grid for an empty sheet, and an Office failure naming a missing one", async () => {
    const data = sheetFrom("Blad1", DISTRICTS);
    const empty = sheetFrom("Tomt", []);
    const state = workbook([data, empty], {
      sheet: data,
      box: { top: 0, left: 0, bottom: 0, right: 0 },
    });
    const excel = fake(state);
    const port = createOfficeExcel();
    expect(await port.readSheet("Tomt")).toEqual({
      grid: { sheet: "Tomt", top: 0, left: 0, values: [] },
      address: "Tomt!A1",
    });
    expect(excel.syncs).toBe(1);
    const missing = await port.readSheet("Saknas").catch((error: unknown) => error);
    expect(missing).toMatchObject({
      name: "OfficeCallError",
      code: "ItemNotFound",
      action: { kind: "readSheet", name: "Saknas" },
    });
  });
});
