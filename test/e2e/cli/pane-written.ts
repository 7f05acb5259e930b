/**
 * For tests of decisions made in the pane and re-run with the runner: what the pane's
 * controller wrote through its in-memory port, saved into an .xlsx beside the user's sheets
 * as Excel would save it.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import { saveWorkbook, writeOwnedSheet } from "../../../src/cli/workbook-io";
import type { CellValue } from "../../../src/core/grid";
import type { OutputJob } from "../../../src/core/sheets/jobs";
import type { SheetModel } from "../../../src/core/sheets/sheet-model";
import type { FakePort } from "../../unit/taskpane/fake-port";

/** The last model the pane wrote for `job`. */
export function written(port: FakePort, job: OutputJob): SheetModel {
  const write = port.writes.filter((w) => w.job === job).pop();
  if (!write) throw new Error(`the pane wrote no ${job}`);
  return write.model;
}

/** A sheet holding `rows` from row `top`, column `left` (1-based, as ExcelJS counts). */
export function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  rows: CellValue[][],
  top = 1,
  left = 1
): ExcelJS.Worksheet {
  const worksheet = book.addWorksheet(name);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) worksheet.getCell(top + r, left + c).value = value;
    })
  );
  return worksheet;
}

/** Saves `book` with the pane's Fördelning and Körlogg in a new folder; returns the file. */
export async function saveWithPaneOutputs(book: ExcelJS.Workbook, port: FakePort): Promise<string> {
  writeOwnedSheet(book, "allocation", written(port, "allocation"));
  writeOwnedSheet(book, "runlog", written(port, "runlog"));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "statsbidrag-pane-")), "beslut.xlsx");
  await saveWorkbook(book, file);
  return file;
}
