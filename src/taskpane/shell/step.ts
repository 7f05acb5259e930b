/**
 * The small base every pane step's controller stands on: state listeners, one Excel action
 * at a time with a busy flag, problems turned into issues in the user's language, and
 * Office failures turned into a status the user can read. A step adds its own inputs and
 * its own use case; it never touches the DOM or Excel directly.
 */
import { localIsoDate } from "../../core/dates";
import {
  InputError,
  type Lang,
  type Problem,
  problemLocation,
  problemMessage,
} from "../../core/problems";
import { OfficeCallError } from "../../excel/errors";
import type { ExcelPort } from "../../excel/port";
import { type ShellTexts, SHELL_TEXTS } from "./texts";

/** A problem to show: next to `field` when given, in the cell list when `cell` is given. */
export interface Issue {
  field?: string;
  cell?: string;
  message: string;
  /** The one input of a repeated group (e.g. "reserve-2-amount") the problem is about. */
  control?: string;
}

export interface Status {
  kind: "info" | "success" | "warning" | "error";
  text: string;
}

export type Busy = "reading" | "writing" | null;

export interface StepState {
  busy: Busy;
  /** Blocks read so far of a long read, for the progress bar; null when not known. */
  progress: { done: number; total: number } | null;
  issues: Issue[];
  status: Status | null;
}

/** What every step gets from the pane's entry. */
export interface StepContext {
  port: ExcelPort;
  lang: Lang;
  /** ISO date of the run, injectable so tests are stable; default today's local date. */
  today?: () => string;
  /** Where Excel's own error details go for the developer (Office's debugInfo). */
  log?: (message: string, detail: unknown) => void;
}

export abstract class StepController<S extends StepState> {
  protected readonly port: ExcelPort;
  protected readonly lang: Lang;
  protected readonly today: () => string;
  protected readonly log: (message: string, detail: unknown) => void;
  protected readonly shellTexts: ShellTexts;
  private readonly listeners: ((state: S) => void)[] = [];

  protected constructor(
    context: StepContext,
    public state: S
  ) {
    this.port = context.port;
    this.lang = context.lang;
    this.today = context.today ?? (() => localIsoDate(new Date()));
    this.log = context.log ?? (() => undefined);
    this.shellTexts = SHELL_TEXTS[context.lang];
  }

  subscribe(listener: (state: S) => void): void {
    this.listeners.push(listener);
  }

  /** Jumps to a cell named in a problem. */
  async goTo(cell: string): Promise<void> {
    await this.excel(null, () => this.port.select(cell));
  }

  protected update(): void {
    for (const listener of this.listeners) listener(this.state);
  }

  protected setStatus(status: Status | null): void {
    this.state.status = status;
    this.update();
  }

  protected issueOf(problem: Problem): Issue {
    return {
      field: problem.field,
      cell: problemLocation(problem),
      message: problemMessage(problem, this.lang),
    };
  }

  /** What the step shows when core refused its input while an Excel action ran. */
  protected abstract inputRefused(error: InputError): void;

  /** Runs one Excel action with the busy flag set; shows input problems and Excel failures. */
  protected async excel(busy: Busy, action: () => Promise<void>): Promise<void> {
    this.state.busy = busy;
    this.update();
    try {
      await action();
    } catch (error) {
      if (error instanceof InputError) this.inputRefused(error);
      else {
        this.log("Excel call failed", error);
        this.state.status = { kind: "error", text: this.officeFailure(error) };
      }
    } finally {
      this.state.busy = null;
      this.state.progress = null;
      this.update();
    }
  }

  /** Office's failure in the user's language; a selection Excel cannot read gets advice instead. */
  protected officeFailure(error: unknown): string {
    const t = this.shellTexts;
    if (!(error instanceof OfficeCallError)) return t.excelFailed(errorText(error));
    if (error.code === "InvalidSelection") return t.invalidSelection;
    return t.officeFailed(error.action, error.officeMessage);
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
