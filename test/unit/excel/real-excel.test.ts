// office-addin-mock imports office-addin-manifest only for its OfficeApp enum (see
// office-excel.test.ts); the enum is all the mock needs.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel" },
}));

/**
 * What real Excel does that a simple double does not: formulas and hidden rows, the 5 MB
 * limit of Excel on the web (sized by bytes, read in blocks), cell edit mode, focus after
 * select, and page setup. Round trips and payload bytes are counted on office-addin-mock.
 */
import { problemMessage } from "../../../src/core/problems";
import type { SheetModel } from "../../../src/core/sheets/sheet-model";
import { blockRows } from "../../../src/excel/blocks";
import { OfficeCallError, officeProblem } from "../../../src/excel/errors";
import { createOfficeExcel } from "../../../src/excel/office-excel";
import { INCOMPLETE_MARK } from "../../../src/excel/write";
import { FakeExcel, type SheetState, type WorkbookState, key, sheetFrom } from "./fake-workbook";

const FIVE_MB = 5 * 1024 * 1024;

function fake(sheets: SheetState[], apiVersion = "1.7"): FakeExcel {
  const first = sheets[0];
  const state: WorkbookState = {
    sheets,
    tables: [],
    names: {},
    selection: { sheet: first, box: { top: 0, left: 0, bottom: 0, right: 0 } },
    active: first,
  };
  const excel = new FakeExcel(state, apiVersion);
  excel.install();
  return excel;
}

function withTotal(top = 0): SheetState {
  const sheet = sheetFrom(
    "Blad1",
    [
      ["Stadsdel", "Antal 65+"],
      ["Bromma", 12000],
      ["Kungsholmen", 9000],
      ["Södermalm", 15000],
      ["Hela staden", 36000],
    ],
    top
  );
  sheet.cells[key(top + 4, 1)].input = `=SUM(B${top + 2}:B${top + 4})`;
  sheet.hiddenRows = [top + 2];
  return sheet;
}

describe("formulas and hidden rows", () => {
  it("come with the values in the same single round trip", async () => {
    const excel = fake([withTotal()]);
    const read = await createOfficeExcel().readRange("Blad1!A1:B5");
    expect(read.grid.formulas).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, "=SUM(B2:B4)"],
    ]);
    expect(read.grid.hiddenRows).toEqual([2]);
    expect(read.grid.values[4]).toEqual(["Hela staden", 36000]);
    expect(excel.syncs).toBe(1);
  });

  it("also below the fast window, in two round trips", async () => {
    const excel = fake([withTotal(5000)]);
    const read = await createOfficeExcel().readRange("Blad1!A5001:B5005");
    expect(read.grid.top).toBe(5000);
    expect(read.grid.formulas?.[4][1]).toBe("=SUM(B5002:B5004)");
    expect(read.grid.hiddenRows).toEqual([2]);
    expect(excel.syncs).toBe(2);
  });

  it("a table's totals row leaves with its formulas", async () => {
    const sheet = withTotal();
    const excel = new FakeExcel({
      sheets: [sheet],
      tables: [
        { name: "T", sheet, box: { top: 0, left: 0, bottom: 4, right: 1 }, showTotals: true },
      ],
      names: {},
      selection: { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } },
      active: sheet,
    });
    excel.install();
    const read = await createOfficeExcel().readTable("T");
    expect(read.grid.values).toHaveLength(4);
    expect(read.grid.formulas).toHaveLength(4);
    expect(read.grid.hiddenRows).toEqual([2]);
  });
});

