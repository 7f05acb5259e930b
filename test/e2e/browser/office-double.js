/*
 * A test double of Office.js for the pane in a real browser, served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It implements exactly the
 * calls src/excel/ makes (names checked against @types/office-js) over a small workbook
 * model (test/doubles/workbook-model.js, served just before this file, the same model the
 * adapter's unit-test double uses), and behaves like Excel where it matters:
 *   - proxies: properties must be load()ed and context.sync()ed before they are read,
 *     else PropertyNotLoaded is thrown, as Office.js does;
 *   - commands are queued and run in order at sync; a 2-D array must match the range shape
 *     (InvalidArgument), a scalar fills the range;
 *   - a string written to values/formulas that starts with "=" becomes a formula, unless it
 *     starts with an apostrophe, which keeps the rest as text;
 *   - every sync is counted per Excel.run, with the JSON bytes of the batch it sends.
 * The test reads the model through window.__officeDouble. The config comes before this file
 * as window.__officeDoubleConfig: { displayLanguage, excelApi, excelApiDesktop, sheets,
 * activeSheet, selection, tables, names, settings, officeTheme }.
 */
(function () {
  "use strict";
  const config = window.__officeDoubleConfig || {};
  // The workbook itself (cells, lookups, used ranges, names, requirement sets, shape checks)
  // is test/doubles/workbook-model.js, which the harness serves just before this file; the
  // adapter's unit-test double (test/unit/excel/fake-workbook.ts) delegates to it too.
  const M = window.StatsbidragWorkbookModel;
  const officeError = M.officeError;
  const parseAddress = M.parseAddress;
  const boxAddress = M.boxAddress;
  const quote = M.quoteSheetName;
  const MAX_ROW = M.MAX_ROW;
  const MAX_COL = M.MAX_COL;

  function notLoaded(property) {
    return officeError(
      "PropertyNotLoaded",
      "The property '" +
        property +
        "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context."
    );
  }

  // ---------- the workbook, from the config ----------
  const sheets = (config.sheets || [{ name: "Blad1", cells: [] }]).map((spec) =>
    M.sheetFromInput(spec.name, spec.cells || [], spec.top || 0, spec.left || 0)
  );
  const model = M.createWorkbook({
    sheets,
    settings: Object.assign({}, config.settings || {}),
    requirements: {
      excelApi: config.excelApi || M.DEFAULT_EXCEL_API,
      excelApiDesktop: config.excelApiDesktop || null,
    },
  });
  model.active = M.findSheet(model, config.activeSheet || sheets[0].name) || sheets[0];
  model.selection = {
    sheet: model.active,
    box: config.selection ? parseAddress(config.selection).box : M.box(0, 0, 0, 0),
  };
  for (const t of config.tables || []) {
    model.tables.push({
      name: t.name,
      sheet: M.findSheet(model, t.sheet),
      box: parseAddress(t.address).box,
      showTotals: Boolean(t.showTotals),
    });
  }
  // Defined names are the add-in's owner marks: they mark A1 of a sheet.
  for (const n of config.names || []) model.names[n.name] = M.findSheet(model, n.sheet);
  const sheetByName = (name) => M.findSheet(model, name);
  /** JSON of a sheet as it stands, for byte-for-byte comparisons. */
  function sheetSnapshot(sheet) {
    const cells = Object.entries(sheet.cells).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    return JSON.stringify({ name: sheet.name, cells, columnWidths: sheet.columnWidths });
  }

  // ---------- request context, proxies, sync ----------
  const runs = [];
  const isSetSupported = (name, version) => M.isSetSupported(model, name, version);

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
        () => ({ sheet: model.selection.sheet, box: model.selection.box }),
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
          const ws = new Worksheet(this._context, () => s, "sheetId:" + M.sheetId(s));
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
      return new Worksheet(this._context, () => model.active, "activeWorksheet");
    }
    getItem(name) {
      return new Worksheet(
        this._context,
        () => {
          const sheet = M.findSheet(model, name);
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
        created = M.addSheet(model, name);
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
      if (name === "id") return M.sheetId(sheet);
      throw officeError("InvalidArgument", "Unknown property " + name);
    }
    get id() {
      return this._get("id");
    }
    get name() {
      return this._get("name");
    }
    activate() {
      this._context._enqueue({ op: "activate", target: this._describe() }, () => {
        model.active = this._resolve();
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
          const box = sheet ? M.usedBox(sheet, null, valuesOnly) : null;
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
            box: M.usedBox(sheet, null, valuesOnly) || M.box(0, 0, 0, 0),
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
      if (name === "rowCount") return M.visibleRows(sheet, box).length;
      if (name === "cellAddresses") return M.cellAddresses(sheet, box);
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
          return M.rangeAddress(sheet, box);
        case "values":
          return M.readValues(sheet, box);
        case "formulas":
          return M.readFormulas(sheet, box);
        case "numberFormat": {
          const formats = [];
          for (let r = box.top; r <= box.bottom; r++) {
            const line = [];
            for (let c = box.left; c <= box.right; c++)
              line.push((M.cellAt(sheet, r, c) || {}).numberFormat || "General");
            formats.push(line);
          }
          return formats;
        }
        default:
          throw officeError("InvalidArgument", "Unknown property " + name);
      }
    }
    _write(property, value) {
      const { sheet, box } = this._resolve();
      if (property === "values" || property === "formulas")
        M.writeRange(sheet, box, value, property);
      else if (property === "numberFormat") M.formatRange(sheet, box, "numberFormat", value);
      else throw officeError("InvalidArgument", "Unknown property " + property);
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
          return { sheet, box: M.surroundingRegion(sheet, box) };
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
          const used = M.usedBox(sheet, box, valuesOnly);
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
          const common = M.intersect(box, other.box);
          return common ? { sheet, box: common } : null;
        },
        this._describe() + ".getIntersectionOrNullObject(" + address + ")",
        true
      );
    }
    select() {
      this._context._enqueue({ op: "select", target: this._describe() }, () => {
        const { sheet, box } = this._resolve();
        model.active = sheet;
        model.selection = { sheet, box };
      });
    }
    clear(applyTo) {
      this._context._enqueue({ op: "clear", target: this._describe(), applyTo }, () => {
        const { sheet, box } = this._resolve();
        M.clearRange(sheet, box);
      });
    }
  }

  /** Font properties under the names the model's cells use (as the unit-test double does). */
  const FONT = { bold: "bold", italic: "italic", size: "fontSize", color: "fontColor" };

  /** Range.format, format.font and format.borders: formatting is stored per cell. */
  class RangeFormat {
    constructor(context, range) {
      const eachCell = (fn) => {
        const { sheet, box } = range._resolve();
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) fn(M.touch(sheet, r, c), sheet, c);
      };
      const setter = (property) => (value) =>
        context._enqueue(
          { op: "set", target: range._describe() + ".format", property, value },
          () =>
            eachCell((cell, sheet, c) => {
              if (property === "columnWidth") sheet.columnWidths[c] = value;
              else cell[property] = value;
            })
        );
      const fontSetter = (property) => (value) =>
        context._enqueue(
          { op: "set", target: range._describe() + ".format.font", property, value },
          () =>
            eachCell((cell) => {
              cell[FONT[property] || "font." + property] = value;
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
              cell.fill = value;
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
                    cell["border." + index + "." + p] = value;
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
      return model.tables.filter((t) => !sheet || t.sheet === sheet);
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
        const table = M.findTable(model, name);
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
        () => find().sheet,
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
          return { sheet: table.sheet, box: table.box };
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
    add(name, reference) {
      this._context._enqueue({ op: "names.add", name, reference: reference._describe() }, () => {
        M.addName(model, name, reference._resolve().sheet);
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
      const stored = M.findNameKey(model, this._name);
      return stored === null ? null : { name: stored };
    }
    _read(name, item) {
      if (name === "value") return M.nameValue(model, item.name);
      if (name === "name") return item.name;
      if (name === "type") return "Range";
      throw officeError("InvalidArgument", "Unknown property " + name);
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
          const sheet = M.nameTarget(model, this._name);
          return sheet ? { sheet, box: M.box(0, 0, 0, 0) } : null;
        },
        this._describe() + ".getRangeOrNullObject()",
        true
      );
    }
    delete() {
      this._context._enqueue({ op: "names.delete", target: this._describe() }, () => {
        M.deleteName(model, this._name);
      });
    }
  }

  // ---------- the globals the pane uses ----------
  window.Excel = {
    // Excel.run(batch) or Excel.run(options, batch), e.g. { delayForCellEdit: true }.
    run: async function (first, second) {
      const batch = second || first;
      const run = {
        syncs: 0,
        requestBytes: [],
        responseBytes: [],
        options: second ? first : null,
        done: false,
      };
      runs.push(run);
      const context = new RequestContext(run);
      try {
        const result = await batch(context);
        // Office.js sends what is still queued when the batch returns.
        if (context._queue.length > 0) await context.sync();
        return result;
      } finally {
        // Tests wait for this: an action without a busy flag (selecting a cell) ends here.
        run.done = true;
      }
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
    sheetNames: () => model.sheets.map((sheet) => sheet.name),
    snapshot: (name) => {
      const sheet = sheetByName(name);
      return sheet ? sheetSnapshot(sheet) : null;
    },
    /** Values (formula results) and formulas of a sheet's used range, from A1. */
    read: (name) => {
      const sheet = sheetByName(name);
      const used = M.usedBox(sheet, null, true);
      if (!used) return { values: [], formulas: [] };
      const from = M.box(0, 0, used.bottom, used.right);
      return { values: M.readValues(sheet, from), formulas: M.readFormulas(sheet, from) };
    },
    selection: () =>
      quote(model.selection.sheet.name) + "!" + boxAddress(model.selection.box, false),
    activeSheet: () => model.active.name,
    select: (address) => {
      const parsed = parseAddress(address);
      const sheet = parsed.sheet ? sheetByName(parsed.sheet) : model.active;
      model.active = sheet;
      model.selection = { sheet, box: parsed.box };
    },
    setCell: (name, address, value) => {
      const box = parseAddress(address).box;
      M.writeInput(sheetByName(name), box.top, box.left, value);
    },
    names: () =>
      Object.keys(model.names).map((name) => {
        const sheet = M.nameTarget(model, name);
        return { name, sheet: sheet ? sheet.name : null };
      }),
    /** The user renames or deletes a sheet (names and tables follow, as in Excel). */
    renameSheet: (from, to) => M.renameSheet(model, sheetByName(from), to),
    deleteSheet: (name) => M.deleteSheet(model, sheetByName(name)),
    /** The workbook model itself (see test/doubles/workbook-model.js). */
    workbook: model,
    settings: () => JSON.parse(JSON.stringify(model.settings)),
  };
})();
