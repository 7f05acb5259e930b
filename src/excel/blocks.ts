/**
 * Reading a large range (a 100 000-row ledger) in row blocks, each estimated well under
 * Excel on the web's 5 MB response limit, one round trip per block, with progress and
 * cancellation. The first round trip finds the used cells; each block then loads its values,
 * formulas and visible rows. Block heights follow the bytes per cell measured so far, so a
 * ledger of long texts gets shorter blocks than one of numbers.
 */
import {
  type CellValue,
  type Grid,
  type RangeBox,
  parseReference,
  rangeAddress,
} from "../core/grid";
import { InputError } from "../core/problems";
import {
  DEFAULT_BYTES_PER_CELL,
  READ_BUDGET_BYTES,
  boxOf,
  estimateReadBytes,
  measuredBytesPerCell,
  toCellValue,
  toFormula,
  visibleRowsOf,
} from "./read";

/** How far a block read has come, after each block. */
export interface BlockProgress {
  rowsRead: number;
  totalRows: number;
  /** Round trips so far, the first (finding the used cells) included. */
  syncs: number;
}

/** Each block is estimated at most this large: room under the 5 MB limit for a bad estimate. */
export const BLOCK_BUDGET_BYTES = 3_000_000;
/** Measured sizes are taken with this margin for the next block. */
const SAFETY = 1.25;

/** Rows of `columns` columns that fit in the budget at `bytesPerCell`; at least one. */
export function blockRows(
  columns: number,
  bytesPerCell: number,
  budget = BLOCK_BUDGET_BYTES
): number {
  return Math.max(1, Math.floor(budget / estimateReadBytes(1, columns, bytesPerCell)));
}

function abortError(): Error {
  const error = new Error("The read was cancelled.");
  error.name = "AbortError";
  return error;
}

/**
 * The used part of `address` as one Grid (values, formulas, hidden rows), read in blocks.
 * Rejects with an Error named "AbortError" when `signal` is aborted between blocks.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  address: string,
  onProgress: (progress: BlockProgress) => void = () => undefined,
  signal?: AbortSignal
): Promise<Grid> {
  let syncs = 0;
  if (signal?.aborted) throw abortError();
  const { sheet: sheetName, box } = parseReference(address);
  const sheets = context.workbook.worksheets;
  const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  sheet.load("name");
  const used = sheet.getRange(rangeAddress(box)).getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  syncs += 1;
  if (used.isNullObject) {
    throw new InputError([{ code: "EMPTY_RANGE", params: { range: address } }]);
  }
  const usedBox = boxOf(used);
  const columns = usedBox.right - usedBox.left + 1;
  const totalRows = usedBox.bottom - usedBox.top + 1;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let bytesPerCell = DEFAULT_BYTES_PER_CELL;

  for (let top = usedBox.top; top <= usedBox.bottom;) {
    if (signal?.aborted) throw abortError();
    const rows = Math.min(blockRows(columns, bytesPerCell), usedBox.bottom - top + 1);
    const block: RangeBox = {
      top,
      left: usedBox.left,
      bottom: top + rows - 1,
      right: usedBox.right,
    };
    const range = sheet.getRange(rangeAddress(block));
    range.load("values, formulas");
    const view = sheet
      .getRange(
        rangeAddress({ top: block.top, left: block.left, bottom: block.bottom, right: block.left })
      )
      .getVisibleView();
    view.load("cellAddresses");
    // One round trip per block is the point: each response must stay under the 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs += 1;
    const visible = visibleRowsOf(view.cellAddresses);
    for (let r = 0; r < rows; r++) {
      values.push(range.values[r].map(toCellValue));
      formulas.push(range.formulas[r].map(toFormula));
      if (!visible.has(top + r)) hiddenRows.push(top + r - usedBox.top);
    }
    bytesPerCell = Math.max(bytesPerCell, measuredBytesPerCell(range.values) * SAFETY);
    top += rows;
    onProgress({ rowsRead: top - usedBox.top, totalRows, syncs });
  }
  return { sheet: sheet.name, top: usedBox.top, left: usedBox.left, values, formulas, hiddenRows };
}

/** Whether a range of this shape needs blocks rather than one read. */
export function needsBlocks(rows: number, columns: number): boolean {
  return estimateReadBytes(rows, columns) > READ_BUDGET_BYTES;
}
