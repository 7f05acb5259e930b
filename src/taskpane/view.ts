/**
 * Binds the pane's HTML to the controller and renders its state. Names and other text from
 * the workbook only ever go in through textContent. Parts that hold focusable elements are
 * rebuilt only when what they show changes, so typing or clicking never loses focus.
 */
import { columnLetter, rangeAddress } from "../core/grid";
import { Decimal, formatNumber } from "../core/money";
import type { Field, Lang } from "../core/problems";
import {
  type AllocationController,
  type AllocationState,
  type Issue,
  UNIT_CHOICES,
} from "./allocation-controller";
import type { PaneTexts } from "./i18n";

const FIELDS: Field[] = [
  "total",
  "unit",
  "reserves",
  "range",
  "nameColumn",
  "keyColumn",
  "interestColumns",
];

/** The input each field's error belongs to, for aria-invalid. */
const FIELD_CONTROL: Partial<Record<Field, string>> = {
  total: "pot",
  unit: "unit",
  nameColumn: "name-column",
  keyColumn: "key-column",
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`taskpane.html lacks #${id}`);
  return element as T;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills every [data-text] element and [data-label] aria-label from the language's texts. */
export function applyTexts(texts: PaneTexts, lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = texts.appTitle;
  const plain = texts as unknown as Record<string, unknown>;
  document.querySelectorAll<HTMLElement>("[data-text]").forEach((node) => {
    const value = plain[node.dataset.text ?? ""];
    if (typeof value === "string") node.textContent = value;
  });
  document.querySelectorAll<HTMLElement>("[data-label]").forEach((node) => {
    const value = plain[node.dataset.label ?? ""];
    if (typeof value === "string") node.setAttribute("aria-label", value);
  });
}

/** Left/Right/Home/End move between tabs, as the ARIA tabs pattern asks. */
function bindTabs(): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  tabs.forEach((tab, index) => {
    tab.addEventListener("keydown", (event) => {
      const next =
        event.key === "ArrowRight"
          ? (index + 1) % tabs.length
          : event.key === "ArrowLeft"
            ? (index - 1 + tabs.length) % tabs.length
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? tabs.length - 1
                : -1;
      if (next < 0) return;
      event.preventDefault();
      tabs[next].focus();
    });
  });
}

export class AllocationView {
  private readonly texts: PaneTexts;
  private readonly lang: Lang;
  private readonly controller: AllocationController;
  /** Signature of what each rebuilt part shows; a part is rebuilt only when it changes. */
  private readonly shown = new Map<string, string>();

  constructor(controller: AllocationController, texts: PaneTexts, lang: Lang) {
    this.controller = controller;
    this.texts = texts;
    this.lang = lang;
  }

  mount(): void {
    applyTexts(this.texts, this.lang);
    bindTabs();
    const c = this.controller;
    this.onClick("use-selection", () => c.useSelection());
    this.onClick("read-table", () => {
      const name = byId<HTMLSelectElement>("table-picker").value;
      return name ? c.readTable(name) : Promise.resolve();
    });
    this.onClick("reread-last", () => c.rereadLast());
    this.onClick("add-reserve", () => {
      c.addReserve();
      // Put the cursor where the user will type next: the new reserve's name.
      const names = document.querySelectorAll<HTMLInputElement>("#reserve-rows .reserve-name");
      names[names.length - 1]?.focus();
      return Promise.resolve();
    });
    this.onClick("write", () => c.write());
    this.onClick("select-copy", () => c.selectForCopy());
    this.onClick("copy-word", () => c.copyForWord());
    byId<HTMLInputElement>("pot").addEventListener("input", (event) =>
      c.setTotal((event.target as HTMLInputElement).value)
    );
    byId<HTMLSelectElement>("unit").addEventListener("change", (event) =>
      c.setUnit((event.target as HTMLSelectElement).value)
    );
    byId<HTMLSelectElement>("name-column").addEventListener("change", (event) =>
      c.setNameColumn(Number((event.target as HTMLSelectElement).value))
    );
    byId<HTMLSelectElement>("key-column").addEventListener("change", (event) =>
      c.setKeyColumn(Number((event.target as HTMLSelectElement).value))
    );
    this.fillUnits();
    c.subscribe((state) => this.render(state));
    this.render(c.state);
  }

