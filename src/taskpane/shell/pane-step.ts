/** What the pane's entry needs of each step: its panel, how to build it, start it and show it. */
export interface PaneStep {
  /** Id of the step's tabpanel in taskpane.html. */
  panelId: string;
  /** Binds the step's view to its panel. */
  mount(): void;
  /** Restores settings and reads what it can (called once, when Office is ready). */
  start(): Promise<void>;
  /** The step's panel was opened: show its status in the shared status area. */
  shown(): void;
}
