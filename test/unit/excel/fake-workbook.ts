/**
 * A workbook behind office-addin-mock's OfficeMockObject: every proxy the adapter gets (range,
 * sheet, named item) is an OfficeMockObject built from this object graph, so reading a
 * property that was not loaded, or before sync, gives the mock's error value instead of data.
 * The graph adds what the mock has no notion of: queued method calls and property writes
 * applied at sync (as Excel does), collections whose items arrive at sync, and a counted
 * `context.sync` that measures the JSON size of what is written. The workbook itself (cells,
 * lookups, used ranges, names, requirement sets, 2-D shape checks) is
 * test/doubles/workbook-model.js, the model the browser double delegates to as well.
 */
import { OfficeMockObject } from "office-addin-mock";
import * as model from "../../doubles/workbook-model";
import type { Box, SheetState, TableState, WorkbookState } from "../../doubles/workbook-model";

export type {
  CellState,
  SheetState,
  TableState,
  WorkbookState,
} from "../../doubles/workbook-model";

type RangeBox = Box;
type Cell = string | number | boolean | null;

/** A sheet holding `rows` as values (as Excel would read them back), from row `top`, column `left`. */
export function sheetFrom(name: string, rows: Cell[][], top = 0, left = 0): SheetState {
  return model.sheetFromValues(name, rows, top, left);
}

export const key = model.key;
const box = model.box;
const WHOLE_SHEET = model.WHOLE_SHEET;
const officeError = model.officeError;

interface Written {
  mock: OfficeMockObject;
  /** The arrays a load of `formulas` / `values` gives: anything else there was written. */
  readFormulas: unknown;
  readValues: unknown;
  sheet: SheetState;
  box: RangeBox;
  borders: Record<string, { style?: string; weight?: string }>;
}

type Load = string | string[];
/** The loaded properties whose JSON size a read is measured by. */
const LOADED_DATA = ["values", "formulas", "cellAddresses"];

