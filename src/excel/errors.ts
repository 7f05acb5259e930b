/**
 * Office.js failures (ItemNotFound, a sheet deleted meanwhile, a request too large) reach the
 * caller as one Error type with a plain message, Office's error code and its debugInfo for
 * the developer. Problems the user must fix in the input stay `InputError`s from core.
 */
import { InputError } from "../core/problems";

export class OfficeCallError extends Error {
  /** Office's error code, e.g. "ItemNotFound", "InvalidArgument"; "Unknown" when absent. */
  readonly code: string;
  /** OfficeExtension.Error.debugInfo (statement, surrounding statements), for logs. */
  readonly debugInfo: unknown;
  /** The error Office threw. */
  readonly inner: unknown;

  constructor(action: string, cause: unknown) {
    const details = describeCause(cause);
    super(`Excel could not ${action}: ${details.message} (${details.code})`);
    this.name = "OfficeCallError";
    this.code = details.code;
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

/** Runs one Office operation; user-input problems pass through, anything else is wrapped. */
export async function officeCall<T>(action: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof InputError || error instanceof OfficeCallError) throw error;
    throw new OfficeCallError(action, error);
  }
}
