/**
 * The contract both Excel doubles keep: the same Office.js calls, against the same workbook,
 * give the same answers from the office-addin-mock double of the adapter's unit tests
 * (test/unit/excel/fake-workbook.ts) and from the in-page double of the browser tests
 * (test/e2e/browser/office-double.js, run here in a Node vm with a tiny fake window). Both
 * delegate to one workbook model, test/doubles/workbook-model.js; these cases pin the rules
 * they used to disagree on (lookups ignore case, default requirement sets, valuesOnly used
 * ranges) and the rest of what the add-in relies on.
 */
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

import { readFileSync } from "fs";
import { join } from "path";
import { createContext, runInContext } from "vm";
import * as model from "../../doubles/workbook-model";
import type { WorkbookState } from "../../doubles/workbook-model";
import { FakeExcel } from "../excel/fake-workbook";

type Input = string | number | null;

/** One workbook, described once and given to both doubles. */
interface Spec {
  sheets: { name: string; cells: Input[][] }[];
  tables?: { name: string; sheet: string; address: string; showTotals?: boolean }[];
  /** Defined names marking A1 of a sheet. */
  names?: { name: string; sheet: string }[];
  selection?: string;
  excelApi?: string;
  excelApiDesktop?: string;
}

interface Host {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  saveSetting(name: string, value: unknown): Promise<void>;
  /** The model state behind the double, for what a user does by hand (rename, hide rows). */
  workbook: WorkbookState;
}

interface Globals {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: {
    context: {
      requirements: { isSetSupported(name: string, version?: string): boolean };
      document: {
        settings: {
          set(name: string, value: unknown): void;
          saveAsync(callback: (result: { status: string }) => void): void;
        };
      };
    };
  };
}

function host(globals: Globals, workbook: WorkbookState): Host {
  return {
    run: (batch) => globals.Excel.run(batch),
    isSetSupported: (name, version) =>
      globals.Office.context.requirements.isSetSupported(name, version),
    saveSetting: (name, value) =>
      new Promise((done) => {
        globals.Office.context.document.settings.set(name, value);
        globals.Office.context.document.settings.saveAsync(() => done());
      }),
    workbook,
  };
}

/** The adapter's unit-test double: office-addin-mock graphs over the model. */
function unitDouble(spec: Spec): Host {
  const sheets = spec.sheets.map((sheet) => model.sheetFromInput(sheet.name, sheet.cells));
  const find = (name: string) => sheets.find((sheet) => sheet.name === name)!;
  const selection = spec.selection ? model.parseAddress(spec.selection).box : model.box(0, 0, 0, 0);
  const state = model.createWorkbook({
    sheets,
    tables: (spec.tables ?? []).map((table) => ({
      name: table.name,
      sheet: find(table.sheet),
      box: model.parseAddress(table.address).box,
      showTotals: Boolean(table.showTotals),
    })),
    names: Object.fromEntries((spec.names ?? []).map((n) => [n.name, find(n.sheet)])),
    selection: { sheet: sheets[0], box: selection },
    requirements: { excelApiDesktop: spec.excelApiDesktop ?? null },
  });
  const excel = new FakeExcel(state, spec.excelApi);
  excel.install();
  return host(globalThis as unknown as Globals, state);
}

const BROWSER_SOURCES = [
  join(__dirname, "../../doubles/workbook-model.js"),
  join(__dirname, "../../e2e/browser/office-double.js"),
].map((file) => readFileSync(file, "utf8"));

/** The browser tests' in-page double, in a vm whose global object is a tiny window. */
function browserDouble(spec: Spec): Host {
  const window: Record<string, unknown> = {
    setTimeout,
    TextEncoder,
    console,
    document: { readyState: "complete" },
    __officeDoubleConfig: { activeSheet: spec.sheets[0].name, ...spec },
  };
  window.window = window;
  createContext(window);
  for (const source of BROWSER_SOURCES) runInContext(source, window);
  const double = window.__officeDouble as { workbook: WorkbookState };
  return host(window as unknown as Globals, double.workbook);
}

const DOUBLES: [string, (spec: Spec) => Host][] = [
  ["unit-test double (office-addin-mock)", unitDouble],
  ["browser double (office-double.js)", browserDouble],
];

