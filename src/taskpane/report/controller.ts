/**
 * The Återrapportering step without a DOM: the ledger sheet(s), the amount received, the
 * grant year, cost centres and projects; reads every ledger in blocks (progress and cancel),
 * the add-in's own "Kontoindelning" sheet and the previous report's narrative, and checks
 * it all with core before anything is written. Flagged rows are listed with their cells and
 * can be accepted one by one; the totals follow. Writing puts the report on its owned sheet
 * and the mapping sheet only when there is none yet (a user-edited mapping is never replaced).
 */
import { type ReportSettings, validReportSettings } from "../../core/jobs/report-back/settings";
import { type Grid, quoteSheetName } from "../../core/grid";
import {
  type AccountMapping,
  DEFAULT_WORDS,
  accountsSheet,
  defaultMapping,
  readMapping,
} from "../../core/jobs/report-back/categories";
import { type ReportJson, reportJson } from "../../core/jobs/report-back/json";
import { type ReportResult, runReport } from "../../core/jobs/report-back/report";
import { type Narrative, readNarrative, reportSheet } from "../../core/jobs/report-back/sheet";
import { InputError, problemMessage } from "../../core/problems";
import type { SourceRange, WrittenOutput } from "../../excel/port";
import { type Issue, StepController, type StepContext, type StepState } from "../shell/step";
import { type ReportTexts, REPORT_TEXTS } from "./texts";

export const SETTINGS_KEY = "statsbidrag.report";

/** What is remembered in the workbook after a run, so a colleague can re-run it. */
export type { ReportSettings };

/** One flagged ledger row (all its reasons), as the pane lists it. */
export interface FlaggedItem {
  /** The row's amount cell, "Huvudbok!F12": what accepting names. */
  cell: string;
  /** The cell each reason is about (the date for outside_year), for the link. */
  cells: string[];
  reasons: string[];
  messages: string[];
  /** The row's amount as an exact decimal string; null when it has none. */
  amount: string | null;
  accepted: boolean;
}

export interface ReportState extends StepState {
  ledgerSheets: string[];
  received: string;
  year: string;
  costCentres: string;
  projects: string;
  /** The ledgers as read (sheet and address), after a complete read. */
  ledgers: { sheet: string; address: string; rows: number }[];
  totals: Omit<ReportJson, "flagged" | "warnings"> | null;
  flagged: FlaggedItem[];
  /** The owned mapping sheet's name when one was found and used. */
  mappingSheet: string | null;
  narrativeKept: boolean;
  written: WrittenOutput | null;
}

/** A whole sheet: the block reader keeps to its used cells. */
export function sheetAddress(sheet: string): string {
  return `${quoteSheetName(sheet.trim())}!A1:XFD1048576`;
}

