/**
 * The pane's entry: waits for Office once, checks the host and the requirement set, and
 * builds the shell (tabs, status, one error handler) with one step per job. Everything
 * else lives in modules without side effects.
 */
import { localIsoDate } from "../core/dates";
import { createOfficeExcel } from "../excel/office-excel";
import { AllocationController } from "./allocation/controller";
import { ALLOCATION_TEXTS } from "./allocation/texts";
import { AllocationView } from "./allocation/view";
import { browserClipboard } from "./clipboard";
import { RequisitionsController } from "./requisitions/controller";
import { REQUISITIONS_TEXTS } from "./requisitions/texts";
import { RequisitionsView } from "./requisitions/view";
import { ReportController } from "./report/controller";
import { REPORT_TEXTS } from "./report/texts";
import { ReportView } from "./report/view";
import { applyTexts, byId, setLanguage } from "./shell/dom";
import { handleUnexpectedErrors } from "./shell/errors";
import type { PaneStep } from "./shell/pane-step";
import { showUnexpected } from "./shell/status-view";
import type { StepContext } from "./shell/step";
import { Tabs } from "./shell/tabs";
import { SHELL_TEXTS, paneLanguage } from "./shell/texts";
import { applyOfficeTheme } from "./theme";

/** Requirement set floor, as in manifest.xml. */
const EXCEL_API_FLOOR = "1.7";

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

function showStartupError(message: string): void {
  const node = byId<HTMLParagraphElement>("startup-error");
  node.textContent = message;
  node.hidden = false;
}

function allocationStep(context: StepContext): PaneStep {
  const controller = new AllocationController({ ...context, clipboard: browserClipboard() });
  const view = new AllocationView(
    controller,
    ALLOCATION_TEXTS[context.lang],
    SHELL_TEXTS[context.lang],
    context.lang
  );
  return {
    panelId: "panel-allocate",
    mount: () => view.mount(),
    start: () => controller.start(),
    shown: () => view.shown(),
  };
}

function reportStep(context: StepContext): PaneStep {
  const controller = new ReportController(context);
  const view = new ReportView(controller, REPORT_TEXTS[context.lang], SHELL_TEXTS[context.lang]);
  return {
    panelId: "panel-report",
    mount: () => view.mount(),
    start: () => controller.start(),
    shown: () => view.shown(),
  };
}

function requisitionsStep(context: StepContext): PaneStep {
  const controller = new RequisitionsController(context);
  const view = new RequisitionsView(
    controller,
    REQUISITIONS_TEXTS[context.lang],
    SHELL_TEXTS[context.lang],
    context.lang
  );
  return {
    panelId: "panel-requisitions",
    mount: () => view.mount(),
    start: () => controller.start(),
    shown: () => view.shown(),
  };
}

Office.onReady((info) => {
  const displayLanguage = Office.context?.displayLanguage ?? "sv-SE";
  const lang = paneLanguage(displayLanguage);
  const shell = SHELL_TEXTS[lang];
  const log = (message: string, detail: unknown) => console.warn(`Statsbidrag: ${message}`, detail);
  setLanguage(lang, shell.appTitle);
  applyTexts(shell);
  applyOfficeTheme(officeTheme());
  handleUnexpectedErrors((detail) => showUnexpected(shell, detail), log);
  if (info.host !== Office.HostType.Excel) return showStartupError(shell.notExcel);
  // The manifest asks for this set too; older Excel may still open the pane from a shared link.
  if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_FLOOR))
    return showStartupError(shell.excelTooOld(`ExcelApi ${EXCEL_API_FLOOR}`));

  const context: StepContext = {
    port: createOfficeExcel(),
    lang,
    today: () => localIsoDate(new Date()),
    log,
  };
  const steps = [allocationStep(context), requisitionsStep(context), reportStep(context)];
  const tabs = new Tabs(byId("tabs"));
  tabs.onChange((panelId) => steps.find((s) => s.panelId === panelId)?.shown());
  for (const step of steps) step.mount();
  for (const step of steps) void step.start();
});
