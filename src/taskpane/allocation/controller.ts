/**
 * The Fördela step without a DOM: holds what the user chose and typed, asks core for the
 * allocation on every change (the live preview), and talks to Excel only through the
 * ExcelPort it is given. The view renders `state` and calls the methods; tests drive it
 * with a fake port.
 */
import { allocationJson } from "../../core/jobs/allocation/json";
import { allocationCommandLine } from "../../core/jobs/allocation/command-line";
import { type ShapeRequest, findColumn } from "../../core/jobs/allocation/shapes";
import { columnName } from "../../core/table/columns";
import {
  type RunLogEntry,
  logTime,
  loggedInput,
  runLogSheet,
  sha256Result,
} from "../../core/runlog";
import {
  type AllocationRequest,
  type AllocationRun,
  countRecipients,
  parseMoney,
  runAllocation,
} from "../../core/jobs/allocation/allocation";
import { allocationSheetForRun } from "../../core/jobs/allocation/sheet";
import {
  type Grid,
  gridRangeRef,
  isBlank,
  parseReference,
  quoteSheetName,
  rangeAddress,
} from "../../core/grid";
import { InputError, type Problem } from "../../core/problems";
import type { SheetModel } from "../../core/sheets/sheet-model";
import {
  type ColumnChoice,
  type TableLayout,
  cellText,
  type LayoutGuess,
  detectLayout,
  guessLayout,
  layoutProblems,
} from "../../core/jobs/allocation/columns";
import type { SourceRange, WrittenOutput } from "../../excel/port";
import { Decimal, formatMoney } from "../../core/money";
import type { ClipboardWriter } from "../clipboard";
import { sheetTableForCopy } from "../copy-table";
import { sameRange } from "../../core/grid";
import {
  type AllocationSettings,
  DEFAULT_UNIT,
  type ReserveInput,
  type SavedAdvanced,
  UNIT_CHOICES,
  type UnitChoice,
  validSettings,
} from "../../core/jobs/allocation/settings";
import { SourcePicker, type SourceState } from "../shell/source";
import { type Issue, StepController, type StepContext, type StepState } from "../shell/step";
import { type AllocationTexts, ALLOCATION_TEXTS } from "./texts";

// Re-exported for the view and the tests, which know the step, not core's module layout.
export { sameRange, DEFAULT_UNIT, UNIT_CHOICES, validSettings };
export type { AllocationSettings, ReserveInput, SavedAdvanced, UnitChoice };

export const SETTINGS_KEY = "statsbidrag.allocation";

/** The "Avancerat" inputs: shapes and last year, all empty by default (a plain split). */
export interface AdvancedInput {
  base: string;
  floor: string;
  ceiling: string;
  /** Per recipient from a column (index into the headers) instead of one amount for all. */
  baseColumn: number | null;
  floorColumn: number | null;
  ceilingColumn: number | null;
  /** A second key column (index into the headers), weighted with the key column. */
  secondKey: number | null;
  keyWeight: string;
  secondWeight: string;
  /** A third key and on, each a column with its weight ("Lägg till nyckel"). */
  moreKeys: ExtraKey[];
  lastYearColumn: number | null;
}

export interface ExtraKey {
  column: number | null;
  weight: string;
}

export const NO_ADVANCED: AdvancedInput = {
  base: "",
  floor: "",
  ceiling: "",
  baseColumn: null,
  floorColumn: null,
  ceilingColumn: null,
  secondKey: null,
  keyWeight: "",
  secondWeight: "",
  moreKeys: [],
  lastYearColumn: null,
};

/** The column picks of "Avancerat": they name columns of one source only. */
const NO_ADVANCED_COLUMNS: Pick<
  AdvancedInput,
  "baseColumn" | "floorColumn" | "ceilingColumn" | "secondKey" | "moreKeys" | "lastYearColumn"
> = {
  baseColumn: null,
  floorColumn: null,
  ceilingColumn: null,
  secondKey: null,
  moreKeys: [],
  lastYearColumn: null,
};

/** The columns in use: the detected layout with the user's changes; null where none is chosen. */
export type ColumnsInUse = LayoutGuess;

