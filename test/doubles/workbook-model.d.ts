/** Types of workbook-model.js, the workbook both Excel doubles delegate to. */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type CellValue = string | number | boolean;

export interface CellState {
  /** What a read of `values` gives (a formula's result is worked out on read). */
  value: CellValue;
  /** The raw input written through `values`/`formulas`, e.g. "'0180" or "=SUM(D4:D15)". */
  input?: CellValue;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
  borderTop?: string;
  borderBottom?: string;
  /** Other formatting a double stores (e.g. the browser double's "font.color"). */
  [format: string]: unknown;
}

export interface SheetState {
  name: string;
  cells: Record<string, CellState>;
  columnWidths: Record<number, number>;
  /** Row heights in points set by the code under test (row index -> points). */
  rowHeights?: Record<number, number>;
  /** Zero-based worksheet rows hidden by hand or by a filter. */
  hiddenRows?: number[];
  /** What the code under test set through worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout?: { orientation?: string; zoom?: Record<string, number> };
}

export interface TableState {
  name: string;
  sheet: SheetState;
  box: Box;
  /** The last row of `box` is Excel's totals row. */
  showTotals?: boolean;
}

export interface Requirements {
  /** Highest ExcelApi version supported (default "1.9"). */
  excelApi?: string;
  /** Highest ExcelApiDesktop version supported (default: none). */
  excelApiDesktop?: string | null;
  /** Any other set, as "Name 1.1". */
  other?: string[];
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  /** Workbook-level defined names marking A1 of a sheet (null or a deleted sheet: #REF!). */
  names: Record<string, SheetState | null>;
  selection: { sheet: SheetState; box: Box };
  active: SheetState;
  /** Document settings as last saved. */
  settings?: Record<string, unknown>;
  requirements?: Requirements;
}

export type OfficeError = Error & { code: string; debugInfo: { code: string; message: string } };

export const MAX_ROW: number;
export const MAX_COL: number;
export const WHOLE_SHEET: Box;
export const DEFAULT_EXCEL_API: string;
export function box(top: number, left: number, bottom: number, right: number): Box;
export function officeError(code: string, message: string, location?: string): OfficeError;
export function columnIndex(letters: string): number;
export function columnLetters(column: number): string;
export function quoteSheetName(name: string): string;
export function parseAddress(address: string): { sheet: string | null; box: Box };
export function boxAddress(at: Box, absolute?: boolean): string;
export function rangeAddress(sheet: SheetState, at: Box): string;
export function intersect(a: Box, b: Box): Box | null;
export function key(row: number, column: number): string;
export function newSheet(name: string): SheetState;
type Input = CellValue | null;
export function sheetFromValues(
  name: string,
  rows: Input[][],
  top?: number,
  left?: number
): SheetState;
export function sheetFromInput(
  name: string,
  rows: Input[][],
  top?: number,
  left?: number
): SheetState;
export function createWorkbook(options?: Partial<WorkbookState>): WorkbookState;
export function sheetId(sheet: SheetState): string;
export function findSheet(workbook: WorkbookState, name: string): SheetState | null;
export function findTable(workbook: WorkbookState, name: string): TableState | null;
export function findNameKey(workbook: WorkbookState, name: string): string | null;
export function nameTarget(workbook: WorkbookState, name: string): SheetState | null;
export function nameValue(workbook: WorkbookState, name: string): string;
export function addName(workbook: WorkbookState, name: string, sheet: SheetState | null): void;
export function deleteName(workbook: WorkbookState, name: string): void;
export function addSheet(workbook: WorkbookState, name: string, prepared?: SheetState): SheetState;
export function renameSheet(workbook: WorkbookState, sheet: SheetState, name: string): void;
export function deleteSheet(workbook: WorkbookState, sheet: SheetState): void;
export function isSetSupported(workbook: WorkbookState, name: string, version?: string): boolean;
export function cellAt(sheet: SheetState, row: number, column: number): CellState | null;
export function isBlank(cell: CellState | null): boolean;
export function isFormatted(cell: CellState | null): boolean;
export function touch(sheet: SheetState, row: number, column: number): CellState;
export function writeInput(sheet: SheetState, row: number, column: number, input: unknown): void;
export function valueAt(sheet: SheetState, row: number, column: number): CellValue;
export function formulaAt(sheet: SheetState, row: number, column: number): CellValue;
export function readValues(sheet: SheetState, at: Box): CellValue[][];
export function readFormulas(sheet: SheetState, at: Box): CellValue[][];
export function checkShape(at: Box, value: unknown, property?: string): void;
export function writeRange(sheet: SheetState, at: Box, value: unknown, property?: string): void;
export function formatRange(sheet: SheetState, at: Box, property: string, value: unknown): void;
export function clearRange(sheet: SheetState, at: Box): void;
export function usedBox(sheet: SheetState, within?: Box | null, valuesOnly?: boolean): Box | null;
export function surroundingRegion(sheet: SheetState, start: Box): Box;
export function visibleRows(sheet: SheetState, at: Box): number[];
export function cellAddresses(sheet: SheetState, at: Box): string[][];
