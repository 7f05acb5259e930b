/**
 * Binds the Rekvisitioner panel to its controller and renders its state, inside that panel
 * only (every id starts with "req-"). Text from the workbook only goes in through
 * textContent. The requisitions with remarks are listed, each with a button that selects
 * its cell; parts holding focusable elements are rebuilt only when what they show changes.
 */
import { type Decimal, formatMoney } from "../../core/money";
import type { Lang } from "../../core/problems";
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
import type { Issue } from "../shell/step";
import type { ShellTexts } from "../shell/texts";
import { type RequisitionsController, type RequisitionsState, type Remark } from "./controller";
import type { RequisitionsTexts } from "./texts";

const PANEL = "panel-requisitions";

/** Field errors shown next to their control: field -> the control's id. */
const FIELD_CONTROL: Record<string, string> = {
  deadline: "req-deadline",
  total: "req-pot",
  unit: "req-unit",
};

/** Errors of a list shown by its picker: field -> the picker's error box. */
const LIST_ERROR: Record<string, string> = {
  maxima: "req-max-error-range",
  requisitions: "req-rq-error-range",
};

export class RequisitionsView {
  private readonly parts = new Parts();
  private readonly maxima: SourcePickerView;
  private readonly requisitions: SourcePickerView;

  constructor(
    private readonly controller: RequisitionsController,
    private readonly texts: RequisitionsTexts,
    private readonly shell: ShellTexts,
    private readonly lang: Lang
  ) {
    const isBusy = () => controller.state.busy !== null;
    this.maxima = new SourcePickerView(controller.maximaPicker, shell, {
      prefix: "req-max-",
      noSource: texts.maximaNoSource,
      label: texts.maximaLabel,
      isBusy,
    });
    this.requisitions = new SourcePickerView(controller.requisitionsPicker, shell, {
      prefix: "req-rq-",
      noSource: texts.requisitionsNoSource,
      label: texts.requisitionsLabel,
      isBusy,
    });
  }

  mount(): void {
    const panel = byId(PANEL);
    applyTexts(this.texts, panel);
    this.maxima.mount(byId("req-maxima-source"));
    this.requisitions.mount(byId("req-requisitions-source"));
    // The pickers' own controls point at their error box.
    for (const [prefix, error] of [
      ["req-max-", "req-max-error-range"],
      ["req-rq-", "req-rq-error-range"],
    ]) {
      for (const name of ["use-selection", "table-picker", "read-table", "reread-last"])
        byId(`${prefix}${name}`).setAttribute("aria-describedby", error);
    }
    const c = this.controller;
    this.onClick("req-use-allocation", () => c.useAllocationSheet());
    this.onClick("req-write", () => c.write());
    const input = (id: string, set: (value: string) => void) =>
      byId<HTMLInputElement>(id).addEventListener("input", (event) =>
        set((event.target as HTMLInputElement).value)
      );
    input("req-deadline", (v) => c.setDeadline(v));
    input("req-pot", (v) => c.setTotal(v));
    byId<HTMLSelectElement>("req-unit").addEventListener("change", (event) =>
      c.setUnit((event.target as HTMLSelectElement).value)
    );
    byId<HTMLInputElement>("req-redistribute").addEventListener("change", (event) =>
      c.setRedistribute((event.target as HTMLInputElement).checked)
    );
    fillUnitOptions(byId<HTMLSelectElement>("req-unit"), this.lang, this.shell.kr);
    c.subscribe((state) => this.render(state));
    this.render(c.state);
  }

  private onClick(id: string, action: () => Promise<void>): void {
    onAction(byId(id), () => this.controller.state.busy !== null, action);
  }

  /** The panel was opened: bring the shared status area up to date. */
  shown(): void {
    this.render(this.controller.state);
  }

  render(state: RequisitionsState): void {
    const busy = renderStepFrame(PANEL, state, this.shell);
    byId("req-use-allocation").setAttribute("aria-disabled", String(busy));
    byId("req-write").setAttribute("aria-disabled", String(busy));
    this.maxima.render(state.maxima, busy);
    this.requisitions.render(state.requisitions, busy);
    this.renderInputs(state);
    this.renderResult(state);
    this.renderRemarks(state.remarks);
    this.renderIssues(state.issues);
  }

