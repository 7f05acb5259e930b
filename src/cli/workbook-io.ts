/**
 * The runner's one module for .xlsx files (ExcelJS), shared by every command:
 *
 *   const workbook = await openWorkbook("in.xlsx");        // or a CliError naming the file
 *   const grid = sheetGrid(workbook, "Blad1");              // first sheet when no name
 *   await writeOutputCopy(workbook, "out.xlsx", "allocation", model);
 *
 * Reading says in plain words what a file is when it is not a workbook ExcelJS can read: an
 * OpenDocument spreadsheet, an old .xls, a CSV/text file, a PDF, a password-protected or a
 * damaged workbook; never a zip library's own message. Grids come as Office.js gives them
 * (numbers, text, booleans, errors as "#N/A", dates as serial numbers, formulas as their
 * cached result) with each formula's text and the hidden rows. Writing puts the output
 * on the sheet this tool owns for the job (the same owner mark as the add-in's) in a copy of
 * the input, written to a temporary file first so a failed run leaves nothing half-written.
 */
import { promises as fs, statSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  type CellValue,
  type Grid,
  type RangeBox,
  cellAddress,
  quoteSheetName,
} from "../core/grid";
import type { OutputJob } from "../core/sheets/jobs";
import { freeSheetName, ownedSheetName, ownerMarkName } from "../core/sheets/ownership";
import type { SheetModel, StyleBlock } from "../core/sheets/sheet-model";
import { CliError, type FileKind } from "./cli-error";

/** A workbook read from a file, with the path as the user gave it (for messages). */
export interface Workbook {
  file: string;
  book: ExcelJS.Workbook;
  /** Worksheet names in tab order. */
  sheetNames: string[];
}

export interface WrittenSheet {
  sheetName: string;
  /** e.g. "'Fördelning'!A3:D16" */
  tableAddress: string;
}

// ---------------------------------------------------------------------------------------
// What a file is

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Compound File Binary (OLE2): old .xls/.doc, and the container of encrypted OOXML files. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (text: string) => Buffer.from(text, "utf16le");

/**
 * What a file's bytes say it is, before ExcelJS sees it. "xlsx" means "a zip that holds an
 * Excel workbook part"; whether it reads is for ExcelJS to tell.
 */
export function sniffFile(bytes: Buffer): FileKind | "xlsx" | "encrypted" | "damaged" | "empty" {
  if (bytes.length === 0) return "empty";
  if (bytes.subarray(0, 8).equals(CFB)) {
    // An encrypted .xlsx/.docx is a CFB container with the streams EncryptionInfo and
    // EncryptedPackage (MS-OFFCRYPTO); directory entry names are UTF-16LE.
    if (bytes.includes(utf16("EncryptionInfo"))) return "encrypted";
    if (bytes.includes(utf16("Workbook")) || bytes.includes(utf16("Book"))) return "xls";
    return "ole";
  }
  if (bytes.subarray(0, 4).equals(ZIP) || bytes.subarray(0, 4).equals(EMPTY_ZIP)) {
    // OpenDocument puts an uncompressed "mimetype" entry first: its text is in the clear.
    const head = bytes.subarray(0, 200).toString("latin1");
    if (head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (head.includes("application/vnd.oasis.opendocument")) return "odf";
    // Entry names are stored in the clear in local headers and in the central directory.
    if (bytes.includes("xl/workbook.xml")) return "xlsx";
    if (bytes.includes("xl/workbook.bin")) return "xlsb";
    if (bytes.includes("word/document.xml")) return "docx";
    if (bytes.includes("xl/")) return "damaged";
    return "zip";
  }
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  const head = bytes.subarray(0, 8192);
  const start = head
    .toString("utf8")
    .replace(/^\ufeff/, "")
    .trimStart()
    .slice(0, 512);
  if (/^<(?:!doctype html|html|table)/i.test(start)) return "html";
  if (start.startsWith("<?xml") || start.startsWith("<")) return "xml";
  if (!head.includes(0)) return "text";
  return "unknown";
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError("FILE_NOT_FOUND", { file });
    if (code === "EISDIR") throw new CliError("FILE_IS_DIRECTORY", { file });
    if (code === "EACCES" || code === "EPERM") throw new CliError("FILE_NO_ACCESS", { file });
    throw new CliError("FILE_UNREADABLE", { file, reason: code ?? "" });
  }
}

/**
 * Reads an .xlsx (or .xlsm) workbook. Every refusal is a CliError that names the file and
 * says what it is: missing, a folder, empty, not an Excel workbook (and which format it
 * looks like), password-protected, or damaged.
 */