describe("the 5 MB limit of Excel on the web", () => {
  it("refuses a range of long texts far below the old 500 000-cell guard, before reading it", async () => {
    const text = "Konsultarvode hälsosamtal, faktura 2026-03 ";
    const rows = Array.from({ length: 30_000 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => `${text}${r}:${c}`)
    );
    const excel = fake([sheetFrom("Huvudbok", rows)]);
    const error: unknown = await createOfficeExcel()
      .readRange("Huvudbok!A1:E30000")
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ problems: [{ code: "RANGE_TOO_LARGE" }] });
    expect(excel.syncs).toBe(1);
    expect(Math.max(...excel.readBytes)).toBeLessThan(FIVE_MB);
    const message = problemMessage((error as { problems: [never] }).problems[0], "sv");
    expect(message).toContain("Huvudbok!A1:E30000 (30000 rader)");
    expect(message).toContain("Markera bara tabellen");
  });

  it("readRangeInBlocks reads a 100 000-row ledger, one round trip per block, each under 4 MB", async () => {
    const rows: (string | number)[][] = [["Datum", "Konto", "Text", "Belopp"]];
    for (let r = 1; r < 100_000; r++)
      rows.push([46000 + (r % 365), 5010 + (r % 7), `Lön hälsosamtal ${r}`, 1000 + r]);
    const sheet = sheetFrom("Huvudbok", rows);
    sheet.hiddenRows = [7, 50_000];
    const excel = fake([sheet]);
    const progress: number[] = [];

    const read = await createOfficeExcel().readRangeInBlocks!("Huvudbok!A1:D100000", (p) =>
      progress.push(p.rowsRead)
    );

    expect(read.grid.values).toHaveLength(100_000);
    expect(read.grid.values[99_999]).toEqual([
      46000 + (99_999 % 365),
      5010 + (99_999 % 7),
      "Lön hälsosamtal 99999",
      100_999,
    ]);
    expect(read.grid.hiddenRows).toEqual([7, 50_000]);
    expect(read.address).toBe("Huvudbok!A1:D100000");
    expect(progress[progress.length - 1]).toBe(100_000);
    expect(excel.syncs).toBe(1 + progress.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(Math.max(...excel.readBytes)).toBeLessThan(4_000_000);
  });

  it("readRangeInBlocks stops when cancelled, between blocks", async () => {
    const rows = Array.from({ length: 60_000 }, (_, r) => [`rad ${r}`, r]);
    const excel = fake([sheetFrom("Huvudbok", rows)]);
    const controller = new AbortController();
    const read = createOfficeExcel().readRangeInBlocks!(
      "Huvudbok!A1:B60000",
      () => controller.abort(),
      controller.signal
    );
    await expect(read).rejects.toMatchObject({ name: "AbortError" });
    expect(excel.syncs).toBe(2);
  });

  it("block heights follow the bytes per cell", () => {
    expect(blockRows(4, 24)).toBeGreaterThan(blockRows(4, 100));
    expect(blockRows(16384, 10_000)).toBe(1);
  });
});

describe("cell edit mode", () => {
  it("every batch asks Excel to wait for the user's cell edit", async () => {
    const excel = fake([withTotal()]);
    const port = createOfficeExcel();
    await port.readRange("Blad1!A1:B5");
    await port.select("Blad1!B5");
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
  });

  it("a refusal in cell edit mode becomes a plain message in Swedish and English", async () => {
    const excel = fake([withTotal()]);
    excel.failNextSyncWith = "InvalidOperationInCellEditMode";
    const error: unknown = await createOfficeExcel()
      .readRange("Blad1!A1:B5")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeCallError);
    const problem = officeProblem(error)!;
    expect(problemMessage(problem, "sv")).toBe(
      "Excel väntar på att du ska bli klar med cellen du redigerar. Tryck Enter eller Esc i bladet och försök igen."
    );
    expect(problemMessage(problem, "en")).toContain("finish editing a cell");
    expect(officeProblem(new Error("x"))).toBeUndefined();
  });
});

describe("focus after selecting, for Ctrl+C", () => {
  it("moves focus to the sheet on Excel desktop (ExcelApiDesktop 1.1), in the same round trip", async () => {
    const excel = fake([withTotal()]);
    excel.desktop("1.1");
    expect(await createOfficeExcel().selectForCopy!("Blad1!A1:B5")).toEqual({ focused: true });
    expect(excel.focused).toBe(true);
    expect(excel.syncs).toBe(1);
  });

  it("says focus did not move where Excel cannot move it (the web)", async () => {
    const excel = fake([withTotal()]);
    expect(await createOfficeExcel().selectForCopy!("Blad1!A1:B5")).toEqual({ focused: false });
    expect(excel.focused).toBe(false);
  });
});

