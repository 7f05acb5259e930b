/**
 * Writes a SheetModel into an ExcelJS workbook as the sheet this tool owns for a job,
 * with the same ownership mark (a workbook-level defined name) as the add-in uses.
 */
import type ExcelJS from "exceljs";
import { type RangeBox, cellAddress, quoteSheetName } from "../core/grid";
import type { OutputJob } from "../core/jobs";
import { freeSheetName, ownerMarkName } from "../core/ownership";
import type { SheetModel, StyleBlock } from "../core/sheet-model";

/** The worksheet the owner mark points at, if any. */
export function ownedWorksheet(
  workbook: ExcelJS.Workbook,
  job: OutputJob
): ExcelJS.Worksheet | undefined {
  const { ranges } = workbook.definedNames.getRanges(ownerMarkName(job));
  for (const range of ranges) {
    const bang = range.lastIndexOf("!");
    let sheetName = range.slice(0, bang);
    if (sheetName.startsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    const sheet = workbook.getWorksheet(sheetName);
    if (sheet) return sheet;
  }
  return undefined;
}

export interface WrittenSheet {
  sheetName: string;
  /** e.g. "'Fördelning'!A3:D16" */
  tableAddress: string;
}

/** Replaces our own sheet for `job` (keeping its name) or adds one under a free name. */
export function writeOwnedSheet(
  workbook: ExcelJS.Workbook,
  job: OutputJob,
  model: SheetModel
): WrittenSheet {
  const mark = ownerMarkName(job);
  const previous = ownedWorksheet(workbook, job);
  let name: string;
  if (previous) {
    name = previous.name;
    workbook.definedNames.removeAllNames(`${quoteSheetName(name)}!$A$1`);
    workbook.removeWorksheet(previous.id);
  } else {
    name = freeSheetName(
      model.name,
      workbook.worksheets.map((s) => s.name)
    );
  }
  const sheet = workbook.addWorksheet(name);
  writeCells(sheet, model);
  workbook.definedNames.add(`${quoteSheetName(name)}!$A$1`, mark);
  return { sheetName: name, tableAddress: `${quoteSheetName(name)}!${boxAddress(model.table)}` };
}

function boxAddress(box: RangeBox): string {
  return `${cellAddress(box.top, box.left)}:${cellAddress(box.bottom, box.right)}`;
}

function writeCells(sheet: ExcelJS.Worksheet, model: SheetModel): void {
  model.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.value === null && !cell.formula) return;
      const target = sheet.getCell(r + 1, c + 1);
      // ExcelJS stores strings as text as-is, so "=x" or "0180" from a workbook stays text.
      target.value = cell.formula
        ? { formula: cell.formula, result: cell.value ?? undefined }
        : cell.value;
    });
  });
  model.columnWidths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  for (const block of model.styles) applyStyle(sheet, block);
  if (model.print) {
    sheet.pageSetup.orientation = model.print.landscape ? "landscape" : "portrait";
    sheet.pageSetup.fitToPage = true;
    sheet.pageSetup.fitToWidth = model.print.fitToPagesWide;
    sheet.pageSetup.fitToHeight = 0;
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** "#C6EFCE" -> "FFC6EFCE": ExcelJS wants the alpha channel first. */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function applyStyle(sheet: ExcelJS.Worksheet, block: StyleBlock): void {
  for (let r = block.top; r <= block.bottom; r++) {
    for (let c = block.left; c <= block.right; c++) {
      const cell = sheet.getCell(r + 1, c + 1);
      if (
        block.bold !== undefined ||
        block.italic !== undefined ||
        block.fontSize !== undefined ||
        block.fontColor !== undefined
      ) {
        cell.font = {
          ...cell.font,
          ...(block.bold !== undefined && { bold: block.bold }),
          ...(block.italic !== undefined && { italic: block.italic }),
          ...(block.fontSize !== undefined && { size: block.fontSize }),
          ...(block.fontColor !== undefined && { color: { argb: argb(block.fontColor) } }),
        };
      }
      if (block.fill !== undefined) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(block.fill) } };
      }
      if (block.numberFormat) cell.numFmt = block.numberFormat;
      if (block.horizontalAlignment || block.wrapText !== undefined) {
        cell.alignment = {
          ...cell.alignment,
          ...(block.horizontalAlignment && {
            horizontal: block.horizontalAlignment.toLowerCase() as "left" | "center" | "right",
          }),
          ...(block.wrapText !== undefined && { wrapText: block.wrapText }),
        };
      }
      if (block.borderTop || block.borderBottom) {
        cell.border = {
          ...cell.border,
          ...(block.borderTop && { top: THIN }),
          ...(block.borderBottom && { bottom: THIN }),
        };
      }
    }
  }
}
