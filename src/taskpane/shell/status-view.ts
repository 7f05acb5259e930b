/**
 * The pane's one status area and progress bar, showing the step whose panel is open: what
 * is running (with how far a long read has come), else the step's last outcome. Each kind
 * of message has its own marker, so it reads without colour too.
 */
import { byId } from "./dom";
import type { StepState } from "./step";
import type { ShellTexts } from "./texts";

/**
 * What every step's render starts with: its panel marked busy or not (a screen reader hears
 * the change) and, while the panel is shown, the shared status area. Returns whether busy.
 */
export function renderStepFrame(panelId: string, state: StepState, texts: ShellTexts): boolean {
  const busy = state.busy !== null;
  const panel = byId(panelId);
  panel.setAttribute("aria-busy", String(busy));
  if (!panel.hidden) renderStepStatus(state, texts);
  return busy;
}

function renderStepStatus(state: StepState, texts: ShellTexts): void {
  const progress = byId<HTMLProgressElement>("progress");
  progress.hidden = state.busy === null;
  progress.setAttribute("aria-label", state.busy === "writing" ? texts.writing : texts.reading);
  if (state.progress) {
    progress.max = state.progress.total;
    progress.value = state.progress.done;
  } else progress.removeAttribute("value");

  const status = byId("status");
  const running =
    state.busy === "writing"
      ? texts.writing
      : state.progress
        ? texts.progress(state.progress.done, state.progress.total)
        : texts.reading;
  const text = state.busy ? running : (state.status?.text ?? "");
  if (status.textContent !== text) status.textContent = text;
  status.className = `status status-${state.busy ? "info" : (state.status?.kind ?? "info")}`;
}

/** A failure nobody caught, shown where the user looks for outcomes. */
export function showUnexpected(texts: ShellTexts, detail: string): void {
  const status = byId("status");
  status.textContent = texts.unexpected(detail);
  status.className = "status status-error";
}