const DISTRICTS: Spec = {
  sheets: [
    {
      name: "Blad1",
      cells: [
        ["Stadsdel", "Belopp"],
        ["Bromma", 100],
        ["Kista", 200],
        ["Summa", "=SUM(B2:B3)"],
      ],
    },
    { name: "Fördelning", cells: [["Statsbidrag"]] },
  ],
  tables: [{ name: "Stadsdelar", sheet: "Blad1", address: "A1:B4", showTotals: true }],
  names: [{ name: "Statsbidrag_allocation", sheet: "Fördelning" }],
  selection: "A1:B4",
};

/** The Office error code a rejected batch carries. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "no error";
}

describe.each(DOUBLES)("%s keeps the workbook contract", (_, make) => {
  afterEach(() => {
    const globals = globalThis as Record<string, unknown>;
    delete globals.Excel;
    delete globals.Office;
  });

  it("finds sheets whatever the case, and says ItemNotFound for a missing one", async () => {
    const excel = make(DISTRICTS);
    const name = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("BLAD1");
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Blad1");
    const missing = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Saknas").load("name");
      await context.sync();
    });
    expect(await codeOf(missing)).toBe("ItemNotFound");
  });

  it("lists the sheets in tab order, their names only, and reads a sheet's used values by name", async () => {
    const excel = make({
      ...DISTRICTS,
      sheets: [
        ...DISTRICTS.sheets,
        { name: "Fördelning 2025", cells: [[null], ["Stadsdel", "Belopp (kr)"], ["Kista", 5]] },
        { name: "Tomt", cells: [] },
      ],
    });
    const listed = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
    expect(listed).toEqual(["Blad1", "Fördelning", "Fördelning 2025", "Tomt"]);
    const read = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("FÖRDELNING 2025");
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount, values");
      const empty = context.workbook.worksheets.getItem("Tomt").getUsedRangeOrNullObject(true);
      await context.sync();
      return {
        name: sheet.name,
        at: [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount],
        values: used.values,
        empty: empty.isNullObject,
      };
    });
    expect(read).toEqual({
      name: "Fördelning 2025",
      at: [1, 0, 2, 2],
      values: [
        ["Stadsdel", "Belopp (kr)"],
        ["Kista", 5],
      ],
      empty: true,
    });
  });

  it("finds tables whatever the case, with their range and totals row", async () => {
    const excel = make(DISTRICTS);
    const found = await excel.run(async (context) => {
      const table = context.workbook.tables.getItem("STADSDELAR");
      table.load("showTotals");
      const range = table.getRange().load("address");
      await context.sync();
      return { showTotals: table.showTotals, address: range.address };
    });
    expect(found).toEqual({ showTotals: true, address: "Blad1!A1:B4" });
  });

  it("refuses a second sheet whose name differs only in case", async () => {
    const excel = make(DISTRICTS);
    const added = excel.run(async (context) => {
      context.workbook.worksheets.add("blad1");
      await context.sync();
    });
    expect(await codeOf(added)).toBe("ItemAlreadyExists");
    expect(excel.workbook.sheets.map((sheet) => sheet.name)).toEqual(["Blad1", "Fördelning"]);
  });

  it("finds defined names whatever the case and refuses one that differs only in case", async () => {
    const excel = make(DISTRICTS);
    const found = await excel.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject("STATSBIDRAG_ALLOCATION");
      item.load("value");
      const missing = context.workbook.names.getItemOrNullObject("Annat_namn");
      await context.sync();
      return { isNull: item.isNullObject, value: item.value, missing: missing.isNullObject };
    });
    expect(found).toEqual({ isNull: false, value: "Fördelning!$A$1", missing: true });
    const added = excel.run(async (context) => {
      const mark = context.workbook.worksheets.getItem("Blad1").getRange("A1");
      context.workbook.names.add("statsbidrag_ALLOCATION", mark);
      await context.sync();
    });
    expect(await codeOf(added)).toBe("ItemAlreadyExists");
  });

  it("keeps a name on its sheet through a rename, and #REF! once the sheet is deleted", async () => {
    const excel = make(DISTRICTS);
    const read = () =>
      excel.run(async (context) => {
        const item = context.workbook.names.getItemOrNullObject("Statsbidrag_allocation");
        item.load("value");
        const range = item.getRangeOrNullObject();
        await context.sync();
        return { value: item.value, rangeIsNull: range.isNullObject };
      });
    const wb = excel.workbook;
    model.renameSheet(wb, model.findSheet(wb, "fördelning")!, "Fördelning (2)");
    expect(await read()).toEqual({ value: "'Fördelning (2)'!$A$1", rangeIsNull: false });
    model.deleteSheet(wb, model.findSheet(wb, "Fördelning (2)")!);
    expect(await read()).toEqual({ value: "#REF!", rangeIsNull: true });
  });

  it("answers requirement sets alike: ExcelApi up to 1.9 by default, no ExcelApiDesktop", () => {
    const excel = make(DISTRICTS);
    expect(excel.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(excel.isSetSupported("ExcelApi", "2.0")).toBe(false);
    expect(excel.isSetSupported("ExcelApiDesktop", "1.1")).toBe(false);
  });

  it("answers configured requirement sets alike (ExcelApi 1.7, ExcelApiDesktop 1.1)", () => {
    const excel = make({ ...DISTRICTS, excelApi: "1.7", excelApiDesktop: "1.1" });
    expect(excel.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.8")).toBe(false);
    expect(excel.isSetSupported("ExcelApiDesktop", "1.1")).toBe(true);
    expect(excel.isSetSupported("ExcelApiDesktop", "1.2")).toBe(false);
  });

  it("counts formatting in the used range unless valuesOnly", async () => {
    const excel = make(DISTRICTS);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("F10").numberFormat = [["0"]];
      await context.sync();
    });
    const used = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const all = sheet.getUsedRangeOrNullObject(false).load("address");
      const values = sheet.getUsedRangeOrNullObject(true).load("address");
      const ranged = sheet.getRange("C5:H20").getUsedRangeOrNullObject(true);
      await context.sync();
      return { all: all.address, values: values.address, ranged: ranged.isNullObject };
    });
    expect(used).toEqual({ all: "Blad1!A1:F10", values: "Blad1!A1:B4", ranged: true });
  });

  it("types writes as Excel does and reads values and formulas back", async () => {
    const excel = make(DISTRICTS);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("D1:G1").formulas = [["'0180", "=SUM(B2:B3)", "7", "'=inte formel"]];
      await context.sync();
    });
    const read = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("D1:G1");
      range.load(["values", "formulas"]);
      await context.sync();
      return { values: range.values, formulas: range.formulas };
    });
    expect(read.values).toEqual([["0180", 300, 7, "=inte formel"]]);
    expect(read.formulas).toEqual([["0180", "=SUM(B2:B3)", 7, "=inte formel"]]);
  });

  it("refuses a 2-D write that does not match the range's shape, changing nothing", async () => {
    const excel = make(DISTRICTS);
    const wrongColumns = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A2:B3").formulas = [
        ["x", 1, 2],
      ] as never;
      await context.sync();
    });
    expect(await codeOf(wrongColumns)).toBe("InvalidArgument");
    const wrongRows = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A2:B3").values = [["x", 1]];
      await context.sync();
    });
    expect(await codeOf(wrongRows)).toBe("InvalidArgument");
    const blad1 = model.findSheet(excel.workbook, "Blad1")!;
    expect(model.readValues(blad1, model.box(1, 0, 2, 1))).toEqual([
      ["Bromma", 100],
      ["Kista", 200],
    ]);
  });

  it("gives the selection, the visible rows and the saved settings", async () => {
    const excel = make(DISTRICTS);
    model.findSheet(excel.workbook, "Blad1")!.hiddenRows = [2];
    const read = await excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const view = context.workbook.worksheets.getItem("Blad1").getRange("A1:B4").getVisibleView();
      view.load("cellAddresses");
      await context.sync();
      return { selected: selected.address, visible: view.cellAddresses.map((row) => row[0]) };
    });
    expect(read).toEqual({
      selected: "Blad1!A1:B4",
      visible: ["Blad1!A1", "Blad1!A2", "Blad1!A4"],
    });
    await excel.saveSetting("statsbidrag.test", { kept: [1, 2] });
    expect(excel.workbook.settings).toEqual({ "statsbidrag.test": { kept: [1, 2] } });
  });
});
