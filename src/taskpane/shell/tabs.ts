/**
 * Tabs that switch real panels (the ARIA tabs pattern): one panel visible at a time; Left,
 * Right, Home and End move between the tabs that are available, skipping any that are not.
 */
export class Tabs {
  private readonly tabs: HTMLButtonElement[];
  private readonly listeners: ((panelId: string) => void)[] = [];

  constructor(tablist: HTMLElement) {
    this.tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    for (const tab of this.tabs) {
      tab.addEventListener("click", () => this.select(tab));
      tab.addEventListener("keydown", (event) => this.onKey(event, tab));
    }
  }

  onChange(listener: (panelId: string) => void): void {
    this.listeners.push(listener);
  }

  /** Shows the panel of `tab` and hides the others. */
  select(tab: HTMLButtonElement): void {
    if (tab.getAttribute("aria-disabled") === "true") return;
    for (const other of this.tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
    }
    const id = tab.getAttribute("aria-controls") ?? "";
    for (const listener of this.listeners) listener(id);
  }

  private available(): HTMLButtonElement[] {
    return this.tabs.filter((t) => t.getAttribute("aria-disabled") !== "true");
  }

  private onKey(event: KeyboardEvent, tab: HTMLButtonElement): void {
    const tabs = this.available();
    const index = tabs.indexOf(tab);
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
    if (next < 0 || tabs.length === 0) return;
    event.preventDefault();
    tabs[next].focus();
    this.select(tabs[next]);
  }
}
