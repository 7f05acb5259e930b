/**
 * The written table as clipboard content for Word: an HTML table (bold header and total,
 * numbers right-aligned and shown as the sheet shows them) and tab-separated plain text.
 * Numbers are formatted here from the model's own number formats, so Word gets
 * "1 059 660", not 1059660.
 */
import type { Lang } from "../core/problems";
import type { SheetCell, SheetModel, StyleBlock } from "../core/sheets/sheet-model";
import { Decimal, formatNumber } from "../core/money";

export interface RichText {
  html: string;
  text: string;
}

function covering(styles: readonly StyleBlock[], row: number, col: number): StyleBlock[] {
  return styles.filter((s) => row >= s.top && row <= s.bottom && col >= s.left && col <= s.right);
}

/** Shows a number by an Excel format of the kinds core writes: "#,##0", "#,##0.00", "0.00%". */
export function formatByNumberFormat(
  value: number,
  numberFormat: string | undefined,
  lang: Lang
): string {
  const format = numberFormat ?? "General";
  const decimalsMatch = /\.(0+)/.exec(format);
  const decimals = decimalsMatch ? decimalsMatch[1].length : 0;
  // Swedish writes "8,10 %", English "8.10%".
  const percentSign = lang === "sv" ? "\u00a0%" : "%";
  if (format.endsWith("%"))
    return `${formatNumber(new Decimal(value).times(100), lang, decimals)}${percentSign}`;
  if (format === "General") return formatNumber(new Decimal(value), lang);
  return formatNumber(new Decimal(value), lang, decimals);
}

function shown(cell: SheetCell, styles: StyleBlock[], lang: Lang): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "string") return cell.value;
  const numberFormat = styles
    .map((s) => s.numberFormat)
    .filter((f) => f !== undefined)
    .pop();
  return formatByNumberFormat(cell.value, numberFormat, lang);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function sheetTableForCopy(model: SheetModel, lang: Lang): RichText {
  const { top, left, bottom, right } = model.table;
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const htmlCells: string[] = [];
    const textCells: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = model.cells[r]?.[c] ?? { value: null };
      const styles = covering(model.styles, r, c);
      const text = shown(cell, styles, lang);
      const bold = styles.some((s) => s.bold);
      const alignRight =
        typeof cell.value === "number" || styles.some((s) => s.horizontalAlignment === "Right");
      const css = [
        "padding:2pt 6pt",
        alignRight ? "text-align:right" : "",
        styles.some((s) => s.borderTop) ? "border-top:1px solid #000" : "",
        styles.some((s) => s.borderBottom) ? "border-bottom:1px solid #000" : "",
      ].filter((x) => x !== "");
      const tag = r === top ? "th" : "td";
      const content = bold && tag === "td" ? `<b>${escapeHtml(text)}</b>` : escapeHtml(text);
      htmlCells.push(`<${tag} style="${css.join(";")}">${content}</${tag}>`);
      textCells.push(text.replace(/[\t\r\n]+/g, " "));
    }
    htmlRows.push(`<tr>${htmlCells.join("")}</tr>`);
    textRows.push(textCells.join("\t"));
  }
  const html = `<table style="border-collapse:collapse;font-family:Calibri,sans-serif;font-size:11pt">${htmlRows.join("")}</table>`;
  return { html, text: textRows.join("\r\n") };
}
