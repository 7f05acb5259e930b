/**
 * The few DOM helpers every view uses. Text from the workbook only ever goes in through
 * textContent (never innerHTML).
 */
import { Decimal, UNIT_CHOICES, formatNumber } from "../../core/money";
import type { Lang } from "../../core/problems";

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`taskpane.html lacks #${id}`);
  return node as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The link beside a problem or a flagged row: a button naming the cell that selects it in
 * the sheet (`label` says so to a screen reader and as a tooltip); nothing while the step is
 * busy with Excel.
 */
export function cellLink(
  cell: string,
  label: string,
  goTo: (cell: string) => Promise<void>,
  busy: () => boolean
): HTMLButtonElement {
  const link = element("button", "cell-link", cell);
  link.type = "button";
  link.title = label;
  link.setAttribute("aria-label", label);
  link.addEventListener("click", () => {
    if (!busy()) void goTo(cell);
  });
  return link;
}

/** Fills every [data-text] element and [data-label] aria-label inside `root` from the texts. */
export function applyTexts(texts: object, root: ParentNode = document): void {
  const plain = texts as Record<string, unknown>;
  root.querySelectorAll<HTMLElement>("[data-text]").forEach((node) => {
    const value = plain[node.dataset.text ?? ""];
    if (typeof value === "string") node.textContent = value;
  });
  root.querySelectorAll<HTMLElement>("[data-label]").forEach((node) => {
    const value = plain[node.dataset.label ?? ""];
    if (typeof value === "string") node.setAttribute("aria-label", value);
  });
}

export function setLanguage(lang: Lang, title: string): void {
  document.documentElement.lang = lang;
  document.title = title;
}

/**
 * Keeps a part of the view from being rebuilt while what it shows is unchanged, so typing
 * or clicking in it never loses focus.
 */
export class Parts {
  private readonly shown = new Map<string, string>();

  changed(part: string, signature: string): boolean {
    if (this.shown.get(part) === signature) return false;
    this.shown.set(part, signature);
    return true;
  }
}

/** A button whose action reaches Excel: one at a time, a click while busy is ignored, not queued. */
export function onAction(
  button: HTMLElement,
  isBusy: () => boolean,
  action: () => Promise<void> | void
): void {
  button.addEventListener("click", () => {
    if (isBusy()) return;
    void action();
  });
}

/** Fills a rounding-unit list with the units core accepts ("1 000 kr"). */
export function fillUnitOptions(select: HTMLSelectElement, lang: Lang, kr: string): void {
  for (const unit of UNIT_CHOICES) {
    const option = element("option", undefined, `${formatNumber(new Decimal(unit), lang)} ${kr}`);
    option.value = unit;
    select.append(option);
  }
}