  /** Shows a failure before the controller exists (e.g. not in Excel). */
  static showStartupError(message: string): void {
    const node = byId<HTMLParagraphElement>("startup-error");
    node.textContent = message;
    node.hidden = false;
  }

  private onClick(id: string, action: () => Promise<void>): void {
    byId<HTMLButtonElement>(id).addEventListener("click", () => {
      // One Excel action at a time; a click while busy is ignored rather than queued.
      if (this.controller.state.busy) return;
      void action();
    });
  }

  private fillUnits(): void {
    const select = byId<HTMLSelectElement>("unit");
    for (const unit of UNIT_CHOICES) {
      const option = element(
        "option",
        undefined,
        `${formatNumber(new Decimal(unit), this.lang)} ${this.texts.kr}`
      );
      option.value = unit;
      select.append(option);
    }
  }

  render(state: AllocationState): void {
    const busy = state.busy !== null;
    byId("panel-allocate").setAttribute("aria-busy", String(busy));
    const progress = byId<HTMLProgressElement>("progress");
    progress.hidden = !busy;
    progress.setAttribute(
      "aria-label",
      state.busy === "writing" ? this.texts.writing : this.texts.reading
    );
    for (const id of [
      "use-selection",
      "read-table",
      "reread-last",
      "write",
      "select-copy",
      "copy-word",
    ]) {
      byId(id).setAttribute("aria-disabled", String(busy));
    }
    const noOutput = state.written === null;
    byId("select-copy").setAttribute("aria-disabled", String(busy || noOutput));
    byId("copy-word").setAttribute("aria-disabled", String(busy || noOutput));

    this.renderSource(state);
    this.renderColumns(state);
    this.renderParameters(state);
    this.renderPreview(state);
    this.renderIssues(state.issues);
    this.renderStatus(state);
  }

  private changed(part: string, signature: string): boolean {
    if (this.shown.get(part) === signature) return false;
    this.shown.set(part, signature);
    return true;
  }

  private renderSource(state: AllocationState): void {
    const picker = byId<HTMLSelectElement>("table-picker");
    if (this.changed("tables", JSON.stringify(state.tables))) {
      picker.replaceChildren(element("option", undefined, this.texts.tableNone));
      picker.options[0].value = "";
      for (const table of state.tables) {
        const option = element("option", undefined, `${table.name} (${table.sheet})`);
        option.value = table.name;
        picker.append(option);
      }
    }
    if (state.source?.tableName && picker.value !== state.source.tableName)
      picker.value = state.source.tableName;
    byId<HTMLButtonElement>("read-table").hidden = state.tables.length === 0;
    picker.closest(".field")?.toggleAttribute("hidden", state.tables.length === 0);

    const reread = byId<HTMLButtonElement>("reread-last");
    const last = state.source ?? state.lastSource;
    reread.hidden = last === null;
    if (last) reread.textContent = this.texts.rereadLast(last.tableName ?? last.address);

    byId("source-info").textContent = state.source
      ? this.texts.sourceIs(state.source.address)
      : this.texts.noSource;
  }