export interface AllocationState extends StepState {
  /** Where the recipients come from (the shared source picker's state). */
  sources: SourceState;
  columns: ColumnsInUse | null;
  total: string;
  reserves: ReserveInput[];
  unit: UnitChoice;
  run: AllocationRun | null;
  written: WrittenOutput | null;
  /** Hidden recipient rows take part (the default, listed so the user sees them). */
  includeHidden: boolean;
  /** The grant and year for the sheet's title, e.g. "Hälsosamtal för äldre 2026" (optional). */
  grant: string;
  advanced: AdvancedInput;
  /** The preview is the last good one; the inputs changed since and are not valid yet. */
  previewStale: boolean;
  /** The inputs changed after the table was written: the sheet is older than the preview. */
  writtenStale: boolean;
  /**
   * Sheets offered for last year's amounts (a previous Fördelning copied into the workbook):
   * the workbook's sheets, listed when "Avancerat" is opened (or a sheet is in use when the
   * source is read), but the source's own sheet and the sheet this step wrote.
   */
  lastYearSheets: string[];
  /**
   * Last year's amounts from one of those sheets, as read; null when none is picked. A column
   * pick (advanced.lastYearColumn) and a sheet pick exclude each other.
   */
  lastYearSheet: SourceRange | null;
}

export type { ClipboardWriter };

export interface AllocationContext extends StepContext {
  /** Absent where the browser has no rich clipboard API. */
  clipboard?: ClipboardWriter;
}

export class AllocationController extends StepController<AllocationState> {
  private readonly texts: AllocationTexts;
  private readonly clipboard?: ClipboardWriter;
  readonly picker: SourcePicker;
  /** After the user tried to write, a missing pot or source is an error, not just an empty form. */
  private attemptedWrite = false;
  /** Problems from reading or detecting that belong to the current source until it changes. */
  private sourceIssues: Issue[] = [];
  private writtenModel: SheetModel | null = null;
  /** Once the user ticks interest columns, a change of name or key column no longer re-detects them. */
  private interestChosen = false;
  /**
   * The interest columns the user ticked (or detection found), kept apart from the ones in use:
   * moving through the key list with the arrow keys passes over ticked columns without
   * unticking them.
   */
  private interestWanted: number[] = [];
  /** How many times an input changed: a write compares it before and after. */
  private changes = 0;
  /** Fields the user has left (or tried to write): their problems show from then on. */
  private readonly touched = new Set<string>();
  /** Every problem with the inputs, shown or not yet. */
  private allIssues: Issue[] = [];
  /** The workbook's sheet names as listed for the current source; null until listed. */
  private workbookSheets: string[] | null = null;
  /** "Avancerat" is open: the sheets for last year are listed (once per source read). */
  private advancedOpen = false;
  /** The sheet this step wrote to in this session: never offered as last year's. */
  private outputSheet: string | null = null;

  constructor(context: AllocationContext) {
    const picker = new SourcePicker(context.port, {
      run: (busy, action) => this.excel(busy, action),
      read: (source) => this.sourceRead(source),
      refused: () => {
        // The last source's preview must not stand beside the new source's refusal.
        this.state.columns = null;
        this.state.run = null;
        this.state.previewStale = false;
      },
    });
    super(context, {
      busy: null,
      progress: null,
      sources: picker.state,
      columns: null,
      total: "",
      reserves: [],
      unit: DEFAULT_UNIT,
      run: null,
      issues: [],
      status: null,
      written: null,
      includeHidden: true,
      grant: "",
      advanced: { ...NO_ADVANCED },
      previewStale: false,
      writtenStale: false,
      lastYearSheets: [],
      lastYearSheet: null,
    });
    this.picker = picker;
    this.texts = ALLOCATION_TEXTS[context.lang];
    this.clipboard = context.clipboard;
  }

  /** Restores the last run's settings and lists the tables; reads the last table if there was one. */
  async start(): Promise<void> {
    const saved = this.readSavedSettings();
    if (saved) {
      this.state.total = saved.total;
      this.state.reserves = saved.reserves.map((r) => ({ ...r }));
      this.state.unit = saved.unit;
      if (saved.advanced) {
        const { base, floor, ceiling, keyWeight, secondWeight } = saved.advanced;
        this.state.advanced = { ...NO_ADVANCED, base, floor, ceiling, keyWeight, secondWeight };
      }
      this.picker.state.last = { address: saved.sourceAddress, tableName: saved.tableName };
      this.state.status = { kind: "info", text: this.shellTexts.settingsRestored };
    }
    this.update();
    await this.picker.listTables();
    const lastTable = saved?.tableName;
    if (lastTable && this.picker.hasTable(lastTable)) await this.readTable(lastTable);
  }