function codes(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

export class ReportController extends StepController<ReportState> {
  private readonly texts: ReportTexts;
  private grids: Grid[] = [];
  private mapping: AccountMapping;
  private words: string[] = [...DEFAULT_WORDS];
  private narrative: Narrative = {};
  private accepted = new Set<string>();
  private abort: AbortController | null = null;
  private result: ReportResult | null = null;
  /** Problems reading the ledgers or the mapping, shown until the next read. */
  private readIssues: Issue[] = [];

  constructor(context: StepContext) {
    super(context, {
      busy: null,
      progress: null,
      issues: [],
      status: null,
      ledgerSheets: ["Huvudbok"],
      received: "",
      year: "",
      costCentres: "",
      projects: "",
      ledgers: [],
      totals: null,
      flagged: [],
      mappingSheet: null,
      narrativeKept: false,
      written: null,
    });
    this.texts = REPORT_TEXTS[context.lang];
    this.mapping = defaultMapping(context.lang);
  }

  /** Restores the last run's inputs (nothing is read until the user asks). */
  async start(): Promise<void> {
    const saved = validReportSettings(this.port.loadSettings<unknown>(SETTINGS_KEY));
    if (saved) {
      this.state.ledgerSheets = saved.ledgerSheets.length > 0 ? [...saved.ledgerSheets] : [""];
      this.state.received = saved.received;
      this.state.year = saved.year;
      this.state.costCentres = saved.costCentres;
      this.state.projects = saved.projects;
      this.state.status = { kind: "info", text: this.shellTexts.settingsRestored };
    }
    this.update();
  }

  setLedgerSheet(index: number, name: string): void {
    this.state.ledgerSheets[index] = name;
    this.update();
  }

  addLedger(): void {
    this.state.ledgerSheets.push("");
    this.update();
  }

  removeLedger(index: number): void {
    if (this.state.ledgerSheets.length <= 1) return;
    this.state.ledgerSheets.splice(index, 1);
    this.update();
  }

  setReceived(value: string): void {
    this.state.received = value;
    this.recheck();
  }

  setYear(value: string): void {
    this.state.year = value;
    this.recheck();
  }

  setCostCentres(value: string): void {
    this.state.costCentres = value;
    this.recheck();
  }

  setProjects(value: string): void {
    this.state.projects = value;
    this.recheck();
  }

  /** Accepts (or no longer accepts) a flagged row: it then counts in the totals. */
  accept(cell: string, accepted: boolean): void {
    if (accepted) this.accepted.add(cell);
    else this.accepted.delete(cell);
    this.recheck();
  }

  /** Stops a running read between two blocks; nothing read so far is kept. */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Reads every ledger in blocks, then the mapping sheet and the previous report, then
   * checks: what was there before is replaced only when everything was read.
   */
  async read(): Promise<void> {
    const sheets = this.state.ledgerSheets.map((s) => s.trim()).filter((s) => s !== "");
    if (sheets.length === 0) {
      this.readIssues = [
        { field: "ledgers", message: problemMessage({ code: "REPORT_NO_LEDGER" }, this.lang) },
      ];
      this.state.issues = [...this.readIssues];
      return this.setStatus({ kind: "error", text: this.texts.notRead });
    }
    const abort = new AbortController();
    this.abort = abort;
    await this.excel("reading", async () => {
      const sources: SourceRange[] = [];
      try {
        for (const [index, sheet] of sheets.entries()) {
          sources.push(await this.readLedger(sheet, index, sheets.length, abort.signal));
        }
      } catch (error) {
        if (!isAbort(error)) throw error;
        this.state.status = { kind: "info", text: this.texts.cancelled };
        return;
      } finally {
        this.abort = null;
      }
      const mappingSource = await this.port.readOwnedTable("accounts");
      const previous = await this.port.readOwnedTable("report");

      this.readIssues = [];
      this.grids = sources.map((s) => s.grid);
      this.state.ledgers = sources.map((s) => ({
        sheet: s.grid.sheet,
        address: s.address,
        rows: s.grid.values.length,
      }));
      this.useMapping(mappingSource);
      this.narrative = previous ? readNarrative(previous.grid) : {};
      this.state.narrativeKept = Object.keys(this.narrative).length > 0;
      this.state.written = null;
      this.recheck();
      if (this.result) {
        const rows = this.state.ledgers.reduce((n, l) => n + l.rows, 0);
        this.state.status = {
          kind: this.state.flagged.length > 0 ? "warning" : "success",
          text: this.texts.readDone(rows, this.state.ledgers.length, this.state.flagged.length),
        };
      }
      await this.saveSettings();
    });
  }

  private async readLedger(
    sheet: string,
    index: number,
    count: number,
    signal: AbortSignal
  ): Promise<SourceRange> {
    const address = sheetAddress(sheet);
    if (!this.port.readRangeInBlocks) return this.port.readRange(address);
    return this.port.readRangeInBlocks(
      address,
      (p) => {
        // One bar over all ledgers: each ledger its equal share.
        const total = Math.max(1, p.totalRows) * count;
        this.state.progress = { done: Math.max(1, p.totalRows) * index + p.rowsRead, total };
        this.update();
      },
      signal
    );
  }

  private useMapping(source: SourceRange | null): void {
    this.state.mappingSheet = null;
    this.mapping = defaultMapping(this.lang);
    this.words = [...DEFAULT_WORDS];
    if (!source) return;
    const reading = readMapping(source.grid);
    if (reading.problems.length > 0) {
      this.readIssues = reading.problems.map((p) => this.issueOf(p));
      return;
    }
    this.mapping = reading.mapping;
    if (reading.words) this.words = reading.words;
    this.state.mappingSheet = source.grid.sheet;
  }

  /** Core on what was read and typed; accepts of rows no longer flagged are dropped. */
  private recheck(): void {
    if (this.grids.length === 0) return this.update();
    this.result = null;
    let issues: Issue[] = [];
    try {
      this.result = this.run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues = error.problems.map((p) => this.issueOf(p));
    }
    this.state.issues = [...this.readIssues, ...issues];
    const json = this.result ? reportJson(this.result, this.lang) : null;
    this.state.totals = json
      ? {
          received: json.received,
          used: json.used,
          totalUsed: json.totalUsed,
          unused: json.unused,
          ownFunding: json.ownFunding,
          income: json.income,
        }
      : null;
    this.state.flagged = this.result ? this.flaggedItems(this.result) : [];
    this.update();
  }

  private run(): ReportResult {
    const request = () => ({
      received: this.state.received,
      year: this.state.year,
      costCentres: codes(this.state.costCentres),
      projects: codes(this.state.projects),
      accept: [...this.accepted],
    });
    try {
      return runReport(this.grids, request(), this.mapping, this.words);
    } catch (error) {
      // An accepted row that is no longer flagged (the cost centre changed) is simply dropped.
      if (
        error instanceof InputError &&
        error.problems.every((p) => p.code === "REPORT_ACCEPT_UNKNOWN")
      ) {
        for (const p of error.problems) this.accepted.delete(String(p.params?.text));
        return runReport(this.grids, request(), this.mapping, this.words);
      }
      throw error;
    }
  }

  private flaggedItems(result: ReportResult): FlaggedItem[] {
    const byCell = new Map<string, FlaggedItem>();
    for (const f of result.flagged) {
      const cell = f.row.cell;
      let item = byCell.get(cell);
      if (!item) {
        item = {
          cell,
          cells: [],
          reasons: [],
          messages: [],
          amount: f.row.amount === null ? null : (f.row.amount / 100).toFixed(2),
          accepted: f.accepted,
        };
        byCell.set(cell, item);
      }
      item.cells.push(f.flag.problem.cell);
      item.reasons.push(f.flag.reason);
      item.messages.push(problemMessage(f.flag.problem, this.lang));
    }
    return [...byCell.values()];
  }

  /**
   * Writes the report (the narrative typed on the previous one kept) and, when the workbook
   * has none, the mapping sheet. Both owned sheets are looked up again just before writing.
   */
  async write(): Promise<void> {
    if (!this.result || this.state.issues.length > 0) {
      return this.setStatus({
        kind: "error",
        text: this.result ? this.texts.fixProblems : this.texts.notRead,
      });
    }
    const result = this.result;
    await this.excel("writing", async () => {
      const previous = await this.port.readOwnedTable("report");
      const mappingSheet = await this.port.readOwnedTable("accounts");
      if (previous) this.narrative = readNarrative(previous.grid);
      const model = reportSheet(result, {
        lang: this.lang,
        date: this.today(),
        narrative: this.narrative,
      });
      const written = await this.port.writeOutput("report", model);
      let mappingWritten: WrittenOutput | null = null;
      if (!mappingSheet)
        mappingWritten = await this.port.writeOutput(
          "accounts",
          accountsSheet(this.mapping, this.words, this.lang)
        );
      this.state.written = written;
      this.state.status = {
        kind: "success",
        text: mappingWritten
          ? this.texts.writtenWithMapping(written.sheetName, mappingWritten.sheetName)
          : this.texts.written(written.sheetName),
      };
      await this.saveSettings();
    });
  }

  private async saveSettings(): Promise<void> {
    const settings: ReportSettings = {
      version: 1,
      ledgerSheets: this.state.ledgerSheets.map((s) => s.trim()).filter((s) => s !== ""),
      received: this.state.received,
      year: this.state.year,
      costCentres: this.state.costCentres,
      projects: this.state.projects,
    };
    await this.port.saveSettings(SETTINGS_KEY, settings);
  }

  protected inputRefused(error: InputError): void {
    this.readIssues = error.problems.map((p) => this.issueOf(p));
    this.state.issues = [...this.readIssues];
    this.state.status = { kind: "error", text: this.texts.notRead };
  }
}
