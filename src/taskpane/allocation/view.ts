/**
 * Binds the pane's HTML to the controller and renders its state. Names and other text from
 * the workbook only ever go in through textContent. Parts that hold focusable elements are
 * rebuilt only when what they show changes, so typing or clicking never loses focus.
 */
import { columnLetter, rangeAddress } from "../../core/grid";
import { Decimal, formatMoney, formatNumber } from "../../core/money";
import type { Field, Lang } from "../../core/problems";
import type { Issue } from "../shell/step";
import type { ShellTexts } from "../shell/texts";
import type { AdvancedInput, AllocationController, AllocationState } from "./controller";
import {
  applyTexts,
  byId,
  cellLink,
  element,
  fillUnitOptions,
  onAction,
  Parts,
} from "../shell/dom";
import { SourcePickerView } from "../shell/source-view";
import { renderStepFrame } from "../shell/status-view";
import type { AllocationTexts } from "./texts";

/** The value of a sheet's option in #last-year-column (a column's is its index). */
const SHEET_OPTION = "sheet:";

const FIELDS: Field[] = [
  "total",
  "unit",
  "reserves",
  "range",
  "nameColumn",
  "keyColumn",
  "interestColumns",
  "base",
  "floor",
  "ceiling",
  "keyColumns",
  "weights",
  "lastYearColumn",
];

/** The input each field's error belongs to, for aria-invalid. */
const FIELD_CONTROL: Partial<Record<Field, string>> = {
  total: "pot",
  unit: "unit",
  nameColumn: "name-column",
  keyColumn: "key-column",
  base: "base",
  floor: "floor",
  ceiling: "ceiling",
  keyColumns: "second-key",
  lastYearColumn: "last-year-column",
};

export class AllocationView {
  /** A part is rebuilt only when what it shows changes. */
  private readonly parts = new Parts();
  private readonly source: SourcePickerView;

  constructor(
    private readonly controller: AllocationController,
    private readonly texts: AllocationTexts,
    private readonly shell: ShellTexts,
    private readonly lang: Lang
  ) {
    this.source = new SourcePickerView(controller.picker, shell, {
      prefix: "",
      noSource: texts.noSource,
      label: texts.sourceHeading,
      isBusy: () => controller.state.busy !== null,
    });
  }

