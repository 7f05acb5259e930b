/**
 * Writing a SheetModel to the sheet this add-in owns, in two round trips: one to look up the
 * sheets and the owner mark, one to write. The owner mark is a workbook-level defined name
 * pointing at A1 of our sheet; it follows renames. A sheet the name does not point at is
 * never cleared, renamed or written: the output then goes to a new sheet with a free name.
 * A sheet too large for one request is written in row blocks in place (a sheet put in its
 * place would break the user's formulas that refer to ours); until the last block has
 * landed, A1 says the sheet is incomplete.
 */
import { type CellValue, quoteSheetName, rangeAddress } from "../core/grid";
import type { OutputJob } from "../core/sheets/jobs";
import { freeSheetName, ownerMarkName } from "../core/sheets/ownership";
import {
  type SheetCell,
  type SheetModel,
  type StyleBlock,
  asTypedText,
} from "../core/sheets/sheet-model";
import { type OwnedLookup, findOwned } from "./owned";
import type { WrittenOutput } from "./port";

/**
 * Excel stores a column width in characters of the default font's widest digit (7 px for
 * Calibri 11) plus 5 px of padding; Office.js sets it in points (0.75 pt per px).
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** What `range.formulas` gets for a cell: numbers stay numbers, text stays text. */
export function formulaInput(cell: SheetCell): string | number {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return cell.value;
  return asTypedText(cell.value);
}

function applyStyle(sheet: Excel.Worksheet, block: StyleBlock): void {
  const address = rangeAddress(block);
  // Two proxies for one address (no round trip): the linter reads `range.format` on a
  // range variable as a property read before sync.
  const format = sheet.getRange(address).format;
  if (block.bold !== undefined) format.font.bold = block.bold;
  if (block.italic !== undefined) format.font.italic = block.italic;
  if (block.fontSize !== undefined) format.font.size = block.fontSize;
  if (block.fontColor !== undefined) format.font.color = block.fontColor;
  if (block.fill !== undefined) format.fill.color = block.fill;
  if (block.horizontalAlignment !== undefined)
    format.horizontalAlignment = block.horizontalAlignment;
  if (block.wrapText !== undefined) format.wrapText = block.wrapText;
  if (block.numberFormat !== undefined) {
    const numberFormat = block.numberFormat;
    const columns = block.right - block.left + 1;
    sheet.getRange(address).numberFormat = Array.from(
      { length: block.bottom - block.top + 1 },
      () => Array.from({ length: columns }, () => numberFormat)
    );
  }
  if (block.borderTop) thinBorder(format.borders.getItem("EdgeTop"));
  if (block.borderBottom) thinBorder(format.borders.getItem("EdgeBottom"));
}

function thinBorder(border: Excel.RangeBorder): void {
  border.style = "Continuous";
  border.weight = "Thin";
}

/**
 * Writes again to the sheet this session wrote, in ONE round trip: the sheet is reached by
 * its id (kept from that write; it survives a rename) in the same batch that clears and
 * writes it. Not through the owner mark: a user who cut our A1 into a sheet of their own
 * would take the mark with it. When the sheet is gone the batch fails at its first
 * operation, so nothing is written, and the caller falls back to `writeOutput`.
 */
export async function writeToOwnedSheet(
  context: Excel.RequestContext,
  sheetId: string,
  model: SheetModel
): Promise<OwnedWrite> {
  const sheet = context.workbook.worksheets.getItem(sheetId);
  // Clears contents and formats; column widths are set again below.
  sheet.getRange().clear("All");
  await fillSheet(context, sheet, model);
  return finish(context, sheet, model);
}

/** Sends what is queued, with the sheet's name and id (a rename is followed) in the reply. */
async function finish(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  model: SheetModel
): Promise<OwnedWrite> {
  sheet.load("name, id");
  await context.sync();
  return {
    sheetName: sheet.name,
    sheetId: sheet.id,
    tableAddress: `${quoteSheetName(sheet.name)}!${rangeAddress(model.table)}`,
  };
}

/** A write's outcome, with the sheet's id for the next one-trip write. */
export type OwnedWrite = Omit<WrittenOutput, "syncs"> & { sheetId: string };

/**
 * Each request is kept under this estimate: Excel on the web refuses requests over 5 MB, and a
 * report-back with one detail line per ledger row (100 000 rows) is far larger than that.
 */
export const WRITE_BUDGET_BYTES = 3_000_000;

/** The model's cells as `range.formulas` input, and each row's size in JSON. */
function rowInputs(model: SheetModel): { inputs: (string | number)[][]; bytes: number[] } {
  const inputs = model.cells.map((row) => row.map(formulaInput));
  return { inputs, bytes: inputs.map((row) => JSON.stringify(row).length + 1) };
}

/** What a style block adds to a request: its number formats are one string per cell. */
function styleBytes(block: StyleBlock): number {
  const cells = (block.bottom - block.top + 1) * (block.right - block.left + 1);
  return 200 + (block.numberFormat ? cells * (block.numberFormat.length + 3) : 0);
}

