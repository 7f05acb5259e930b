/**
 * Office.js failures (ItemNotFound, a sheet deleted meanwhile, a request too large) reach the
 * caller as one Error type with a plain message, Office's error code and its debugInfo for
 * the developer. Problems the user must fix in the input stay `InputError`s from core.
 */
import { InputError, type Problem } from "../core/problems";

/** What the add-in asked Excel to do, so the pane can say it in the user's language. */
export type OfficeAction =
  | { kind: "readSelection" }
  | { kind: "listTables" }
  | { kind: "readTable"; name: string }
  | { kind: "readRange"; address: string }
  | { kind: "readOwnedTable"; job: string }
  | { kind: "listSheets" }
  | { kind: "readSheet"; name: string }
  | { kind: "writeOutput" }
  | { kind: "select"; reference: string }
  | { kind: "saveSettings" };

/** In English: for logs, and for the pane when Office runs in English. */
export function actionText(action: OfficeAction): string {
  switch (action.kind) {
    case "readSelection":
      return "read the selection";
    case "listTables":
      return "list the tables";
    case "readTable":
      return `read the table '${action.name}'`;
    case "readRange":
      return `read ${action.address}`;
    case "readOwnedTable":
      return "read the add-in's own sheet";
    case "listSheets":
      return "list the sheets";
    case "readSheet":
      return `read the sheet '${action.name}'`;
    case "writeOutput":
      return "write the table";
    case "select":
      return `select ${action.reference}`;
    case "saveSettings":
      return "save the settings";
  }
}

export class OfficeCallError extends Error {
  readonly action: OfficeAction;
  /** Office's error code, e.g. "ItemNotFound", "InvalidSelection"; "Unknown" when absent. */
  readonly code: string;
  /** Office's own message (in Office's language). */
  readonly officeMessage: string;
  /** OfficeExtension.Error.debugInfo (statement, surrounding statements), for logs. */
  readonly debugInfo: unknown;
  /** The error Office threw. */
  readonly inner: unknown;

  constructor(action: OfficeAction, cause: unknown) {
    const details = describeCause(cause);
    super(`Excel could not ${actionText(action)}: ${details.message} (${details.code})`);
    this.name = "OfficeCallError";
    this.action = action;
    this.code = details.code;
    this.officeMessage = details.message;
    this.debugInfo = details.debugInfo;
    this.inner = cause;
  }
}

interface CauseDetails {
  code: string;
  message: string;
  debugInfo: unknown;
}

function describeCause(cause: unknown): CauseDetails {
  if (cause instanceof Error) {
    const withCode = cause as Error & { code?: unknown; debugInfo?: unknown };
    return {
      code: typeof withCode.code === "string" ? withCode.code : "Unknown",
      message: cause.message,
      debugInfo: withCode.debugInfo,
    };
  }
  return { code: "Unknown", message: String(cause), debugInfo: undefined };
}

/** Runs one Office operation; user-input problems and cancellations pass through, anything else is wrapped. */
export async function officeCall<T>(action: OfficeAction, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof InputError || error instanceof OfficeCallError) throw error;
    // A read the user cancelled is no failure of Excel's.
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new OfficeCallError(action, error);
  }
}

/**
 * Office failures the user can fix, as a problem with a plain message (problemMessage gives
 * it in Swedish or English); undefined for the rest, which the pane shows with Office's text.
 * - InvalidOperationInCellEditMode: the user is editing a cell. Batches run with
 *   delayForCellEdit, so Excel waits instead; this remains for hosts that still refuse.
 * - Request/ResponsePayloadSizeLimitExceeded: Excel on the web's 5 MB limit.
 */
export function officeProblem(error: unknown): Problem | undefined {
  if (!(error instanceof OfficeCallError)) return undefined;
  switch (error.code) {
    case "InvalidOperationInCellEditMode":
      return { code: "EXCEL_CELL_EDIT_MODE" };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { code: "EXCEL_PAYLOAD_TOO_LARGE" };
    default:
      return undefined;
  }
}