describe("page setup from the pane, as the runner writes it", () => {
  const model: SheetModel = {
    name: "Fördelning",
    cells: [[{ value: "Namn" }, { value: "Belopp" }]],
    columnWidths: [20, 12],
    styles: [],
    table: { top: 0, left: 0, bottom: 0, right: 1 },
    print: { landscape: true, fitToPagesWide: 1 },
  };

  it("landscape, one page wide, where ExcelApi 1.9 is supported; still two round trips", async () => {
    const excel = fake([withTotal()], "1.9");
    const written = await createOfficeExcel().writeOutput("allocation", model);
    const sheet = excel.state.sheets.find((s) => s.name === written.sheetName)!;
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(written.syncs).toBe(2);
  });

  it("left alone at ExcelApi 1.7", async () => {
    const excel = fake([withTotal()], "1.7");
    const written = await createOfficeExcel().writeOutput("allocation", model);
    expect(
      excel.state.sheets.find((s) => s.name === written.sheetName)!.pageLayout
    ).toBeUndefined();
  });
});

describe("a sheet too large for one request (Excel on the web's 5 MB limit)", () => {
  /** A report-back sheet with one detail line per ledger row: written in several blocks. */
  function detailModel(rows: number, label: string): SheetModel {
    const body = Array.from({ length: rows }, (_, i) => [
      { value: `${label} ${i}` },
      { value: `Verifikation LV${String(i).padStart(6, "0")} – månadslön samtalsledare` },
      { value: 1000 + i },
    ]);
    return {
      name: "Återrapportering",
      cells: [[{ value: "Text" }, { value: "Verifikation" }, { value: "Belopp" }], ...body],
      columnWidths: [20, 40, 12],
      styles: [],
      table: { top: 0, left: 0, bottom: rows, right: 2 },
    };
  }
  const ROWS = 60_000;

  it("is written in place, block by block: the sheet stays (and the user's formulas on it)", async () => {
    const notes = sheetFrom("Anteckningar", [["='Återrapportering'!A2"]]);
    const excel = fake([withTotal(), notes]);
    const port = createOfficeExcel();
    await port.writeOutput("report", detailModel(10, "Förra"));
    const ours = excel.state.sheets.find((s) => s.name === "Återrapportering");
    const before = excel.syncs;
    const written = await port.writeOutput("report", detailModel(ROWS, "Ny"));
    // One round trip per block, each request under the limit.
    expect(excel.syncs - before).toBeGreaterThanOrEqual(2);
    expect(excel.writtenBytes.every((bytes) => bytes < 4_000_000)).toBe(true);
    expect(written.sheetName).toBe("Återrapportering");
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Blad1",
      "Anteckningar",
      "Återrapportering",
    ]);
    expect(excel.state.sheets[2]).toBe(ours);
    // Complete: the title is the model's, not the mark of an incomplete sheet.
    expect(ours?.cells[key(0, 0)]).toMatchObject({ value: "Text" });
    expect(ours?.cells[key(ROWS, 0)]).toMatchObject({ value: `Ny ${ROWS - 1}` });
  });

  it("a failure in a later block leaves A1 saying the sheet is incomplete", async () => {
    const excel = fake([withTotal()]);
    const port = createOfficeExcel();
    await port.writeOutput("report", detailModel(10, "Förra"));
    // The first block (with the mark in A1) lands, the second is refused.
    excel.failSync = { at: excel.syncs + 2, code: "RequestPayloadSizeLimitExceeded" };
    await expect(port.writeOutput("report", detailModel(ROWS, "Ny"))).rejects.toThrow();
    const ours = excel.state.sheets.find((s) => s.name === "Återrapportering");
    expect(ours?.cells[key(0, 0)]).toMatchObject({ value: INCOMPLETE_MARK });
  });
});
