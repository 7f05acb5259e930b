/**
 * A workbook behind office-addin-mock's OfficeMockObject: every proxy the adapter gets (range,
 * sheet, named item) is an OfficeMockObject built from this object graph, so reading a
 * property that was not loaded, or before sync, gives the mock's error value instead of data.
 * The graph adds what the mock has no notion of: a cell store, queued method calls and property
 * writes applied at sync (as Excel does), collections whose items arrive at sync, and a counted
 * `context.sync` that measures the JSON size of what is written.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  type RangeBox,
  parseReference,
  quoteSheetName,
  rangeAddress,
} from "../../../src/core/grid";

export interface CellState {
  /** What a read of `values` returns. */
  value: string | number | boolean;
  /** The raw input written through `formulas`, e.g. "'0180" or "=SUM(D4:D15)". */
  input?: string | number;
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
}

export interface SheetState {
  name: string;
  cells: Record<string, CellState>;
  columnWidths: Record<number, number>;
  /** Zero-based worksheet rows hidden by hand or by a filter. */
  hiddenRows?: number[];
  /** What the code under test set through worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout?: { orientation?: string; zoom?: Record<string, number> };
}

export interface TableState {
  name: string;
  sheet: SheetState;
  box: RangeBox;
  /** The last row of `box` is Excel's totals row. */
  showTotals?: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  /** Workbook-level defined names pointing at A1 of a sheet (null once the sheet is deleted). */
  names: Record<string, SheetState | null>;
  selection: { sheet: SheetState; box: RangeBox };
  active: SheetState;
}

type Cell = string | number | boolean | null;

export function sheetFrom(name: string, rows: Cell[][], top = 0, left = 0): SheetState {
  const sheet: SheetState = { name, cells: {}, columnWidths: {} };
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== "") sheet.cells[key(top + r, left + c)] = { value };
    })
  );
  return sheet;
}

export function key(row: number, column: number): string {
  return `${row},${column}`;
}

function box(top: number, left: number, bottom: number, right: number): RangeBox {
  return { top, left, bottom, right };
}

function intersect(a: RangeBox, b: RangeBox): RangeBox | null {
  const result = box(
    Math.max(a.top, b.top),
    Math.max(a.left, b.left),
    Math.min(a.bottom, b.bottom),
    Math.min(a.right, b.right)
  );
  return result.top <= result.bottom && result.left <= result.right ? result : null;
}

function usedBox(sheet: SheetState, within: RangeBox): RangeBox | null {
  let found: RangeBox | null = null;
  for (const cellKey of Object.keys(sheet.cells)) {
    const [row, column] = cellKey.split(",").map(Number);
    if (row < within.top || row > within.bottom || column < within.left || column > within.right)
      continue;
    found = found
      ? box(
          Math.min(found.top, row),
          Math.min(found.left, column),
          Math.max(found.bottom, row),
          Math.max(found.right, column)
        )
      : box(row, column, row, column);
  }
  return found;
}

const WHOLE_SHEET = box(0, 0, 1048575, 16383);