  useSelection(): Promise<void> {
    return this.picker.useSelection();
  }

  readTable(name: string): Promise<void> {
    return this.picker.readTable(name);
  }

  /** Reads the last run's source again: the table by name, else the range by its address. */
  rereadLast(): Promise<void> {
    return this.picker.reread();
  }

  setNameColumn(column: number): void {
    this.chooseColumn("nameColumn", column);
  }

  setKeyColumn(column: number): void {
    this.chooseColumn("keyColumn", column);
  }

  setInterestColumn(column: number, checked: boolean): void {
    const columns = this.state.columns;
    if (!columns) return;
    this.interestChosen = true;
    const others = this.interestWanted.filter((c) => c !== column);
    this.interestWanted = checked ? [...others, column].sort((a, b) => a - b) : others;
    this.applyInterest(columns);
    this.changed();
  }

  setIncludeHidden(include: boolean): void {
    this.state.includeHidden = include;
    this.changed();
  }

  setGrant(text: string): void {
    this.state.grant = text;
    this.changed();
  }

  setTotal(text: string): void {
    this.state.total = text;
    this.changed();
  }

  setUnit(unit: string): void {
    const choice = UNIT_CHOICES.find((u) => u === unit);
    if (!choice) return;
    this.state.unit = choice;
    this.changed();
  }

  /** Changes the "Avancerat" inputs (base, floor, ceiling, weighted key, last year). */
  setAdvanced(change: Partial<AdvancedInput>): void {
    this.state.advanced = { ...this.state.advanced, ...change };
    // Last year comes from a column or from a sheet, never both: choosing a column (or none) drops the sheet.
    if ("lastYearColumn" in change) this.state.lastYearSheet = null;
    this.changed();
  }

  /** One more weighted key (a third, a fourth …), its column still to be chosen. */
  addKey(): void {
    this.setAdvanced({ moreKeys: [...this.state.advanced.moreKeys, { column: null, weight: "" }] });
  }

  removeKey(index: number): void {
    this.setAdvanced({ moreKeys: this.state.advanced.moreKeys.filter((_, i) => i !== index) });
  }

  setMoreKey(index: number, change: Partial<ExtraKey>): void {
    this.setAdvanced({
      moreKeys: this.state.advanced.moreKeys.map((k, i) => (i === index ? { ...k, ...change } : k)),
    });
  }

  /**
   * Last year's amounts from a previous allocation sheet in the workbook (null: none): the
   * sheet is read now (one round trip) and replaces a last-year column. A sheet that is not
   * an allocation sheet is core's problem, shown beside the choice.
   */
  async setLastYearSheet(name: string | null): Promise<void> {
    if (name === null) {
      this.state.lastYearSheet = null;
      this.changed();
      return;
    }
    await this.excel("reading", async () => {
      const sheet = await this.port.readSheet(name);
      this.state.lastYearSheet = sheet;
      this.state.advanced = { ...this.state.advanced, lastYearColumn: null };
      this.changed();
    });
  }

  addReserve(): void {
    this.state.reserves = [...this.state.reserves, { name: "", amount: "" }];
    this.changed();
  }

  removeReserve(index: number): void {
    this.state.reserves = this.state.reserves.filter((_, i) => i !== index);
    this.changed();
  }

  setReserve(index: number, change: Partial<ReserveInput>): void {
    this.state.reserves = this.state.reserves.map((r, i) =>
      i === index ? { ...r, ...change } : r
    );
    this.changed();
  }

  /** The user left a field: its problems show from now on (not while typing). */
  leaveField(field: "total" | "reserves" | "unit"): void {
    if (this.touched.has(field)) return;
    this.touched.add(field);
    this.recompute();
  }

  /** "= 400 000 kr": what an amount field was read as, or null while it is empty or unreadable. */
  understood(text: string): string | null {
    if (text.trim() === "") return null;
    const parsed = parseMoney(text);
    if (!parsed.ok) return null;
    return `= ${formatMoney(parsed.value, new Decimal(this.state.unit), this.lang)}\u00a0${this.shellTexts.kr}`;
  }

