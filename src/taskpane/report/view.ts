/**
 * Binds the Återrapportering panel to its controller and renders its state. Renders only
 * into its own panel (ids prefixed "rep-"); the shared status area and progress bar only
 * while the panel is visible. Workbook text goes in through textContent only. Parts with
 * focusable elements are rebuilt only when what they show changes, so focus is kept.
 */
import type { Issue } from "../shell/step";
import type { ShellTexts } from "../shell/texts";
import { applyTexts, byId, cellLink, element, onAction, Parts } from "../shell/dom";
import { renderStepFrame } from "../shell/status-view";
import type { FlaggedItem, ReportController, ReportState } from "./controller";
import type { ReportTexts } from "./texts";

const PANEL = "panel-report";
/** Fields whose errors are shown next to an input (core's field -> the input's id). */
const FIELD_CONTROL: Record<string, string | null> = {
  ledgers: null,
  received: "rep-received",
  year: "rep-year",
  costCentres: "rep-cost-centres",
  projects: "rep-projects",
};

export class ReportView {
  private readonly parts = new Parts();

  constructor(
    private readonly controller: ReportController,
    private readonly texts: ReportTexts,
    private readonly shell: ShellTexts
  ) {}

  mount(): void {
    const panel = byId(PANEL);
    applyTexts(this.texts, panel);
    const c = this.controller;
    this.onClick("rep-add-ledger", () => {
      c.addLedger();
      const inputs = document.querySelectorAll<HTMLInputElement>("#rep-ledger-rows input");
      inputs[inputs.length - 1]?.focus();
    });
    this.onClick("rep-read", () => void c.read());
    this.onClick("rep-write", () => void c.write());
    // Cancel works while busy: that is what it is for.
    byId("rep-cancel").addEventListener("click", () => c.cancel());
    const bind = (id: string, set: (value: string) => void) =>
      byId<HTMLInputElement>(id).addEventListener("input", (event) =>
        set((event.target as HTMLInputElement).value)
      );
    bind("rep-received", (v) => c.setReceived(v));
    bind("rep-year", (v) => c.setYear(v));
    bind("rep-cost-centres", (v) => c.setCostCentres(v));
    bind("rep-projects", (v) => c.setProjects(v));
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

  private onClick(id: string, action: () => void): void {
    onAction(byId(id), () => this.controller.state.busy !== null, action);
  }

  shown(): void {
    this.render(this.controller.state);
  }

  render(state: ReportState): void {
    const busy = renderStepFrame(PANEL, state, this.shell);
    for (const id of ["rep-read", "rep-add-ledger"])
      byId(id).setAttribute("aria-disabled", String(busy));
    byId("rep-write").setAttribute("aria-disabled", String(busy || state.totals === null));
    const cancel = byId<HTMLButtonElement>("rep-cancel");
    const showCancel = state.busy === "reading";
    if (cancel.hidden === showCancel) {
      cancel.hidden = !showCancel;
      // Keyboard users keep their place: the cancel button takes focus from the read button.
      if (showCancel && document.activeElement === byId("rep-read")) cancel.focus();
      else if (!showCancel && document.activeElement === cancel) byId("rep-read").focus();
    }
    this.syncInput("rep-received", state.received);
    this.syncInput("rep-year", state.year);
    this.syncInput("rep-cost-centres", state.costCentres);
    this.syncInput("rep-projects", state.projects);
    this.renderLedgers(state);
    this.renderSourceInfo(state);
    this.renderSummary(state);
    this.renderFlagged(state.flagged, busy);
    this.renderIssues(state.issues);
  }

  private syncInput(id: string, value: string): void {
    const input = byId<HTMLInputElement>(id);
    if (input.value !== value) input.value = value;
  }

  private renderLedgers(state: ReportState): void {
    const container = byId("rep-ledger-rows");
    if (!this.parts.changed("ledgers", String(state.ledgerSheets.length))) {
      container.querySelectorAll<HTMLInputElement>("input").forEach((input, i) => {
        if (input.value !== state.ledgerSheets[i]) input.value = state.ledgerSheets[i];
      });
      return;
    }
    const several = state.ledgerSheets.length > 1;
    container.replaceChildren(
      ...state.ledgerSheets.map((sheet, index) => {
        const field = element("div", "field");
        const label = element("label", undefined, this.texts.ledgerSheet(index));
        label.htmlFor = `rep-ledger-${index}`;
        const inline = element("div", "inline");
        const input = element("input", "control");
        input.id = `rep-ledger-${index}`;
        input.type = "text";
        input.autocomplete = "off";
        input.spellcheck = false;
        input.value = sheet;
        input.setAttribute("aria-describedby", "rep-ledger-hint error-rep-ledgers");
        input.addEventListener("input", () => this.controller.setLedgerSheet(index, input.value));
        inline.append(input);
        if (several) {
          const remove = element("button", "button button-subtle", "\u00d7");
          remove.type = "button";
          remove.setAttribute("aria-label", this.texts.removeLedger(index));
          remove.addEventListener("click", () => {
            if (this.controller.state.busy) return;
            this.controller.removeLedger(index);
            byId("rep-ledger-0").focus();
          });
          inline.append(remove);
        }
        field.append(label, inline);
        return field;
      })
    );
  }

  private renderSourceInfo(state: ReportState): void {
    const t = this.texts;
    const lines: string[] = [];
    if (state.ledgers.length > 0) {
      lines.push(`${this.shell.sourceIs(state.ledgers.map((l) => l.address).join(", "))}.`);
      lines.push(state.mappingSheet ? t.mappingFromSheet(state.mappingSheet) : t.mappingDefault);
      if (state.narrativeKept) lines.push(t.narrativeKept);
    }
    const text = lines.join(" ");
    const info = byId("rep-source-info");
    if (info.textContent !== text) info.textContent = text;
  }

  private renderSummary(state: ReportState): void {
    const totals = state.totals;
    if (!this.parts.changed("summary", JSON.stringify(totals))) return;
    const container = byId("rep-summary");
    const t = this.texts;
    if (!totals) {
      container.replaceChildren(element("p", "hint", t.summaryEmpty));
      return;
    }
    const table = element("table", "preview-table report-summary");
    table.id = "rep-summary-table";
    table.setAttribute("aria-labelledby", "rep-heading-summary");
    const body = element("tbody");
    const row = (label: string, amount: string, strong = false) => {
      const tr = element("tr", strong ? "total" : undefined);
      const th = element("th", undefined, label);
      th.scope = "row";
      tr.append(th, element("td", "number", t.money(amount)));
      body.append(tr);
    };
    row(t.receivedRow, totals.received);
    for (const category of ["personnel", "premises", "services", "other"] as const)
      row(t.category[category], totals.used[category]);
    row(t.totalUsed, totals.totalUsed, true);
    row(t.unused, totals.unused, true);
    if (totals.ownFunding !== "0.00") row(t.ownFunding, totals.ownFunding);
    row(t.income, totals.income);
    table.append(body);
    container.replaceChildren(table);
  }

  private renderFlagged(flagged: FlaggedItem[], busy: boolean): void {
    const container = byId("rep-flagged");
    container.querySelectorAll("input").forEach((box) => {
      box.setAttribute("aria-disabled", String(busy));
    });
    if (!this.parts.changed("flagged", JSON.stringify(flagged))) return;
    const t = this.texts;
    const focused = document.activeElement?.id;
    const heading = element("h3", undefined, t.flaggedHeading(flagged.length));
    heading.id = "rep-flagged-heading";
    if (flagged.length === 0) {
      container.replaceChildren(
        ...(this.controller.state.totals ? [heading, element("p", "hint", t.flaggedNone)] : [])
      );
      return;
    }
    const list = element("ul", "flagged-list");
    list.setAttribute("aria-labelledby", heading.id);
    flagged.forEach((item, index) => {
      const li = element("li", "flagged-row");
      const check = element("input");
      check.type = "checkbox";
      check.id = `rep-accept-${index}`;
      check.checked = item.accepted;
      check.dataset.cell = item.cell;
      check.setAttribute("aria-label", t.acceptRow(item.cell));
      check.setAttribute("aria-describedby", `rep-flag-text-${index}`);
      check.addEventListener("change", () => {
        if (this.controller.state.busy) {
          check.checked = !check.checked;
          return;
        }
        this.controller.accept(item.cell, check.checked);
      });
      const link = this.cellLink(item.cells[0] ?? item.cell);
      const text = element("span", undefined, item.messages.join(" "));
      text.id = `rep-flag-text-${index}`;
      const amount = item.amount === null ? "" : ` (${t.money(item.amount)})`;
      li.append(check, " ", link, " ", text, amount);
      list.append(li);
    });
    container.replaceChildren(heading, list);
    if (focused) document.getElementById(focused)?.focus();
  }

  private renderIssues(issues: Issue[]): void {
    for (const [field, control] of Object.entries(FIELD_CONTROL)) {
      const own = issues.filter((i) => i.field === field);
      const box = byId(`error-rep-${field}`);
      if (this.parts.changed(`error-${field}`, JSON.stringify(own)))
        box.replaceChildren(...own.map((i) => element("p", undefined, i.message)));
      box.hidden = own.length === 0;
      if (control) byId(control).setAttribute("aria-invalid", String(own.length > 0));
    }
    const rest = issues.filter((i) => !(i.field && i.field in FIELD_CONTROL));
    byId("rep-problems").hidden = rest.length === 0;
    if (!this.parts.changed("problems", JSON.stringify(rest))) return;
    byId("rep-problem-list").replaceChildren(
      ...rest.map((issue) => {
        const item = element("li");
        if (issue.cell) item.append(this.cellLink(issue.cell), " ");
        item.append(element("span", undefined, issue.message));
        return item;
      })
    );
  }
}
