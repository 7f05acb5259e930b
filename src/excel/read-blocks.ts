/**
 * A large range (a 100 000-row ledger) read in row blocks, each estimated well under Excel
 * on the web's 5 MB response limit, one round trip per block, with progress and
 * cancellation between blocks. The first round trip finds the used cells; block heights
 * then follow the bytes per cell measured so far.
 */
import { type Grid, type RangeBox, gridRangeRef, parseReference, rangeAddress } from "../core/grid";
import { InputError } from "../core/problems";
import type { BlockProgress, SourceRange } from "./port";
import { boxOf, toCellValue } from "./read";

/** Each block is estimated at most this large: room under the 5 MB limit for a bad estimate. */
export const BLOCK_BUDGET_BYTES = 2_000_000;
/** Bytes per cell assumed before the first block is measured (a longish text, quoted, JSON). */
const FIRST_BYTES_PER_CELL = 40;

function abortError(): Error {
  const error = new Error("The read was cancelled.");
  error.name = "AbortError";
  return error;
}

/** JSON size of a block's values per cell, as Office sends it. */
function bytesPerCell(values: unknown[][]): number {
  const cells = values.length * (values[0]?.length ?? 0);
  return cells === 0 ? FIRST_BYTES_PER_CELL : JSON.stringify(values).length / cells;
}

export async function readRangeInBlocks(
  context: Excel.RequestContext,
  address: string,
  onProgress: (progress: BlockProgress) => void = () => undefined,
  signal?: AbortSignal
): Promise<SourceRange> {
  if (signal?.aborted) throw abortError();
  const { sheet: sheetName, box } = parseReference(address);
  const sheets = context.workbook.worksheets;
  const sheet = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  sheet.load("name");
  const used = sheet.getRange(rangeAddress(box)).getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  let syncs = 1;
  if (used.isNullObject)
    throw new InputError([{ code: "EMPTY_RANGE", params: { range: address } }]);
  const usedBox = boxOf(used);
  const columns = usedBox.right - usedBox.left + 1;
  const totalRows = usedBox.bottom - usedBox.top + 1;
  const values: Grid["values"] = [];
  let perCell = FIRST_BYTES_PER_CELL;
  for (let top = usedBox.top; top <= usedBox.bottom;) {
    if (signal?.aborted) throw abortError();
    const rows = Math.min(
      Math.max(1, Math.floor(BLOCK_BUDGET_BYTES / (columns * perCell))),
      usedBox.bottom - top + 1
    );
    const block: RangeBox = {
      top,
      left: usedBox.left,
      bottom: top + rows - 1,
      right: usedBox.right,
    };
    const range = sheet.getRange(rangeAddress(block));
    range.load("values");
    // One round trip per block is the point: each response stays well under 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs += 1;
    for (const row of range.values) values.push(row.map(toCellValue));
    // Never shrink the estimate: a block of short numbers must not let a block of long texts through.
    perCell = Math.max(perCell, bytesPerCell(range.values) * 1.25);
    top += rows;
    onProgress({ rowsRead: top - usedBox.top, totalRows, syncs });
  }
  const grid: Grid = { sheet: sheet.name, top: usedBox.top, left: usedBox.left, values };
  return { grid, address: gridRangeRef(grid) };
}
