/**
 * ExcelJS worksheet -> core Grid, with values as Office.js would give them: numbers,
 * text, booleans, error values as "#N/A" text, dates as serial numbers, formulas as
 * their cached result.
 */
import type ExcelJS from "exceljs";
import type { CellValue, Grid } from "../core/grid";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return excelSerial(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (result instanceof Date) return excelSerial(result);
    if (typeof result === "object" && "error" in result) return result.error;
    return result;
  }
  if ("text" in value) return String(value.text);
  return null;
}

/**
 * The sheet from A1 to its last used cell. Reads through findRow/findCell, which neither
 * create rows and cells that are not there (as getRow/getCell do, growing the workbook that
 * is later written) nor allocate for empty ones: a 100 000-row ledger converts in well
 * under the time ExcelJS takes to read it.
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const rows = sheet.rowCount;
  const cols = sheet.columnCount;
  const values: CellValue[][] = new Array(rows);
  for (let r = 1; r <= rows; r++) {
    const line: CellValue[] = new Array(cols).fill(null);
    const row = sheet.findRow(r);
    if (row) {
      for (let c = 1; c <= cols; c++) {
        const cell = row.findCell(c);
        if (cell) line[c - 1] = toCellValue(cell.value);
      }
    }
    values[r - 1] = line;
  }
  return { sheet: sheet.name, top: 0, left: 0, values };
}
