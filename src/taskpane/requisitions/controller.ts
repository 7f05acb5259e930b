/**
 * The Rekvisitioner step without a DOM: two sources (the maxima and the requisitions), the
 * conditions the user types (deadline, pot, unit, re-distribution), core's run on every
 * change (the live result), and the owned "Rekvisitioner" sheet written through the port.
 * The maxima can also come from the add-in's own allocation sheet with one click. The view
 * renders `state` and calls the methods; tests drive it with a fake port.
 */
import { quoteSheetName } from "../../core/grid";
import {
  type RequisitionsRequest,
  type RequisitionsRun,
  runRequisitions,
} from "../../core/jobs/requisitions/requisitions";
import { requisitionsSheet, statusWords } from "../../core/jobs/requisitions/sheet";
import type { RequisitionStatus } from "../../core/jobs/requisitions/validation";
import { InputError, problemLocation, problemMessage } from "../../core/problems";
import type { SourceRange, WrittenOutput } from "../../excel/port";
import {
  type MaximaOrigin,
  type RequisitionsSettings,
  validSettings,
} from "../../core/jobs/requisitions/settings";
import { SourcePicker, type SourceState } from "../shell/source";
import { DEFAULT_UNIT, UNIT_CHOICES, type UnitChoice } from "../../core/money";
import { type Issue, StepController, type StepContext, type StepState } from "../shell/step";
import { REQUISITIONS_TEXTS, type RequisitionsTexts } from "./texts";

// Re-exported for the view and the tests, which know the step, not core's layout.
export { DEFAULT_UNIT, UNIT_CHOICES, validSettings };
export type { MaximaOrigin, RequisitionsSettings, UnitChoice };

export const SETTINGS_KEY = "statsbidrag.requisitions";

/** Which of the step's two lists. */
export type ListKind = "maxima" | "requisitions";

/** A requisition with a remark: its status in words, its message and the cell to jump to. */
export interface Remark {
  cell: string;
  status: RequisitionStatus;
  statusText: string;
  message: string;
}

export interface RequisitionsState extends StepState {
  maxima: SourceState;
  requisitions: SourceState;
  /** The maxima were read from the add-in's own allocation sheet. */
  maximaOwned: boolean;
  /** YYYY-MM-DD as a date field gives it; "" for none. */
  deadline: string;
  total: string;
  unit: UnitChoice;
  redistribute: boolean;
  run: RequisitionsRun | null;
  /** Every requisition that is not ok, in input order. */
  remarks: Remark[];
  written: WrittenOutput | null;
}

export class RequisitionsController extends StepController<RequisitionsState> {
  private readonly texts: RequisitionsTexts;
  readonly maximaPicker: SourcePicker;
  readonly requisitionsPicker: SourcePicker;
  /** After the user tried to write, a missing list is an error, not just an empty form. */
  private attemptedWrite = false;
  /** The list being read, so a refused read is shown by its own picker. */
  private reading: ListKind | null = null;
  /** A refused read of a list stands until that list is read again. */
  private readonly refused: Record<ListKind, Issue[]> = { maxima: [], requisitions: [] };

  constructor(context: StepContext) {
    const picker = (kind: ListKind) =>
      new SourcePicker(context.port, {
        run: (busy, action) => {
          this.reading = kind;
          return this.excel(busy, action);
        },
        read: (source) => this.listRead(kind, source),
        refused: () => {
          if (kind === "maxima") this.state.maximaOwned = false;
        },
      });
    const maxima = picker("maxima");
    const requisitions = picker("requisitions");
    super(context, {
      busy: null,
      progress: null,
      issues: [],
      status: null,
      maxima: maxima.state,
      requisitions: requisitions.state,
      maximaOwned: false,
      deadline: "",
      total: "",
      unit: DEFAULT_UNIT,
      redistribute: false,
      run: null,
      remarks: [],
      written: null,
    });
    this.maximaPicker = maxima;
    this.requisitionsPicker = requisitions;
    this.texts = REQUISITIONS_TEXTS[context.lang];
  }

  /** Restores the last run's settings, lists the tables and reads again what can be read by name. */
  async start(): Promise<void> {
    const saved = this.readSavedSettings();
    if (saved) {
      this.state.deadline = saved.deadline;
      this.state.total = saved.total;
      this.state.unit = saved.unit;
      this.state.redistribute = saved.redistribute;
      if (saved.maxima.address)
        this.maximaPicker.state.last = {
          address: saved.maxima.address,
          tableName: saved.maxima.tableName,
        };
      this.requisitionsPicker.state.last = { ...saved.requisitions };
      this.state.status = { kind: "info", text: this.shellTexts.settingsRestored };
    }
    this.update();
    await this.maximaPicker.listTables();
    this.requisitionsPicker.state.tables = this.maximaPicker.state.tables;
    this.update();
    if (!saved) return;
    if (saved.maxima.owned) await this.useAllocationSheet();
    else if (saved.maxima.tableName && this.maximaPicker.hasTable(saved.maxima.tableName))
      await this.maximaPicker.readTable(saved.maxima.tableName);
    const table = saved.requisitions.tableName;
    if (table && this.requisitionsPicker.hasTable(table))
      await this.requisitionsPicker.readTable(table);
  }

