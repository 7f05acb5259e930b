/**
 * The one place a failure nobody caught reaches the user: window errors and unhandled
 * promise rejections are shown in the status area (and logged with Office's details for
 * the developer), never left in the console alone.
 */
import { errorText } from "./step";

export function handleUnexpectedErrors(
  show: (detail: string) => void,
  log: (message: string, detail: unknown) => void
): void {
  window.addEventListener("error", (event) => {
    log("unexpected error", event.error ?? event.message);
    show(errorText(event.error ?? event.message));
  });
  window.addEventListener("unhandledrejection", (event) => {
    log("unhandled rejection", event.reason);
    show(errorText(event.reason));
  });
}
