/**
 * The pane's entry: waits for Office once, checks that the host is Excel, and hands the
 * Office.js port to the Fördela step. Everything else lives in modules without side effects.
 */
import { createOfficeExcel } from "../excel/office-excel";
import { AllocationController, type ClipboardWriter } from "./allocation-controller";
import type { RichText } from "./copy-table";
import { TEXTS, paneLanguage } from "./i18n";
import { applyOfficeTheme } from "./theme";
import { AllocationView, applyTexts } from "./view";

/** Rich clipboard where the browser and host allow it (Excel on the web may refuse). */
/** Requirement set floor, as in manifest.xml. */
const EXCEL_API_FLOOR = "1.7";

function browserClipboard(): ClipboardWriter | undefined {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) return undefined;
  return async (content: RichText) => {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([content.html], { type: "text/html" }),
        "text/plain": new Blob([content.text], { type: "text/plain" }),
      }),
    ]);
    return true;
  };
}

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

Office.onReady((info) => {
  const displayLanguage = Office.context?.displayLanguage ?? "sv-SE";
  const lang = paneLanguage(displayLanguage);
  const texts = TEXTS[lang];
  applyOfficeTheme(officeTheme());
  if (info.host !== Office.HostType.Excel) {
    applyTexts(texts, lang);
    AllocationView.showStartupError(texts.notExcel);
    return;
  }
  // The manifest asks for this set too; older Excel may still open the pane from a shared link.
  if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_FLOOR)) {
    applyTexts(texts, lang);
    AllocationView.showStartupError(texts.excelTooOld(`ExcelApi ${EXCEL_API_FLOOR}`));
    return;
  }
  const port = createOfficeExcel();
  const controller = new AllocationController({
    port,
    lang,
    clipboard: browserClipboard(),
    log: (message, detail) => console.warn(`Statsbidrag: ${message}`, detail),
  });
  new AllocationView(controller, texts, lang).mount();
  void controller.start();
});