  private renderInputs(state: RequisitionsState): void {
    const deadline = byId<HTMLInputElement>("req-deadline");
    if (deadline.value !== state.deadline) deadline.value = state.deadline;
    const pot = byId<HTMLInputElement>("req-pot");
    if (pot.value !== state.total) pot.value = state.total;
    byId<HTMLSelectElement>("req-unit").value = state.unit;
    byId<HTMLInputElement>("req-redistribute").checked = state.redistribute;
  }

  private renderResult(state: RequisitionsState): void {
    const run = state.run;
    const t = this.texts;
    const signature = run
      ? JSON.stringify([
          run.pot.toString(),
          run.approved.toString(),
          run.redistributed.toString(),
          run.leftOver.toString(),
          run.redistribute,
          run.requisitions.map((r) => r.status),
        ])
      : "";
    if (!this.parts.changed("result", signature)) return;
    const container = byId("req-result");
    if (!run) {
      container.replaceChildren(element("p", "hint", t.resultEmpty));
      return;
    }
    const money = (value: Decimal) => `${formatMoney(value, run.unit, this.lang)} ${this.shell.kr}`;
    const ok = run.requisitions.filter((r) => r.status === "ok").length;
    const lines: [string, Decimal][] = [
      [t.potLine, run.pot],
      [t.approvedLine, run.approved],
      [t.unrequisitionedLine, run.unrequisitioned],
      ...(run.redistribute
        ? ([
            [t.redistributedLine, run.redistributed],
            [t.leftOverLine, run.leftOver],
          ] as [string, Decimal][])
        : []),
    ];
    const table = element("table", "preview-table");
    const body = element("tbody");
    for (const [label, value] of lines) {
      const row = element("tr");
      row.append(element("th", undefined, label), element("td", "number", money(value)));
      row.firstElementChild?.setAttribute("scope", "row");
      body.append(row);
    }
    table.append(body);
    container.replaceChildren(
      element("p", undefined, t.summary(ok, run.requisitions.length - ok)),
      table
    );
  }

  private renderRemarks(remarks: Remark[]): void {
    const box = byId("req-remarks");
    const run = this.controller.state.run;
    box.hidden = run === null;
    if (!this.parts.changed("remarks", JSON.stringify([run === null, remarks]))) return;
    const list = byId("req-remark-list");
    byId("req-remarks-heading").textContent =
      remarks.length === 0 ? this.texts.noRemarks : this.texts.remarksHeading;
    list.replaceChildren(
      ...remarks.map((remark) => {
        const item = element("li", `remark remark-${remark.status}`);
        item.append(
          this.cellButton(remark.cell),
          " ",
          element("strong", "remark-status", remark.statusText),
          " ",
          element("span", undefined, remark.message)
        );
        return item;
      })
    );
  }

  private cellButton(cell: string): HTMLButtonElement {
    const c = this.controller;
    return cellLink(
      cell,
      this.shell.goToCell(cell),
      (at) => c.goTo(at),
      () => c.state.busy !== null
    );
  }

  private renderIssues(issues: Issue[]): void {
    const placed = new Set<Issue>();
    for (const [field, control] of Object.entries(FIELD_CONTROL)) {
      const own = issues.filter((i) => i.field === field);
      own.forEach((i) => placed.add(i));
      this.fillError(`req-error-${field}`, own);
      byId(control).setAttribute("aria-invalid", String(own.length > 0));
    }
    for (const [field, box] of Object.entries(LIST_ERROR)) {
      const own = issues.filter((i) => i.field === field);
      own.forEach((i) => placed.add(i));
      this.fillError(box, own);
    }

    // Everything else (columns, cells of either list) in the list, with its cell as a link.
    const rest = issues.filter((i) => !placed.has(i) || i.cell !== undefined);
    byId("req-problems").hidden = issues.length === 0;
    if (!this.parts.changed("problem-list", JSON.stringify(rest))) return;
    byId("req-problem-list").replaceChildren(
      ...rest.map((issue) => {
        const item = element("li");
        if (issue.cell) item.append(this.cellButton(issue.cell), " ");
        item.append(element("span", undefined, issue.message));
        return item;
      })
    );
  }

  private fillError(id: string, own: Issue[]): void {
    const box = byId(id);
    if (this.parts.changed(id, JSON.stringify(own)))
      box.replaceChildren(...own.map((i) => element("p", undefined, withPlace(i))));
    box.hidden = own.length === 0;
  }
}

/** "Blad1!D4: …"; a message that already names its range is left as it is. */
function withPlace(issue: Issue): string {
  return issue.cell && !issue.message.includes(issue.cell)
    ? `${issue.cell}: ${issue.message}`
    : issue.message;
}