  private renderColumns(state: AllocationState): void {
    const columns = state.columns;
    const source = state.source;
    byId("columns").hidden = !columns;
    if (!columns || !source) return;
    const row = source.grid.top + columns.headerRow;
    const left = source.grid.left;
    const headerRange = rangeAddress({
      top: row,
      left,
      bottom: row,
      right: left + columns.headers.length - 1,
    });
    byId("header-info").textContent = this.texts.headerIs(
      `${headerRange} – ${columns.headers.filter((h) => h).join(" | ")}`
    );

    const options = columns.headers.map((header, c) =>
      this.texts.columnOption(columnLetter(source.grid.left + c), header)
    );
    if (this.changed("column-options", JSON.stringify([source.address, options]))) {
      for (const id of ["name-column", "key-column"]) {
        const select = byId<HTMLSelectElement>(id);
        const none = element("option", undefined, "–");
        none.value = "";
        none.disabled = true;
        select.replaceChildren(none);
        options.forEach((text, c) => {
          const option = element("option", undefined, text);
          option.value = String(c);
          select.append(option);
        });
      }
    }
    byId<HTMLSelectElement>("name-column").value =
      columns.nameColumn === null ? "" : String(columns.nameColumn);
    byId<HTMLSelectElement>("key-column").value =
      columns.keyColumn === null ? "" : String(columns.keyColumn);

    const candidates = options
      .map((text, c) => ({ text, c }))
      .filter(({ c }) => c !== columns.nameColumn && c !== columns.keyColumn);
    const box = byId("interest-columns");
    if (this.changed("interest", JSON.stringify([source.address, candidates]))) {
      box.replaceChildren();
      if (candidates.length === 0) box.append(element("span", "hint", this.texts.interestNone));
      for (const { text, c } of candidates) {
        const label = element("label", "check");
        const input = element("input");
        input.type = "checkbox";
        input.value = String(c);
        input.addEventListener("change", () => this.controller.setInterestColumn(c, input.checked));
        label.append(input, element("span", undefined, text));
        box.append(label);
      }
    }
    box.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((input) => {
      input.checked = columns.interestColumns.includes(Number(input.value));
    });
  }

  private renderParameters(state: AllocationState): void {
    const pot = byId<HTMLInputElement>("pot");
    if (pot.value !== state.total) pot.value = state.total;
    byId<HTMLSelectElement>("unit").value = state.unit;

    const rows = byId("reserve-rows");
    if (this.changed("reserve-count", String(state.reserves.length))) {
      rows.replaceChildren();
      state.reserves.forEach((_, index) => rows.append(this.reserveRow(index)));
    }
    state.reserves.forEach((reserve, index) => {
      const row = rows.children[index];
      const name = row.querySelector<HTMLInputElement>(".reserve-name");
      const amount = row.querySelector<HTMLInputElement>(".amount");
      if (name && name.value !== reserve.name) name.value = reserve.name;
      if (amount && amount.value !== reserve.amount) amount.value = reserve.amount;
    });
  }

