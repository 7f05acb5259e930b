/**
 * The shared source picker's DOM: "Use selection", a list of Excel tables with "Read
 * table", "Read … again" and a line saying what was read. Built into a placeholder element
 * with ids prefixed per picker, so a step can have more than one.
 */
import type { SourcePicker, SourceState } from "./source";
import { Parts, byId, element, onAction } from "./dom";
import type { ShellTexts } from "./texts";

export interface SourceViewOptions {
  /** Prefix for the element ids ("" for the Fördela step, "req-max-" for the maxima, ...). */
  prefix: string;
  /** What to do when nothing is read yet ("Select the recipients with their header row ..."). */
  noSource: string;
  /** Accessible name of the whole picker. */
  label: string;
  /** Is an Excel action running (buttons are then inert)? */
  isBusy: () => boolean;
}

export class SourcePickerView {
  private readonly parts = new Parts();

  constructor(
    private readonly picker: SourcePicker,
    private readonly texts: ShellTexts,
    private readonly options: SourceViewOptions
  ) {}

  private id(name: string): string {
    return `${this.options.prefix}${name}`;
  }

  /** Builds the picker's controls into `container`. */
  mount(container: HTMLElement): void {
    const t = this.texts;
    container.setAttribute("role", "group");
    container.setAttribute("aria-label", this.options.label);
    const use = element("button", "button button-primary", t.useSelection);
    use.type = "button";
    use.id = this.id("use-selection");

    const field = element("div", "field");
    const label = element("label", undefined, t.tableLabel);
    label.htmlFor = this.id("table-picker");
    const inline = element("div", "inline");
    const select = element("select", "control");
    select.id = this.id("table-picker");
    const read = element("button", "button", t.tableRead);
    read.type = "button";
    read.id = this.id("read-table");
    inline.append(select, read);
    field.append(label, inline);

    const reread = element("button", "button button-subtle");
    reread.type = "button";
    reread.id = this.id("reread-last");
    reread.hidden = true;
    const info = element("p", "hint");
    info.id = this.id("source-info");
    const error = element("div", "field-error");
    error.id = this.id("error-range");
    error.hidden = true;
    container.replaceChildren(use, field, reread, info, error);

    this.onClick(use, () => this.picker.useSelection());
    this.onClick(read, () =>
      select.value ? this.picker.readTable(select.value) : Promise.resolve()
    );
    this.onClick(reread, () => this.picker.reread());
  }

  private onClick(button: HTMLButtonElement, action: () => Promise<void>): void {
    onAction(button, this.options.isBusy, action);
  }

  render(state: SourceState, busy: boolean): void {
    const t = this.texts;
    for (const name of ["use-selection", "read-table", "reread-last"])
      byId(this.id(name)).setAttribute("aria-disabled", String(busy));
    const picker = byId<HTMLSelectElement>(this.id("table-picker"));
    if (this.parts.changed("tables", JSON.stringify(state.tables))) {
      picker.replaceChildren(element("option", undefined, t.tableNone));
      picker.options[0].value = "";
      for (const table of state.tables) {
        const option = element("option", undefined, `${table.name} (${table.sheet})`);
        option.value = table.name;
        picker.append(option);
      }
    }
    if (state.source?.tableName && picker.value !== state.source.tableName)
      picker.value = state.source.tableName;
    picker.closest(".field")?.toggleAttribute("hidden", state.tables.length === 0);

    const reread = byId<HTMLButtonElement>(this.id("reread-last"));
    const last = state.source ?? state.last;
    reread.hidden = last === null;
    if (last) reread.textContent = t.rereadLast(last.tableName ?? last.address);

    byId(this.id("source-info")).textContent = state.source
      ? t.sourceIs(state.source.address)
      : this.options.noSource;
  }
}