export async function openWorkbook(file: string): Promise<Workbook> {
  const bytes = await readBytes(file);
  const kind = sniffFile(bytes);
  if (kind === "empty") throw new CliError("FILE_EMPTY", { file });
  if (kind === "encrypted") throw new CliError("FILE_ENCRYPTED", { file });
  if (kind === "damaged") throw new CliError("FILE_DAMAGED", { file });
  if (kind !== "xlsx") throw new CliError("FILE_NOT_XLSX", { file, kind });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // ExcelJS and its zip reader speak of central directories and signatures; the user
    // needs to know that the workbook is damaged.
    throw new CliError("FILE_DAMAGED", { file });
  }
  return { file, book, sheetNames: book.worksheets.map((sheet) => sheet.name) };
}

/** The worksheet `name` (the first one when undefined), or a CliError naming the file and its sheets. */
export function worksheet(workbook: Workbook, name?: string): ExcelJS.Worksheet {
  const sheets = workbook.book.worksheets;
  if (sheets.length === 0) throw new CliError("NO_SHEETS", { file: workbook.file });
  const sheet = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
  if (!sheet) {
    throw new CliError("SHEET_NOT_FOUND", {
      file: workbook.file,
      sheet: name ?? "",
      sheets: sheets.map((s) => s.name).join(", "),
    });
  }
  return sheet;
}

/**
 * The sheet `name` (else the first) from A1 to its last used cell, as a core Grid; with
 * `box`, only that range of it (worksheetRangeGrid).
 */
export function sheetGrid(workbook: Workbook, name?: string, box?: RangeBox): Grid {
  const sheet = worksheet(workbook, name);
  return box ? worksheetRangeGrid(sheet, box) : worksheetGrid(sheet);
}

// ---------------------------------------------------------------------------------------
// Cells to grids

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
 * The sheet from A1 to its last used cell: values (formulas as their cached results),
 * formula texts ("=SUM(C3:C9)"; shared formulas translated to each cell) and hidden rows
 * (hidden by hand or by a filter: both are saved as hidden rows). Reads through
 * findRow/findCell, which neither create rows and cells that are not there (as getRow/getCell
 * do, growing the workbook that is later written) nor allocate for empty ones, so a
 * 100 000-row ledger converts in a fraction of the time ExcelJS takes to read it.
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): Grid {
  return readGrid(sheet);
}

/**
 * The range `box` of the sheet (zero-based, as parseReference gives it), read as
 * worksheetGrid reads a sheet, up to the sheet's last used row and column. The grid's top
 * and left are the range's, so cell references in messages name the sheet's cells; its
 * hiddenRows index its values (0 = the range's first row), as Grid says. A range wholly
 * past the used cells gives no rows.
 */
export function worksheetRangeGrid(sheet: ExcelJS.Worksheet, box: RangeBox): Grid {
  return readGrid(sheet, box);
}

function readGrid(sheet: ExcelJS.Worksheet, box?: RangeBox): Grid {
  const top = box?.top ?? 0;
  const left = box?.left ?? 0;
  const bottom = Math.min(box?.bottom ?? Infinity, sheet.rowCount - 1);
  const right = Math.min(box?.right ?? Infinity, sheet.columnCount - 1);
  const cols = Math.max(0, right - left + 1);
  const rows = cols === 0 ? 0 : Math.max(0, bottom - top + 1);
  const values: CellValue[][] = new Array(rows);
  const formulas: (string | null)[][] = new Array(rows);
  const hiddenRows: number[] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = new Array(cols).fill(null);
    const formulaLine: (string | null)[] = new Array(cols).fill(null);
    // ExcelJS numbers rows and columns from 1.
    const row = sheet.findRow(top + r + 1);
    if (row) {
      if (row.hidden) hiddenRows.push(r);
      for (let c = 0; c < cols; c++) {
        const cell = row.findCell(left + c + 1);
        if (!cell) continue;
        line[c] = toCellValue(cell.value);
        if (cell.type === ExcelJS.ValueType.Formula && cell.formula)
          formulaLine[c] = `=${cell.formula}`;
      }
    }
    values[r] = line;
    formulas[r] = formulaLine;
  }
  return { sheet: sheet.name, top, left, values, formulas, hiddenRows };
}

// ---------------------------------------------------------------------------------------
// Writing

/**
 * Refuses to write over the input: outputs always go to a copy. Also when the two names are
 * one file: "Underlag.XLSX" for "underlag.xlsx" on a disk that ignores letter case (Windows,
 * macOS), a link, or a path through a symbolic link.
 */