  private reserveRow(index: number): HTMLElement {
    const row = element("div", "reserve-row");
    const name = element("input", "control reserve-name");
    name.type = "text";
    name.placeholder = this.texts.reserveNamePlaceholder;
    name.setAttribute("aria-label", this.texts.reserveName(index + 1));
    name.addEventListener("input", () => this.controller.setReserve(index, { name: name.value }));
    const amount = element("input", "control amount");
    amount.type = "text";
    amount.inputMode = "decimal";
    amount.autocomplete = "off";
    amount.placeholder = this.texts.kr;
    amount.setAttribute("aria-label", this.texts.reserveAmount(index + 1));
    amount.addEventListener("input", () =>
      this.controller.setReserve(index, { amount: amount.value })
    );
    const remove = element("button", "button button-subtle button-icon", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", this.texts.removeReserve(index + 1));
    remove.title = this.texts.removeReserve(index + 1);
    remove.addEventListener("click", () => {
      this.controller.removeReserve(index);
      byId("add-reserve").focus();
    });
    row.append(name, amount, remove);
    return row;
  }

  private renderPreview(state: AllocationState): void {
    const container = byId("preview");
    const run = state.run;
    const signature = run
      ? JSON.stringify([
          run.result.rows.map((r) => [r.name, r.amount.toString(), r.extraUnit]),
          state.reserves,
          state.total,
          state.unit,
        ])
      : "";
    if (!this.changed("preview", signature)) return;
    if (!run) {
      container.replaceChildren(element("p", "hint", this.texts.previewEmpty));
      return;
    }
    const result = run.result;
    const decimals = result.unit.lessThan(1) ? 2 : 0;
    const money = (value: Decimal) => formatNumber(value, this.lang, decimals);

    const table = element("table", "preview-table");
    const caption = element("caption", "visually-hidden", this.texts.previewHeading);
    caption.hidden = true;
    const head = element("thead");
    const headRow = element("tr");
    const markHead = element("th");
    markHead.setAttribute("aria-label", this.texts.previewExtra);
    headRow.append(
      element("th", undefined, this.texts.previewName),
      markHead,
      element("th", "number", this.texts.previewAmount)
    );
    head.append(headRow);

    const body = element("tbody");
    const addRow = (name: string, mark: string, amount: string, note?: string) => {
      const tr = element("tr");
      const nameCell = element("td", undefined, name);
      if (note) nameCell.append(" ", element("span", "muted", `(${note})`));
      const markCell = element("td");
      if (mark) {
        const span = element("span", "extra-mark", mark);
        span.title = this.texts.previewExtra;
        span.setAttribute("aria-label", this.texts.previewExtra);
        markCell.append(span);
      }
      tr.append(nameCell, markCell, element("td", "number", amount));
      body.append(tr);
    };
    for (const row of result.rows) {
      addRow(
        row.name,
        row.extraUnit ? "+" : "",
        money(row.amount),
        row.interested ? undefined : this.texts.previewNotInterested
      );
    }
    for (const reserve of result.reserves)
      addRow(reserve.name, "", money(reserve.amount), this.texts.previewReserve);
    if (!result.unallocated.isZero())
      addRow(this.texts.previewUnallocated, "", formatNumber(result.unallocated, this.lang, 2));

    const foot = element("tfoot");
    const totalRow = element("tr");
    const totalAmount = result.rows
      .map((r) => r.amount)
      .concat(
        result.reserves.map((r) => r.amount),
        [result.unallocated]
      )
      .reduce((acc, v) => acc.plus(v), new Decimal(0));
    totalRow.append(
      element("td", undefined, this.texts.previewTotal),
      element("td"),
      element(
        "td",
        "number",
        formatNumber(totalAmount, this.lang, Math.max(decimals, totalAmount.decimalPlaces()))
      )
    );
    foot.append(totalRow);
    table.append(caption, head, body, foot);

    const legend = element(
      "p",
      "hint",
      this.texts.previewExtraLegend(result.extraUnits, formatNumber(result.unit, this.lang))
    );
    container.replaceChildren(table, legend);
  }

  private renderIssues(issues: Issue[]): void {
    for (const field of FIELDS) {
      const own = issues.filter((i) => i.field === field);
      const box = byId(`error-${field}`);
      if (this.changed(`error-${field}`, JSON.stringify(own))) {
        box.replaceChildren(...own.map((i) => element("p", undefined, withPlace(i))));
      }
      box.hidden = own.length === 0;
      const control = FIELD_CONTROL[field];
      if (control) byId(control).setAttribute("aria-invalid", String(own.length > 0));
    }
    document.querySelectorAll<HTMLInputElement>("#reserve-rows input").forEach((input) => {
      input.setAttribute("aria-invalid", String(issues.some((i) => i.field === "reserves")));
    });

    const panel = byId("problems");
    panel.hidden = issues.length === 0;
    if (!this.changed("problem-list", JSON.stringify(issues))) return;
    const list = byId("problem-list");
    list.replaceChildren(
      ...issues.map((issue) => {
        const item = element("li");
        if (issue.cell) {
          const cell = issue.cell;
          const jump = element("button", "cell-link", cell);
          jump.type = "button";
          jump.title = this.texts.goToCell(cell);
          jump.setAttribute("aria-label", this.texts.goToCell(cell));
          jump.addEventListener("click", () => void this.controller.goTo(cell));
          item.append(jump, " ");
        }
        item.append(element("span", undefined, issue.message));
        return item;
      })
    );
  }

  private renderStatus(state: AllocationState): void {
    const status = byId("status");
    const text =
      state.busy === "writing"
        ? this.texts.writing
        : state.busy === "reading"
          ? this.texts.reading
          : (state.status?.text ?? "");
    if (status.textContent !== text) status.textContent = text;
    status.className = `status status-${state.busy ? "info" : (state.status?.kind ?? "info")}`;
  }
}

/** "Blad1!D4: 'tolv' är inte ett tal."; a message that already names its range is left as it is. */
function withPlace(issue: Issue): string {
  return issue.cell && !issue.message.includes(issue.cell)
    ? `${issue.cell}: ${issue.message}`
    : issue.message;
}