  /** Writes the allocation sheet; nothing is written while any input is invalid. */
  async write(): Promise<void> {
    this.attemptedWrite = true;
    this.recompute();
    const { run, columns } = this.state;
    const source = this.picker.state.source;
    if (!run || !source || !columns || this.allIssues.length > 0) {
      this.setStatus({
        kind: "error",
        text: this.shellTexts.notWritten(Math.max(1, this.allIssues.length)),
      });
      return;
    }
    const model = allocationSheetForRun(run, {
      lang: this.lang,
      date: this.today(),
      source: source.address,
      grant: this.state.grant,
    });
    // The inputs stay editable while Excel writes: remember what this write was made from.
    const version = this.changes;
    const settings = this.settingsOf(source, columns);
    const logEntry = this.runLogEntry(run, source, columns);
    await this.excel("writing", async () => {
      const written = await this.port.writeOutput("allocation", model);
      this.state.written = written;
      this.outputSheet = written.sheetName;
      this.offerLastYearSheets(source);
      this.state.writtenStale = this.changes !== version;
      this.writtenModel = model;
      let done = this.texts.written(quoteSheetName(written.sheetName), written.tableAddress);
      try {
        await this.port.rewriteOwned("runlog", (previous) =>
          runLogSheet(previous, logEntry, this.lang)
        );
      } catch (error) {
        // The table is written; the log row is missing, and the user should know.
        this.log("run log could not be written", error);
        done = `${done} ${this.texts.runLogNotWritten}`;
      }
      try {
        await this.port.saveSettings<AllocationSettings>(SETTINGS_KEY, settings);
        this.state.status = { kind: "success", text: done };
      } catch (error) {
        // The table is written; only the memory of this run is lost, and the user should know.
        this.log("settings could not be saved", error);
        this.state.status = { kind: "info", text: `${done} ${this.shellTexts.settingsNotSaved}` };
      }
    });
  }

  async selectForCopy(): Promise<void> {
    const written = this.state.written;
    if (!written) return this.setStatus({ kind: "error", text: this.shellTexts.writeFirst });
    await this.excel(null, async () => {
      let focused = true;
      if (this.port.selectForCopy)
        focused = (await this.port.selectForCopy(written.tableAddress)).focused;
      else await this.port.select(written.tableAddress);
      const text = focused ? this.shellTexts.selectedForCopy : this.shellTexts.selectedClickSheet;
      this.state.status = { kind: "info", text: this.aboutWritten(text) };
    });
  }

  /** Puts the written table on the clipboard as HTML and plain text, where the host allows it. */
  async copyForWord(): Promise<void> {
    const model = this.writtenModel;
    if (!model) return this.setStatus({ kind: "error", text: this.shellTexts.writeFirst });
    let copied = false;
    if (this.clipboard) {
      try {
        copied = await this.clipboard(sheetTableForCopy(model, this.lang));
      } catch (error) {
        this.log("clipboard write refused", error);
      }
    }
    this.setStatus(
      copied
        ? { kind: "success", text: this.aboutWritten(this.shellTexts.copiedForWord) }
        : { kind: "error", text: this.shellTexts.copyNotAllowed }
    );
  }

  /** Copy actions work on the table in the sheet; say so when it is older than the preview. */
  private aboutWritten(text: string): string {
    return this.state.writtenStale ? `${text} ${this.texts.writtenIsOlder}` : text;
  }

  /** Any input changed: the written table (if any) is now older than the preview. */
  private changed(): void {
    this.changes++;
    if (this.state.written && !this.state.writtenStale) {
      this.state.writtenStale = true;
      this.state.status = { kind: "warning", text: this.texts.writtenIsOlder };
    }
    this.recompute();
  }

  /** The interest columns in use: the wanted ones that are not the name or key column. */
  private applyInterest(columns: ColumnsInUse): void {
    columns.interestColumns = this.interestWanted.filter(
      (c) => c !== columns.nameColumn && c !== columns.keyColumn
    );
  }