export function checkOutputPath(input: string, output: string): void {
  // What is written is an Excel workbook: under another name (.csv) it would not open as one.
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new CliError("OUTPUT_NOT_XLSX", { file: output, suggestion: xlsxName(output) });
  if (path.resolve(output) === path.resolve(input) || sameFile(input, output))
    throw new CliError("OUTPUT_IS_INPUT", { file: output });
}

/** "rapport.csv" -> "rapport.xlsx", "rapport" -> "rapport.xlsx". */
function xlsxName(output: string): string {
  const parsed = path.parse(output);
  const base = path.join(parsed.dir, parsed.name);
  return path.extname(base).toLowerCase() === ".xlsx" ? base : `${base}.xlsx`;
}

function sameFile(a: string, b: string): boolean {
  try {
    const first = statSync(a, { bigint: true });
    const second = statSync(b, { bigint: true });
    // Some file systems (FAT on Windows) give no inode number: then nothing can be said.
    return first.ino !== 0n && first.dev === second.dev && first.ino === second.ino;
  } catch {
    // The output does not exist yet (the usual case): it cannot be the input.
    return false;
  }
}

/**
 * Writes `model` as the sheet this tool owns for `job` into the workbook read from the
 * input, and saves the whole workbook as `output` (never the input file itself).
 */
export async function writeOutputCopy(
  workbook: Workbook,
  output: string,
  job: OutputJob,
  model: SheetModel
): Promise<WrittenSheet> {
  checkOutputPath(workbook.file, output);
  const written = writeOwnedSheet(workbook.book, job, model);
  await saveWorkbook(workbook.book, output);
  return written;
}

/** Writes to a temporary file first so a failed run never leaves a half-written workbook. */
export async function saveWorkbook(book: ExcelJS.Workbook, file: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await book.xlsx.writeFile(temporary);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new CliError("FOLDER_NOT_FOUND", { file, folder: path.dirname(file) });
    if (code === "EACCES" || code === "EPERM" || code === "EROFS")
      throw new CliError("FILE_NO_WRITE_ACCESS", { file });
    if (code === "EBUSY") throw new CliError("FILE_BUSY", { file });
    throw new CliError("FILE_UNWRITABLE", { file, reason: code ?? "" });
  }
}

/** The worksheet the owner mark of `job` points at, if any. */
export function ownedWorksheet(
  book: ExcelJS.Workbook,
  job: OutputJob
): ExcelJS.Worksheet | undefined {
  const { ranges } = book.definedNames.getRanges(ownerMarkName(job));
  const names = book.worksheets.map((sheet) => sheet.name);
  for (const range of ranges) {
    // The same rule as in Excel: the mark is A1 of our sheet, else it was cut into the user's.
    const owned = ownedSheetName(range, names);
    if (owned !== null) return book.getWorksheet(owned);
  }
  return undefined;
}

/** Replaces our own sheet for `job` (keeping its name) or adds one under a free name. */
export function writeOwnedSheet(
  book: ExcelJS.Workbook,
  job: OutputJob,
  model: SheetModel
): WrittenSheet {
  const mark = ownerMarkName(job);
  const previous = ownedWorksheet(book, job);
  let name: string;
  if (previous) {
    name = previous.name;
    book.definedNames.removeAllNames(`${quoteSheetName(name)}!$A$1`);
    book.removeWorksheet(previous.id);
  } else {
    name = freeSheetName(
      model.name,
      book.worksheets.map((s) => s.name)
    );
  }
  const sheet = book.addWorksheet(name);
  writeCells(sheet, model);
  book.definedNames.add(`${quoteSheetName(name)}!$A$1`, mark);
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
  for (const [r, height] of Object.entries(model.rowHeights ?? {}))
    sheet.getRow(Number(r) + 1).height = height;
  for (const block of model.styles) applyStyle(sheet, block);
  if (model.print) {
    sheet.pageSetup.orientation = model.print.landscape ? "landscape" : "portrait";
    sheet.pageSetup.fitToPage = true;
    sheet.pageSetup.fitToWidth = model.print.fitToPagesWide;
    sheet.pageSetup.fitToHeight = 0;
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
/**
 * ExcelJS's default font, spelled out: a cell font with only `bold` set has no name or size,
 * and LibreOffice then shows it in its own 10 pt serif.
 */
const WORKBOOK_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

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
          ...WORKBOOK_FONT,
          ...cell.font,
          ...(block.bold !== undefined && { bold: block.bold }),
          ...(block.italic !== undefined && { italic: block.italic }),
          ...(block.fontSize !== undefined && { size: block.fontSize }),
          ...(block.fontColor !== undefined && { color: { argb: argb(block.fontColor) } }),
        };
      }
      if (block.fill !== undefined)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(block.fill) } };
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