/** Excel's CurrentRegion: grow the box while any cell touching it is non-blank. */
function surroundingRegion(sheet: SheetState, start: RangeBox): RangeBox {
  let region = start;
  for (;;) {
    const ring = box(
      Math.max(region.top - 1, 0),
      Math.max(region.left - 1, 0),
      region.bottom + 1,
      region.right + 1
    );
    const used = usedBox(sheet, ring);
    if (!used) return region;
    const grown = box(
      Math.min(region.top, used.top),
      Math.min(region.left, used.left),
      Math.max(region.bottom, used.bottom),
      Math.max(region.right, used.right)
    );
    if (
      grown.top === region.top &&
      grown.left === region.left &&
      grown.bottom === region.bottom &&
      grown.right === region.right
    ) {
      return region;
    }
    region = grown;
  }
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

interface Written {
  mock: OfficeMockObject;
  /** The array a load of `formulas` gives: anything else there was written. */
  readFormulas: unknown;
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
  /** Requirement sets besides ExcelApi, e.g. "ExcelApiDesktop 1.1" on Excel desktop. */
  readonly otherSets = new Set<string>();
  /** When set, the next sync fails with this Office error code (e.g. cell edit mode). */
  failNextSyncWith?: string;
  /** Set when the code under test suspended Excel's calculation. */
  calculationSuspended = false;
  /** JSON bytes of the values and formats written, per sync. */
  readonly writtenBytes: number[] = [];
  readonly supported: string[];
  private queued: Array<() => void> = [];
  private pendingLoads: Array<() => void> = [];
  private mocks: OfficeMockObject[] = [];
  private writes: Written[] = [];
  private sheetMocks: { mock: OfficeMockObject; sheet: SheetState }[] = [];
  private reads: { mock: OfficeMockObject; names: string[] }[] = [];
  /** Reads loaded before the last sync, measured at it. */
  private saved: Record<string, unknown> = {};

  constructor(
    readonly state: WorkbookState,
    apiVersion = "1.7"
  ) {
    const minor = Number(apiVersion.split(".")[1]);
    this.supported = Array.from({ length: minor }, (_, i) => `1.${i + 1}`);
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
    const store: Record<string, unknown> = {};
    return {
      context: {
        displayLanguage: "sv-SE",
        requirements: {
          isSetSupported: (name: string, version: string): boolean =>
            (name === "ExcelApi" && this.supported.includes(version)) ||
            this.otherSets.has(`${name} ${version}`),
        },
        document: {
          settings: {
            get: (name: string): unknown => (name in store ? store[name] : null),
            set: (name: string, value: unknown): void => {
              store[name] = value;
            },
            saveAsync: (callback: (result: { status: string }) => void): void => {
              Object.assign(saved, JSON.parse(JSON.stringify(store)));
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
          const sheet = state.sheets.find((candidate) => candidate.name === name);
          if (sheet) return this.worksheet(sheet);
          this.queued.push(() => {
            throw officeError("ItemNotFound", `The worksheet '${name}' does not exist.`);
          });
          return this.worksheet({ name, cells: {}, columnWidths: {} });
        },
        getActiveWorksheet: (): OfficeMockObject => this.worksheet(state.active),
        add: (name: string): OfficeMockObject => {
          const sheet: SheetState = { name, cells: {}, columnWidths: {} };
          this.queued.push(() => {
            if (state.sheets.some((other) => other.name.toLowerCase() === name.toLowerCase())) {
              throw officeError("ItemAlreadyExists", `A sheet named '${name}' exists.`);
            }
            state.sheets.push(sheet);
          });
          return this.worksheet(sheet);
        },
      }),
      tables: this.tables(() => state.tables, {
        getItem: (name: string): OfficeMockObject => {
          const table = state.tables.find((candidate) => candidate.name === name);
          if (table) return this.table(table);
          this.queued.push(() => {
            throw officeError("ItemNotFound", `The table '${name}' does not exist.`);
          });
          return this.table({ name, sheet: state.active, box: box(0, 0, 0, 0) });
        },
      }),
      names: {
        /** As Excel: a missing name, or one whose sheet is gone, fails the batch at sync. */
        getItem: (name: string): OfficeMockObject => {
          const target = state.names[name];
          const live = target && state.sheets.includes(target) ? target : null;
          if (!live) {
            this.queued.push(() => {
              throw officeError("ItemNotFound", `The name '${name}' does not exist.`);
            });
          }
          const sheet = live ?? { name: "#REF", cells: {}, columnWidths: {} };
          return new OfficeMockObject({
            name,
            getRange: (): OfficeMockObject => this.range(sheet, box(0, 0, 0, 0)),
          });
        },
        getItemOrNullObject: (name: string): OfficeMockObject => {
          const exists = name in state.names;
          const target = state.names[name];
          const live = target && state.sheets.includes(target) ? target : null;
          const item = new OfficeMockObject({
            name,
            value: live ? `${quoteSheetName(live.name)}!$A$1` : "#REF!",
            // The mark's cell; a null object (and so its sheet) when the name or its sheet is gone.
            getRangeOrNullObject: (): OfficeMockObject =>
              live ? this.range(live, box(0, 0, 0, 0)) : this.nullRange(),
            delete: (): void => {
              this.queued.push(() => {
                delete state.names[name];
              });
            },
          });
          return this.track(item, !exists);
        },
        add: (name: string, reference: OfficeMockObject): void => {
          const written = this.writes.find((write) => write.mock === reference);
          this.queued.push(() => {
            if (name in state.names)
              throw officeError("ItemAlreadyExists", `The name '${name}' exists.`);
            state.names[name] = written ? written.sheet : null;
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
      getRange: (address?: string): OfficeMockObject =>
        this.range(sheet, address === undefined ? WHOLE_SHEET : parseReference(address).box),
      getUsedRange: (): OfficeMockObject =>
        this.range(sheet, usedBox(sheet, WHOLE_SHEET) ?? box(0, 0, 0, 0)),
      getUsedRangeOrNullObject: (): OfficeMockObject => {
        const used = usedBox(sheet, WHOLE_SHEET);
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
    const values =
      rows * columns <= 2_000_000
        ? Array.from({ length: rows }, (_, r) =>
            Array.from(
              { length: columns },
              (_, c) => sheet.cells[key(at.top + r, at.left + c)]?.value ?? ""
            )
          )
        : undefined;
    // What `formulas` reads: the formula text where a cell has one, else its value.
    const formulas = values?.map((line, r) =>
      line.map((value, c) => {
        const input = sheet.cells[key(at.top + r, at.left + c)]?.input;
        return typeof input === "string" && input.startsWith("=") ? input : value;
      })
    );
    const mock = new OfficeMockObject({
      formulas,
      getVisibleView: (): OfficeMockObject => this.visibleView(sheet, at),
      getColumn: (column: number): OfficeMockObject =>
        this.range(sheet, box(at.top, at.left + column, at.bottom, at.left + column)),
      address: `${quoteSheetName(sheet.name)}!${rangeAddress(at)}`,
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
      getUsedRangeOrNullObject: (): OfficeMockObject => {
        const used = usedBox(sheet, at);
        return used ? this.range(sheet, used) : this.nullRange();
      },
      getIntersectionOrNullObject: (other: string): OfficeMockObject => {
        const common = intersect(at, parseReference(other).box);
        return common ? this.range(sheet, common) : this.nullRange();
      },
      getSurroundingRegion: (): OfficeMockObject =>
        this.range(sheet, surroundingRegion(sheet, box(at.top, at.left, at.top, at.left))),
      clear: (): void => {
        this.queued.push(() => {
          for (const cellKey of Object.keys(sheet.cells)) {
            const [row, column] = cellKey.split(",").map(Number);
            if (row >= at.top && row <= at.bottom && column >= at.left && column <= at.right)
              delete sheet.cells[cellKey];
          }
        });
      },
      select: (): void => {
        this.queued.push(() => {
          state.selection = { sheet, box: at };
          state.active = sheet;
        });
      },
    });
    this.writes.push({ mock, sheet, box: at, borders, readFormulas: formulas });
    this.countLoads(mock);
    return this.track(mock);
  }

  /** Excel's RangeView of `at`: the addresses of its cells in rows that are not hidden. */
  private visibleView(sheet: SheetState, at: RangeBox): OfficeMockObject {
    const hidden = new Set(sheet.hiddenRows ?? []);
    const cellAddresses: string[][] = [];
    for (let row = at.top; row <= at.bottom; row++) {
      if (hidden.has(row)) continue;
      const line: string[] = [];
      for (let column = at.left; column <= at.right; column++)
        line.push(`${quoteSheetName(sheet.name)}!${rangeAddress(box(row, column, row, column))}`);
      cellAddresses.push(line);
    }
    const mock = new OfficeMockObject({ cellAddresses, rowCount: cellAddresses.length });
    this.countLoads(mock);
    return this.track(mock);
  }

  /** Applies property writes made since the last sync; returns their JSON size. */
  private flushWrites(): number {
    let bytes = 0;
    for (const write of this.writes) {
      const { mock, sheet, box: at, borders, readFormulas } = write;
      const writtenFormulas =
        Array.isArray(mock.formulas) && mock.formulas !== readFormulas ? mock.formulas : undefined;
      const format = mock.format;
      const font = format.font;
      const changes: Record<string, unknown> = {
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
        borders: Object.keys(borders).length > 0 ? { ...borders } : undefined,
      };
      const present = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined)
      );
      if (Object.keys(present).length === 0) continue;
      bytes += JSON.stringify(present).length;
      this.applyWrite(sheet, at, present);
      if (writtenFormulas) delete mock.formulas;
      delete mock.numberFormat;
      for (const name of ["bold", "italic", "size", "color"]) delete font[name];
      delete format.fill.color;
      for (const name of ["horizontalAlignment", "wrapText", "columnWidth"]) delete format[name];
      for (const edge of Object.keys(borders)) delete borders[edge];
    }
    return bytes;
  }

  private applyWrite(sheet: SheetState, at: RangeBox, changes: Record<string, unknown>): void {
    if (typeof changes.columnWidth === "number") {
      for (let column = at.left; column <= at.right; column++)
        sheet.columnWidths[column] = changes.columnWidth;
    }
    const rows = at.bottom - at.top + 1;
    const columns = at.right - at.left + 1;
    const formulas = changes.formulas as (string | number)[][] | undefined;
    const numberFormat = changes.numberFormat as string[][] | undefined;
    for (const grid of [formulas, numberFormat]) {
      if (grid && (grid.length !== rows || grid.some((row) => row.length !== columns))) {
        throw officeError(
          "InvalidArgument",
          `The 2-D array does not match the range ${rangeAddress(at)}.`
        );
      }
    }
    const borders = changes.borders as Written["borders"] | undefined;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cellKey = key(at.top + r, at.left + c);
        const cell: CellState = sheet.cells[cellKey] ?? { value: "" };
        if (formulas) {
          const input = formulas[r][c];
          if (input === "") {
            delete cell.input;
            cell.value = "";
          } else {
            cell.input = input;
            cell.value =
              typeof input === "string" && input.startsWith("'") ? input.slice(1) : input;
          }
        }
        if (numberFormat) cell.numberFormat = numberFormat[r][c];
        if (changes.bold !== undefined) cell.bold = changes.bold as boolean;
        if (changes.italic !== undefined) cell.italic = changes.italic as boolean;
        if (changes.size !== undefined) cell.fontSize = changes.size as number;
        if (changes.color !== undefined) cell.fontColor = changes.color as string;
        if (changes.fill !== undefined) cell.fill = changes.fill as string;
        if (changes.horizontalAlignment !== undefined)
          cell.horizontalAlignment = changes.horizontalAlignment as string;
        if (changes.wrapText !== undefined) cell.wrapText = changes.wrapText as boolean;
        if (borders?.EdgeTop && r === 0) cell.borderTop = borders.EdgeTop.weight;
        if (borders?.EdgeBottom && r === rows - 1) cell.borderBottom = borders.EdgeBottom.weight;
        const styled = Object.keys(cell).some((name) => name !== "value");
        if (cell.value !== "" || styled) sheet.cells[cellKey] = cell;
      }
    }
  }
}