  /** One click: the maxima from the allocation sheet the add-in wrote in this workbook. */
  async useAllocationSheet(): Promise<void> {
    this.reading = "maxima";
    await this.excel("reading", async () => {
      const source = await this.port.readOwnedTable("allocation");
      if (!source) {
        this.refused.maxima = [{ field: "maxima", message: this.texts.noAllocationSheet }];
        this.state.status = { kind: "error", text: this.texts.noAllocationSheet };
        this.recompute();
        return;
      }
      this.maximaPicker.state.source = source;
      this.listRead("maxima", source, true);
    });
  }

  setDeadline(text: string): void {
    this.state.deadline = text;
    this.recompute();
  }

  setTotal(text: string): void {
    this.state.total = text;
    this.recompute();
  }

  setUnit(unit: string): void {
    const choice = UNIT_CHOICES.find((u) => u === unit);
    if (!choice) return;
    this.state.unit = choice;
    this.recompute();
  }

  setRedistribute(on: boolean): void {
    this.state.redistribute = on;
    this.recompute();
  }

  /** Writes the owned "Rekvisitioner" sheet; nothing is written while any input is invalid. */
  async write(): Promise<void> {
    this.attemptedWrite = true;
    this.recompute();
    const run = this.state.run;
    const maxima = this.maximaPicker.state.source;
    const requisitions = this.requisitionsPicker.state.source;
    if (!run || !maxima || !requisitions || this.state.issues.length > 0) {
      this.setStatus({
        kind: "error",
        text: this.shellTexts.notWritten(Math.max(1, this.state.issues.length)),
      });
      return;
    }
    const model = requisitionsSheet(run, { lang: this.lang, date: this.today() });
    await this.excel("writing", async () => {
      const written = await this.port.writeOutput("requisitions", model);
      this.state.written = written;
      const done = this.texts.written(quoteSheetName(written.sheetName), written.tableAddress);
      try {
        await this.port.saveSettings<RequisitionsSettings>(
          SETTINGS_KEY,
          this.settingsOf(maxima, requisitions)
        );
        this.state.status = { kind: "success", text: done };
      } catch (error) {
        // The table is written; only the memory of this run is lost, and the user should know.
        this.log("settings could not be saved", error);
        this.state.status = { kind: "info", text: `${done} ${this.shellTexts.settingsNotSaved}` };
      }
    });
  }

  private listRead(kind: ListKind, source: SourceRange, owned = false): void {
    this.refused[kind] = [];
    this.state.written = null;
    if (kind === "maxima") this.state.maximaOwned = owned;
    this.recompute();
    const run = this.state.run;
    const t = this.texts;
    const text =
      kind === "maxima"
        ? owned
          ? t.maximaFromAllocation(source.address)
          : t.maximaRead(source.address, run ? run.lines.length : null)
        : t.requisitionsRead(source.address, run ? run.requisitions.length : null);
    this.state.status = { kind: "info", text };
    this.update();
  }

  private recompute(): void {
    const maxima = this.maximaPicker.state.source;
    const requisitions = this.requisitionsPicker.state.source;
    this.state.run = null;
    this.state.remarks = [];
    const issues: Issue[] = [...this.refused.maxima, ...this.refused.requisitions];
    if (!maxima || !requisitions) {
      if (this.attemptedWrite && !maxima && this.refused.maxima.length === 0)
        issues.push({ field: "maxima", message: this.texts.chooseMaxima });
      if (this.attemptedWrite && !requisitions && this.refused.requisitions.length === 0)
        issues.push({ field: "requisitions", message: this.texts.chooseRequisitions });
      this.state.issues = issues;
      return this.update();
    }
    try {
      const run = runRequisitions(maxima.grid, requisitions.grid, this.request());
      this.state.run = run;
      this.state.remarks = run.requisitions
        .filter((r) => r.status !== "ok")
        .map((r) => ({
          cell: problemLocation(r.note) ?? r.row.recipientCell,
          status: r.status,
          statusText: statusWords(r.status, this.lang, r.lateReason),
          message: problemMessage(r.note, this.lang),
        }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.problems.map((p) => this.issueOf(p)));
    }
    this.state.issues = issues;
    this.update();
  }

  private request(): RequisitionsRequest {
    const { deadline, total, unit, redistribute } = this.state;
    return { deadline, total, unit, redistribute };
  }

  private settingsOf(maxima: SourceRange, requisitions: SourceRange): RequisitionsSettings {
    return {
      version: 1,
      maxima: this.state.maximaOwned
        ? { owned: true }
        : { address: maxima.address, tableName: maxima.tableName },
      requisitions: { address: requisitions.address, tableName: requisitions.tableName },
      deadline: this.state.deadline,
      total: this.state.total,
      unit: this.state.unit,
      redistribute: this.state.redistribute,
    };
  }

  private readSavedSettings(): RequisitionsSettings | null {
    try {
      return validSettings(this.port.loadSettings<unknown>(SETTINGS_KEY));
    } catch (error) {
      this.log("settings could not be read", error);
      return null;
    }
  }

  protected inputRefused(error: InputError): void {
    const kind = this.reading ?? "maxima";
    this.refused[kind] = error.problems.map((p) => ({ ...this.issueOf(p), field: kind }));
    this.state.run = null;
    this.state.remarks = [];
    this.state.issues = [...this.refused.maxima, ...this.refused.requisitions];
    this.state.status = { kind: "error", text: this.texts.notRead };
  }
}
