/**
 * What the pane needs from Excel, as plain data. `officeExcel.ts` implements it with
 * Office.js; tests give the pane a fake. Core never sees this.
 */
import type { CellValue, Grid } from "../core/grid";
import type { OutputJob } from "../core/sheets/jobs";
import type { SheetModel } from "../core/sheets/sheet-model";
import type { BlockProgress } from "./blocks";

export type { BlockProgress };

export interface SourceRange {
  grid: Grid;
  /** "Blad1!A1:D14" (sheet quoted when needed, no "$"). */
  address: string;
  /** Name of the Excel table read, if the source is a table. */
  tableName?: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
}

export interface WrittenOutput {
  sheetName: string;
  /** The copyable table on the output sheet, e.g. "'Fördelning'!A3:D16". */
  tableAddress: string;
  /** context.sync round trips used; reported so tests and logs can watch the budget. */
  syncs: number;
}

/** After selecting a range: whether keyboard focus moved from the pane to the sheet. */
export interface SelectOutcome {
  /**
   * True where Excel can move focus (workbook.focus, ExcelApiDesktop 1.1: Excel desktop), so
   * Ctrl+C copies from the sheet. False on the web: tell the user to click into the sheet
   * before pressing Ctrl+C, or the pane keeps the keyboard.
   */
  focused: boolean;
}

export interface ExcelPort {
  /** The selected range; a single selected cell inside a table or block reads that whole table/block. */
  readSelection(): Promise<SourceRange>;
  listTables(): Promise<TableInfo[]>;
  readTable(name: string): Promise<SourceRange>;
  /** A range by its address ("Blad1!A1:D12"), without touching the user's selection. */
  readRange(address: string): Promise<SourceRange>;
  /**
   * The used range of the sheet this add-in owns for `job` (found through its owner mark, so
   * it follows a rename), without touching the user's selection; null when there is none.
   */
  readOwnedTable(job: OutputJob): Promise<SourceRange | null>;
  /**
   * The workbook's worksheet names, in the order of their tabs, without the sheets this
   * add-in owns (they are outputs it rewrites, never inputs); one round trip.
   */
  listSheets(): Promise<string[]>;
  /**
   * The used values of a whole sheet by name (e.g. last year's Fördelning sheet copied into
   * this workbook), without touching the user's selection; one round trip.
   */
  readSheet(name: string): Promise<SourceRange>;
  /**
   * Writes the model to the sheet this add-in owns for `job`, replacing only that sheet.
   * A same-named sheet the add-in did not create is left untouched and another name is used.
   */
  writeOutput(job: OutputJob, model: SheetModel): Promise<WrittenOutput>;
  /**
   * Rebuilds the sheet this add-in owns for `job` from what it holds now: `rebuild` gets its
   * values (null when there is none) and returns the new model. The Fördela step appends its
   * Körlogg row this way after each write. One Excel.run of three round trips (two when the
   * sheet must be made); unlike writeOutput it leaves the active sheet as it was.
   */
  rewriteOwned(
    job: OutputJob,
    rebuild: (previous: CellValue[][] | null) => SheetModel
  ): Promise<WrittenOutput>;
  /**
   * Activates the sheet and selects a cell or range, e.g. "Blad1!C7" or "'Fördelning'!A3:D16",
   * then gives the sheet keyboard focus where Excel can (see SelectOutcome).
   */
  select(reference: string): Promise<void>;
  /**
   * `select`, saying whether focus moved to the sheet: for "select the table for copying",
   * where the web's user must be told to click into the sheet before Ctrl+C.
   * Optional until every port has it.
   */
  selectForCopy?(reference: string): Promise<SelectOutcome>;
  /**
   * A large range (e.g. a 100 000-row ledger) read in row blocks, each well under Excel on the
   * web's 5 MB limit, one round trip per block; `onProgress` after each block; rejects with
   * an Error named "AbortError" when `signal` is aborted. Optional until every port has it.
   */
  readRangeInBlocks?(
    address: string,
    onProgress?: (progress: BlockProgress) => void,
    signal?: AbortSignal
  ): Promise<SourceRange>;
  /** Last-run settings stored in the workbook (Office document settings). */
  loadSettings<T>(key: string): T | null;
  saveSettings<T>(key: string, value: T): Promise<void>;
  /** Office display language, e.g. "sv-SE". */
  displayLanguage(): string;
}