  mount(): void {
    const panel = byId("panel-allocate");
    applyTexts(this.texts, panel);
    this.source.mount(byId("allocation-source"));
    const c = this.controller;
    this.onClick("add-reserve", () => {
      c.addReserve();
      // Put the cursor where the user will type next: the new reserve's name.
      const names = document.querySelectorAll<HTMLInputElement>("#reserve-rows .reserve-name");
      names[names.length - 1]?.focus();
      return Promise.resolve();
    });
    this.onClick("add-key", () => {
      c.addKey();
      // The new key's column is what the user picks next.
      const selects = document.querySelectorAll<HTMLSelectElement>("#more-keys select");
      selects[selects.length - 1]?.focus();
      return Promise.resolve();
    });
    this.onClick("write", () => c.write());
    this.onClick("select-copy", () => c.selectForCopy());
    this.onClick("copy-word", () => c.copyForWord());
    byId<HTMLInputElement>("pot").addEventListener("input", (event) =>
      c.setTotal((event.target as HTMLInputElement).value)
    );
    // Problems with what is typed show when the field is left, not on every keystroke.
    byId<HTMLInputElement>("pot").addEventListener("blur", () => c.leaveField("total"));
    byId("reserve-rows").addEventListener("focusout", () => c.leaveField("reserves"));
    byId<HTMLInputElement>("grant").addEventListener("input", (event) =>
      c.setGrant((event.target as HTMLInputElement).value)
    );
    byId<HTMLInputElement>("include-hidden").addEventListener("change", (event) =>
      c.setIncludeHidden((event.target as HTMLInputElement).checked)
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
    const text = (id: string, field: "base" | "floor" | "ceiling" | "keyWeight" | "secondWeight") =>
      byId<HTMLInputElement>(id).addEventListener("input", (event) =>
        c.setAdvanced({ [field]: (event.target as HTMLInputElement).value })
      );
    text("base", "base");
    text("floor", "floor");
    text("ceiling", "ceiling");
    text("key-weight", "keyWeight");
    text("second-weight", "secondWeight");
    const column = (value: string) => (value === "" ? null : Number(value));
    byId<HTMLSelectElement>("second-key").addEventListener("change", (event) =>
      c.setAdvanced({ secondKey: column((event.target as HTMLSelectElement).value) })
    );
    // The sheets last year may come from are listed when "Avancerat" is first opened.
    const advanced = byId<HTMLDetailsElement>("advanced");
    advanced.addEventListener("toggle", () => void c.setAdvancedOpen(advanced.open));
    byId<HTMLSelectElement>("last-year-column").addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      // Last year from a previous Fördelning sheet (read now) or from a column of the source.
      if (value.startsWith(SHEET_OPTION)) void c.setLastYearSheet(value.slice(SHEET_OPTION.length));
      else c.setAdvanced({ lastYearColumn: column(value) });
    });
    for (const field of ["base", "floor", "ceiling"] as const)
      byId<HTMLSelectElement>(`${field}-column`).addEventListener("change", (event) =>
        c.setAdvanced({ [`${field}Column`]: column((event.target as HTMLSelectElement).value) })
      );
    fillUnitOptions(byId<HTMLSelectElement>("unit"), this.lang, this.shell.kr);
    c.subscribe((state) => this.render(state));
    this.render(c.state);
  }

  private cellLink(cell: string): HTMLButtonElement {
    const c = this.controller;
    return cellLink(
      cell,
      this.shell.goToCell(cell),
      (at) => c.goTo(at),
      () => c.state.busy !== null
    );
  }

  private onClick(id: string, action: () => Promise<void>): void {
    onAction(byId(id), () => this.controller.state.busy !== null, action);
  }

  /** The panel was opened: bring the shared status area up to date. */
  shown(): void {
    this.render(this.controller.state);
  }

  render(state: AllocationState): void {
    const busy = renderStepFrame("panel-allocate", state, this.shell);
    byId("write").setAttribute("aria-disabled", String(busy));
    const noOutput = state.written === null;
    byId("select-copy").setAttribute("aria-disabled", String(busy || noOutput));
    byId("copy-word").setAttribute("aria-disabled", String(busy || noOutput));

    this.source.render(state.sources, busy);
    this.renderColumns(state);
    this.renderParameters(state);
    this.renderAdvanced(state);
    this.renderLastYear(state);
    this.renderSkipped(state);
    this.renderPreview(state);
    this.renderIssues(state.issues, state.advanced);
  }

  private renderColumns(state: AllocationState): void {
    const columns = state.columns;
    const source = state.sources.source;
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
    if (this.parts.changed("column-options", JSON.stringify([source.address, options]))) {
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
    if (this.parts.changed("interest", JSON.stringify([source.address, candidates]))) {
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

  /** "Avancerat": amounts as typed, column choices from the source's headers. */
  private renderAdvanced(state: AllocationState): void {
    const a = state.advanced;
    const fields: [string, string][] = [
      ["base", a.base],
      ["floor", a.floor],
      ["ceiling", a.ceiling],
      ["key-weight", a.keyWeight],
      ["second-weight", a.secondWeight],
    ];
    for (const [id, value] of fields) {
      const input = byId<HTMLInputElement>(id);
      if (input.value !== value) input.value = value;
    }
    const columns = state.columns;
    const source = state.sources.source;
    const headers = columns && source ? columns.headers : [];
    const left = source ? source.grid.left : 0;
    const options = headers.map((header, c) =>
      this.texts.columnOption(columnLetter(left + c), header)
    );
    const picks: [string, number | null, string][] = [
      ["second-key", a.secondKey, this.texts.noColumn],
      ["last-year-column", a.lastYearColumn, this.texts.noColumn],
      ["base-column", a.baseColumn, this.texts.sameForAll],
      ["floor-column", a.floorColumn, this.texts.sameForAll],
      ["ceiling-column", a.ceilingColumn, this.texts.sameForAll],
    ];
    if (this.parts.changed("advanced-options", JSON.stringify([source?.address, options]))) {
      for (const [id, , noneText] of picks)
        fillColumnOptions(byId<HTMLSelectElement>(id), noneText, options);
    }
    for (const [id, picked] of picks)
      byId<HTMLSelectElement>(id).value = picked === null ? "" : String(picked);
    // A column gives each recipient its own amount: the one-for-all field is not used then.
    byId("base").hidden = a.baseColumn !== null;
    byId("floor").hidden = a.floorColumn !== null;
    byId("ceiling").hidden = a.ceilingColumn !== null;
    byId("weights").hidden = a.secondKey === null;
    this.renderMoreKeys(a.moreKeys, options);
  }

  /** The third key and on: a column and a weight each, removable. */
  private renderMoreKeys(keys: AdvancedInput["moreKeys"], options: string[]): void {
    const rows = byId("more-keys");
    if (this.parts.changed("more-keys", JSON.stringify([keys.length, options]))) {
      rows.replaceChildren(...keys.map((_, index) => this.keyRow(index, options)));
    }
    keys.forEach((key, index) => {
      const row = rows.children[index];
      const select = row?.querySelector("select");
      const weight = row?.querySelector("input");
      if (select) select.value = key.column === null ? "" : String(key.column);
      if (weight && weight.value !== key.weight) weight.value = key.weight;
    });
  }

  private keyRow(index: number, options: string[]): HTMLElement {
    const n = index + 3;
    const row = element("div", "key-row");
    const select = element("select", "control");
    select.id = `key-${n}-column`;
    select.setAttribute("aria-label", this.texts.keyN(n));
    fillColumnOptions(select, this.texts.noColumn, options);
    select.addEventListener("change", () =>
      this.controller.setMoreKey(index, {
        column: select.value === "" ? null : Number(select.value),
      })
    );
    const weight = element("input", "control");
    weight.id = `key-${n}-weight`;
    weight.type = "text";
    weight.inputMode = "decimal";
    weight.autocomplete = "off";
    weight.placeholder = "%";
    weight.setAttribute("aria-label", this.texts.keyWeightN(n));
    weight.setAttribute("aria-describedby", "error-weights");
    weight.addEventListener("input", () =>
      this.controller.setMoreKey(index, { weight: weight.value })
    );
    const remove = element("button", "button button-subtle button-icon", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", this.texts.removeKey(n));
    remove.title = this.texts.removeKey(n);
    remove.addEventListener("click", () => {
      this.controller.removeKey(index);
      byId("add-key").focus();
    });
    row.append(select, weight, remove);
    return row;
  }

  /**
   * The sheets last year's amounts may come from, as an option group after the columns in
   * #last-year-column (rebuilt when the list changes or the columns were rebuilt without it),
   * and the sheet picked, if any.
   */
  private renderLastYear(state: AllocationState): void {
    const select = byId<HTMLSelectElement>("last-year-column");
    const listChanged = this.parts.changed(
      "last-year-sheets",
      JSON.stringify(state.lastYearSheets)
    );
    let group = select.querySelector("optgroup");
    if (listChanged || !group) {
      group?.remove();
      group = null;
      if (state.lastYearSheets.length > 0) {
        group = element("optgroup");
        group.label = this.texts.lastYearSheetGroup;
        for (const name of state.lastYearSheets) {
          const option = element("option", undefined, name);
          option.value = SHEET_OPTION + name;
          group.append(option);
        }
        select.append(group);
      }
    }
    if (state.lastYearSheet) select.value = SHEET_OPTION + state.lastYearSheet.grid.sheet;
  }

  private renderParameters(state: AllocationState): void {
    const pot = byId<HTMLInputElement>("pot");
    if (pot.value !== state.total) pot.value = state.total;
    byId("pot-echo").textContent = this.controller.understood(state.total) ?? "";
    const grant = byId<HTMLInputElement>("grant");
    if (grant.value !== state.grant) grant.value = state.grant;
    byId<HTMLSelectElement>("unit").value = state.unit;

    const rows = byId("reserve-rows");
    if (this.parts.changed("reserve-count", String(state.reserves.length))) {
      rows.replaceChildren();
      state.reserves.forEach((_, index) => rows.append(this.reserveRow(index)));
    }
    state.reserves.forEach((reserve, index) => {
      const row = rows.children[index];
      const name = row.querySelector<HTMLInputElement>(".reserve-name");
      const amount = row.querySelector<HTMLInputElement>(".amount");
      if (name && name.value !== reserve.name) name.value = reserve.name;
      if (amount && amount.value !== reserve.amount) amount.value = reserve.amount;
      const echo = row.querySelector<HTMLElement>(".echo");
      if (echo) echo.textContent = this.controller.understood(reserve.amount) ?? "";
    });
  }

  private reserveRow(index: number): HTMLElement {
    const row = element("div", "reserve-row");
    const name = element("input", "control reserve-name");
    name.id = `reserve-${index + 1}-name`;
    name.type = "text";
    name.placeholder = this.texts.reserveNamePlaceholder;
    name.setAttribute("aria-label", this.texts.reserveName(index + 1));
    name.addEventListener("input", () => this.controller.setReserve(index, { name: name.value }));
    const amount = element("input", "control amount");
    amount.id = `reserve-${index + 1}-amount`;
    amount.type = "text";
    amount.inputMode = "decimal";
    amount.autocomplete = "off";
    amount.placeholder = this.shell.kr;
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
    const echo = element("span", "echo");
    echo.id = `reserve-${index + 1}-echo`;
    amount.setAttribute("aria-describedby", `${echo.id} error-reserves`);
    name.setAttribute("aria-describedby", "error-reserves");
    row.append(name, amount, remove, echo);
    return row;
  }

  /** Rows left out as totals, and hidden rows, so nothing is skipped or used without a word. */
  private renderSkipped(state: AllocationState): void {
    const run = state.run;
    const skipped = byId("skipped-info");
    const list = (items: { cell: string; label: string }[]) =>
      items.map((i) => `${i.label} (${i.cell})`).join(", ");
    skipped.hidden = !run || run.skipped.length === 0;
    if (run && run.skipped.length > 0)
      skipped.textContent = this.texts.skippedRows(list(run.skipped));
    const hidden = byId("hidden-rows");
    hidden.hidden = !run || run.hidden.length === 0;
    if (run && run.hidden.length > 0)
      byId("hidden-info").textContent = this.texts.hiddenRows(
        list(run.hidden.map((h) => ({ cell: h.cell, label: h.name })))
      );
    byId<HTMLInputElement>("include-hidden").checked = state.includeHidden;
  }

  private renderPreview(state: AllocationState): void {
    const container = byId("preview");
    const run = state.run;
    const signature = run
      ? JSON.stringify([
          run.result.rows.map((r) => [r.name, r.amount.toString(), r.extraUnit, r.rank]),
          state.reserves,
          state.total,
          state.unit,
          run.result.lastYearSource,
          run.result.comparison?.rows.map((r) => [r.name, r.lastYear?.toString(), r.status]),
        ])
      : "";
    if (!this.parts.changed("preview", signature)) return;
    if (!run) {
      container.replaceChildren(element("p", "hint", this.texts.previewEmpty));
      return;
    }
    const result = run.result;
    const money = (value: Decimal) => formatMoney(value, result.unit, this.lang);
    const percent = (value: Decimal) =>
      `${formatNumber(value.times(100).toDecimalPlaces(1), this.lang, 1)}\u00a0%`;

    // With last year's amounts: last year, this year and the change, in place of the share.
    const comparison = result.comparison;
    const change = (value: Decimal) =>
      (value.isPositive() && !value.isZero() ? "+" : "") + money(value);
    const table = element("table", "preview-table");
    table.append(element("caption", "visually-hidden", this.texts.previewHeading));
    const head = element("thead");
    const headRow = element("tr");
    const headers = comparison
      ? [this.texts.previewLastYear, this.texts.previewAmount, this.texts.previewChange]
      : [this.texts.previewShare, this.texts.previewAmount];
    headRow.append(
      element("th", undefined, this.texts.previewName),
      ...headers.map((text) => element("th", "number", text))
    );
    head.append(headRow);

    const body = element("tbody");
    /** `share` stands for the middle column: the share, or last year's amount when comparing. */
    const addRow = (
      name: string,
      share: string,
      amount: string,
      note?: string,
      extra?: string,
      changed?: string
    ) => {
      const tr = element("tr");
      const nameCell = element("td", undefined, name);
      if (note) nameCell.append(" ", element("span", "muted", `(${note})`));
      const amountCell = element("td", "number", amount);
      if (extra) {
        // Why this row got (or did not get) the extra unit: its place in the remainder order.
        nameCell.append(element("span", "rounding-note", extra));
      }
      tr.append(nameCell, element("td", "number", share), amountCell);
      if (comparison) tr.append(element("td", "number", changed ?? ""));
      body.append(tr);
    };
    for (const row of result.rows) {
      const bound = row.shape?.bound;
      const note =
        bound === "floor"
          ? this.texts.previewAtFloor
          : bound === "ceiling"
            ? this.texts.previewAtCeiling
            : row.rank === null
              ? undefined
              : row.extraUnit
                ? this.texts.previewGotExtra(row.rank, result.extraUnits)
                : this.texts.previewNoExtra(row.rank, result.extraUnits);
      const year = row.lastYear;
      addRow(
        row.name,
        year
          ? year.lastYear === null
            ? ""
            : money(year.lastYear)
          : row.share === null
            ? ""
            : percent(row.share),
        money(row.amount),
        year?.status === "new"
          ? this.texts.previewNewThisYear
          : row.interested
            ? undefined
            : this.texts.previewNotInterested,
        note,
        year ? change(year.change) : undefined
      );
    }
    // Last year's recipients that are not among this year's.
    for (const gone of comparison?.rows.filter((r) => r.status === "gone") ?? [])
      addRow(
        gone.name,
        gone.lastYear === null ? "" : money(gone.lastYear),
        "",
        this.texts.previewGone,
        undefined,
        change(gone.change)
      );
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
      comparison ? element("td", "number", money(comparison.lastYearTotal)) : element("td"),
      element("td", "number", money(totalAmount))
    );
    if (comparison) totalRow.append(element("td", "number", change(comparison.change)));
    foot.append(totalRow);
    table.append(head, body, foot);

    const legend = element(
      "p",
      "hint",
      this.texts.previewExtraLegend(result.extraUnits, formatNumber(result.unit, this.lang))
    );
    container.replaceChildren(table, legend);
  }

  private renderIssues(issues: Issue[], advanced: AdvancedInput): void {
    // Base, floor and ceiling taken from a column: the column's select is the visible input,
    // so it carries the error mark (and the label) instead of the hidden amount field.
    const fromColumn = {
      base: advanced.baseColumn !== null,
      floor: advanced.floorColumn !== null,
      ceiling: advanced.ceilingColumn !== null,
    };
    for (const field of ["base", "floor", "ceiling"] as const) {
      const control = fromColumn[field] ? `${field}-column` : field;
      byId<HTMLLabelElement>(`label-${field}`).htmlFor = control;
      byId(fromColumn[field] ? field : `${field}-column`).setAttribute("aria-invalid", "false");
    }
    for (const field of FIELDS) {
      const own = issues.filter((i) => i.field === field);
      const box = byId(`error-${field}`);
      if (this.parts.changed(`error-${field}`, JSON.stringify(own))) {
        box.replaceChildren(...own.map((i) => element("p", undefined, withPlace(i))));
      }
      box.hidden = own.length === 0;
      const control =
        (field === "base" || field === "floor" || field === "ceiling") && fromColumn[field]
          ? `${field}-column`
          : FIELD_CONTROL[field];
      if (control) byId(control).setAttribute("aria-invalid", String(own.length > 0));
    }
    // Only the reserve input a problem is about is marked; a problem about all reserves
    // together (their sum above the pot) marks every amount.
    const reserveIssues = issues.filter((i) => i.field === "reserves");
    document.querySelectorAll<HTMLInputElement>("#reserve-rows input").forEach((input) => {
      const wrong = reserveIssues.some((i) =>
        i.control ? i.control === input.id : input.classList.contains("amount")
      );
      input.setAttribute("aria-invalid", String(wrong));
    });

    const panel = byId("problems");
    panel.hidden = issues.length === 0;
    if (!this.parts.changed("problem-list", JSON.stringify(issues))) return;
    const list = byId("problem-list");
    list.replaceChildren(
      ...issues.map((issue) => {
        const item = element("li");
        if (issue.cell) item.append(this.cellLink(issue.cell), " ");
        item.append(element("span", undefined, issue.message));
        return item;
      })
    );
  }
}

/** "Blad1!D4: 'tolv' är inte ett tal."; a message that already names its range is left as it is. */
function withPlace(issue: Issue): string {
  return issue.cell && !issue.message.includes(issue.cell)
    ? `${issue.cell}: ${issue.message}`
    : issue.message;
}

/** A column choice: "none" (value "") first, then each column by its index. */
function fillColumnOptions(select: HTMLSelectElement, noneText: string, options: string[]): void {
  const none = element("option", undefined, noneText);
  none.value = "";
  select.replaceChildren(
    none,
    ...options.map((text, c) => {
      const option = element("option", undefined, text);
      option.value = String(c);
      return option;
    })
  );
}
