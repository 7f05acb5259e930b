/**
 * The runner's shared .xlsx module: grids with formula texts and hidden rows, sheets named
 * with their file, and a copy written with the owned sheet (the input file never touched).
 */
import { linkSync, mkdtempSync, readFileSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { SheetModel } from "../../../src/core/sheets/sheet-model";
import {
  openWorkbook,
  saveWorkbook,
  sheetGrid,
  sniffFile,
  writeOutputCopy,
} from "../../../src/cli/workbook-io";
import { CliError } from "../../../src/cli/cli-error";

function tempFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "sb-io-")), name);
}

async function ledger(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Underlag");
  sheet.addRow(["Stadsdel", "Nyckel", "Dubbelt"]);
  sheet.addRow(["Bromma", 10, { formula: "B2*2", result: 20, shareType: "shared", ref: "C2:C4" }]);
  sheet.addRow(["Farsta", 20, { sharedFormula: "C2", result: 40 }]);
  sheet.addRow(["Järva", 30, { sharedFormula: "C2", result: 60 }]);
  // A total whose formula was never calculated (as a generator without Excel leaves it).
  sheet.addRow(["S:a", { formula: "SUM(B2:B4)" } as ExcelJS.CellFormulaValue, null]);
  sheet.getRow(3).hidden = true;
  workbook.addWorksheet("Tom");
  const file = tempFile("in.xlsx");
  await saveWorkbook(workbook, file);
  return file;
}

test("a grid carries each formula's text, its cached result, and the hidden rows", async () => {
  const grid = sheetGrid(await openWorkbook(await ledger()));
  expect(grid.values).toEqual([
    ["Stadsdel", "Nyckel", "Dubbelt"],
    ["Bromma", 10, 20],
    ["Farsta", 20, 40],
    ["Järva", 30, 60],
    ["S:a", null, null],
  ]);
  expect(grid.formulas).toEqual([
    [null, null, null],
    [null, null, "=B2*2"],
    [null, null, "=B3*2"],
    [null, null, "=B4*2"],
    [null, "=SUM(B2:B4)", null],
  ]);
  expect(grid.hiddenRows).toEqual([2]);
});

test("a range of a sheet keeps its place: top and left, its formulas, its hidden rows", async () => {
  const workbook = await openWorkbook(await ledger());
  const grid = sheetGrid(workbook, "Underlag", { top: 1, left: 1, bottom: 4, right: 2 });
  expect(grid).toMatchObject({ sheet: "Underlag", top: 1, left: 1 });
  expect(grid.values).toEqual([
    [10, 20],
    [20, 40],
    [30, 60],
    [null, null],
  ]);
  expect(grid.formulas).toEqual([
    [null, "=B2*2"],
    [null, "=B3*2"],
    [null, "=B4*2"],
    ["=SUM(B2:B4)", null],
  ]);
  // Sheet row 3 is the range's second row.
  expect(grid.hiddenRows).toEqual([1]);
  // Up to the last used row and column only; a range past them reads nothing.
  const wide = sheetGrid(workbook, "Underlag", { top: 3, left: 2, bottom: 99, right: 9 });
  expect(wide.values).toEqual([[60], [null]]);
  const past = sheetGrid(workbook, "Underlag", { top: 9, left: 0, bottom: 12, right: 2 });
  expect(past).toMatchObject({ top: 9, left: 0, values: [], hiddenRows: [] });
});

test("a sheet by name; a missing one names the file and lists the sheets", async () => {
  const file = await ledger();
  const workbook = await openWorkbook(file);
  expect(workbook.sheetNames).toEqual(["Underlag", "Tom"]);
  expect(sheetGrid(workbook, "Underlag").sheet).toBe("Underlag");
  const error = (() => {
    try {
      sheetGrid(workbook, "Blad1");
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).text("sv")).toBe(
    `Bladet 'Blad1' finns inte i ${file}. Bladen heter: Underlag, Tom.`
  );
});

test("writeOutputCopy writes the owned sheet into a copy and leaves the input as it was", async () => {
  const input = await ledger();
  const before = readFileSync(input);
  const workbook = await openWorkbook(input);
  const model: SheetModel = {
    name: "Fördelning",
    cells: [[{ value: "Namn" }], [{ value: "=inte en formel" }]],
    columnWidths: [20],
    styles: [{ top: 0, left: 0, bottom: 0, right: 0, bold: true }],
    table: { top: 0, left: 0, bottom: 1, right: 0 },
  };
  const output = tempFile("out.xlsx");
  const written = await writeOutputCopy(workbook, output, "allocation", model);
  expect(written).toEqual({ sheetName: "Fördelning", tableAddress: "Fördelning!A1:A2" });
  expect(readFileSync(input).equals(before)).toBe(true);
  const copy = await openWorkbook(output);
  expect(copy.sheetNames).toEqual(["Underlag", "Tom", "Fördelning"]);
  expect(sheetGrid(copy, "Fördelning").values).toEqual([["Namn"], ["=inte en formel"]]);
  await expect(writeOutputCopy(copy, output, "allocation", model)).rejects.toThrow(
    "--output must not be the input file"
  );
});

test("--output that is the input under another name (a link, or another letter case on Windows and macOS) is refused", async () => {
  const input = await ledger();
  const before = readFileSync(input);
  const workbook = await openWorkbook(input);
  const model: SheetModel = {
    name: "Fördelning",
    cells: [[{ value: "Namn" }]],
    columnWidths: [20],
    styles: [],
    table: { top: 0, left: 0, bottom: 0, right: 0 },
  };
  // Linux tells letter case apart; a link is the same file under another name, as
  // "Underlag.XLSX" is "underlag.xlsx" on a case-insensitive disk.
  const hard = tempFile("SAMMA.XLSX");
  linkSync(input, hard);
  await expect(writeOutputCopy(workbook, hard, "allocation", model)).rejects.toThrow(
    "--output must not be the input file"
  );
  const soft = tempFile("genväg.xlsx");
  symlinkSync(input, soft);
  await expect(writeOutputCopy(workbook, soft, "allocation", model)).rejects.toThrow(
    "--output must not be the input file"
  );
  expect(readFileSync(input).equals(before)).toBe(true);
});

test("sniffFile tells the formats apart by their first bytes", () => {
  expect(sniffFile(Buffer.from(""))).toBe("empty");
  expect(sniffFile(Buffer.from("%PDF-1.7\n"))).toBe("pdf");
  expect(sniffFile(Buffer.from("Namn;Belopp\nA;1\n"))).toBe("text");
  expect(sniffFile(Buffer.from("\ufeff<html><table>"))).toBe("html");
  expect(sniffFile(Buffer.from([0, 1, 2, 3, 0, 0]))).toBe("unknown");
});