  private chooseColumn(which: "nameColumn" | "keyColumn", column: number): void {
    const { columns } = this.state;
    const source = this.picker.state.source;
    if (!columns || !source) return;
    columns[which] = column;
    this.sourceIssues = [];
    this.applyInterest(columns);
    if (!this.interestChosen && columns.nameColumn !== null && columns.keyColumn !== null) {
      // Let core find the interest columns for the new pair, as it would have on reading.
      const choice = {
        name: this.columnName(columns.nameColumn),
        key: this.columnName(columns.keyColumn),
      };
      const detected = tryDetect(source.grid, choice);
      if (
        detected &&
        detected.headerRow === columns.headerRow &&
        detected.nameColumn === columns.nameColumn &&
        detected.keyColumn === columns.keyColumn
      ) {
        this.interestWanted = [...detected.interestColumns];
        this.applyInterest(columns);
      }
    }
    this.changed();
  }

  private async sourceRead(source: SourceRange): Promise<void> {
    this.interestChosen = false;
    this.sourceIssues = [];
    this.state.written = null;
    this.writtenModel = null;
    this.state.columns = this.columnsFor(source);
    // Column picks in "Avancerat" name columns of the old source: start them over, or take
    // the last run's by header when the same source is read again.
    this.state.advanced = { ...this.state.advanced, ...NO_ADVANCED_COLUMNS };
    const saved = this.readSavedSettings();
    const headers = this.state.columns?.headers;
    if (saved?.advanced && headers && this.isSavedSource(saved, source)) {
      const column = (header: string) => {
        const c = header === "" ? -1 : findColumn(headers, header, source.grid.left);
        return c < 0 ? null : c;
      };
      const { baseHeader, floorHeader, ceilingHeader } = saved.advanced;
      this.state.advanced.baseColumn = column(baseHeader ?? "");
      this.state.advanced.floorColumn = column(floorHeader ?? "");
      this.state.advanced.ceilingColumn = column(ceilingHeader ?? "");
      this.state.advanced.secondKey = column(saved.advanced.secondKeyHeader);
      this.state.advanced.moreKeys = (saved.advanced.moreKeys ?? []).map((k) => ({
        column: column(k.header),
        weight: k.weight,
      }));
      this.state.advanced.lastYearColumn = column(saved.advanced.lastYearHeader);
    }
    this.interestWanted = [...(this.state.columns?.interestColumns ?? [])];
    this.state.run = null;
    this.state.writtenStale = false;
    const columns = this.state.columns;
    const recipients =
      columns && columns.nameColumn !== null
        ? countRecipients(source.grid, { ...columns, nameColumn: columns.nameColumn })
        : 0;
    this.state.status = { kind: "info", text: this.texts.readDone(source.address, recipients) };
    this.recompute();
    await this.readLastYearSheet(source, saved);
  }

  /**
   * "Avancerat" was opened or closed. Opened: the workbook's sheets are listed for last year's
   * choice (one round trip, once per source read), so a plain read costs nothing more.
   */
  async setAdvancedOpen(open: boolean): Promise<void> {
    this.advancedOpen = open;
    const source = this.picker.state.source;
    // During a read the sheets are listed by that read (Avancerat is open now); a second
    // Excel call here would clear the busy flag while the first still runs.
    if (!open || !source || this.workbookSheets !== null || this.state.busy !== null) return;
    await this.excel("reading", async () => {
      await this.listSheets(source);
      this.update();
    });
  }

  private async listSheets(source: SourceRange): Promise<void> {
    this.workbookSheets = await this.port.listSheets();
    this.offerLastYearSheets(source);
  }

  /**
   * After a source read: while "Avancerat" is open, or when a sheet is picked (or the last
   * run on this source used one), lists the workbook's sheets (one round trip), then reads
   * that sheet again (one more, only then) so its values are as fresh as the source's.
   * A plain read does neither.
   */
  private async readLastYearSheet(
    source: SourceRange,
    saved: AllocationSettings | null
  ): Promise<void> {
    const picked = this.state.lastYearSheet?.grid.sheet;
    const remembered =
      saved?.advanced && this.isSavedSource(saved, source) ? saved.advanced.lastYearSheet : "";
    this.state.lastYearSheet = null;
    this.workbookSheets = null;
    this.state.lastYearSheets = [];
    const wanted = picked ?? (remembered || undefined);
    if (!this.advancedOpen && wanted === undefined) return;
    await this.listSheets(source);
    const offered = this.state.lastYearSheets.find((name) => sameSheetName(name, wanted));
    if (offered !== undefined && this.state.advanced.lastYearColumn === null)
      this.state.lastYearSheet = await this.port.readSheet(offered);
    this.recompute();
  }