/** What A1 of a sheet written in several requests says until the last one has landed. */
export const INCOMPLETE_MARK =
  "Ofullständig: skrivningen avbröts innan allt kom fram. Skriv igen. " +
  "(Incomplete: the write stopped before all of it arrived. Write again.)";

/**
 * Values first, then formats, widths and page setup, in as few requests as the size allows:
 * one for a normal sheet; for a large one, row blocks that each stay under WRITE_BUDGET_BYTES
 * (a round trip per block, the last block sent with the formats by the caller's sync).
 */
async function fillSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  model: SheetModel,
  activate = true
): Promise<void> {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    context.application.suspendScreenUpdatingUntilNextSync();
  }
  const rows = model.cells.length;
  const columns = rows === 0 ? 0 : model.cells[0].length;
  const { inputs, bytes } = rowInputs(model);
  const writeRows = (from: number, to: number) => {
    sheet.getRange(
      rangeAddress({ top: from, left: 0, bottom: to - 1, right: columns - 1 })
    ).formulas = inputs.slice(from, to);
  };
  // Several requests: until the last one has landed, A1 says the sheet is incomplete, so a
  // write that stops half-way is never taken for a whole table (its error is shown too).
  const title = columns > 0 ? inputs[0][0] : "";
  const inBlocks = bytes.reduce((sum, size) => sum + size, 0) > WRITE_BUDGET_BYTES;
  if (inBlocks) inputs[0][0] = INCOMPLETE_MARK;
  let pending = 0;
  let start = 0;
  if (columns > 0) {
    for (let r = 0; r < rows; r++) {
      if (pending + bytes[r] > WRITE_BUDGET_BYTES && r > start) {
        writeRows(start, r);
        // A round trip per block is the point: each request must stay under the 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        start = r;
        pending = 0;
      }
      pending += bytes[r];
    }
    if (rows > start) writeRows(start, rows);
    if (inBlocks) sheet.getRange("A1").formulas = [[title]];
  }
  for (const block of model.styles) {
    const size = styleBytes(block);
    if (pending + size > WRITE_BUDGET_BYTES && pending > 0) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      pending = 0;
    }
    applyStyle(sheet, block);
    pending += size;
  }
  model.columnWidths.forEach((width, column) => {
    sheet.getRange(
      rangeAddress({ top: 0, left: column, bottom: 0, right: column })
    ).format.columnWidth = columnWidthPoints(width);
  });
  // A row's height is set through one cell of it; Excel applies it to the whole row.
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) {
    const r = Number(row);
    sheet.getRange(rangeAddress({ top: r, left: 0, bottom: r, right: 0 })).format.rowHeight =
      height;
  }
  if (model.print && Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    // The same page setup as the runner writes: a printout or PDF keeps the table one page wide.
    sheet.pageLayout.orientation = model.print.landscape ? "Landscape" : "Portrait";
    sheet.pageLayout.zoom = {
      horizontalFitToPages: model.print.fitToPagesWide,
      verticalFitToPages: 0,
    };
  }
  if (activate) sheet.activate();
}

/** Our sheet cleared, or a new one with a free name and the owner mark; then the model. */
async function writeLookedUp(
  context: Excel.RequestContext,
  job: OutputJob,
  found: OwnedLookup,
  model: SheetModel,
  activate: boolean
): Promise<OwnedWrite> {
  const { mark, sheets, sheetNames, owned } = found;
  let sheet: Excel.Worksheet;
  if (owned !== null) {
    sheet = sheets.getItem(owned);
    // Clears contents and formats; column widths are set again below.
    sheet.getRange().clear("All");
  } else {
    // A stale mark (its sheet deleted, or moved off A1 into someone's sheet by a cut) is
    // replaced; the sheet it points at is not treated as ours.
    if (!mark.isNullObject) mark.delete();
    sheet = sheets.add(freeSheetName(model.name, sheetNames));
    context.workbook.names.add(ownerMarkName(job), sheet.getRange("A1"));
  }

  await fillSheet(context, sheet, model, activate);
  return finish(context, sheet, model);
}

/**
 * Writes the model to our sheet for `job` (made when missing) and shows it: two round trips,
 * or one more per block for a model too large for one request (see fillSheet).
 */
export async function writeOutput(
  context: Excel.RequestContext,
  job: OutputJob,
  model: SheetModel
): Promise<OwnedWrite> {
  const found = await findOwned(context, job, false);
  return writeLookedUp(context, job, found, model, true);
}

/**
 * Rebuilds our sheet for `job` from what it holds now (e.g. the run log, one row appended):
 * three round trips (look up, read, write), two when the sheet must be made. The active
 * sheet stays as it was: the user goes on looking at the table the log row is about.
 */
export async function rewriteOwnedSheet(
  context: Excel.RequestContext,
  job: OutputJob,
  rebuild: (previous: CellValue[][] | null) => SheetModel
): Promise<OwnedWrite> {
  const found = await findOwned(context, job, true);
  return writeLookedUp(context, job, found, rebuild(found.used?.grid.values ?? null), false);
}
