/*
 * A test double of Office.js for the pane in a real browser, served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It implements exactly the
 * calls src/excel/ makes (names checked against @types/office-js) over a small workbook
 * model, and behaves like Excel where it matters:
 *   - proxies: properties must be load()ed and context.sync()ed before they are read,
 *     else PropertyNotLoaded is thrown, as Office.js does;
 *   - commands are queued and run in order at sync; a 2-D array must match the range shape
 *     (InvalidArgument), a scalar fills the range;
 *   - a string written to values/formulas that starts with "=" becomes a formula, unless it
 *     starts with an apostrophe, which keeps the rest as text;
 *   - every sync is counted per Excel.run, with the JSON bytes of the batch it sends.
 * The test reads the model through window.__officeDouble. The config comes before this file
 * as window.__officeDoubleConfig: { displayLanguage, excelApi, sheets, activeSheet, selection,
 * tables, names, settings, officeTheme }.
 */
(function () {
  "use strict";
  const config = window.__officeDoubleConfig || {};
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;

  // ---------- addresses ----------
  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function colLetters(col) {
    let s = "";
    let n = col + 1;
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function quote(sheet) {
    return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : "'" + sheet.replace(/'/g, "''") + "'";
  }
  function parseAddress(address) {
    let sheet = null;
    let body = address;
    const bang = address.lastIndexOf("!");
    if (bang >= 0) {
      sheet = address
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      body = address.slice(bang + 1);
    }
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(body);
    if (!m)
      throw officeError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format."
      );
    const top = Number(m[2]) - 1;
    const left = colIndex(m[1]);
    return {
      sheet,
      box: {
        top,
        left,
        bottom: m[4] ? Number(m[4]) - 1 : top,
        right: m[3] ? colIndex(m[3]) : left,
      },
    };
  }
  function boxAddress(box, absolute) {
    const d = absolute ? "$" : "";
    const a = d + colLetters(box.left) + d + (box.top + 1);
    const b = d + colLetters(box.right) + d + (box.bottom + 1);
    return a === b ? a : a + ":" + b;
  }
  function intersect(a, b) {
    const box = {
      top: Math.max(a.top, b.top),
      left: Math.max(a.left, b.left),
      bottom: Math.min(a.bottom, b.bottom),
      right: Math.min(a.right, b.right),
    };
    return box.top <= box.bottom && box.left <= box.right ? box : null;
  }

  // ---------- errors like OfficeExtension.Error ----------
  function officeError(code, message, statement) {
    const error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    error.debugInfo = { code, message, errorLocation: statement || "" };
    return error;
  }
  function notLoaded(property) {
    return officeError(
      "PropertyNotLoaded",
      "The property '" +
        property +
        "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context."
    );
  }

  // ---------- the workbook model ----------
  let nextSheetId = 1;
  function newSheet(name) {
    return { id: nextSheetId++, name, cells: new Map(), columnWidths: {} };
  }
  const model = {
    sheets: [],
    activeSheetId: 0,
    selection: null,
    names: new Map(),
    tables: [],
    settings: Object.assign({}, config.settings || {}),
  };
  for (const spec of config.sheets || [{ name: "Blad1", cells: [] }]) {
    const sheet = newSheet(spec.name);
    (spec.cells || []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== "")
          writeTyped(sheet, (spec.top || 0) + r, (spec.left || 0) + c, value);
      })
    );
    model.sheets.push(sheet);
  }
  function sheetByName(name) {
    const lower = name.toLowerCase();
    return model.sheets.find((s) => s.name.toLowerCase() === lower) || null;
  }
  model.activeSheetId = (
    sheetByName(config.activeSheet || model.sheets[0].name) || model.sheets[0]
  ).id;
  model.selection = config.selection
    ? { sheetId: model.activeSheetId, box: parseAddress(config.selection).box }
    : { sheetId: model.activeSheetId, box: { top: 0, left: 0, bottom: 0, right: 0 } };
  for (const t of config.tables || []) {
    model.tables.push({
      name: t.name,
      sheetId: sheetByName(t.sheet).id,
      box: parseAddress(t.address).box,
      showTotals: Boolean(t.showTotals),
    });
  }
  for (const n of config.names || []) {
    model.names.set(n.name.toLowerCase(), {
      name: n.name,
      sheetId: sheetByName(n.sheet).id,
      box: parseAddress(n.address).box,
    });
  }
  function sheetById(id) {
    return model.sheets.find((s) => s.id === id) || null;
  }
  function key(r, c) {
    return r + "," + c;
  }
  function cellAt(sheet, r, c) {
    return sheet.cells.get(key(r, c)) || null;
  }
  function touch(sheet, r, c) {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { v: null, f: null, nf: null, fmt: {} };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }
  /** As if typed: "=..." a formula, "'..." text, a numeric string a number. */
  function writeTyped(sheet, r, c, input) {
    const cell = touch(sheet, r, c);
    if (typeof input === "number" || typeof input === "boolean") {
      cell.v = input;
      cell.f = null;
    } else if (input === null || input === "") {
      cell.v = null;
      cell.f = null;
    } else if (typeof input === "string" && input.startsWith("'")) {
      cell.v = input.slice(1);
      cell.f = null;
    } else if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
      cell.f = input;
      cell.v = null;
    } else if (typeof input === "string" && /^-?\d+(\.\d+)?$/.test(input.trim())) {
      cell.v = Number(input);
      cell.f = null;
    } else {
      cell.v = String(input);
      cell.f = null;
    }
  }
  function isEmptyCell(cell) {
    return !cell || ((cell.v === null || cell.v === "") && !cell.f);
  }
  /** Enough of a calculator for the sheets core writes: SUM(A1:B2), A1-B2, A1, numbers. */
  function evaluate(sheet, formula, depth) {
    if (depth > 50) return "#REF!";
    const body = formula.slice(1).trim();
    const sum = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/i.exec(body);
    if (sum) {
      const box = parseAddress(sum[1]).box;
      let total = 0;
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const v = valueOf(sheet, r, c, depth + 1);
          if (typeof v === "number") total += v;
        }
      return Math.round(total * 1e9) / 1e9;
    }
    const diff = /^([A-Z]+\d+)-([A-Z]+\d+)$/i.exec(body);
    if (diff) {
      const a = parseAddress(diff[1]).box;
      const b = parseAddress(diff[2]).box;
      const x = valueOf(sheet, a.top, a.left, depth + 1);
      const y = valueOf(sheet, b.top, b.left, depth + 1);
      return (typeof x === "number" ? x : 0) - (typeof y === "number" ? y : 0);
    }
    const single = /^([A-Z]+\d+)$/i.exec(body);
    if (single) {
      const a = parseAddress(single[1]).box;
      return valueOf(sheet, a.top, a.left, depth + 1);
    }
    return "#NAME?";
  }
  function valueOf(sheet, r, c, depth) {
    const cell = cellAt(sheet, r, c);
    if (!cell) return "";
    if (cell.f) return evaluate(sheet, cell.f, depth || 0);
    return cell.v === null ? "" : cell.v;
  }
  function usedBox(sheet, within, valuesOnly) {
    let box = null;
    for (const [k, cell] of sheet.cells) {
      if (
        valuesOnly
          ? isEmptyCell(cell)
          : isEmptyCell(cell) && !cell.nf && Object.keys(cell.fmt).length === 0
      )
        continue;
      const [r, c] = k.split(",").map(Number);
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right))
        continue;
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }
  /** Ctrl+*: grows the box while any neighbouring cell (diagonals included) holds a value. */
  function surroundingRegion(sheet, start) {
    const box = Object.assign({}, start);
    const filled = (r, c) => r >= 0 && c >= 0 && !isEmptyCell(cellAt(sheet, r, c));
    let grew = true;
    while (grew) {
      grew = false;
      for (let c = box.left - 1; c <= box.right + 1; c++) {
        if (filled(box.top - 1, c)) ((box.top -= 1), (grew = true));
        if (filled(box.bottom + 1, c)) ((box.bottom += 1), (grew = true));
      }
      for (let r = box.top - 1; r <= box.bottom + 1; r++) {
        if (filled(r, box.left - 1)) ((box.left -= 1), (grew = true));
        if (filled(r, box.right + 1)) ((box.right += 1), (grew = true));
      }
    }
    return box;
  }
  /** JSON of a sheet as it stands, for byte-for-byte comparisons. */
  function sheetSnapshot(sheet) {
    const cells = Array.from(sheet.cells.entries()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return JSON.stringify({ name: sheet.name, cells, columnWidths: sheet.columnWidths });
  }

  // ---------- request context, proxies, sync ----------
  const runs = [];
  const requirementVersion = config.excelApi || "1.9";
  function isSetSupported(name, version) {
    if (name !== "ExcelApi") return false;
    const [a, b] = String(version || "1.1")
      .split(".")
      .map(Number);
    const [x, y] = requirementVersion.split(".").map(Number);
    return a < x || (a === x && b <= y);
  }

  class RequestContext {
    constructor(run) {
      this._run = run;
      this._queue = [];
      this._generation = 0;
      this.workbook = new Workbook(this);
      this.application = {
        suspendScreenUpdatingUntilNextSync: () => {
          if (!isSetSupported("ExcelApi", "1.9"))
            throw officeError(
              "ApiNotFound",
              "suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9."
            );
          this._queue.push({ describe: { op: "suspendScreenUpdating" }, run() {} });
        },
        suspendApiCalculationUntilNextSync: () => {
          this._queue.push({ describe: { op: "suspendApiCalculation" }, run() {} });
        },
      };
    }
    _enqueue(describe, run) {
      this._queue.push({ describe, run });
    }
    async sync() {
      const batch = this._queue;
      this._queue = [];
      const request = JSON.stringify(batch.map((item) => item.describe));
      const responses = [];
      this._run.syncs += 1;
      this._run.requestBytes.push(new TextEncoder().encode(request).length);
      // A slower host (config.syncDelayMs) lets a test act while a long read is under way.
      await new Promise((resolve) => setTimeout(resolve, config.syncDelayMs || 1));
      try {
        for (const item of batch) {
          const response = item.run();
          if (response !== undefined) responses.push(response);
        }
      } finally {
        this._run.responseBytes.push(new TextEncoder().encode(JSON.stringify(responses)).length);
        this._generation += 1;
      }
    }
  }

  /** Base of every proxy: loaded properties and the generation they were loaded in. */
  class Proxy {
    constructor(context) {
      this._context = context;
      this._loaded = {};
      this._createdAt = context._generation;
    }
    _get(property) {
      if (!(property in this._loaded)) throw notLoaded(property);
      return this._loaded[property];
    }
    get isNullObject() {
      // Known only after a sync, as in Office.js.
      if (this._context._generation <= this._createdAt) throw notLoaded("isNullObject");
      return this._resolveOrNull() === null;
    }
    _resolveOrNull() {
      return this._resolve();
    }
    load(properties) {
      const names = Array.isArray(properties)
        ? properties
        : typeof properties === "string"
          ? properties
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean)
          : Object.keys(properties || {});
      this._context._enqueue({ op: "load", target: this._describe(), names }, () => {
        const target = this._resolveOrNull();
        if (target === null) return null;
        const snapshot = {};
        for (const name of names) snapshot[name] = this._read(name, target);
        Object.assign(this._loaded, snapshot);
        return snapshot;
      });
      return this;
    }
    _set(property, value) {
      this._context._enqueue({ op: "set", target: this._describe(), property, value }, () =>
        this._write(property, value)
      );
    }
  }

  class Workbook {
    constructor(context) {
      this._context = context;
      this.worksheets = new WorksheetCollection(context);
      this.tables = new TableCollection(context, null);
      this.names = new NamedItemCollection(context);
    }
    getSelectedRange() {
      return new Range(
        this._context,
        () => ({ sheet: sheetById(model.selection.sheetId), box: model.selection.box }),
        "selection"
      );
    }
  }

  class WorksheetCollection extends Proxy {
    _describe() {
      return "worksheets";
    }
    _resolve() {
      return model.sheets;
    }
    _read(name) {
      if (name === "items/name" || name === "items") {
        this._items = model.sheets.map((s) => {
          const ws = new Worksheet(this._context, () => s, "sheetId:" + s.id);
          ws._loaded.name = s.name;
          return ws;
        });
        return true;
      }
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get items() {
      if (!this._items) throw notLoaded("items");
      return this._items;
    }
    getActiveWorksheet() {
      return new Worksheet(this._context, () => sheetById(model.activeSheetId), "activeWorksheet");
    }
    getItem(name) {
      return new Worksheet(
        this._context,
        () => {
          const sheet = sheetByName(name);
          if (!sheet)
            throw officeError(
              "ItemNotFound",
              "The requested resource doesn't exist.",
              "worksheets.getItem"
            );
          return sheet;
        },
        "worksheets.getItem(" + name + ")"
      );
    }
    getItemOrNullObject(name) {
      return new Worksheet(
        this._context,
        () => sheetByName(name),
        "worksheets.getItemOrNullObject(" + name + ")",
        true
      );
    }
    add(name) {
      let created = null;
      this._context._enqueue({ op: "worksheets.add", name }, () => {
        if (sheetByName(name))
          throw officeError(
            "ItemAlreadyExists",
            "A resource with the same name or identifier already exists.",
            "worksheets.add"
          );
        if (name.length > 31 || /[:\\/?*[\]]/.test(name))
          throw officeError("InvalidArgument", "The argument is invalid.", "worksheets.add");
        created = newSheet(name);
        model.sheets.push(created);
      });
      return new Worksheet(
        this._context,
        () => {
          if (!created) throw officeError("GeneralException", "sheet used before it was added");
          return created;
        },
        "worksheets.add(" + name + ")"
      );
    }
  }

  class Worksheet extends Proxy {
    constructor(context, resolve, description, orNull) {
      super(context);
      this._resolver = resolve;
      this._description = description;
      this._orNull = Boolean(orNull);
      this.tables = new TableCollection(context, this);
      this.pageLayout = new PageLayout(context, this);
    }
    _describe() {
      return this._description;
    }
    _resolve() {
      const sheet = this._resolver();
      if (!sheet && !this._orNull)
        throw officeError("ItemNotFound", "The requested resource doesn't exist.");
      return sheet;
    }
    _read(name, sheet) {
      if (name === "name") return sheet.name;
      if (name === "id") return String(sheet.id);
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get name() {
      return this._get("name");
    }
    activate() {
      this._context._enqueue({ op: "activate", target: this._describe() }, () => {
        model.activeSheetId = this._resolve().id;
      });
    }
    getRange(address) {
      const description = this._describe() + ".getRange(" + (address || "") + ")";
      return new Range(
        this._context,
        () => ({
          sheet: this._resolve(),
          box: address
            ? parseAddress(address).box
            : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL },
        }),
        description
      );
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return new Range(
        this._context,
        () => {
          const sheet = this._resolve();
          const box = sheet ? usedBox(sheet, null, valuesOnly) : null;
          return box ? { sheet, box } : null;
        },
        this._describe() + ".getUsedRangeOrNullObject()",
        true
      );
    }
    getUsedRange(valuesOnly) {
      return new Range(
        this._context,
        () => {
          const sheet = this._resolve();
          return {
            sheet,
            box: usedBox(sheet, null, valuesOnly) || { top: 0, left: 0, bottom: 0, right: 0 },
          };
        },
        this._describe() + ".getUsedRange()"
      );
    }
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): orientation and zoom, stored on the sheet. */
  class PageLayout {
    constructor(context, worksheet) {
      this._context = context;
      this._worksheet = worksheet;
    }
    _set(property, value) {
      if (!isSetSupported("ExcelApi", "1.9"))
        throw officeError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9.");
      this._context._enqueue(
        { op: "set", target: this._worksheet._describe() + ".pageLayout", property, value },
        () => {
          const sheet = this._worksheet._resolve();
          sheet.pageLayout = Object.assign({}, sheet.pageLayout, { [property]: value });
        }
      );
    }
    set orientation(value) {
      this._set("orientation", value);
    }
    set zoom(value) {
      this._set("zoom", value);
    }
  }

  /** Range.getVisibleView() (ExcelApi 1.3): the cells of the rows that are not hidden. */
  class RangeView extends Proxy {
    constructor(context, range) {
      super(context);
      this._range = range;
    }
    _describe() {
      return this._range._describe() + ".getVisibleView()";
    }
    _resolve() {
      return this._range._resolve();
    }
    _read(name, target) {
      const { sheet, box } = target;
      const hidden = new Set(sheet.hiddenRows || []);
      const rows = [];
      for (let r = box.top; r <= box.bottom; r++) if (!hidden.has(r)) rows.push(r);
      if (name === "rowCount") return rows.length;
      if (name === "cellAddresses") {
        return rows.map((r) => {
          const line = [];
          for (let c = box.left; c <= box.right; c++)
            line.push(quote(sheet.name) + "!" + colLetters(c) + (r + 1));
          return line;
        });
      }
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get cellAddresses() {
      return this._get("cellAddresses");
    }
    get rowCount() {
      return this._get("rowCount");
    }
  }

  class Range extends Proxy {
    constructor(context, resolve, description, orNull) {
      super(context);
      this._resolver = resolve;
      this._description = description;
      this._orNull = Boolean(orNull);
      this.format = new RangeFormat(context, this);
    }
    _describe() {
      return this._description;
    }
    /** The range's sheet; a null object when the range is one (null objects propagate). */
    get worksheet() {
      return new Worksheet(
        this._context,
        () => {
          const target = this._resolveOrNull();
          return target ? target.sheet : null;
        },
        this._describe() + ".worksheet",
        this._orNull
      );
    }
    _resolveOrNull() {
      const target = this._resolver();
      if (target === null && !this._orNull)
        throw officeError("ItemNotFound", "The requested resource doesn't exist.");
      return target;
    }
    _resolve() {
      return this._resolveOrNull();
    }
    _read(name, target) {
      const { sheet, box } = target;
      const grid = (fn) => {
        const rows = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row = [];
          for (let c = box.left; c <= box.right; c++) row.push(fn(r, c));
          rows.push(row);
        }
        return rows;
      };
      switch (name) {
        case "rowIndex":
          return box.top;
        case "columnIndex":
          return box.left;
        case "rowCount":
          return box.bottom - box.top + 1;
        case "columnCount":
          return box.right - box.left + 1;
        case "address":
          return quote(sheet.name) + "!" + boxAddress(box, true);
        case "values":
          return grid((r, c) => valueOf(sheet, r, c));
        case "formulas":
          return grid((r, c) => {
            const cell = cellAt(sheet, r, c);
            return cell && cell.f ? cell.f : valueOf(sheet, r, c);
          });
        case "numberFormat":
          return grid((r, c) => (cellAt(sheet, r, c) || {}).nf || "General");
        default:
          throw officeError("InvalidArgument", "Unknown property " + name);
      }
    }
    _write(property, value) {
      const { sheet, box } = this._resolve();
      const rows = box.bottom - box.top + 1;
      const cols = box.right - box.left + 1;
      if (Array.isArray(value)) {
        if (
          value.length !== rows ||
          value.some((row) => !Array.isArray(row) || row.length !== cols)
        ) {
          throw officeError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            "Range." + property
          );
        }
      }
      const at = (r, c) => (Array.isArray(value) ? value[r - box.top][c - box.left] : value);
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          if (property === "values" || property === "formulas") writeTyped(sheet, r, c, at(r, c));
          else if (property === "numberFormat") touch(sheet, r, c).nf = at(r, c);
          else throw officeError("InvalidArgument", "Unknown property " + property);
        }
    }
    get address() {
      return this._get("address");
    }
    get rowIndex() {
      return this._get("rowIndex");
    }
    get columnIndex() {
      return this._get("columnIndex");
    }
    get rowCount() {
      return this._get("rowCount");
    }
    get columnCount() {
      return this._get("columnCount");
    }
    get values() {
      return this._get("values");
    }
    set values(value) {
      this._set("values", value);
    }
    get formulas() {
      return this._get("formulas");
    }
    set formulas(value) {
      this._set("formulas", value);
    }
    get numberFormat() {
      return this._get("numberFormat");
    }
    set numberFormat(value) {
      this._set("numberFormat", value);
    }
    getCell(row, column) {
      return new Range(
        this._context,
        () => {
          const { sheet, box } = this._resolve();
          return {
            sheet,
            box: {
              top: box.top + row,
              left: box.left + column,
              bottom: box.top + row,
              right: box.left + column,
            },
          };
        },
        this._describe() + ".getCell(" + row + "," + column + ")"
      );
    }
    getVisibleView() {
      return new RangeView(this._context, this);
    }
    getColumn(column) {
      return new Range(
        this._context,
        () => {
          const { sheet, box } = this._resolve();
          return {
            sheet,
            box: {
              top: box.top,
              left: box.left + column,
              bottom: box.bottom,
              right: box.left + column,
            },
          };
        },
        this._describe() + ".getColumn(" + column + ")"
      );
    }
    getSurroundingRegion() {
      return new Range(
        this._context,
        () => {
          const { sheet, box } = this._resolve();
          return { sheet, box: surroundingRegion(sheet, box) };
        },
        this._describe() + ".getSurroundingRegion()"
      );
    }
    /** The range's sheet; a null object when the range is one (chained *OrNullObject calls). */
    get worksheet() {
      return new Worksheet(
        this._context,
        () => {
          const target = this._resolveOrNull();
          return target ? target.sheet : null;
        },
        this._describe() + ".worksheet",
        this._orNull
      );
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return new Range(
        this._context,
        () => {
          const { sheet, box } = this._resolve();
          const used = usedBox(sheet, box, valuesOnly);
          return used ? { sheet, box: used } : null;
        },
        this._describe() + ".getUsedRangeOrNullObject()",
        true
      );
    }
    getIntersectionOrNullObject(address) {
      return new Range(
        this._context,
        () => {
          const { sheet, box } = this._resolve();
          const other = parseAddress(
            typeof address === "string" ? address : boxAddress(address._resolve().box)
          );
          const common = intersect(box, other.box);
          return common ? { sheet, box: common } : null;
        },
        this._describe() + ".getIntersectionOrNullObject(" + address + ")",
        true
      );
    }
    select() {
      this._context._enqueue({ op: "select", target: this._describe() }, () => {
        const { sheet, box } = this._resolve();
        model.activeSheetId = sheet.id;
        model.selection = { sheetId: sheet.id, box };
      });
    }
    clear(applyTo) {
      this._context._enqueue({ op: "clear", target: this._describe(), applyTo }, () => {
        const { sheet, box } = this._resolve();
        for (const k of Array.from(sheet.cells.keys())) {
          const [r, c] = k.split(",").map(Number);
          if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right)
            sheet.cells.delete(k);
        }
      });
    }
  }

  /** Range.format, format.font and format.borders: formatting is stored per cell. */
  class RangeFormat {
    constructor(context, range) {
      const eachCell = (fn) => {
        const { sheet, box } = range._resolve();
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) fn(touch(sheet, r, c), sheet, c);
      };
      const setter = (property) => (value) =>
        context._enqueue(
          { op: "set", target: range._describe() + ".format", property, value },
          () =>
            eachCell((cell, sheet, c) => {
              if (property === "columnWidth") sheet.columnWidths[c] = value;
              else cell.fmt[property] = value;
            })
        );
      const fontSetter = (property) => (value) =>
        context._enqueue(
          { op: "set", target: range._describe() + ".format.font", property, value },
          () =>
            eachCell((cell) => {
              cell.fmt["font." + property] = value;
            })
        );
      const define = (object, property, set) =>
        Object.defineProperty(object, property, {
          get() {
            throw notLoaded(property);
          },
          set,
        });
      this.font = {};
      for (const p of ["bold", "italic", "size", "name", "color"])
        define(this.font, p, fontSetter(p));
      this.fill = {};
      define(this.fill, "color", (value) =>
        context._enqueue(
          { op: "set", target: range._describe() + ".format.fill", property: "color", value },
          () =>
            eachCell((cell) => {
              cell.fmt["fill.color"] = value;
            })
        )
      );
      for (const p of [
        "horizontalAlignment",
        "verticalAlignment",
        "wrapText",
        "columnWidth",
        "rowHeight",
      ])
        define(this, p, setter(p));
      this.borders = {
        getItem(index) {
          const border = {};
          for (const p of ["style", "weight", "color"]) {
            define(border, p, (value) =>
              context._enqueue(
                { op: "set", target: range._describe() + ".borders." + index, property: p, value },
                () =>
                  eachCell((cell) => {
                    cell.fmt["border." + index + "." + p] = value;
                  })
              )
            );
          }
          return border;
        },
      };
    }
  }

  class TableCollection extends Proxy {
    constructor(context, worksheet) {
      super(context);
      this._worksheet = worksheet;
    }
    _describe() {
      return (this._worksheet ? this._worksheet._describe() + "." : "") + "tables";
    }
    _resolve() {
      const sheet = this._worksheet ? this._worksheet._resolve() : null;
      return model.tables.filter((t) => !sheet || t.sheetId === sheet.id);
    }
    _read(name, tables) {
      if (name === "items/name" || name === "items") {
        this._items = tables.map((t) => {
          const table = new Table(this._context, t.name);
          table._loaded.name = t.name;
          return table;
        });
        return true;
      }
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get items() {
      if (!this._items) throw notLoaded("items");
      return this._items;
    }
    getItem(name) {
      return new Table(this._context, name);
    }
  }

  class Table extends Proxy {
    constructor(context, name) {
      super(context);
      this._name = name;
      const find = () => {
        const table = model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (!table)
          throw officeError(
            "ItemNotFound",
            "The requested resource doesn't exist.",
            "tables.getItem"
          );
        return table;
      };
      this._find = find;
      this.worksheet = new Worksheet(
        context,
        () => sheetById(find().sheetId),
        "tables.getItem(" + name + ").worksheet"
      );
    }
    _describe() {
      return "tables.getItem(" + this._name + ")";
    }
    _resolve() {
      return this._find();
    }
    _read(name, table) {
      if (name === "name") return table.name;
      if (name === "showTotals") return table.showTotals;
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get name() {
      return this._get("name");
    }
    get showTotals() {
      return this._get("showTotals");
    }
    getRange() {
      return new Range(
        this._context,
        () => {
          const table = this._find();
          return { sheet: sheetById(table.sheetId), box: table.box };
        },
        this._describe() + ".getRange()"
      );
    }
  }

  class NamedItemCollection {
    constructor(context) {
      this._context = context;
    }
    getItemOrNullObject(name) {
      return new NamedItem(this._context, name);
    }
    /** As Excel: a missing name fails the batch (ItemNotFound) at the first use. */
    getItem(name) {
      return new NamedItem(this._context, name);
    }
    add(name, reference) {
      this._context._enqueue({ op: "names.add", name, reference: reference._describe() }, () => {
        if (model.names.has(name.toLowerCase()))
          throw officeError("ItemAlreadyExists", "A resource with the same name already exists.");
        const { sheet, box } = reference._resolve();
        model.names.set(name.toLowerCase(), { name, sheetId: sheet.id, box });
      });
    }
  }

  class NamedItem extends Proxy {
    constructor(context, name) {
      super(context);
      this._name = name;
    }
    _describe() {
      return "names.getItemOrNullObject(" + this._name + ")";
    }
    _resolve() {
      return model.names.get(this._name.toLowerCase()) || null;
    }
    _read(name, item) {
      const sheet = sheetById(item.sheetId);
      if (name === "value")
        return sheet ? quote(sheet.name) + "!" + boxAddress(item.box, true) : "#REF!";
      if (name === "name") return item.name;
      if (name === "type") return "Range";
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    getRangeOrNullObject() {
      return new Range(
        this._context,
        () => {
          const item = this._resolve();
          const sheet = item ? sheetById(item.sheetId) : null;
          return sheet ? { sheet, box: item.box } : null;
        },
        this._describe() + ".getRangeOrNullObject()",
        true
      );
    }
    get value() {
      return this._get("value");
    }
    get name() {
      return this._get("name");
    }
    /** The range the name points at; a null object when the name or its sheet is gone. */
    getRangeOrNullObject() {
      return new Range(
        this._context,
        () => {
          const item = this._resolve();
          const sheet = item ? sheetById(item.sheetId) : null;
          return sheet ? { sheet, box: item.box } : null;
        },
        this._describe() + ".getRangeOrNullObject()",
        true
      );
    }
    /** The range the name points at; using it fails (ItemNotFound) when the name or its sheet is gone. */
    getRange() {
      return new Range(
        this._context,
        () => {
          const item = this._resolve();
          const sheet = item ? sheetById(item.sheetId) : null;
          return sheet ? { sheet, box: item.box } : null;
        },
        this._describe() + ".getRange()",
        false
      );
    }
    delete() {
      this._context._enqueue({ op: "names.delete", target: this._describe() }, () => {
        model.names.delete(this._name.toLowerCase());
      });
    }
  }

  // ---------- the globals the pane uses ----------
  window.Excel = {
    // Excel.run(batch) or Excel.run(options, batch), e.g. { delayForCellEdit: true }.
    run: async function (first, second) {
      const batch = second || first;
      const run = { syncs: 0, requestBytes: [], responseBytes: [], options: second ? first : null };
      runs.push(run);
      const context = new RequestContext(run);
      const result = await batch(context);
      // Office.js sends what is still queued when the batch returns.
      if (context._queue.length > 0) await context.sync();
      return result;
    },
  };

  const pendingSettings = Object.assign({}, model.settings);
  let readyCallbacks = [];
  let ready = false;
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: config.displayLanguage || "sv-SE",
      officeTheme: config.officeTheme,
      requirements: { isSetSupported },
      document: {
        settings: {
          get: (name) =>
            name in pendingSettings ? JSON.parse(JSON.stringify(pendingSettings[name])) : null,
          set: (name, value) => {
            pendingSettings[name] = JSON.parse(JSON.stringify(value));
          },
          remove: (name) => {
            delete pendingSettings[name];
          },
          saveAsync: (callback) => {
            model.settings = JSON.parse(JSON.stringify(pendingSettings));
            setTimeout(() => callback && callback({ status: "succeeded", value: undefined }), 1);
          },
        },
      },
    },
    onReady: function (callback) {
      const info = { host: config.host || "Excel", platform: "PC" };
      return new Promise((resolve) => {
        const fire = () => {
          if (callback) callback(info);
          resolve(info);
        };
        if (ready) setTimeout(fire, 0);
        else readyCallbacks.push(fire);
      });
    },
  };
  const becomeReady = () => {
    ready = true;
    const callbacks = readyCallbacks;
    readyCallbacks = [];
    callbacks.forEach((fire) => fire());
  };
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => setTimeout(becomeReady, 0));
  else setTimeout(becomeReady, 0);

  // ---------- what the test inspects ----------
  window.__officeDouble = {
    runs,
    sheetNames: () => model.sheets.map((s) => s.name),
    snapshot: (name) => {
      const sheet = sheetByName(name);
      return sheet ? sheetSnapshot(sheet) : null;
    },
    /** Values (formula results) and formulas of a sheet's used range, from A1. */
    read: (name) => {
      const sheet = sheetByName(name);
      const box = usedBox(sheet, null, true);
      if (!box) return { values: [], formulas: [] };
      const values = [];
      const formulas = [];
      for (let r = 0; r <= box.bottom; r++) {
        values.push([]);
        formulas.push([]);
        for (let c = 0; c <= box.right; c++) {
          values[r].push(valueOf(sheet, r, c));
          const cell = cellAt(sheet, r, c);
          formulas[r].push(cell && cell.f ? cell.f : valueOf(sheet, r, c));
        }
      }
      return { values, formulas };
    },
    selection: () => {
      const sheet = sheetById(model.selection.sheetId);
      return quote(sheet.name) + "!" + boxAddress(model.selection.box, false);
    },
    activeSheet: () => sheetById(model.activeSheetId).name,
    select: (address) => {
      const parsed = parseAddress(address);
      const sheet = parsed.sheet ? sheetByName(parsed.sheet) : sheetById(model.activeSheetId);
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, box: parsed.box };
    },
    setCell: (name, address, value) => {
      const box = parseAddress(address).box;
      writeTyped(sheetByName(name), box.top, box.left, value);
    },
    names: () =>
      Array.from(model.names.values()).map((n) => ({
        name: n.name,
        sheet: sheetById(n.sheetId)?.name ?? null,
      })),
    settings: () => JSON.parse(JSON.stringify(model.settings)),
  };
})();