  /** The sheets last year's amounts may come from: not the source's, not the one written. */
  private offerLastYearSheets(source: SourceRange): void {
    const picked = this.state.lastYearSheet?.grid.sheet;
    this.state.lastYearSheets = (this.workbookSheets ?? []).filter(
      (name) =>
        sameSheetName(name, picked) ||
        !(sameSheetName(name, source.grid.sheet) || sameSheetName(name, this.outputSheet))
    );
  }

  private isSavedSource(saved: AllocationSettings, source: SourceRange): boolean {
    return saved.tableName
      ? saved.tableName === source.tableName
      : sameRange(saved.sourceAddress, source.address);
  }

  /** Detects the columns, preferring the last run's choice when the same source is read again. */
  private columnsFor(source: SourceRange): ColumnsInUse | null {
    const saved = this.readSavedSettings();
    const sameSource =
      saved &&
      (saved.tableName
        ? saved.tableName === source.tableName
        : sameRange(saved.sourceAddress, source.address));
    if (saved && sameSource) {
      const choice: ColumnChoice = {
        name: saved.nameHeader,
        key: saved.keyHeader,
        interest: saved.interestHeaders,
      };
      const layout = tryDetect(source.grid, choice);
      if (layout) {
        this.interestChosen = true;
        return fromLayout(layout);
      }
    }
    const { guess, problems } = guessLayout(source.grid);
    this.sourceIssues = problems.map((p) => this.issueOf(p));
    if (guess) return { ...guess, interestColumns: [...guess.interestColumns] };
    return firstRowAsHeader(source.grid);
  }