function requested(load: Load): string[] {
  return (Array.isArray(load) ? load : load.split(","))
    .map((path) => path.trim())
    .map((path) => path.replace(/^items\//, ""));
}

export class FakeExcel {
  syncs = 0;
  /** The options each Excel.run was given, e.g. { delayForCellEdit: true }. */
  readonly runOptions: unknown[] = [];
  /** Set when the code under test called workbook.focus() (ExcelApiDesktop 1.1). */
  focused = false;
  /** JSON bytes of the values, formulas and addresses loaded, per sync. */
  readonly readBytes: number[] = [];
  /** When set, the next sync fails with this Office error code (e.g. cell edit mode). */
  failNextSyncWith?: string;
  /** When set, the sync with this number (counting from 1) fails, e.g. a later block of a write. */
  failSync?: { at: number; code: string };
  /** Set when the code under test suspended Excel's calculation. */
  calculationSuspended = false;
  /** JSON bytes of the values and formats written, per sync. */
  readonly writtenBytes: number[] = [];
  private queued: Array<() => void> = [];
  private pendingLoads: Array<() => void> = [];
  private mocks: OfficeMockObject[] = [];
  private writes: Written[] = [];
  private sheetMocks: { mock: OfficeMockObject; sheet: SheetState }[] = [];
  private reads: { mock: OfficeMockObject; names: string[] }[] = [];
  /** Reads loaded before the last sync, measured at it. */
  private saved: Record<string, unknown> = {};

  /** apiVersion: the highest ExcelApi set claimed (else the model's default, 1.9). */
  constructor(
    readonly state: WorkbookState,
    apiVersion?: string
  ) {
    if (apiVersion) state.requirements = { ...state.requirements, excelApi: apiVersion };
  }

  /** Claims ExcelApiDesktop `version` (Excel on Windows or Mac); none by default. */
  desktop(version = "1.1"): void {
    this.state.requirements = { ...this.state.requirements, excelApiDesktop: version };
  }

  install(): void {
    const globals = globalThis as unknown as { Excel: unknown; Office: unknown };
    globals.Excel = {
      run: <T>(first: unknown, second?: (context: unknown) => Promise<T>): Promise<T> => {
        const work = (second ?? first) as (context: unknown) => Promise<T>;
        this.runOptions.push(second ? first : undefined);
        return work(this.context());
      },
    };
    globals.Office = this.office();
  }

  settingsSaved(): Record<string, unknown> {
    return this.saved;
  }

  private track(mock: OfficeMockObject, isNull = false): OfficeMockObject {
    // Set after construction so that it is readable after sync without a load, as in Office.js.
    mock.isNullObject = isNull;
    this.mocks.push(mock);
    return mock;
  }

  private async sync(): Promise<void> {
    this.syncs += 1;
    if (this.failSync?.at === this.syncs) this.failNextSyncWith = this.failSync.code;
    if (this.failNextSyncWith) {
      const code = this.failNextSyncWith;
      this.failNextSyncWith = undefined;
      this.queued = [];
      throw officeError(code, `Office refused the batch (${code}).`);
    }
    const queued = this.queued;
    this.queued = [];
    queued.forEach((operation) => operation());
    this.writtenBytes.push(this.flushWrites());
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    loads.forEach((load) => load());
    for (const mock of this.mocks) await mock.sync();
    this.flushPageLayouts();
    this.readBytes.push(this.measureReads());
  }

  /** Records which of values, formulas and cellAddresses the code under test loads. */
  private countLoads(mock: OfficeMockObject): void {
    const read = { mock, names: [] as string[] };
    this.reads.push(read);
    const load = mock.load.bind(mock);
    mock.load = (properties: Parameters<OfficeMockObject["load"]>[0]) => {
      const names =
        typeof properties === "string" || Array.isArray(properties)
          ? requested(properties)
          : Object.keys(properties ?? {});
      read.names.push(...names.filter((name) => LOADED_DATA.includes(name)));
      return load(properties);
    };
  }

  /** JSON size of what was loaded and is now readable (values, formulas, cellAddresses). */
  private measureReads(): number {
    let bytes = 0;
    for (const read of this.reads) {
      for (const name of read.names) {
        const value = (read.mock as unknown as Record<string, unknown>)[name];
        if (Array.isArray(value)) bytes += JSON.stringify(value).length;
      }
    }
    this.reads = [];
    return bytes;
  }

  private flushPageLayouts(): void {
    for (const { mock, sheet } of this.sheetMocks) {
      const layout = (mock as unknown as { pageLayout?: Record<string, unknown> }).pageLayout;
      if (!layout) continue;
      for (const name of ["orientation", "zoom"] as const) {
        const value = layout[name];
        if (typeof value === "string" || (typeof value === "object" && value !== null)) {
          sheet.pageLayout = { ...sheet.pageLayout, [name]: value };
          delete layout[name];
        }
      }
    }
  }

  private context(): unknown {
    return new OfficeMockObject({
      workbook: this.workbook(),
      application: {
        suspendScreenUpdatingUntilNextSync: (): void => undefined,
        // Recorded: a write that suspends calculation leaves its SUM totals stale in real Excel.
        suspendApiCalculationUntilNextSync: (): void => {
          this.calculationSuspended = true;
        },
      },
      sync: (): Promise<void> => this.sync(),
    });
  }

  private office(): unknown {
    const saved = this.saved;
    const store: Record<string, unknown> = JSON.parse(JSON.stringify(this.state.settings ?? {}));
    return {
      context: {
        displayLanguage: "sv-SE",
        requirements: {
          isSetSupported: (name: string, version?: string): boolean =>
            model.isSetSupported(this.state, name, version),
        },
        document: {
          settings: {
            get: (name: string): unknown => (name in store ? store[name] : null),
            set: (name: string, value: unknown): void => {
              store[name] = value;
            },
            saveAsync: (callback: (result: { status: string }) => void): void => {
              Object.assign(saved, JSON.parse(JSON.stringify(store)));
              this.state.settings = JSON.parse(JSON.stringify(saved));
              callback({ status: "succeeded" });
            },
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    };
  }

  private workbook(): Record<string, unknown> {
    const state = this.state;
    return {
      focus: (): void => {
        this.queued.push(() => {
          this.focused = true;
        });
      },
      getSelectedRange: (): OfficeMockObject =>
        this.range(state.selection.sheet, state.selection.box),
      worksheets: this.collection(() => state.sheets.map((sheet) => ({ name: sheet.name })), {
        getItem: (name: string): OfficeMockObject => {
          const sheet = model.findSheet(state, name);
          if (sheet) return this.worksheet(sheet);
          this.queued.push(() => {
            throw officeError("ItemNotFound", `The worksheet '${name}' does not exist.`);
          });
          return this.worksheet(model.newSheet(name));
        },
        getActiveWorksheet: (): OfficeMockObject => this.worksheet(state.active),
        add: (name: string): OfficeMockObject => {
          const sheet = model.newSheet(name);
          this.queued.push(() => {
            model.addSheet(state, name, sheet);
          });
          return this.worksheet(sheet);
        },
      }),
      tables: this.tables(() => state.tables, {
        getItem: (name: string): OfficeMockObject => {
          const table = model.findTable(state, name);
          if (table) return this.table(table);
          this.queued.push(() => {
            throw officeError("ItemNotFound", `The table '${name}' does not exist.`);
          });
          return this.table({ name, sheet: state.active, box: box(0, 0, 0, 0) });
        },
      }),
      names: {
        getItemOrNullObject: (name: string): OfficeMockObject => {
          const stored = model.findNameKey(state, name);
          const live = model.nameTarget(state, name);
          const item = new OfficeMockObject({
            name: stored ?? name,
            value: model.nameValue(state, name),
            // The mark's cell; a null object (and so its sheet) when the name or its sheet is gone.
            getRangeOrNullObject: (): OfficeMockObject =>
              live ? this.range(live, box(0, 0, 0, 0)) : this.nullRange(),
            delete: (): void => {
              this.queued.push(() => {
                model.deleteName(state, name);
              });
            },
          });
          return this.track(item, stored === null);
        },
        add: (name: string, reference: OfficeMockObject): void => {
          const written = this.writes.find((write) => write.mock === reference);
          this.queued.push(() => {
            model.addName(state, name, written ? written.sheet : null);
          });
        },
      },
    };
  }

  /** A collection whose `items` arrive at sync, holding only the loaded properties. */
  private collection<T extends Record<string, unknown>>(
    items: () => T[],
    methods: Record<string, unknown>
  ): Record<string, unknown> {
    const pendingLoads = this.pendingLoads;
    return {
      ...methods,
      load(this: { items?: unknown[] }, properties: Load): unknown {
        const wanted = requested(properties);
        pendingLoads.push(() => {
          this.items = items().map((item) =>
            Object.fromEntries(
              Object.entries(item).filter(
                ([name, value]) =>
                  typeof value === "object" || typeof value === "function" || wanted.includes(name)
              )
            )
          );
        });
        return this;
      },
    };
  }

  private tables(
    tables: () => TableState[],
    methods: Record<string, unknown> = {}
  ): Record<string, unknown> {
    return this.collection(
      () =>
        tables().map((table) => {
          const pendingLoads = this.pendingLoads;
          return {
            name: table.name,
            getRange: (): OfficeMockObject => this.range(table.sheet, table.box),
            worksheet: this.worksheet(table.sheet),
            // An item's own properties arrive at the next sync, as in Office.js.
            load(this: Record<string, unknown>, properties: Load): unknown {
              if (requested(properties).includes("showTotals")) {
                pendingLoads.push(() => {
                  this.showTotals = table.showTotals ?? false;
                });
              }
              return this;
            },
          };
        }),
      methods
    );
  }

  private table(table: TableState): OfficeMockObject {
    return this.track(
      new OfficeMockObject({
        name: table.name,
        showTotals: table.showTotals ?? false,
        getRange: (): OfficeMockObject => this.range(table.sheet, table.box),
        worksheet: this.worksheetData(table.sheet),
      })
    );
  }

  private worksheet(sheet: SheetState): OfficeMockObject {
    const mock = new OfficeMockObject({ ...this.worksheetData(sheet), pageLayout: {} });
    this.sheetMocks.push({ mock, sheet });
    return this.track(mock);
  }

  private worksheetData(sheet: SheetState): Record<string, unknown> {
    const state = this.state;
    return {
      name: sheet.name,
      id: model.sheetId(sheet),
      getRange: (address?: string): OfficeMockObject =>
        this.range(sheet, address === undefined ? WHOLE_SHEET : model.parseAddress(address).box),
      getUsedRange: (valuesOnly?: boolean): OfficeMockObject =>
        this.range(sheet, model.usedBox(sheet, null, valuesOnly) ?? box(0, 0, 0, 0)),
      getUsedRangeOrNullObject: (valuesOnly?: boolean): OfficeMockObject => {
        const used = model.usedBox(sheet, null, valuesOnly);
        return used ? this.range(sheet, used) : this.nullRange();
      },
      activate: (): void => {
        this.queued.push(() => {
          state.active = sheet;
        });
      },
      tables: this.tables(() => state.tables.filter((table) => table.sheet === sheet)),
    };
  }

  private nullRange(): OfficeMockObject {
    // office-addin-mock cannot hold null in its data graph; undefined stands for Office's null.
    const mock = new OfficeMockObject({
      rowIndex: undefined,
      columnIndex: undefined,
      rowCount: undefined,
      columnCount: undefined,
      values: undefined,
      formulas: undefined,
      address: undefined,
      // Null objects propagate: the sheet of a null range is null, and so is its used range.
      worksheet: {
        name: undefined,
        getUsedRangeOrNullObject: (): OfficeMockObject => this.nullRange(),
      },
    });
    return this.track(mock, true);
  }

  private range(sheet: SheetState, at: RangeBox): OfficeMockObject {
    const state = this.state;
    const rows = at.bottom - at.top + 1;
    const columns = at.right - at.left + 1;
    const borders: Written["borders"] = {};
    // Values only for ranges of a sane size: whole columns are never read by the adapter.
    const sane = rows * columns <= 2_000_000;
    const values = sane ? model.readValues(sheet, at) : undefined;
    // What `formulas` reads: the formula text where a cell has one, else its value.
    const formulas = sane ? model.readFormulas(sheet, at) : undefined;
    const mock = new OfficeMockObject({
      formulas,
      getVisibleView: (): OfficeMockObject => this.visibleView(sheet, at),
      getColumn: (column: number): OfficeMockObject =>
        this.range(sheet, box(at.top, at.left + column, at.bottom, at.left + column)),
      address: model.rangeAddress(sheet, at),
      rowIndex: at.top,
      columnIndex: at.left,
      rowCount: rows,
      columnCount: columns,
      values,
      worksheet: this.worksheetData(sheet),
      format: {
        font: {},
        fill: {},
        borders: {
          getItem: (edge: string): { style?: string; weight?: string } => (borders[edge] ??= {}),
        },
      },
      getCell: (row: number, column: number): OfficeMockObject =>
        this.range(sheet, box(at.top + row, at.left + column, at.top + row, at.left + column)),
      getUsedRangeOrNullObject: (valuesOnly?: boolean): OfficeMockObject => {
        const used = model.usedBox(sheet, at, valuesOnly);
        return used ? this.range(sheet, used) : this.nullRange();
      },
      getIntersectionOrNullObject: (other: string): OfficeMockObject => {
        const common = model.intersect(at, model.parseAddress(other).box);
        return common ? this.range(sheet, common) : this.nullRange();
      },
      getSurroundingRegion: (): OfficeMockObject =>
        this.range(sheet, model.surroundingRegion(sheet, box(at.top, at.left, at.top, at.left))),
      clear: (): void => {
        this.queued.push(() => model.clearRange(sheet, at));
      },
      select: (): void => {
        this.queued.push(() => {
          state.selection = { sheet, box: at };
          state.active = sheet;
        });
      },
    });
    this.writes.push({ mock, sheet, box: at, borders, readFormulas: formulas, readValues: values });
    this.countLoads(mock);
    return this.track(mock);
  }

  /** Excel's RangeView of `at`: the addresses of its cells in rows that are not hidden. */
  private visibleView(sheet: SheetState, at: RangeBox): OfficeMockObject {
    const cellAddresses = model.cellAddresses(sheet, at);
    const mock = new OfficeMockObject({ cellAddresses, rowCount: cellAddresses.length });
    this.countLoads(mock);
    return this.track(mock);
  }

  /** Applies property writes made since the last sync; returns their JSON size. */
  private flushWrites(): number {
    let bytes = 0;
    for (const write of this.writes) {
      const { mock, sheet, box: at, borders, readFormulas, readValues } = write;
      const writtenFormulas =
        Array.isArray(mock.formulas) && mock.formulas !== readFormulas ? mock.formulas : undefined;
      const writtenValues =
        Array.isArray(mock.values) && mock.values !== readValues ? mock.values : undefined;
      const format = mock.format;
      const font = format.font;
      const changes: Record<string, unknown> = {
        values: writtenValues,
        formulas: writtenFormulas,
        numberFormat: Object.prototype.hasOwnProperty.call(mock, "numberFormat")
          ? mock.numberFormat
          : undefined,
        bold: font.bold,
        italic: font.italic,
        size: font.size,
        color: font.color,
        fill: format.fill.color,
        horizontalAlignment: format.horizontalAlignment,
        wrapText: format.wrapText,
        columnWidth: format.columnWidth,
        rowHeight: format.rowHeight,
        borders: Object.keys(borders).length > 0 ? { ...borders } : undefined,
      };
      const present = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined)
      );
      if (Object.keys(present).length === 0) continue;
      bytes += JSON.stringify(present).length;
      this.applyWrite(sheet, at, present);
      if (writtenFormulas) delete mock.formulas;
      if (writtenValues) delete mock.values;
      delete mock.numberFormat;
      for (const name of ["bold", "italic", "size", "color"]) delete font[name];
      delete format.fill.color;
      for (const name of ["horizontalAlignment", "wrapText", "columnWidth", "rowHeight"])
        delete format[name];
      for (const edge of Object.keys(borders)) delete borders[edge];
    }
    return bytes;
  }

  private applyWrite(sheet: SheetState, at: RangeBox, changes: Record<string, unknown>): void {
    if (typeof changes.rowHeight === "number") {
      sheet.rowHeights ??= {};
      for (let row = at.top; row <= at.bottom; row++) sheet.rowHeights[row] = changes.rowHeight;
    }
    if (typeof changes.columnWidth === "number") {
      for (let column = at.left; column <= at.right; column++)
        sheet.columnWidths[column] = changes.columnWidth;
    }
    // Excel checks every 2-D array against the range's shape before it changes anything.
    for (const name of ["values", "formulas", "numberFormat"])
      if (changes[name] !== undefined) model.checkShape(at, changes[name], name);
    if (changes.values !== undefined) model.writeRange(sheet, at, changes.values, "values");
    if (changes.formulas !== undefined) model.writeRange(sheet, at, changes.formulas, "formulas");
    if (changes.numberFormat !== undefined)
      model.formatRange(sheet, at, "numberFormat", changes.numberFormat);
    const rows = at.bottom - at.top + 1;
    const borders = changes.borders as Written["borders"] | undefined;
    const formats: Record<string, unknown> = {
      bold: changes.bold,
      italic: changes.italic,
      fontSize: changes.size,
      fontColor: changes.color,
      fill: changes.fill,
      horizontalAlignment: changes.horizontalAlignment,
      wrapText: changes.wrapText,
    };
    for (const [name, value] of Object.entries(formats))
      if (value !== undefined) model.formatRange(sheet, at, name, value);
    if (borders?.EdgeTop)
      model.formatRange(sheet, { ...at, bottom: at.top }, "borderTop", borders.EdgeTop.weight);
    if (borders?.EdgeBottom && rows > 0)
      model.formatRange(
        sheet,
        { ...at, top: at.bottom },
        "borderBottom",
        borders.EdgeBottom.weight
      );
  }
}
