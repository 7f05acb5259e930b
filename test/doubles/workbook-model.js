/*
 * The one workbook model behind both Excel doubles: test/unit/excel/fake-workbook.ts (the
 * office-addin-mock graphs of the adapter's unit tests) and test/e2e/browser/office-double.js
 * (the in-page Office.js of the browser tests). Plain JavaScript with no DOM or Node APIs, so
 * the unit tests require() it and the browser harness inlines it into the page before the
 * double, where it is window.StatsbidragWorkbookModel.
 *
 * State is plain data that tests may build and inspect directly:
 *   workbook = { sheets, tables, names, selection, active, settings, requirements }
 *   sheet    = { name, cells: { "row,column": cell }, columnWidths, hiddenRows?, pageLayout? }
 *   cell     = { value, input?, ...formatting }   (input: what was typed, e.g. "'0180", "=SUM(A1:A3)")
 *   table    = { name, sheet, box, showTotals? }   (box includes the header and totals rows)
 *   names    = { [name]: sheet | null }            (workbook-level marks at A1 of a sheet)
 *   selection = { sheet, box }, active = sheet
 *   requirements = { excelApi: "1.9", excelApiDesktop: null | "1.1", other: ["Set 1.1"] }
 * Boxes are zero-based { top, left, bottom, right }. Sheets are referred to by object, so a
 * name or table follows its sheet through a rename, and a name whose sheet was deleted is #REF!.
 *
 * The rules are Excel's: sheet, table and name lookups ignore case; ExcelApi up to 1.9 is
 * supported unless configured (ExcelApiDesktop only when configured); a used range may count
 * values only (formatting ignored); a 2-D write must match the range's shape; text typed as
 * "=..." is a formula, "'..." is text, a numeric string is a number.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.StatsbidragWorkbookModel = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const MAX_ROW = 1048575;
  const MAX_COL = 16383;
  const DEFAULT_EXCEL_API = "1.9";

  function box(top, left, bottom, right) {
    return { top, left, bottom, right };
  }
  const WHOLE_SHEET = box(0, 0, MAX_ROW, MAX_COL);

  // ---------- errors like OfficeExtension.Error ----------
  function officeError(code, message, location) {
    const error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    error.debugInfo = { code, message, errorLocation: location || "" };
    return error;
  }

  // ---------- addresses ----------
  function columnIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function columnLetters(column) {
    let s = "";
    let n = column + 1;
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** As Excel writes a sheet in a reference: quoted unless a plain word that is no cell. */
  function quoteSheetName(name) {
    const plain =
      /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) &&
      !/^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc]\d*)$/.test(name);
    return plain ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function parseAddress(address) {
    let sheet = null;
    let body = address;
    const bang = address.lastIndexOf("!");
    if (bang >= 0) {
      sheet = address.slice(0, bang);
      if (sheet.startsWith("'") && sheet.endsWith("'"))
        sheet = sheet.slice(1, -1).replace(/''/g, "'");
      body = address.slice(bang + 1);
    }
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(body);
    if (!m)
      throw officeError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format."
      );
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]);
    return {
      sheet,
      box: box(top, left, m[4] ? Number(m[4]) - 1 : top, m[3] ? columnIndex(m[3]) : left),
    };
  }
  function boxAddress(at, absolute) {
    const d = absolute ? "$" : "";
    const a = d + columnLetters(at.left) + d + (at.top + 1);
    const b = d + columnLetters(at.right) + d + (at.bottom + 1);
    return a === b ? a : a + ":" + b;
  }
  /** What Range.address reads: "Blad1!A1:D12" (no dollar signs, as Excel gives it). */
  function rangeAddress(sheet, at) {
    return quoteSheetName(sheet.name) + "!" + boxAddress(at, false);
  }
  function intersect(a, b) {
    const common = box(
      Math.max(a.top, b.top),
      Math.max(a.left, b.left),
      Math.min(a.bottom, b.bottom),
      Math.min(a.right, b.right)
    );
    return common.top <= common.bottom && common.left <= common.right ? common : null;
  }
  function sameBox(a, b) {
    return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
  }

  // ---------- the workbook ----------
  function key(row, column) {
    return row + "," + column;
  }
  function newSheet(name) {
    return { name, cells: {}, columnWidths: {} };
  }
  /** A sheet holding `rows` as Excel would read them back (no typing rules applied). */
  function sheetFromValues(name, rows, top, left) {
    const sheet = newSheet(name);
    (rows || []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== "" && value !== undefined)
          sheet.cells[key((top || 0) + r, (left || 0) + c)] = { value };
      })
    );
    return sheet;
  }
  /** A sheet with `rows` typed in by a user (formulas, apostrophes, numeric text). */
  function sheetFromInput(name, rows, top, left) {
    const sheet = newSheet(name);
    (rows || []).forEach((row, r) =>
      row.forEach((input, c) => {
        if (input !== null && input !== "" && input !== undefined)
          writeInput(sheet, (top || 0) + r, (left || 0) + c, input);
      })
    );
    return sheet;
  }
  function createWorkbook(options) {
    const o = options || {};
    const sheets = o.sheets && o.sheets.length > 0 ? o.sheets : [newSheet("Blad1")];
    const active = o.active || sheets[0];
    return {
      sheets,
      tables: o.tables || [],
      names: o.names || {},
      selection: o.selection || { sheet: active, box: box(0, 0, 0, 0) },
      active,
      settings: o.settings || {},
      requirements: o.requirements || {},
    };
  }

  const ids = new WeakMap();
  let nextId = 1;
  /** A stable id per sheet object (Worksheet.id). */
  function sheetId(sheet) {
    if (!ids.has(sheet)) ids.set(sheet, String(nextId++));
    return ids.get(sheet);
  }

  // ---------- lookups: case-insensitive, as in Excel ----------
  function same(a, b) {
    return a.toLowerCase() === b.toLowerCase();
  }
  /** worksheets.getItem(key): by name (any case) or by the sheet's id, as Excel takes either. */
  function findSheet(workbook, name) {
    return (
      workbook.sheets.find((sheet) => same(sheet.name, name) || sheetId(sheet) === name) || null
    );
  }
  function findTable(workbook, name) {
    return workbook.tables.find((table) => same(table.name, name)) || null;
  }
  /** The key under which a defined name is stored, whatever the case asked for; or null. */
  function findNameKey(workbook, name) {
    return Object.keys(workbook.names).find((stored) => same(stored, name)) || null;
  }
  /** The sheet a defined name marks, or null when the name or its sheet is gone. */
  function nameTarget(workbook, name) {
    const stored = findNameKey(workbook, name);
    const sheet = stored === null ? null : workbook.names[stored];
    return sheet && workbook.sheets.includes(sheet) ? sheet : null;
  }
  /** NamedItem.value: "'Fördelning (2)'!$A$1", or "#REF!" once its sheet is deleted. */
  function nameValue(workbook, name) {
    const sheet = nameTarget(workbook, name);
    return sheet ? quoteSheetName(sheet.name) + "!$A$1" : "#REF!";
  }
  function addName(workbook, name, sheet) {
    if (findNameKey(workbook, name) !== null)
      throw officeError("ItemAlreadyExists", "A resource with the same name already exists.");
    workbook.names[name] = sheet;
  }
  function deleteName(workbook, name) {
    const stored = findNameKey(workbook, name);
    if (stored !== null) delete workbook.names[stored];
  }

  function checkSheetName(workbook, name, except) {
    const other = findSheet(workbook, name);
    if (other && other !== except)
      throw officeError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "worksheets.add"
      );
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw officeError("InvalidArgument", "The argument is invalid.", "worksheets.add");
  }
  /** worksheets.add(name); `prepared` is the sheet object a double already handed out. */
  function addSheet(workbook, name, prepared) {
    checkSheetName(workbook, name, null);
    const sheet = prepared || newSheet(name);
    workbook.sheets.push(sheet);
    return sheet;
  }
  /** The user renames a sheet: names and tables follow it (they hold the sheet itself). */
  function renameSheet(workbook, sheet, name) {
    checkSheetName(workbook, name, sheet);
    sheet.name = name;
  }
  /** The user deletes a sheet: its tables go, names that marked it become #REF!. */
  function deleteSheet(workbook, sheet) {
    workbook.sheets = workbook.sheets.filter((other) => other !== sheet);
    workbook.tables = workbook.tables.filter((table) => table.sheet !== sheet);
    if (workbook.active === sheet) workbook.active = workbook.sheets[0];
    if (workbook.selection.sheet === sheet)
      workbook.selection = { sheet: workbook.active, box: box(0, 0, 0, 0) };
  }

  // ---------- requirement sets ----------
  function versionAtMost(version, highest) {
    const [a, b] = String(version || "1.1")
      .split(".")
      .map(Number);
    const [x, y] = String(highest).split(".").map(Number);
    return a < x || (a === x && (b || 0) <= y);
  }
  /** Office.context.requirements.isSetSupported over workbook.requirements. */
  function isSetSupported(workbook, name, version) {
    const r = workbook.requirements || {};
    if ((r.other || []).includes(name + " " + (version || "1.1"))) return true;
    if (name === "ExcelApi") return versionAtMost(version, r.excelApi || DEFAULT_EXCEL_API);
    if (name === "ExcelApiDesktop")
      return Boolean(r.excelApiDesktop) && versionAtMost(version, r.excelApiDesktop);
    return false;
  }

  // ---------- cells ----------
  function cellAt(sheet, row, column) {
    return sheet.cells[key(row, column)] || null;
  }
  function isFormula(input) {
    return typeof input === "string" && input.startsWith("=") && input.length > 1;
  }
  /** No value and no formula (it may still carry formatting). */
  function isBlank(cell) {
    return !cell || ((cell.value === "" || cell.value === null) && !isFormula(cell.input));
  }
  /** Carries formatting (anything besides what was typed and its value). */
  function isFormatted(cell) {
    return Boolean(cell) && Object.keys(cell).some((name) => name !== "value" && name !== "input");
  }
  function touch(sheet, row, column) {
    const k = key(row, column);
    if (!sheet.cells[k]) sheet.cells[k] = { value: "" };
    return sheet.cells[k];
  }
  /** Drops a cell that holds nothing any more. */
  function tidy(sheet, row, column) {
    const k = key(row, column);
    const cell = sheet.cells[k];
    if (cell && isBlank(cell) && !isFormatted(cell) && cell.input === undefined)
      delete sheet.cells[k];
  }
  /** A write to Range.values or Range.formulas, typed as Excel does. */
  function writeInput(sheet, row, column, input) {
    const cell = touch(sheet, row, column);
    if (input === null || input === undefined || input === "") {
      delete cell.input;
      cell.value = "";
    } else if (typeof input === "string" && input.startsWith("'")) {
      cell.input = input;
      cell.value = input.slice(1);
    } else if (isFormula(input)) {
      cell.input = input;
      cell.value = input;
    } else if (typeof input === "string" && /^-?\d+(\.\d+)?$/.test(input.trim())) {
      cell.input = input;
      cell.value = Number(input);
    } else {
      cell.input = input;
      cell.value = input;
    }
    tidy(sheet, row, column);
  }
  /** Enough of a calculator for the sheets the add-in writes: SUM(A1:B2), A1-B2, A1. */
  function evaluate(sheet, formula, depth) {
    if (depth > 50) return "#REF!";
    const body = formula.slice(1).trim();
    const sum = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/i.exec(body);
    if (sum) {
      const at = parseAddress(sum[1]).box;
      let total = 0;
      for (let r = at.top; r <= at.bottom; r++)
        for (let c = at.left; c <= at.right; c++) {
          const v = valueAt(sheet, r, c, depth + 1);
          if (typeof v === "number") total += v;
        }
      return Math.round(total * 1e9) / 1e9;
    }
    const diff = /^([A-Z]+\d+)-([A-Z]+\d+)$/i.exec(body);
    if (diff) {
      const a = parseAddress(diff[1]).box;
      const b = parseAddress(diff[2]).box;
      const x = valueAt(sheet, a.top, a.left, depth + 1);
      const y = valueAt(sheet, b.top, b.left, depth + 1);
      return (typeof x === "number" ? x : 0) - (typeof y === "number" ? y : 0);
    }
    const single = /^([A-Z]+\d+)$/i.exec(body);
    if (single) {
      const a = parseAddress(single[1]).box;
      return valueAt(sheet, a.top, a.left, depth + 1);
    }
    return "#NAME?";
  }
  /** What Range.values reads: a formula's result, else the value ("" when blank). */
  function valueAt(sheet, row, column, depth) {
    const cell = cellAt(sheet, row, column);
    if (!cell) return "";
    if (isFormula(cell.input)) return evaluate(sheet, cell.input, depth || 0);
    return cell.value === null || cell.value === undefined ? "" : cell.value;
  }
  /** What Range.formulas reads: the formula where there is one, else the value. */
  function formulaAt(sheet, row, column) {
    const cell = cellAt(sheet, row, column);
    return cell && isFormula(cell.input) ? cell.input : valueAt(sheet, row, column);
  }
  function grid(at, read) {
    const rows = [];
    for (let r = at.top; r <= at.bottom; r++) {
      const line = [];
      for (let c = at.left; c <= at.right; c++) line.push(read(r, c));
      rows.push(line);
    }
    return rows;
  }
  function readValues(sheet, at) {
    return grid(at, (r, c) => valueAt(sheet, r, c));
  }
  function readFormulas(sheet, at) {
    return grid(at, (r, c) => formulaAt(sheet, r, c));
  }
  /** A 2-D write must have the range's shape exactly (a scalar fills the range). */
  function checkShape(at, value, property) {
    if (!Array.isArray(value)) return;
    const rows = at.bottom - at.top + 1;
    const columns = at.right - at.left + 1;
    if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns))
      throw officeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        "Range." + (property || "values")
      );
  }
  /** Range.values / Range.formulas = value: shape-checked, then typed into each cell. */
  function writeRange(sheet, at, value, property) {
    checkShape(at, value, property);
    for (let r = at.top; r <= at.bottom; r++)
      for (let c = at.left; c <= at.right; c++)
        writeInput(sheet, r, c, Array.isArray(value) ? value[r - at.top][c - at.left] : value);
  }
  /** Sets a formatting property on every cell of `at` (e.g. numberFormat, bold). */
  function formatRange(sheet, at, property, value) {
    checkShape(at, value, property);
    for (let r = at.top; r <= at.bottom; r++)
      for (let c = at.left; c <= at.right; c++)
        touch(sheet, r, c)[property] = Array.isArray(value)
          ? value[r - at.top][c - at.left]
          : value;
  }
  function clearRange(sheet, at) {
    for (const k of Object.keys(sheet.cells)) {
      const [r, c] = k.split(",").map(Number);
      if (r >= at.top && r <= at.bottom && c >= at.left && c <= at.right) delete sheet.cells[k];
    }
  }

  // ---------- ranges Excel works out ----------
  /**
   * The used range within `within` (the whole sheet when omitted): cells with values or
   * formulas, and with valuesOnly false also cells that only carry formatting. Null if none.
   */
  function usedBox(sheet, within, valuesOnly) {
    const limit = within || WHOLE_SHEET;
    let found = null;
    for (const k of Object.keys(sheet.cells)) {
      const cell = sheet.cells[k];
      if (isBlank(cell) && (valuesOnly || !isFormatted(cell))) continue;
      const [r, c] = k.split(",").map(Number);
      if (r < limit.top || r > limit.bottom || c < limit.left || c > limit.right) continue;
      found = found
        ? box(
            Math.min(found.top, r),
            Math.min(found.left, c),
            Math.max(found.bottom, r),
            Math.max(found.right, c)
          )
        : box(r, c, r, c);
    }
    return found;
  }
  /** Ctrl+*: grows the box while any neighbouring cell (diagonals included) holds a value. */
  function surroundingRegion(sheet, start) {
    let region = box(start.top, start.left, start.bottom, start.right);
    for (;;) {
      const ring = box(
        Math.max(region.top - 1, 0),
        Math.max(region.left - 1, 0),
        region.bottom + 1,
        region.right + 1
      );
      const used = usedBox(sheet, ring, true);
      if (!used) return region;
      const grown = box(
        Math.min(region.top, used.top),
        Math.min(region.left, used.left),
        Math.max(region.bottom, used.bottom),
        Math.max(region.right, used.right)
      );
      if (sameBox(grown, region)) return region;
      region = grown;
    }
  }
  /** Range.getVisibleView(): the worksheet rows of `at` that are not hidden. */
  function visibleRows(sheet, at) {
    const hidden = new Set(sheet.hiddenRows || []);
    const rows = [];
    for (let r = at.top; r <= at.bottom; r++) if (!hidden.has(r)) rows.push(r);
    return rows;
  }
  function cellAddresses(sheet, at) {
    return visibleRows(sheet, at).map((r) => {
      const line = [];
      for (let c = at.left; c <= at.right; c++)
        line.push(quoteSheetName(sheet.name) + "!" + columnLetters(c) + (r + 1));
      return line;
    });
  }

  return {
    MAX_ROW,
    MAX_COL,
    WHOLE_SHEET,
    DEFAULT_EXCEL_API,
    box,
    officeError,
    columnIndex,
    columnLetters,
    quoteSheetName,
    parseAddress,
    boxAddress,
    rangeAddress,
    intersect,
    key,
    newSheet,
    sheetFromValues,
    sheetFromInput,
    createWorkbook,
    sheetId,
    findSheet,
    findTable,
    findNameKey,
    nameTarget,
    nameValue,
    addName,
    deleteName,
    addSheet,
    renameSheet,
    deleteSheet,
    isSetSupported,
    cellAt,
    isBlank,
    isFormatted,
    touch,
    writeInput,
    valueAt,
    formulaAt,
    readValues,
    readFormulas,
    checkShape,
    writeRange,
    formatRange,
    clearRange,
    usedBox,
    surroundingRegion,
    visibleRows,
    cellAddresses,
  };
});