  private recompute(): void {
    const { columns } = this.state;
    const source = this.picker.state.source;
    const lastGood = this.state.run;
    this.state.run = null;
    // Problems found while reading or detecting stand until the source or a column choice changes.
    const issues: Issue[] = [...this.sourceIssues];
    if (!source || !columns) {
      if (issues.length === 0 && this.attemptedWrite)
        issues.push({ field: "range", message: this.texts.chooseSource });
      return this.showIssues(issues, null);
    }
    // When detection already said what is missing, that message stands until the user picks a column.
    const detectionFailed = this.sourceIssues.length > 0;
    const missing = layoutProblems(source.grid, columns).filter(
      (p) => !detectionFailed || p.code === "SAME_COLUMN"
    );
    issues.push(...missing.map((p) => this.issueOf(p)));
    if (issues.length === 0 && columns.nameColumn !== null && columns.keyColumn !== null) {
      const layout: TableLayout = {
        headerRow: columns.headerRow,
        headers: columns.headers,
        nameColumn: columns.nameColumn,
        keyColumn: columns.keyColumn,
        interestColumns: columns.interestColumns,
      };
      try {
        this.state.run = runAllocation(source.grid, this.request(), {}, layout, {
          hiddenRows: this.state.includeHidden ? "include" : "exclude",
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // An empty pot is only an error once the user asks to write; before that it is an empty form.
        const shown = error.problems.filter(
          (p) => this.attemptedWrite || p.code !== "TOTAL_MISSING"
        );
        issues.push(...shown.map((p) => this.issueOf(p)));
      }
    }
    this.showIssues(issues, lastGood);
  }

  /**
   * Problems with what the user is typing wait until the field is left (or a write is tried);
   * meanwhile the last good preview stays, marked as out of date.
   */
  private showIssues(issues: Issue[], lastGood: AllocationRun | null): void {
    const typing = new Set(["total", "reserves", "unit"]);
    this.allIssues = issues;
    this.state.issues = issues.filter(
      (i) => this.attemptedWrite || !i.field || !typing.has(i.field) || this.touched.has(i.field)
    );
    this.state.previewStale = this.state.run === null && lastGood !== null && issues.length > 0;
    if (this.state.previewStale) this.state.run = lastGood;
    this.update();
  }

  private request(): AllocationRequest {
    return {
      total: this.state.total,
      unit: this.state.unit,
      // A reserve row left completely empty is not a mistake, just unused.
      reserves: this.state.reserves.filter((r) => r.name.trim() !== "" || r.amount.trim() !== ""),
      ...this.advancedRequest(),
    };
  }

  /**
   * This write's Körlogg row, with the runner line that reproduces it; taken before the write
   * starts, because the inputs stay editable while Excel works.
   */
  private runLogEntry(run: AllocationRun, source: SourceRange, columns: ColumnsInUse): RunLogEntry {
    const header = (c: number | null) => (c === null ? undefined : this.columnName(c));
    const request = this.request();
    const shapes = request.shapes;
    type Source = { value: string | number } | { column: string } | undefined;
    const amount = (s: Source) => (s && "value" in s ? String(s.value) : undefined);
    const column = (s: Source) => (s && "column" in s ? s.column : undefined);
    const weighted = shapes?.weightedKeys;
    const lastYearSheet =
      request.lastYear && "sheet" in request.lastYear ? request.lastYear.sheet : undefined;
    const json = allocationJson(run.result);
    return {
      time: logTime(new Date()),
      job: "allocate",
      // Every range the run read, the recipients first, so `statsbidrag rerun` checks them all.
      ...loggedInput(lastYearSheet ? [source.grid, lastYearSheet] : [source.grid]),
      commandLine: allocationCommandLine({
        file: this.texts.workbookPlaceholder,
        sheet: source.grid.sheet,
        // Exactly the cells read (a selection or a table), not the whole sheet the runner would.
        range: rangeAddress(parseReference(gridRangeRef(source.grid)).box),
        total: this.state.total,
        reserves: (request.reserves ?? []).map((r) => `${r.name}=${r.amount}`),
        unit: this.state.unit,
        nameColumn: header(columns.nameColumn),
        keyColumns: weighted ? weighted.map((w) => w.column) : [header(columns.keyColumn) ?? ""],
        weights: weighted ? weighted.map((w) => String(w.weight)) : [],
        interestColumns: columns.interestColumns.map((c) => this.columnName(c)),
        // No interest column ticked: every row takes part (the runner would look for some).
        noInterestColumns: columns.interestColumns.length === 0,
        hiddenRows: this.state.includeHidden ? "include" : "exclude",
        base: amount(shapes?.base),
        baseColumn: column(shapes?.base),
        floor: amount(shapes?.floor),
        floorColumn: column(shapes?.floor),
        ceiling: amount(shapes?.ceiling),
        ceilingColumn: column(shapes?.ceiling),
        lastYearColumn:
          request.lastYear && "column" in request.lastYear ? request.lastYear.column : undefined,
        lastYearSheet: lastYearSheet?.sheet,
        lang: this.lang,
        date: this.today(),
      }),
      recipients: run.result.rows.length,
      total: run.result.total,
      resultSha256: sha256Result(json.rows),
    };
  }

  /**
   * How core, the run log and the settings name column `c` of the source: its header, or
   * "[C]" when another column has the same header, so the runner finds exactly this one.
   */
  private columnName(c: number): string {
    const columns = this.state.columns;
    const left = this.picker.state.source?.grid.left ?? 0;
    return columns ? columnName(columns.headers, c, left) : "";
  }

  /** The shapes and last year the "Avancerat" inputs ask for; nothing when they are empty. */
  private advancedRequest(): Pick<AllocationRequest, "shapes" | "lastYear"> {
    const a = this.state.advanced;
    const headers = this.state.columns?.headers ?? [];
    const keyColumn = this.state.columns?.keyColumn ?? null;
    const name = (c: number) => this.columnName(c);
    // A column picked wins over the amount field, which the view hides meanwhile.
    const amount = (text: string, column: number | null) =>
      column !== null && headers[column] !== undefined
        ? { column: name(column) }
        : text.trim() === ""
          ? undefined
          : { value: text };
    const shapes: ShapeRequest = {
      base: amount(a.base, a.baseColumn),
      floor: amount(a.floor, a.floorColumn),
      ceiling: amount(a.ceiling, a.ceilingColumn),
    };
    if (a.secondKey !== null && keyColumn !== null && headers[a.secondKey] !== undefined)
      shapes.weightedKeys = [
        { column: name(keyColumn), weight: a.keyWeight },
        { column: name(a.secondKey), weight: a.secondWeight },
        // A key row whose column is not chosen yet does not count.
        ...a.moreKeys.flatMap((k) =>
          k.column !== null && headers[k.column] !== undefined
            ? [{ column: name(k.column), weight: k.weight }]
            : []
        ),
      ];
    const lastYearSheet = this.state.lastYearSheet;
    const lastYear = lastYearSheet
      ? { sheet: lastYearSheet.grid }
      : a.lastYearColumn !== null && headers[a.lastYearColumn] !== undefined
        ? { column: name(a.lastYearColumn) }
        : undefined;
    return { shapes, lastYear };
  }

  private settingsOf(source: SourceRange, columns: ColumnsInUse): AllocationSettings {
    const header = (c: number | null) => (c === null ? "" : this.columnName(c));
    return {
      version: 1,
      sourceAddress: source.address,
      tableName: source.tableName,
      nameHeader: header(columns.nameColumn),
      keyHeader: header(columns.keyColumn),
      interestHeaders: columns.interestColumns.map(header),
      total: this.state.total,
      reserves:
        this.request().reserves?.map((r) => ({ name: r.name, amount: String(r.amount) })) ?? [],
      unit: this.state.unit,
      ...this.savedAdvanced(columns),
    };
  }

  private savedAdvanced(columns: ColumnsInUse): { advanced?: SavedAdvanced } {
    const a = this.state.advanced;
    const header = (c: number | null) =>
      c === null || columns.headers[c] === undefined ? "" : this.columnName(c);
    const advanced: SavedAdvanced = {
      base: a.base,
      floor: a.floor,
      ceiling: a.ceiling,
      baseHeader: header(a.baseColumn),
      floorHeader: header(a.floorColumn),
      ceilingHeader: header(a.ceilingColumn),
      secondKeyHeader: header(a.secondKey),
      keyWeight: a.keyWeight,
      secondWeight: a.secondWeight,
      lastYearHeader: header(a.lastYearColumn),
      ...(this.state.lastYearSheet ? { lastYearSheet: this.state.lastYearSheet.grid.sheet } : {}),
    };
    const moreKeys = a.moreKeys.map((k) => ({ header: header(k.column), weight: k.weight }));
    if (moreKeys.length > 0) advanced.moreKeys = moreKeys;
    return moreKeys.length > 0 ||
      Object.values(advanced).some((v) => typeof v === "string" && v.trim() !== "")
      ? { advanced }
      : {};
  }

  private readSavedSettings(): AllocationSettings | null {
    try {
      return validSettings(this.port.loadSettings<unknown>(SETTINGS_KEY));
    } catch (error) {
      this.log("settings could not be read", error);
      return null;
    }
  }

  /** A reserve's problem names which reserve and which of its inputs, so only that one is marked. */
  protected override issueOf(problem: Problem): Issue {
    const issue = super.issueOf(problem);
    const { index, part } = problem.params ?? {};
    if (problem.field === "reserves" && typeof index === "string" && typeof part === "string")
      issue.control = `reserve-${index}-${part}`;
    // Last year's sheet is chosen in the same select as its column: its problem shows there.
    if (problem.field === "lastYearSheet") issue.field = "lastYearColumn";
    return issue;
  }

  protected inputRefused(error: InputError): void {
    this.sourceIssues = error.problems.map((p) => this.issueOf(p));
    this.state.issues = [...this.sourceIssues];
    this.state.status = { kind: "error", text: this.texts.notRead };
  }
}

function fromLayout(layout: TableLayout): ColumnsInUse {
  return {
    headerRow: layout.headerRow,
    headers: layout.headers,
    nameColumn: layout.nameColumn,
    keyColumn: layout.keyColumn,
    interestColumns: [...layout.interestColumns],
  };
}

/** No row looks like a header: offer the first non-blank row's cells to pick the columns from. */
function firstRowAsHeader(grid: Grid): ColumnsInUse | null {
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  const headerRow = grid.values.findIndex((row) => row.some((v) => !isBlank(v)));
  if (width === 0 || headerRow < 0) return null;
  const headers = Array.from({ length: width }, (_, c) => cellText(grid.values[headerRow][c]));
  return { headerRow, headers, nameColumn: null, keyColumn: null, interestColumns: [] };
}

/** Excel's sheet names ignore case. */
function sameSheetName(a: string, b: string | null | undefined): boolean {
  return typeof b === "string" && a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

function tryDetect(grid: Grid, choice: ColumnChoice): TableLayout | null {
  try {
    return detectLayout(grid, choice);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}
